package org.geopinn.operators;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.geopinn.api.expr.Expr;
import org.geopinn.expr.ExprLimits;
import org.geopinn.expr.ExprParseException;
import org.geopinn.expr.ExprPrinter;
import org.geopinn.expr.Vocabulary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The API's operator parser (tested here: the API module has no tests of its own). */
class ExprParserTest {
    private final Vocabulary heat = new Vocabulary(List.of("t", "x", "y"), List.of("u", "phi"));

    private double constant(String text) {
        return ExprPrinter.valueAt(heat.parse(text), new double[3]);
    }

    @Test
    void arithmeticFollowsTheUsualPrecedence() {
        assertEquals(50, constant("2+3*4^2"));
        assertEquals(-4, constant("-2^2"));
        assertEquals(512, constant("2^3^2"), "^ is right-associative");
        assertEquals(9, constant("(1 + 2) * 3"));
        assertEquals(2, constant("8/2/2"), "/ is left-associative");
        assertEquals(1, constant("sin(pi/2)"), 1e-15);
        assertEquals(Math.E, constant("e"));
        assertEquals(0.002, constant("1e-3*2"), 1e-18);
        assertEquals(0.5, constant(".5"));
        assertEquals(Math.sqrt(2) + Math.tanh(1), constant("sqrt(2) + tanh(1)"), 1e-15);
        assertEquals(-1, constant("- - -1"));
        assertEquals(0.25, constant("2^-2"));
        assertEquals(1.5, ExprPrinter.valueAt(heat.parse("x * 3"), new double[] {0, 0.5, 0}));
    }

    @Test
    void derivativeNamesBecomeMultiIndices() {
        assertArrayEquals(new int[] {0, 1, 1}, leaf("u_xy").orders());
        assertArrayEquals(new int[] {0, 1, 1}, leaf("u_x_y").orders());
        assertArrayEquals(new int[] {1, 2, 0}, leaf("u_txx").orders());
        assertArrayEquals(new int[] {0, 0, 4}, leaf("phi_yyyy").orders());
        assertEquals(1, leaf("phi_t").field());
        assertArrayEquals(new int[] {0, 0, 0}, leaf("phi").orders());
        Vocabulary numbered = new Vocabulary(List.of("x1", "x2", "x10"), List.of("u"));
        assertArrayEquals(new int[] {1, 1, 0}, ((Expr.FieldDerivative) numbered.parse("u_x1x2")).orders());
        assertArrayEquals(new int[] {1, 0, 1}, ((Expr.FieldDerivative) numbered.parse("u_x10x1")).orders());
        List<Expr.FieldDerivative> lap = ExprPrinter.fieldDerivatives(heat.parse("lap(u)"));
        assertEquals(List.of(heat.d("u", "x", "x"), heat.d("u", "y", "y")), lap, "lap is spatial: t excluded");
    }

    private Expr.FieldDerivative leaf(String text) {
        return (Expr.FieldDerivative) heat.parse(text);
    }

    @Test
    void printedOperatorsParseBackToTheSameFunction() {
        Expr e = heat.parse("u_t + u*u_x - 0.00318*u_xx + exp(-phi)/(1 + phi^2) - cos(x*y)*lap(phi)");
        Expr again = heat.parse(heat.print(e));
        ExpressionProgram a = ExpressionProgram.compile(e);
        ExpressionProgram b = ExpressionProgram.compile(again);
        assertEquals(a.leaves(), b.leaves());
        double[] leaves = new java.util.Random(3).doubles(a.leaves().size(), -1, 1).toArray();
        double[] point = {0.1, 0.6, -0.3};
        double[] pa = new double[leaves.length];
        double[] pb = new double[leaves.length];
        assertEquals(a.evaluate(leaves, new double[0], point, 0, pa, a.newWorkspace()),
                b.evaluate(leaves, new double[0], point, 0, pb, b.newWorkspace()), 1e-14);
        assertArrayEquals(pa, pb, 1e-14);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "u_t - 0.25*v_xx      | 12 | unknown symbol 'v_xx'",
        "u_t +                | 6  | the text ends",
        "u_t * (u_x           | 11 | expected ')'",
        "u_q                  | 1  | cannot read 'q'",
        "foo(u)               | 1  | unknown function 'foo'",
        "u^u                  | 3  | exponent after '^' must be a constant",
        "u_t $ 3              | 5  | unexpected '$'",
        "lap(u_x)             | 5  | takes a field name",
        "dn(u)                | 1  | needs the outward normals of the domain's boundary",
        "1.2.3                | 1  | malformed number",
        "u_t + )              | 7  | unexpected ')'",
        "sin u                | 1  | unknown symbol 'sin'",
        "u u                  | 3  | unexpected 'u'"})
    void malformedTextReportsTheColumn(String text, int column, String message) {
        ExprParseException e = assertThrows(ExprParseException.class, () -> heat.parse(text));
        assertEquals(column, e.column(), e.getMessage());
        assertTrue(e.getMessage().contains(message), e.getMessage());
        assertTrue(e.getMessage().contains("column " + column), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
    }

    @Test
    void dnIsTheSpatialNormalDerivativeAndIsBoundedLikeOtherOperators() {
        Vocabulary v = heat.withNormals((x, n) -> {
            n[0] = 0.5; // a time component, which dn must ignore
            n[1] = 0.6;
            n[2] = 0.8;
        });
        Expr e = v.parse("u + 0.5*dn(u)");
        assertEquals(List.of(v.field("u"), v.d("u", "x"), v.d("u", "y")), ExprPrinter.fieldDerivatives(e), "dn is spatial: t excluded");
        ExpressionProgram program = ExpressionProgram.compile(e);
        double[] point = {0.1, 0.2, 0.3};
        double[] coefficients = program.coefficients().stream().mapToDouble(c -> c.function().value(point)).toArray();
        double[] partials = new double[3];
        // u = 2, u_x = 3, u_y = 5: u + 0.5(0.6·3 + 0.8·5) = 4.9
        double value = program.evaluate(new double[] {2, 3, 5}, coefficients, point, 0, partials, program.newWorkspace());
        assertEquals(4.9, value, 1e-14);
        assertArrayEquals(new double[] {1, 0.3, 0.4}, partials, 1e-14);
        assertTrue(assertThrows(ExprParseException.class, () -> v.parse("dn(u_x)")).getMessage().contains("takes a field name"));
        String deep = "(".repeat(ExprLimits.MAX_DEPTH) + "dn(u)" + ")".repeat(ExprLimits.MAX_DEPTH);
        assertTrue(assertThrows(ExprParseException.class, () -> v.parse(deep)).getMessage().contains("levels"),
                "dn nests within the same depth bound");
        assertEquals(3, ExprLimits.depth(v.parse("dn(u)")));
    }

    @Test
    void emptyTextIsAnErrorAtColumnOne() {
        assertEquals(1, assertThrows(ExprParseException.class, () -> heat.parse("  ")).column());
        assertEquals(1, assertThrows(ExprParseException.class, () -> heat.parse(null)).column());
    }

    @Test
    void unknownSymbolsListTheKnownNames() {
        ExprParseException e = assertThrows(ExprParseException.class, () -> heat.parse("u_t - z"));
        assertTrue(e.getMessage().contains("[t, x, y]") && e.getMessage().contains("[u, phi]"), e.getMessage());
    }

    @Test
    void prefixVariablesAreSplitWithoutBacktrackingAndAmbiguityIsRefused() throws Exception {
        Vocabulary v = new Vocabulary(List.of("x", "xx", "y"), List.of("u"));
        // 60 x then a letter that no variable starts with: the old backtracking took ~2^60 steps.
        String name = "u_" + "x".repeat(60) + "q";
        ExprParseException e = within(2, () -> v.parse(name));
        assertTrue(e.getMessage().contains("cannot read"), e.getMessage());
        ExprParseException amb = within(2, () -> v.parse("u_xxy"));
        assertTrue(amb.getMessage().contains("ambiguous") && amb.getMessage().contains("xx y")
                && amb.getMessage().contains("x x y"), "both readings: " + amb.getMessage());
        assertArrayEquals(new int[] {2, 0, 1}, ((Expr.FieldDerivative) v.parse("u_x_x_y")).orders(), "underscores disambiguate");
        assertTrue(assertThrows(ExprParseException.class, () -> v.parse("u_xx_y")).getMessage().contains("u_x_x"),
                "a part that splits two ways is refused even between underscores, with the unambiguous spelling");
        assertArrayEquals(new int[] {0, 0, 2}, ((Expr.FieldDerivative) v.parse("u_yy")).orders());
        ExprParseException empty = assertThrows(ExprParseException.class, () -> v.parse("u_x__y"));
        assertTrue(empty.getMessage().contains("empty part"), empty.getMessage());
    }

    @Test
    void nestingIsLimitedAndSignRunsFold() throws Exception {
        ExprParseException e = within(2, () -> heat.parse("(".repeat(3000) + "u" + ")".repeat(3000)));
        assertTrue(e.getMessage().contains("deeper than " + org.geopinn.expr.ExprLimits.MAX_DEPTH), e.getMessage());
        assertTrue(e.getMessage().length() < 400, "the text is quoted in part: " + e.getMessage().length());
        ExprParseException chain = within(2, () -> heat.parse("u" + "/x".repeat(20000)));
        assertTrue(chain.getMessage().contains("levels"), chain.getMessage());
        ExprParseException calls = within(2, () -> heat.parse("sin(".repeat(5000) + "u" + ")".repeat(5000)));
        assertTrue(calls.getMessage().contains("deeper"), calls.getMessage());
        assertEquals(-1, constant("-".repeat(20001) + "1"));
        assertEquals(1, constant("-".repeat(20000) + "1"));
        Expr nested = heat.parse("(".repeat(100) + "u" + ")".repeat(100));
        assertEquals(heat.field("u"), nested, "parentheses add no nodes");
        // a long flat product is one node with many factors, read in linear time
        Expr product = heat.parse("u" + "*x".repeat(40000));
        assertEquals(40001, ((Expr.Product) product).factors().size());
    }

    @Test
    void nonFiniteNumbersAndOverlongTextsAreRefused() {
        ExprParseException e = assertThrows(ExprParseException.class, () -> heat.parse("1e999*u"));
        assertTrue(e.getMessage().contains("too large") && e.column() == 1, e.getMessage());
        ExprParseException longText = assertThrows(ExprParseException.class,
                () -> heat.parse("u+".repeat(org.geopinn.expr.ExprLimits.MAX_TEXT_LENGTH) + "u"));
        assertTrue(longText.getMessage().contains("at most " + org.geopinn.expr.ExprLimits.MAX_TEXT_LENGTH), longText.getMessage());
    }

    @Test
    void treesBuiltInJavaBeyondTheDepthLimitAreRefusedByTheCompilerAndDescribedByThePrinter() {
        Expr deep = heat.field("u");
        for (int k = 0; k < 5000; k++) {
            deep = new Expr.Call(Expr.Function.SIN, deep);
        }
        Expr tree = deep;
        org.geopinn.api.GeopinnException e = assertThrows(org.geopinn.api.GeopinnException.class, () -> ExpressionProgram.compile(tree));
        assertTrue(e.getMessage().contains("5001 levels"), e.getMessage());
        assertTrue(ExprPrinter.print(tree).contains("nested 5001 levels"), "no stack overflow while printing");
        assertEquals(List.of(heat.field("u")), ExprPrinter.fieldDerivatives(tree));
        assertTrue(assertThrows(org.geopinn.api.GeopinnException.class, () -> org.geopinn.expr.ExprLimits.check(tree))
                .getMessage().contains("at most " + org.geopinn.expr.ExprLimits.MAX_DEPTH));
    }

    /** Runs a parse that must fail, in a future with a timeout, so that a hang fails the test. */
    private static ExprParseException within(int seconds, java.util.function.Supplier<Expr> parse) throws Exception {
        java.util.concurrent.CompletableFuture<Throwable> f = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try {
                parse.get();
                return null;
            } catch (Throwable t) {
                return t;
            }
        });
        Throwable t = f.get(seconds, java.util.concurrent.TimeUnit.SECONDS);
        return org.junit.jupiter.api.Assertions.assertInstanceOf(ExprParseException.class, t);
    }
}

package org.geopinn.problems.declared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.geopinn.api.GeopinnException;
import org.geopinn.expr.ExprLimits;
import org.geopinn.api.problem.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Declarations that could hang the host or could never train are refused where they are read, at
 * once, with one line naming the file, the problem and what is wrong.
 */
class RefusedDeclarationTest {

    /**
     * Reads a declaration in a separate thread and waits at most a second: a hang fails the test
     * instead of stalling the build.
     *
     * @return the one-line refusal
     */
    private static String refusedWithinASecond(Map<String, Object> m) throws Exception {
        CompletableFuture<Throwable> f = CompletableFuture.supplyAsync(() -> {
            try {
                ProblemDeclaration.parse(m, "bad.cfg");
                return null;
            } catch (Throwable t) {
                return t;
            }
        });
        Throwable t = f.get(1, TimeUnit.SECONDS);
        assertInstanceOf(GeopinnException.class, t, "refused, not accepted or crashed");
        String msg = t.getMessage();
        assertFalse(msg.contains("\n"), msg);
        assertTrue(msg.startsWith("declared problem 'poisson-text' (bad.cfg)"), "names the problem and the file: " + msg);
        assertFalse(msg.matches(".*(Exception|Error:|java\\.).*"), "no exception class in the message: " + msg);
        return msg;
    }

    private static Map<String, Object> poissonWith(String key, String value) {
        Map<String, Object> m = ProblemDeclarationTest.poisson();
        m.put(key, value);
        return m;
    }

    @Test
    void variablesThatArePrefixesOfEachOtherDoNotMakeTheReaderBacktrack() throws Exception {
        Map<String, Object> m = ProblemDeclarationTest.poisson();
        m.put("variables", "x, xx");
        m.remove("exact.u");
        m.put("condition.pde.operator", "u_" + "x".repeat(60) + "q");
        String msg = refusedWithinASecond(m);
        assertTrue(msg.contains("cannot read") && msg.contains("[x, xx]"), msg);
        assertTrue(msg.length() < 400, "the 60-x name is abbreviated: " + msg);

        m.put("condition.pde.operator", "u_xxx");
        msg = refusedWithinASecond(m);
        assertTrue(msg.contains("ambiguous") && msg.contains("xx x") && msg.contains("x xx"), "names both readings: " + msg);
    }

    @Test
    void aDerivativeOrderAboveTheEnginesIsRefusedAtDeclaration() throws Exception {
        for (int order : new int[] {ExprLimits.MAX_DERIVATIVE_ORDER + 1, 40, 200, 2000}) {
            String msg = refusedWithinASecond(poissonWith("condition.pde.operator", "u_" + "x".repeat(order)));
            assertTrue(msg.contains("up to order " + ExprLimits.MAX_DERIVATIVE_ORDER), msg);
        }
        // written in parts, u_xxxx_xxxx: still one derivative of order 8
        String msg = refusedWithinASecond(poissonWith("condition.pde.operator", "u_xxxx_xxxx"));
        assertTrue(msg.contains("order"), msg);
        Problem ok = ProblemDeclaration.parse(poissonWith("condition.pde.operator", "u_xxxxxxx"), "good.cfg");
        assertEquals("poisson-text", ok.id());
    }

    @Test
    void deepNestingIsRefusedWithTheLimit() throws Exception {
        String parens = "(".repeat(3000) + "u" + ")".repeat(3000);
        String msg = refusedWithinASecond(poissonWith("condition.pde.operator", parens));
        assertTrue(msg.contains("deeper than " + ExprLimits.MAX_DEPTH), msg);
        msg = refusedWithinASecond(poissonWith("condition.pde.operator", "u" + "/2".repeat(5000)));
        assertTrue(msg.contains("at most " + ExprLimits.MAX_DEPTH + " levels"), msg);
        msg = refusedWithinASecond(poissonWith("condition.pde.operator", "2^".repeat(3000) + "u"));
        assertTrue(msg.contains(String.valueOf(ExprLimits.MAX_DEPTH)), msg);
        // A run of signs folds into one and is no nesting: 20000 minus signs are u.
        Problem p = ProblemDeclaration.parse(poissonWith("condition.pde.operator", "-".repeat(20000) + "lap(u)"), "good.cfg");
        assertEquals("poisson-text", p.id());
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', value = {
        // sources checked on the whole part, not only at the centre
        "condition.pde.source    | sqrt(x-0.5)     | the source is NaN at",
        "condition.wall.source   | 1/x             | the source is Infinity at (x=0",
        "condition.wall.source   | log(y)          | the source is -Infinity at",
        // field-free terms of operators
        "condition.pde.operator  | u/0             | divides by '0'",
        "condition.pde.operator  | lap(u) + log(0)*u | the term 'log(0)' of the operator is -Infinity",
        "condition.wall.operator | u/x             | divides by 'x', which is 0 at (x=0",
        "condition.pde.operator  | lap(u)*sqrt(x-0.5) | the term 'sqrt((x + -1*0.5))' of the operator is NaN",
        // number literals
        "condition.pde.operator  | 1e999*u         | too large",
        "condition.pde.source    | 1e400           | too large"})
    void dataThatCannotTrainIsRefusedWithThePointAndTheTerm(String key, String value, String expected) throws Exception {
        Map<String, Object> m = poissonWith(key, value);
        String msg = refusedWithinASecond(m);
        assertTrue(msg.contains(expected), msg);
    }

    @Test
    void aSingularCoefficientInsideTheOpenInteriorOnlyIsAccepted() {
        // 1/x is finite everywhere inside the open box; on the boundary it is not used.
        Problem p = ProblemDeclaration.parse(poissonWith("condition.pde.source", "1/x + 1/(1-y)"), "good.cfg");
        assertEquals("poisson-text", p.id());
    }
}

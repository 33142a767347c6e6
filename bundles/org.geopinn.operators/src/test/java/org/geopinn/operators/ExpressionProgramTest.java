package org.geopinn.operators;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.geopinn.api.expr.Expr;
import org.geopinn.expr.ExprPrinter;
import org.geopinn.expr.Vocabulary;
import org.junit.jupiter.api.Test;

/** The compiled pointwise program against direct tree evaluation and finite differences in the leaves. */
class ExpressionProgramTest {
    private final Vocabulary v = new Vocabulary(List.of("t", "x"), List.of("u", "w"));

    private static Expr substitute(Expr e, List<Expr.FieldDerivative> leaves, double[] values) {
        if (e instanceof Expr.FieldDerivative d) {
            return Expr.constant(values[leaves.indexOf(d)]);
        } else if (e instanceof Expr.Sum s) {
            return new Expr.Sum(s.terms().stream().map(t -> substitute(t, leaves, values)).toList());
        } else if (e instanceof Expr.Product p) {
            return new Expr.Product(p.factors().stream().map(t -> substitute(t, leaves, values)).toList());
        } else if (e instanceof Expr.Quotient q) {
            return new Expr.Quotient(substitute(q.numerator(), leaves, values), substitute(q.denominator(), leaves, values));
        } else if (e instanceof Expr.Power p) {
            return new Expr.Power(substitute(p.base(), leaves, values), p.exponent());
        } else if (e instanceof Expr.Call c) {
            return new Expr.Call(c.function(), substitute(c.argument(), leaves, values));
        }
        return e;
    }

    /** A random tree over every node kind; values stay in the functions' domains (log, sqrt of positives). */
    private Expr randomTree(Random r, int depth) {
        if (depth == 0 || r.nextInt(5) == 0) {
            switch (r.nextInt(5)) {
                case 0: return Expr.constant(r.nextDouble() * 2 - 1);
                case 1: return v.coordinate(r.nextBoolean() ? "t" : "x");
                case 2: return new Expr.Coefficient("k", p -> 1 + p[0] * p[1]);
                default: {
                    String[][] ds = {{}, {"x"}, {"t"}, {"x", "x"}, {"t", "x"}};
                    return v.d(r.nextBoolean() ? "u" : "w", ds[r.nextInt(ds.length)]);
                }
            }
        }
        Expr a = randomTree(r, depth - 1);
        Expr b = randomTree(r, depth - 1);
        switch (r.nextInt(9)) {
            case 0: return new Expr.Sum(List.of(a, b, randomTree(r, depth - 1)));
            case 1: return new Expr.Product(List.of(a, b, randomTree(r, depth - 1)));
            case 2: return a.minus(b);
            case 3: return a.over(b.pow(2).plus(Expr.constant(1)));
            case 4: return a.pow(r.nextInt(4));
            case 5: return a.pow(2).plus(Expr.constant(0.5)).pow(-1.5);
            case 6: return new Expr.Call(Expr.Function.values()[r.nextInt(3)], a);
            case 7: return new Expr.Call(r.nextBoolean() ? Expr.Function.LOG : Expr.Function.SQRT, a.pow(2).plus(Expr.constant(0.1)));
            default: return new Expr.Call(new Expr.Function[] {Expr.Function.TANH, Expr.Function.SINH, Expr.Function.COSH}[r.nextInt(3)], a.times(0.5));
        }
    }

    @Test
    void valuesAndLeafPartialsMatchTheTreeAndFiniteDifferences() {
        Random r = new Random(42);
        int checked = 0;
        for (int trial = 0; trial < 300; trial++) {
            Expr e = randomTree(r, 4);
            ExpressionProgram program = ExpressionProgram.compile(e);
            List<Expr.FieldDerivative> leaves = program.leaves();
            assertEquals(ExprPrinter.fieldDerivatives(e), leaves);
            double[] point = {r.nextDouble(), r.nextDouble()};
            double[] values = r.doubles(leaves.size(), -1, 1).toArray();
            double[] coefficients = new double[program.coefficients().size()];
            for (int m = 0; m < coefficients.length; m++) {
                coefficients[m] = program.coefficients().get(m).function().value(point);
            }
            double[] partials = new double[leaves.size()];
            double[] work = program.newWorkspace();
            double value = program.evaluate(values, coefficients, point, 0, partials, work);
            double expected = ExprPrinter.valueAt(substitute(e, leaves, values), point);
            if (!Double.isFinite(expected) || Math.abs(expected) > 1e6) {
                continue;
            }
            checked++;
            assertEquals(expected, value, 1e-12 * (1 + Math.abs(expected)), () -> v.print(e));
            for (int l = 0; l < leaves.size(); l++) {
                double h = 1e-6;
                double[] up = values.clone();
                double[] down = values.clone();
                up[l] += h;
                down[l] -= h;
                double fd = (ExprPrinter.valueAt(substitute(e, leaves, up), point) - ExprPrinter.valueAt(substitute(e, leaves, down), point)) / (2 * h);
                int leaf = l;
                assertEquals(fd, partials[l], 1e-6 * (1 + Math.abs(fd)), () -> v.print(e) + " d/d" + leaves.get(leaf));
            }
        }
        assertEquals(true, checked > 200, "most random trees were checked: " + checked);
    }

    @Test
    void burgersLinearisationIsExact() {
        Expr burgers = v.parse("u_t + u*u_x - 0.00318*u_xx");
        ExpressionProgram p = ExpressionProgram.compile(burgers);
        List<Expr.FieldDerivative> leaves = new ArrayList<>(p.leaves());
        assertEquals(List.of(v.d("u", "t"), v.field("u"), v.d("u", "x"), v.d("u", "x", "x")), leaves);
        double[] partials = new double[4];
        double value = p.evaluate(new double[] {0.5, 2, -3, 10}, new double[0], new double[2], 0, partials, p.newWorkspace());
        assertEquals(0.5 + 2 * -3 - 0.0318, value, 1e-15);
        assertEquals(1, partials[0]);
        assertEquals(-3, partials[1]);
        assertEquals(2, partials[2]);
        assertEquals(-0.00318, partials[3], 1e-18);
    }

    @Test
    void constantSubtreesAreFolded() {
        ExpressionProgram folded = ExpressionProgram.compile(v.parse("(2*pi^2 + sin(1))*u_xx"));
        ExpressionProgram plain = ExpressionProgram.compile(v.parse("c*u_xx".replace("c", "3")));
        assertEquals(plain.workspaceLength(), folded.workspaceLength(), "same stack depth once folded");
    }
}

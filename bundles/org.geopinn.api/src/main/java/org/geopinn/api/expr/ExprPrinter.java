package org.geopinn.api.expr;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** Printing, point evaluation and traversal of expressions. */
public final class ExprPrinter {
    private ExprPrinter() {
    }

    /**
     * @param e an expression
     * @return a readable, parseable form (Java coefficients print by name)
     */
    public static String print(Expr e) {
        return print(e, null);
    }

    /**
     * @param e an expression
     * @param variables the variable names, for derivative suffixes such as {@code u_xx}; null prints
     *        positional suffixes {@code u_#0#0}
     * @return a readable form, parseable by {@link ExprParser} when variables are given and no Java
     *         coefficient occurs
     */
    public static String print(Expr e, List<String> variables) {
        if (e instanceof Expr.Constant c) {
            double v = c.value();
            return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
        } else if (e instanceof Expr.Coordinate c) {
            return c.name();
        } else if (e instanceof Expr.FieldDerivative d) {
            return d.fieldName() + (d.totalOrder() == 0 ? "" : "_" + suffix(d, variables));
        } else if (e instanceof Expr.Coefficient c) {
            return c.name();
        } else if (e instanceof Expr.Sum s) {
            return "(" + s.terms().stream().map(t -> print(t, variables)).collect(Collectors.joining(" + ")) + ")";
        } else if (e instanceof Expr.Product p) {
            return p.factors().stream().map(t -> print(t, variables)).collect(Collectors.joining("*"));
        } else if (e instanceof Expr.Quotient q) {
            return "(" + print(q.numerator(), variables) + ")/(" + print(q.denominator(), variables) + ")";
        } else if (e instanceof Expr.Power p) {
            return "(" + print(p.base(), variables) + ")^" + print(new Expr.Constant(p.exponent()));
        } else if (e instanceof Expr.Call c) {
            return c.function().name().toLowerCase() + "(" + print(c.argument(), variables) + ")";
        }
        throw new AssertionError(e);
    }

    private static String suffix(Expr.FieldDerivative d, List<String> variables) {
        StringBuilder b = new StringBuilder();
        int[] o = d.orders();
        for (int j = 0; j < o.length; j++) {
            for (int k = 0; k < o[j]; k++) {
                b.append(variables == null ? "#" + j : variables.get(j));
            }
        }
        return b.toString();
    }

    /**
     * Evaluates an expression without field derivatives at a point.
     *
     * @param e the expression
     * @param x the point (not modified)
     * @return the value
     */
    public static double valueAt(Expr e, double[] x) {
        if (e instanceof Expr.Constant c) {
            return c.value();
        } else if (e instanceof Expr.Coordinate c) {
            return x[c.index()];
        } else if (e instanceof Expr.FieldDerivative d) {
            throw new IllegalStateException("field " + d.fieldName() + " cannot be evaluated without a model");
        } else if (e instanceof Expr.Coefficient c) {
            return c.function().value(x);
        } else if (e instanceof Expr.Sum s) {
            double v = 0;
            for (Expr t : s.terms()) {
                v += valueAt(t, x);
            }
            return v;
        } else if (e instanceof Expr.Product p) {
            double v = 1;
            for (Expr t : p.factors()) {
                v *= valueAt(t, x);
            }
            return v;
        } else if (e instanceof Expr.Quotient q) {
            return valueAt(q.numerator(), x) / valueAt(q.denominator(), x);
        } else if (e instanceof Expr.Power p) {
            return Math.pow(valueAt(p.base(), x), p.exponent());
        } else if (e instanceof Expr.Call c) {
            return c.function().apply(valueAt(c.argument(), x));
        }
        throw new AssertionError(e);
    }

    /**
     * @param e an expression
     * @return whether it contains a field derivative
     */
    public static boolean dependsOnFields(Expr e) {
        return !fieldDerivatives(e).isEmpty();
    }

    /**
     * Lists the distinct field derivatives an expression uses, in order of first appearance.
     *
     * @param e an expression
     * @return its field-derivative leaves, without repetition
     */
    public static List<Expr.FieldDerivative> fieldDerivatives(Expr e) {
        List<Expr.FieldDerivative> out = new ArrayList<>();
        collect(e, out);
        return out;
    }

    private static void collect(Expr e, List<Expr.FieldDerivative> out) {
        if (e instanceof Expr.FieldDerivative d) {
            if (!out.contains(d)) {
                out.add(d);
            }
        } else if (e instanceof Expr.Sum s) {
            s.terms().forEach(t -> collect(t, out));
        } else if (e instanceof Expr.Product p) {
            p.factors().forEach(t -> collect(t, out));
        } else if (e instanceof Expr.Quotient q) {
            collect(q.numerator(), out);
            collect(q.denominator(), out);
        } else if (e instanceof Expr.Power p) {
            collect(p.base(), out);
        } else if (e instanceof Expr.Call c) {
            collect(c.argument(), out);
        }
    }
}

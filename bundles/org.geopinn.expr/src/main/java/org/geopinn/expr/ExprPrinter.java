package org.geopinn.expr;

import org.geopinn.api.expr.Expr;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
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
        int depth = ExprLimits.depth(e);
        if (depth > ExprLimits.MAX_DEPTH) {
            // Printing recurses; a tree this deep is described instead (messages print operators).
            return "(an expression nested " + depth + " levels deep)";
        }
        return printChecked(e, variables);
    }

    private static String printChecked(Expr e, List<String> variables) {
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
            return "(" + s.terms().stream().map(t -> printChecked(t, variables)).collect(Collectors.joining(" + ")) + ")";
        } else if (e instanceof Expr.Product p) {
            return p.factors().stream().map(t -> printChecked(t, variables)).collect(Collectors.joining("*"));
        } else if (e instanceof Expr.Quotient q) {
            return "(" + printChecked(q.numerator(), variables) + ")/(" + printChecked(q.denominator(), variables) + ")";
        } else if (e instanceof Expr.Power p) {
            return "(" + printChecked(p.base(), variables) + ")^" + printChecked(new Expr.Constant(p.exponent()), null);
        } else if (e instanceof Expr.Call c) {
            return c.function().name().toLowerCase() + "(" + printChecked(c.argument(), variables) + ")";
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
        // Without recursion, so that any tree (also one deeper than ExprLimits.MAX_DEPTH) can be checked.
        Set<Expr.FieldDerivative> out = new LinkedHashSet<>();
        Deque<Expr> stack = new ArrayDeque<>();
        stack.push(e);
        while (!stack.isEmpty()) {
            Expr x = stack.pop();
            if (x instanceof Expr.FieldDerivative d) {
                out.add(d);
            } else if (x instanceof Expr.Sum s) {
                pushReversed(s.terms(), stack);
            } else if (x instanceof Expr.Product p) {
                pushReversed(p.factors(), stack);
            } else if (x instanceof Expr.Quotient q) {
                stack.push(q.denominator());
                stack.push(q.numerator());
            } else if (x instanceof Expr.Power p) {
                stack.push(p.base());
            } else if (x instanceof Expr.Call c) {
                stack.push(c.argument());
            }
        }
        return new ArrayList<>(out);
    }

    /** Pushes children so that the first is popped first: leaves come out in order of appearance. */
    private static void pushReversed(List<Expr> children, Deque<Expr> stack) {
        for (int i = children.size() - 1; i >= 0; i--) {
            stack.push(children.get(i));
        }
    }
}

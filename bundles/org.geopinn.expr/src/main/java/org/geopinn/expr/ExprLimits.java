package org.geopinn.expr;

import org.geopinn.api.expr.Expr;

import java.util.ArrayDeque;
import java.util.Deque;
import org.geopinn.api.GeopinnException;

/**
 * The bounds every operator expression must respect, so that reading, checking, compiling and
 * printing an operator always does bounded work and never exhausts the thread's stack, whatever
 * text a user declares.
 *
 * <ul>
 * <li>{@link #MAX_DEPTH}: the nesting depth of an expression tree (and of parentheses, function
 * calls and exponents in operator text). Real operators nest fewer than ten levels; the bound keeps
 * every recursive walk of a tree far below the default thread stack.</li>
 * <li>{@link #MAX_DERIVATIVE_ORDER}: the highest total order of a field derivative, the highest the
 * Taylor-mode jet engine (bundle {@code org.geopinn.autodiff}) propagates. The number of
 * Faà di Bruno terms it precomputes grows like the Bell numbers of the order (B₇ = 877,
 * B₄₀ ≈ 10³⁵), so a larger order is refused where it is declared, not where it would be solved.</li>
 * <li>{@link #MAX_TEXT_LENGTH}: the length of an operator text.</li>
 * </ul>
 */
public final class ExprLimits {
    /** The deepest nesting of an expression tree or of operator text. */
    public static final int MAX_DEPTH = 200;
    /** The highest total derivative order of a field derivative in an operator. */
    public static final int MAX_DERIVATIVE_ORDER = 7;
    /** The longest operator text, in characters. */
    public static final int MAX_TEXT_LENGTH = 100_000;

    private ExprLimits() {
    }

    /**
     * The depth of a tree, computed without recursion (so it is safe on any tree).
     *
     * @param e an expression
     * @return its depth: 1 for a leaf
     */
    public static int depth(Expr e) {
        Deque<Object[]> stack = new ArrayDeque<>();
        stack.push(new Object[] {e, 1});
        int max = 0;
        while (!stack.isEmpty()) {
            Object[] top = stack.pop();
            Expr x = (Expr) top[0];
            int d = (Integer) top[1];
            max = Math.max(max, d);
            if (x instanceof Expr.Sum s) {
                s.terms().forEach(t -> stack.push(new Object[] {t, d + 1}));
            } else if (x instanceof Expr.Product p) {
                p.factors().forEach(t -> stack.push(new Object[] {t, d + 1}));
            } else if (x instanceof Expr.Quotient q) {
                stack.push(new Object[] {q.numerator(), d + 1});
                stack.push(new Object[] {q.denominator(), d + 1});
            } else if (x instanceof Expr.Power p) {
                stack.push(new Object[] {p.base(), d + 1});
            } else if (x instanceof Expr.Call c) {
                stack.push(new Object[] {c.argument(), d + 1});
            }
        }
        return max;
    }

    /**
     * Refuses a tree deeper than {@link #MAX_DEPTH} or a field derivative of a total order above
     * {@link #MAX_DERIVATIVE_ORDER}.
     *
     * @param e an expression
     * @return e
     * @throws GeopinnException on one line naming the limit that is exceeded
     */
    public static Expr check(Expr e) {
        int depth = depth(e);
        if (depth > MAX_DEPTH) {
            throw new GeopinnException("the operator nests " + depth + " levels deep; at most " + MAX_DEPTH
                    + " levels are allowed");
        }
        for (Expr.FieldDerivative d : ExprPrinter.fieldDerivatives(e)) {
            if (d.totalOrder() > MAX_DERIVATIVE_ORDER) {
                throw new GeopinnException(orderMessage(d.fieldName(), d.totalOrder()));
            }
        }
        return e;
    }

    /**
     * @param field a field name
     * @param order a derivative order above the limit
     * @return the one-line message that refuses it
     */
    static String orderMessage(String field, int order) {
        return "a derivative of '" + field + "' of order " + order + " is requested; operators may use derivatives up to order "
                + MAX_DERIVATIVE_ORDER;
    }
}

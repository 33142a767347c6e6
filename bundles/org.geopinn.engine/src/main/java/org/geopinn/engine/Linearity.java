package org.geopinn.engine;

import org.geopinn.api.expr.Expr;

/**
 * Whether an operator is affine in the fields and their derivatives, so that the residual is
 * linear in the network's output and Gauss–Newton's model of the loss is exact in function space.
 */
final class Linearity {
    private Linearity() {
    }

    /**
     * @param e an operator
     * @return true when {@code e} is a sum of terms each holding at most one field factor, to the
     *         first power, with no field inside a quotient's denominator or an elementary function
     */
    static boolean isAffine(Expr e) {
        if (!dependsOnFields(e)) {
            return true;
        }
        if (e instanceof Expr.FieldDerivative) {
            return true;
        }
        if (e instanceof Expr.Sum s) {
            return s.terms().stream().allMatch(Linearity::isAffine);
        }
        if (e instanceof Expr.Product p) {
            int withFields = 0;
            for (Expr f : p.factors()) {
                if (dependsOnFields(f)) {
                    withFields++;
                    if (!isAffine(f)) {
                        return false;
                    }
                }
            }
            return withFields <= 1;
        }
        if (e instanceof Expr.Quotient q) {
            return !dependsOnFields(q.denominator()) && isAffine(q.numerator());
        }
        if (e instanceof Expr.Power pw) {
            return pw.exponent() == 1 && isAffine(pw.base());
        }
        return false; // a field inside sin, exp, …
    }

    /** @param e an expression @return whether a field or one of its derivatives occurs in it */
    static boolean dependsOnFields(Expr e) {
        if (e instanceof Expr.FieldDerivative) {
            return true;
        }
        if (e instanceof Expr.Sum s) {
            return s.terms().stream().anyMatch(Linearity::dependsOnFields);
        }
        if (e instanceof Expr.Product p) {
            return p.factors().stream().anyMatch(Linearity::dependsOnFields);
        }
        if (e instanceof Expr.Quotient q) {
            return dependsOnFields(q.numerator()) || dependsOnFields(q.denominator());
        }
        if (e instanceof Expr.Power pw) {
            return dependsOnFields(pw.base());
        }
        if (e instanceof Expr.Call c) {
            return dependsOnFields(c.argument());
        }
        return false; // constants, coordinates, coefficient functions of the coordinates
    }
}

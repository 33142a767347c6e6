package org.geopinn.engine;

import java.util.Set;
import org.geopinn.api.expr.Expr;

/**
 * Whether an operator is affine in what the session trains — the fields and their derivatives,
 * and the coefficients trained with the network (inverse problems) — so that the residual is
 * linear in those unknowns and Gauss–Newton's model of the loss is exact in function space. A
 * trained coefficient is an unknown like a field: κ·u_xx with κ trained is bilinear, not affine.
 */
final class Linearity {
    private Linearity() {
    }

    /**
     * @param problem a problem
     * @param spec the session's spec (its trained coefficients)
     * @return the coefficients trained with the network: the problem's unknowns and the spec's
     */
    static Set<String> trained(org.geopinn.api.problem.Problem problem, org.geopinn.api.session.SessionSpec spec) {
        Set<String> trained = new java.util.TreeSet<>(problem.unknowns().keySet());
        trained.addAll(spec.unknowns().keySet());
        return trained;
    }

    /**
     * @param problem a problem
     * @param spec the session's spec (its trained coefficients)
     * @return whether every condition's operator is affine in the fields and the trained coefficients
     */
    static boolean affine(org.geopinn.api.problem.Problem problem, org.geopinn.api.session.SessionSpec spec) {
        Set<String> trained = trained(problem, spec);
        return problem.conditions().stream().allMatch(c -> isAffine(c.operator(), trained));
    }

    /**
     * @param e an operator
     * @return whether {@code e} is affine in the fields (no coefficient trained)
     */
    static boolean isAffine(Expr e) {
        return isAffine(e, Set.of());
    }

    /**
     * @param e an operator
     * @param trained the names of the coefficients trained with the network
     * @return true when {@code e} is a sum of terms each holding at most one unknown factor (a
     *         field, a field derivative or a trained coefficient), to the first power, with no
     *         unknown inside a quotient's denominator or an elementary function
     */
    static boolean isAffine(Expr e, Set<String> trained) {
        if (!dependsOnUnknowns(e, trained)) {
            return true;
        }
        if (e instanceof Expr.FieldDerivative || e instanceof Expr.Coefficient) {
            return true; // a single unknown
        }
        if (e instanceof Expr.Sum s) {
            return s.terms().stream().allMatch(t -> isAffine(t, trained));
        }
        if (e instanceof Expr.Product p) {
            int withUnknowns = 0;
            for (Expr f : p.factors()) {
                if (dependsOnUnknowns(f, trained)) {
                    withUnknowns++;
                    if (!isAffine(f, trained)) {
                        return false;
                    }
                }
            }
            return withUnknowns <= 1;
        }
        if (e instanceof Expr.Quotient q) {
            return !dependsOnUnknowns(q.denominator(), trained) && isAffine(q.numerator(), trained);
        }
        if (e instanceof Expr.Power pw) {
            return pw.exponent() == 1 && isAffine(pw.base(), trained);
        }
        return false; // an unknown inside sin, exp, …
    }

    /** @param e an expression @return whether a field or one of its derivatives occurs in it */
    static boolean dependsOnFields(Expr e) {
        return dependsOnUnknowns(e, Set.of());
    }

    /**
     * @param e an expression
     * @param trained the names of the coefficients trained with the network
     * @return whether a field, a field derivative or a trained coefficient occurs in it
     */
    static boolean dependsOnUnknowns(Expr e, Set<String> trained) {
        if (e instanceof Expr.FieldDerivative) {
            return true;
        }
        if (e instanceof Expr.Coefficient c) {
            return trained.contains(c.name());
        }
        if (e instanceof Expr.Sum s) {
            return s.terms().stream().anyMatch(t -> dependsOnUnknowns(t, trained));
        }
        if (e instanceof Expr.Product p) {
            return p.factors().stream().anyMatch(f -> dependsOnUnknowns(f, trained));
        }
        if (e instanceof Expr.Quotient q) {
            return dependsOnUnknowns(q.numerator(), trained) || dependsOnUnknowns(q.denominator(), trained);
        }
        if (e instanceof Expr.Power pw) {
            return dependsOnUnknowns(pw.base(), trained);
        }
        if (e instanceof Expr.Call c) {
            return dependsOnUnknowns(c.argument(), trained);
        }
        return false; // constants, coordinates, coefficient functions of the coordinates
    }

    /**
     * @param e an expression
     * @param out receives the index of every field that occurs in {@code e} (itself or a derivative)
     */
    static void fields(Expr e, java.util.BitSet out) {
        if (e instanceof Expr.FieldDerivative f) {
            out.set(f.field());
        } else if (e instanceof Expr.Sum s) {
            s.terms().forEach(t -> fields(t, out));
        } else if (e instanceof Expr.Product p) {
            p.factors().forEach(f -> fields(f, out));
        } else if (e instanceof Expr.Quotient q) {
            fields(q.numerator(), out);
            fields(q.denominator(), out);
        } else if (e instanceof Expr.Power pw) {
            fields(pw.base(), out);
        } else if (e instanceof Expr.Call c) {
            fields(c.argument(), out);
        }
    }
}

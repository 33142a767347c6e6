package org.geopinn.api.problem;

import java.util.Set;
import org.geopinn.api.GeopinnException;
import org.geopinn.api.expr.Expr;
import org.geopinn.api.model.SmoothFunction;
import org.geopinn.api.model.TaylorJet;

/**
 * Evaluates an expression of the coordinates on {@link TaylorJet}s, so its partial derivatives of
 * any order are exact: the boundary data and distance functions of a {@link HardConstraint} written
 * as text ({@code sin(pi*x)}, {@code x*(1-x)*y*(1-y)}).
 */
public final class ExprJets {
    private ExprJets() {
    }

    /**
     * @param expr an expression of the coordinates (no field derivatives)
     * @param dimension the number of variables
     * @param constants the names of the coefficients in it that are constants (a problem's named
     *        coefficients); any other Java coefficient function has no known derivatives
     * @return the expression as a smooth function
     * @throws GeopinnException naming the first leaf that has no exact derivatives
     */
    public static SmoothFunction of(Expr expr, int dimension, Set<String> constants) {
        check(expr, constants);
        return (point, request, out) -> {
            TaylorJet value = evaluate(expr, TaylorJet.coordinates(point, request.maxOrder()), point);
            for (int k = 0; k < request.size(); k++) {
                out[k] = value.derivative(request.multiIndex(k));
            }
        };
    }

    /**
     * @param expr an expression of the coordinates
     * @param x the jets of the coordinates
     * @param point the point (for coefficients, constant there)
     * @return the expression's jet
     */
    public static TaylorJet evaluate(Expr expr, TaylorJet[] x, double[] point) {
        int d = x[0].dimension();
        int order = x[0].order();
        if (expr instanceof Expr.Constant c) {
            return TaylorJet.constant(d, order, c.value());
        } else if (expr instanceof Expr.Coordinate c) {
            return x[c.index()];
        } else if (expr instanceof Expr.Coefficient c) {
            return TaylorJet.constant(d, order, c.function().value(point));
        } else if (expr instanceof Expr.Sum s) {
            TaylorJet r = TaylorJet.constant(d, order, 0);
            for (Expr t : s.terms()) {
                r = r.plus(evaluate(t, x, point));
            }
            return r;
        } else if (expr instanceof Expr.Product p) {
            TaylorJet r = TaylorJet.constant(d, order, 1);
            for (Expr f : p.factors()) {
                r = r.times(evaluate(f, x, point));
            }
            return r;
        } else if (expr instanceof Expr.Quotient q) {
            return evaluate(q.numerator(), x, point).over(evaluate(q.denominator(), x, point));
        } else if (expr instanceof Expr.Power p) {
            return evaluate(p.base(), x, point).pow(p.exponent());
        } else if (expr instanceof Expr.Call c) {
            TaylorJet a = evaluate(c.argument(), x, point);
            switch (c.function()) {
                case SIN: return a.sin();
                case COS: return a.cos();
                case EXP: return a.exp();
                case LOG: return a.log();
                case TANH: return a.tanh();
                case SINH: return a.sinh();
                case COSH: return a.cosh();
                case SQRT: return a.sqrt();
                default: throw new AssertionError(c.function());
            }
        }
        throw new GeopinnException("'" + expr + "' is not a function of the coordinates");
    }

    private static void check(Expr expr, Set<String> constants) {
        if (expr instanceof Expr.FieldDerivative f) {
            throw new GeopinnException("a hard constraint's data and distance are functions of the coordinates; '"
                    + f.fieldName() + "' is a field");
        } else if (expr instanceof Expr.Coefficient c) {
            if (!constants.contains(c.name())) {
                throw new GeopinnException("'" + c.name() + "' has no known derivatives; a hard constraint's data and distance may"
                        + " use the coordinates and the constant coefficients " + new java.util.TreeSet<>(constants));
            }
        } else if (expr instanceof Expr.Sum s) {
            s.terms().forEach(t -> check(t, constants));
        } else if (expr instanceof Expr.Product p) {
            p.factors().forEach(t -> check(t, constants));
        } else if (expr instanceof Expr.Quotient q) {
            check(q.numerator(), constants);
            check(q.denominator(), constants);
        } else if (expr instanceof Expr.Power p) {
            check(p.base(), constants);
        } else if (expr instanceof Expr.Call c) {
            check(c.argument(), constants);
        }
    }

    /**
     * @param jets computes the jet of a function from the jets of the coordinates
     * @return the function, with every derivative a request asks for
     */
    public static SmoothFunction of(java.util.function.Function<TaylorJet[], TaylorJet> jets) {
        return (point, request, out) -> {
            TaylorJet value = jets.apply(TaylorJet.coordinates(point, request.maxOrder()));
            for (int k = 0; k < request.size(); k++) {
                out[k] = value.derivative(request.multiIndex(k));
            }
        };
    }

}

package org.geopinn.problems.library;

import java.util.Random;
import org.geopinn.api.expr.Expr;
import org.geopinn.api.problem.Condition;
import org.geopinn.api.problem.Domain;
import org.geopinn.api.problem.DomainPart;
import org.geopinn.api.problem.Problem;
import org.geopinn.api.problem.ReferenceSolution;

/**
 * Evaluates a condition's residual operator[u*](x) − source(x) for the reference solution u*, with
 * field derivatives taken by central differences and one Richardson extrapolation (fourth order),
 * at random points of the condition's part. A test oracle independent of any operator engine.
 */
final class ResidualProbe {
    private final Problem problem;
    private final ReferenceSolution reference;
    private final int fields;
    private final double[] out;

    ResidualProbe(Problem problem) {
        this.problem = problem;
        this.reference = problem.reference().orElseThrow();
        this.fields = problem.vocabulary().fields().size();
        this.out = new double[fields];
    }

    /** @return the largest |residual| over {@code count} random points of the condition's part */
    double maxResidual(Condition c, int count, long seed) {
        Random random = new Random(seed);
        Domain domain = problem.domain();
        DomainPart part = domain.part(c.part());
        int maxOrder = ExprOrders.maxOrder(c.operator());
        double h = maxOrder <= 2 ? 1e-3 : 2e-2;
        double worst = 0;
        for (int k = 0; k < count; k++) {
            double[] x = point(domain, part, random);
            double coarse = residual(c, x, h);
            double fine = residual(c, x, h / 2);
            double r = (4 * fine - coarse) / 3;
            worst = Math.max(worst, Math.abs(r));
        }
        return worst;
    }

    private double residual(Condition c, double[] x, double h) {
        return eval(c.operator(), x, h) - c.source().value(x);
    }

    private double eval(Expr e, double[] x, double h) {
        if (e instanceof Expr.Constant c) {
            return c.value();
        } else if (e instanceof Expr.Coordinate c) {
            return x[c.index()];
        } else if (e instanceof Expr.Coefficient c) {
            return c.function().value(x);
        } else if (e instanceof Expr.FieldDerivative d) {
            return derivative(d.field(), d.orders(), x, h);
        } else if (e instanceof Expr.Sum s) {
            double v = 0;
            for (Expr t : s.terms()) {
                v += eval(t, x, h);
            }
            return v;
        } else if (e instanceof Expr.Product p) {
            double v = 1;
            for (Expr t : p.factors()) {
                v *= eval(t, x, h);
            }
            return v;
        } else if (e instanceof Expr.Quotient q) {
            return eval(q.numerator(), x, h) / eval(q.denominator(), x, h);
        } else if (e instanceof Expr.Power p) {
            return Math.pow(eval(p.base(), x, h), p.exponent());
        } else if (e instanceof Expr.Call c) {
            return c.function().apply(eval(c.argument(), x, h));
        }
        throw new AssertionError(e);
    }

    private double derivative(int field, int[] orders, double[] x, double h) {
        int j = 0;
        while (j < orders.length && orders[j] == 0) {
            j++;
        }
        if (j == orders.length) {
            reference.evaluate(x, 1, out);
            return out[field];
        }
        int order = orders[j];
        int[] rest = orders.clone();
        rest[j] = 0;
        double[] y = x.clone();
        double[] g = new double[5];
        for (int s = -2; s <= 2; s++) {
            y[j] = x[j] + s * h;
            g[s + 2] = derivative(field, rest, y, h);
        }
        switch (order) {
            case 1: return (g[3] - g[1]) / (2 * h);
            case 2: return (g[3] - 2 * g[2] + g[1]) / (h * h);
            case 3: return (g[4] - 2 * g[3] + 2 * g[1] - g[0]) / (2 * h * h * h);
            case 4: return (g[4] - 4 * g[3] + 6 * g[2] - 4 * g[1] + g[0]) / (h * h * h * h);
            default: throw new AssertionError("order " + order);
        }
    }

    /** A random point of a part, kept 10% away from the faces it does not lie on. */
    private static double[] point(Domain domain, DomainPart part, Random random) {
        int d = domain.dimension();
        double[] x = new double[d];
        for (int j = 0; j < d; j++) {
            x[j] = domain.lower(j) + (0.1 + 0.8 * random.nextDouble()) * (domain.upper(j) - domain.lower(j));
        }
        if (part.kind() == DomainPart.Kind.FACE) {
            x[part.variable()] = part.upper() ? domain.upper(part.variable()) : domain.lower(part.variable());
        } else if (part.kind() == DomainPart.Kind.BOUNDARY) {
            int[] vars = part.boundaryVariables();
            int v = vars[random.nextInt(vars.length)];
            x[v] = random.nextBoolean() ? domain.upper(v) : domain.lower(v);
        }
        return x;
    }
}

package org.geopinn.samplers;

import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;
import org.geopinn.api.GeopinnException;

/**
 * The Levenberg–Marquardt point step of the collocation learner: a damped Gauss–Newton step in the points, the
 * damping raised tenfold until the objective falls (at most twelve tries) and lowered thirtyfold after a success,
 * the whole step scaled so no point moves by more than a tenth of the box (the linearisation in x is local), points
 * clamped into the box, and a point whose step would leave the domain kept where it was. The damping carries over
 * from one step to the next. Step components are coordinate-major: component {@code c·S + i} moves coordinate c of
 * point i.
 */
final class PointSteps {
    private final double[] lower;
    private final double[] upper;
    private final Predicate<double[]> inside;
    private double mu = 1e-3;

    /**
     * @param lower the box's lower corner
     * @param upper the box's upper corner
     * @param inside whether a point lies in the domain
     */
    PointSteps(double[] lower, double[] upper, Predicate<double[]> inside) {
        if (lower.length != upper.length) {
            throw new GeopinnException("collocation learning: box corners of different dimension");
        }
        this.lower = lower.clone();
        this.upper = upper.clone();
        this.inside = java.util.Objects.requireNonNull(inside);
    }

    /** An accepted step: the new points and the state evaluated there. */
    record Accepted<E>(double[] points, E state) {
    }

    /**
     * One damped step from x.
     *
     * @param x the points, row-major S×d
     * @param solver the Gauss–Newton matrix's damped solves
     * @param rhs the right-hand side the step solves against
     * @param current the objective at x
     * @param at evaluates the state at trial points (it may drive the residual system)
     * @param objective the objective of a state
     * @return the accepted step, or null when no damping lowered the objective (the points stay)
     */
    <E> Accepted<E> step(double[] x, Solves.Damped solver, double[] rhs, double current, Function<double[], E> at, ToDoubleFunction<E> objective) {
        Accepted<E> accepted = null;
        for (int tries = 0; tries < 12 && accepted == null; tries++, mu *= 10) {
            double[] xt = moved(x, solver.solve(rhs, mu));
            E state = at.apply(xt);
            if (objective.applyAsDouble(state) < current) {
                accepted = new Accepted<>(xt, state);
                mu = Math.max(mu / 30, 1e-12);
            }
        }
        mu = Math.min(mu, 1);
        return accepted;
    }

    /** x + scale·dx with the trust region, the clamp and the domain predicate applied. */
    double[] moved(double[] x, double[] dx) {
        int d = lower.length;
        int s = x.length / d;
        double scale = 1;
        for (int c = 0; c < d; c++) {
            double limit = 0.1 * (upper[c] - lower[c]);
            for (int i = 0; i < s; i++) {
                scale = Math.min(scale, limit / Math.max(Math.abs(dx[c * s + i]), 1e-300));
            }
        }
        double[] xt = x.clone();
        double[] point = new double[d];
        for (int i = 0; i < s; i++) {
            for (int c = 0; c < d; c++) {
                point[c] = Math.max(lower[c], Math.min(upper[c], x[i * d + c] + scale * dx[c * s + i]));
            }
            if (inside.test(point)) {
                System.arraycopy(point, 0, xt, i * d, d);
            }
        }
        return xt;
    }
}

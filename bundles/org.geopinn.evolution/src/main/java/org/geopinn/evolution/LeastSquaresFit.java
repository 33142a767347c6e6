package org.geopinn.evolution;

import java.util.Random;
import org.geopinn.api.model.Model;
import org.geopinn.linalg.CgResult;

/**
 * Fits u_θ to a target function in the least-squares sense, min ½ mean_i ‖u_θ(x_i) − g(x_i)‖², by
 * Levenberg–Marquardt: Gauss–Newton steps (M + λI) d = Jᵀr/n solved by the same Nyström-PCG as
 * the time steps, the damping λ = ρ·λ_max lowered after a successful step and raised after a
 * failed one. Samples are drawn afresh every {@value #RESAMPLE_EVERY} iterations so the fit
 * holds between the points. Used for the initial condition and for each restart.
 */
final class LeastSquaresFit {
    /** Iterations between fresh sample sets. */
    static final int RESAMPLE_EVERY = 10;
    /** Iterations between preconditioner rebuilds. */
    private static final int REFRESH_EVERY = 5;
    /**
     * CG iterations per Gauss–Newton step: an inexact (truncated) step is enough far from the
     * optimum, and capping it keeps a fit from costing more than the whole evolution.
     */
    static final int CG_ITERATIONS = 100;
    private static final double INITIAL_DAMPING = 1e-3;
    private static final double MIN_DAMPING = 1e-10;
    private static final double MAX_DAMPING = 1e6;

    /** Target values of every field at a batch of points. */
    @FunctionalInterface
    interface Target {
        /**
         * @param points n points, row-major (not modified)
         * @param n the number of points
         * @param out receives g_f(x_i) at {@code f*n + i} (modified)
         */
        void values(double[] points, int n, double[] out);
    }

    /**
     * @param iterations Gauss–Newton iterations taken
     * @param misfit the final relative RMS misfit ‖u_θ − g‖/‖g‖ on a fresh sample set
     * @param cgIterations CG iterations of the last solve
     */
    record Outcome(int iterations, double misfit, int cgIterations) {
    }

    private final JacobianProducts products;
    private final GramSolver solver;
    private final CollocationSampler sampler;
    private final int samples;
    private final double[] points;
    private final double[] target;
    private final double[] residual;
    private final double[] gradient;
    private final double[] step;
    private final double[] trial;

    /**
     * @param model the model fitted
     * @param sampler where the points come from (guided by the target's magnitude)
     * @param samples points per sample set
     * @param rank Nyström rank
     * @param cgTolerance CG tolerance
     * @param cgMaxIterations CG iteration limit
     * @param random the source of the sketches
     */
    LeastSquaresFit(Model model, CollocationSampler sampler, int samples, int rank, double cgTolerance, int cgMaxIterations,
            Random random) {
        this.products = new JacobianProducts(model, samples);
        this.solver = new GramSolver(products, rank, cgTolerance, Math.min(cgMaxIterations, CG_ITERATIONS), random);
        this.sampler = sampler;
        this.samples = samples;
        int rows = products.fieldCount() * samples;
        this.points = new double[samples * model.spec().inputDimension()];
        this.target = new double[rows];
        this.residual = new double[rows];
        int p = products.parameterCount();
        this.gradient = new double[p];
        this.step = new double[p];
        this.trial = new double[p];
    }

    /**
     * @param theta the starting parameters on entry, the fitted ones on exit (modified)
     * @param g the target
     * @param maxIterations the iteration limit
     * @param tolerance the relative RMS misfit at which to stop
     * @return iterations and misfit
     */
    Outcome fit(double[] theta, Target g, int maxIterations, double tolerance) {
        int rows = products.fieldCount() * samples;
        double damping = INITIAL_DAMPING;
        double loss = Double.NaN;
        double misfit = Double.NaN;
        int cgIterations = 0;
        int it = 0;
        for (; it < maxIterations && !Thread.currentThread().isInterrupted(); it++) { // Ctrl-C ends a long fit early
            if (it % RESAMPLE_EVERY == 0) {
                sampler.draw(g, points, samples);
                g.values(points, samples, target);
                products.linearizeAt(theta, points, samples);
                loss = residualAndLoss(rows);
            }
            misfit = misfit(loss, rows);
            if (misfit <= tolerance) {
                break;
            }
            products.transposeTimes(residual, gradient);
            for (int p = 0; p < gradient.length; p++) {
                gradient[p] /= samples;
            }
            if (it % REFRESH_EVERY == 0) {
                solver.refresh();
            }
            java.util.Arrays.fill(step, 0);
            CgResult cg = solver.solve(damping * solver.largestEigenvalue(), gradient, step);
            cgIterations = cg.iterations();
            for (int p = 0; p < theta.length; p++) {
                trial[p] = theta[p] - step[p];
            }
            products.linearizeAt(trial, points, samples);
            double trialLoss = residualAndLoss(rows);
            if (trialLoss < loss) {
                System.arraycopy(trial, 0, theta, 0, theta.length);
                loss = trialLoss;
                damping = Math.max(damping / 3, MIN_DAMPING);
            } else {
                damping = Math.min(damping * 4, MAX_DAMPING);
                products.linearizeAt(theta, points, samples);
                loss = residualAndLoss(rows);
            }
        }
        // Report the misfit on fresh points: the training points flatter a fit that wiggles between them.
        sampler.draw(g, points, samples);
        g.values(points, samples, target);
        products.linearizeAt(theta, points, samples);
        return new Outcome(it, misfit(residualAndLoss(rows), rows), cgIterations);
    }

    /** Fills the residual u_θ − g at the current linearisation and returns ½ mean ‖r‖². */
    private double residualAndLoss(int rows) {
        double[] u = products.values();
        double s = 0;
        for (int r = 0; r < rows; r++) {
            residual[r] = u[r] - target[r];
            s += residual[r] * residual[r];
        }
        return 0.5 * s / samples;
    }

    private double misfit(double loss, int rows) {
        double norm = 0;
        for (int r = 0; r < rows; r++) {
            norm += target[r] * target[r];
        }
        double abs = Math.sqrt(2 * loss * samples);
        return norm > 0 ? abs / Math.sqrt(norm) : abs;
    }
}

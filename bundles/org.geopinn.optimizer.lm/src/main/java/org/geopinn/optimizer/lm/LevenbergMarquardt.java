package org.geopinn.optimizer.lm;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.ejml.data.DMatrixRMaj;
import org.geopinn.api.GeopinnException;
import org.geopinn.api.operator.NormalEquationSystem;
import org.geopinn.api.operator.LeastSquaresSystem;
import org.geopinn.api.optimizer.Optimizer;
import org.geopinn.api.optimizer.OptimizerState;
import org.geopinn.api.optimizer.StepResult;
import org.geopinn.linalg.MatrixProducts;
import org.geopinn.linalg.Vectors;
import org.geopinn.linalg.damping.GainRatioDamping;

/**
 * Levenberg–Marquardt (Levenberg 1944, Marquardt 1963): the damped Gauss–Newton step
 * (JᵀJ + λD)δ = −Jᵀr on L = ½‖r‖², with λ adapted by the gain ratio
 * ρ = (L(θ) − L(θ + δ)) / (L(θ) − m(δ)) and Nielsen's rule ({@link GainRatioDamping}).
 *
 * <p>D = I, or D = diag(JᵀJ) (its running maximum, as in Moré's MINPACK) by scaling the columns of
 * J: with J̃ = J D^{-1/2} the system becomes (J̃ᵀJ̃ + λI)δ̃ = −J̃ᵀr, δ = D^{-1/2}δ̃, so both cases go
 * through the same {@link DampedSolver}, which takes the smaller Gram matrix. The model's decrease
 * is computed without cancellation as ½(−gᵀδ + λ‖δ‖²) (g = J̃ᵀr), which holds because δ solves
 * the damped system exactly.
 *
 * <p>A step never ends "exhausted": when a trial does not lower the loss, λ grows (ν doubling) and
 * the same step tries again with the same Jacobian, up to max_tries; if λ passes its ceiling
 * (max_damping·max diag(J̃ᵀJ̃)) the step is rejected with the reason, and the next step continues
 * from that λ (on a resampled or reweighted system it may succeed). Only a zero gradient is
 * reported as converged.
 *
 * <p>Optional geodesic acceleration (Transtrum &amp; Sethna, "Improvements to the
 * Levenberg–Marquardt algorithm for nonlinear least-squares minimization", 2012): the second
 * directional derivative r_vv ≈ (2/h)((r(θ + hδ) − r(θ))/h − Jδ), h = 0.1, gives
 * a = −(JᵀJ + λD)⁻¹Jᵀr_vv and the step δ + ½a, accepted only if 2‖a‖/‖δ‖ ≤ α.
 *
 * <p>Buffers (S, P and the Gram matrix) are allocated on the first step and reused.
 */
final class LevenbergMarquardt implements Optimizer {
    private static final double GEODESIC_H = 0.1;

    private final DampedSolver solver;
    private final boolean jacobianScaling;
    private final double initialDamping;
    private final int maxTries;
    private final double maxDamping;
    private final boolean geodesic;
    private final double geodesicRatio;
    private final GainRatioDamping damping = new GainRatioDamping();
    private final DMatrixRMaj jacobian = new DMatrixRMaj(1, 1);
    private double[] residual = new double[0];
    private double[] probe = new double[0];
    private double[] product = new double[0];
    private double[] secondDerivative = new double[0];
    private double[] gradient = new double[0];
    private double[] delta = new double[0];
    private double[] acceleration = new double[0];
    private double[] total = new double[0];
    private double[] trial = new double[0];
    private double[] columns = new double[0];
    private double[] scale = new double[0];
    private double[] inverseRoot = new double[0];
    /** The route for systems that sum JᵀJ themselves; made on first use. */
    private GramCholesky gramRoute;
    private int parameterCount = -1;
    private long steps;
    private long failedTries;

    LevenbergMarquardt(DampedSolver solver, boolean jacobianScaling, double initialDamping, int maxTries, double maxDamping,
            boolean geodesic, double geodesicRatio) {
        this.solver = solver;
        this.jacobianScaling = jacobianScaling;
        this.initialDamping = initialDamping;
        this.maxTries = maxTries;
        this.maxDamping = maxDamping;
        this.geodesic = geodesic;
        this.geodesicRatio = geodesicRatio;
    }

    @Override
    public String id() {
        return LmFactory.ID;
    }

    private void ensure(int s, int p) {
        if (parameterCount > 0 && parameterCount != p) {
            throw new GeopinnException("lm state is for " + parameterCount + " parameters, the model has " + p);
        }
        parameterCount = p;
        if (residual.length != s) {
            residual = new double[s];
            probe = new double[s];
            product = new double[s];
            secondDerivative = new double[s];
        }
        if (gradient.length != p) {
            gradient = new double[p];
            delta = new double[p];
            acceleration = new double[p];
            total = new double[p];
            trial = new double[p];
            columns = new double[p];
            inverseRoot = new double[p];
        }
        if (scale.length != p) {
            scale = new double[p];
        }
        jacobian.reshape(s, p);
    }

    @Override
    public StepResult step(LeastSquaresSystem system, double[] theta) {
        int s = system.residualCount();
        int p = theta.length;
        // The normal equations: from J here, or summed by a system whose rows are held elsewhere.
        NormalEquationSystem normal = system instanceof NormalEquationSystem n ? n : null;
        if (normal != null && geodesic) {
            throw new GeopinnException("lm geodesic acceleration needs the residual vector and J·δ, which this residual system ("
                    + system.getClass().getSimpleName() + ") does not gather; use geodesic = false");
        }
        ensure(normal != null ? 0 : s, p);
        double loss0;
        double curvature;
        if (normal != null) {
            if (gramRoute == null) {
                gramRoute = new GramCholesky();
            }
            DMatrixRMaj g = gramRoute.gram(p);
            loss0 = normal.normalEquations(theta, g.data, gradient);
            if (!Double.isFinite(loss0)) {
                return StepResult.rejected(loss0, 1, "loss is not finite at the current parameters");
            }
            if (!Vectors.allFinite(g.data)) {
                return StepResult.rejected(loss0, 1, "JᵀJ has non-finite entries");
            }
            curvature = scaleGram(g.data, p);
        } else {
            system.residuals(theta, residual);
            loss0 = 0.5 * Vectors.dot(residual, residual);
            if (!Double.isFinite(loss0)) {
                return StepResult.rejected(loss0, 1, "loss is not finite at the current parameters");
            }
            system.jacobian(theta, jacobian.data);
            columnsAndGradient(s, p);
            // a non-finite entry makes its column's norm non-finite; only then is J searched for one
            if (!Vectors.allFinite(columns) && !Vectors.allFinite(jacobian.data)) {
                return StepResult.rejected(loss0, 1, "the Jacobian has non-finite entries");
            }
            curvature = scaleColumns(s, p);
        }
        steps++;
        if (!(curvature > 0)) {
            return StepResult.exhausted(loss0, 1, "the Jacobian is zero: no parameter change lowers the loss to first order");
        }
        if (Vectors.maxAbs(gradient) == 0) {
            return StepResult.exhausted(loss0, 1, "the gradient Jᵀr is zero: a stationary point");
        }
        double ceiling = maxDamping * curvature;
        damping.start(initialDamping * curvature);
        damping.clamp(Math.ulp(1.0) * curvature, Double.MAX_VALUE);
        if (normal == null) {
            solver.prepare(jacobian);
        }
        int evaluations = 1;
        for (int attempt = 1; attempt <= maxTries; attempt++) {
            double lambda = damping.lambda();
            if (lambda > ceiling) {
                return StepResult.rejected(loss0, evaluations, "λ = " + fmt(lambda) + " passed its ceiling max_damping·max diag(JᵀJ) = "
                        + fmt(ceiling) + " without lowering the loss; the next step continues from this λ");
            }
            double predicted = normal != null ? gramDirection(lambda) : direction(system, theta, lambda, loss0);
            if (geodesic) {
                evaluations++;
            }
            if (Double.isNaN(predicted)) {
                damping.update(Double.NEGATIVE_INFINITY);
                failedTries++;
                continue;
            }
            for (int i = 0; i < p; i++) {
                trial[i] = theta[i] + inverseRoot[i] * total[i];
            }
            double loss1 = Vectors.allFinite(trial) ? system.loss(trial) : Double.NaN;
            evaluations++;
            double rho = GainRatioDamping.gainRatio(loss0, loss1, predicted);
            if (damping.update(rho)) {
                System.arraycopy(trial, 0, theta, 0, p);
                return StepResult.accepted(loss0, loss1, 1.0, evaluations, "λ = " + fmt(lambda) + ", ρ = " + fmt(rho)
                        + (attempt > 1 ? ", try " + attempt : "") + ", " + (normal != null ? gramRoute.side() : solver.side()));
            }
            failedTries++;
        }
        return StepResult.rejected(loss0, evaluations, "no λ of " + maxTries + " tries lowered the loss; the next step starts from λ = "
                + fmt(damping.lambda()));
    }

    /**
     * Computes this λ's step into {@link #total} (scaled variables).
     *
     * @return the decrease the quadratic model predicts, NaN if this λ gives no usable step
     */
    private double direction(LeastSquaresSystem system, double[] theta, double lambda, double loss0) {
        if (!solver.solve(lambda, residual, delta) || !Vectors.allFinite(delta)) {
            return Double.NaN;
        }
        if (!geodesic) {
            System.arraycopy(delta, 0, total, 0, delta.length);
            return 0.5 * (-Vectors.dot(gradient, delta) + lambda * Vectors.dot(delta, delta));
        }
        // Transtrum & Sethna: r_vv by a finite difference along the velocity δ
        MatrixProducts.times(jacobian, delta, product);
        for (int i = 0; i < delta.length; i++) {
            trial[i] = theta[i] + GEODESIC_H * inverseRoot[i] * delta[i];
        }
        system.residuals(trial, probe);
        for (int i = 0; i < probe.length; i++) {
            secondDerivative[i] = 2 / GEODESIC_H * ((probe[i] - residual[i]) / GEODESIC_H - product[i]);
        }
        if (!Vectors.allFinite(secondDerivative) || !solver.solve(lambda, secondDerivative, acceleration)
                || !Vectors.allFinite(acceleration)) {
            return Double.NaN;
        }
        double velocity = Vectors.norm(delta);
        if (2 * Vectors.norm(acceleration) > geodesicRatio * velocity) {
            return Double.NaN;
        }
        for (int i = 0; i < delta.length; i++) {
            total[i] = delta[i] + 0.5 * acceleration[i];
        }
        MatrixProducts.times(jacobian, total, product);
        double model = 0;
        for (int i = 0; i < product.length; i++) {
            double v = residual[i] + product[i];
            model += v * v;
        }
        return loss0 - 0.5 * model;
    }

    /**
     * This λ's step into {@link #total} from the system's normal equations (no geodesic term).
     *
     * @return the decrease the quadratic model predicts, NaN if this λ gives no usable step
     */
    private double gramDirection(double lambda) {
        if (!gramRoute.solve(lambda, gradient, delta) || !Vectors.allFinite(delta)) {
            return Double.NaN;
        }
        System.arraycopy(delta, 0, total, 0, delta.length);
        return 0.5 * (-Vectors.dot(gradient, delta) + lambda * Vectors.dot(delta, delta));
    }

    /**
     * {@link #scaleColumns} on the normal equations: G̃ = D^{-1/2} G D^{-1/2}, g̃ = D^{-1/2} g, with
     * diag(G) as the column norms of J.
     *
     * @return max diag(G̃)
     */
    private double scaleGram(double[] g, int p) {
        for (int c = 0; c < p; c++) {
            columns[c] = g[c * p + c];
        }
        double curvature = scaleFromColumns(p);
        for (int a = 0; a < p; a++) {
            gradient[a] *= inverseRoot[a];
            for (int b = 0; b < p; b++) {
                g[a * p + b] *= inverseRoot[a] * inverseRoot[b];
            }
        }
        return curvature;
    }

    /**
     * One pass over J (S·P doubles, read from memory once instead of three times: the finiteness
     * check, the column norms and Jᵀr each used to be a pass): the squared column norms into
     * {@link #columns} and the unscaled gradient Jᵀr into {@link #gradient}.
     */
    private void columnsAndGradient(int s, int p) {
        double[] j = jacobian.data;
        java.util.Arrays.fill(columns, 0);
        java.util.Arrays.fill(gradient, 0);
        for (int r = 0; r < s; r++) {
            int row = r * p;
            double u = residual[r];
            for (int c = 0; c < p; c++) {
                double v = j[row + c];
                columns[c] += v * v;
                gradient[c] += v * u;
            }
        }
    }

    /**
     * Scales the columns of J by D^{-1/2} (D = running max of diag(JᵀJ), or I), from the column norms
     * {@link #columnsAndGradient} left, and the gradient with them: g̃ = D^{-1/2}Jᵀr = J̃ᵀr.
     *
     * @return max diag(J̃ᵀJ̃), the curvature scale λ is measured against
     */
    private double scaleColumns(int s, int p) {
        double[] j = jacobian.data;
        double curvature = scaleFromColumns(p);
        if (!jacobianScaling) {
            return curvature;
        }
        for (int c = 0; c < p; c++) {
            gradient[c] *= inverseRoot[c];
        }
        for (int r = 0; r < s; r++) {
            int row = r * p;
            for (int c = 0; c < p; c++) {
                j[row + c] *= inverseRoot[c];
            }
        }
        return curvature;
    }

    /**
     * D from the squared column norms in {@link #columns}: {@link #scale} and {@link #inverseRoot}.
     *
     * @return max diag(J̃ᵀJ̃)
     */
    private double scaleFromColumns(int p) {
        double largest = 0;
        for (int c = 0; c < p; c++) {
            largest = Math.max(largest, columns[c]);
        }
        if (!jacobianScaling) {
            java.util.Arrays.fill(inverseRoot, 1);
            return largest;
        }
        // a parameter the residuals do not (yet) depend on keeps a scale relative to the others
        double floor = Math.ulp(1.0) * largest;
        double curvature = 0;
        for (int c = 0; c < p; c++) {
            scale[c] = Math.max(scale[c], Math.max(columns[c], floor));
            inverseRoot[c] = scale[c] > 0 ? 1 / Math.sqrt(scale[c]) : 1;
            curvature = Math.max(curvature, columns[c] * inverseRoot[c] * inverseRoot[c]);
        }
        return curvature;
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.2e", v);
    }

    @Override
    public OptimizerState exportState() {
        Map<String, Double> scalars = new HashMap<>();
        scalars.put("steps", (double) steps);
        scalars.put("failed_tries", (double) failedTries);
        damping.exportTo(scalars);
        Map<String, double[]> arrays = jacobianScaling && parameterCount > 0 ? Map.of("scale", scale) : Map.of();
        return new OptimizerState(id(), Math.max(parameterCount, 0), arrays, scalars);
    }

    @Override
    public void importState(OptimizerState state) {
        state.requireSavedBy(id());
        steps = (long) state.scalar("steps", 0);
        failedTries = (long) state.scalar("failed_tries", 0);
        if (!damping.restore(state)) {
            damping.reset();
        }
        parameterCount = state.parameterCount() > 0 ? state.parameterCount() : -1;
        double[] saved = state.arrays().get("scale");
        scale = saved != null && jacobianScaling ? saved.clone() : new double[0];
    }

    /** Takes λ and ν from an optimizer using the same gain-ratio rule (anagram or engd in their adaptive damping mode). */
    @Override
    public boolean adopt(OptimizerState previous) {
        if (previous.optimizerId().equals(id())) {
            importState(previous);
            return true;
        }
        return !jacobianScaling && damping.restore(previous);
    }
}

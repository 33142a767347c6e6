package org.geopinn.optimizer.ssbfgs;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.geopinn.api.GeopinnException;
import org.geopinn.api.operator.LeastSquaresSystem;
import org.geopinn.api.optimizer.Optimizer;
import org.geopinn.api.optimizer.OptimizerState;
import org.geopinn.api.optimizer.StepResult;
import org.geopinn.linalg.Vectors;
import org.geopinn.linalg.search.SmoothLineFunction;
import org.geopinn.linalg.search.StrongWolfeLineSearch;
import org.geopinn.linalg.search.WolfeResult;

/**
 * Dense quasi-Newton on L(θ): d = −H g, a strong-Wolfe line search along d (Nocedal &amp; Wright,
 * algorithms 3.5–3.6, the shared {@link StrongWolfeLineSearch}), then the self-scaled update of H
 * ({@link InverseHessian}) with the step and gradient change of that search. One step() is one
 * iteration. The first trial step is min(1, 1/‖g‖₁) while H is the identity, 1 afterwards.
 *
 * <p>If d is not a descent direction, or the search finds no sufficient decrease along it, H is
 * reset to the identity and the same step searches along −g. A step that finds no decrease even
 * along −g is reported as converged (another try from the same θ would be the same search).
 *
 * <p>The loss and gradient found at the end of a step are kept for the next one when θ and the
 * system's revision are unchanged (they would be recomputed to the same bits otherwise). The
 * inverse Hessian is kept when points or weights change: it remains a useful metric, and
 * the line search guards every step.
 */
final class SelfScaledQuasiNewton implements Optimizer {
    private final Variant variant;
    private final StrongWolfeLineSearch lineSearch;
    private final double gradientTolerance;
    private final int maxParameters;
    private InverseHessian inverse;
    private int parameterCount = -1;
    private double[] gradient = new double[0];
    private double[] direction = new double[0];
    private double[] trial = new double[0];
    private double[] trialGradient = new double[0];
    private double[] bestTheta = new double[0];
    private double[] bestGradient = new double[0];
    private double[] step = new double[0];
    private double[] change = new double[0];
    private double[] cachedTheta = new double[0];
    private double cachedLoss = Double.NaN;
    private long cachedRevision = Long.MIN_VALUE;
    private long steps;
    private long resets;
    private double[] pendingInverse;
    private boolean pendingUpdated;
    private final Line line = new Line();
    /** The id of the limited-memory BFGS optimizer whose curvature pairs {@link #adopt} replays. */
    static final String LBFGS_ID = "lbfgs";

    SelfScaledQuasiNewton(Variant variant, double c1, double c2, int maxLineSearchEvaluations, double gradientTolerance, int maxParameters) {
        this.variant = variant;
        this.lineSearch = new StrongWolfeLineSearch(c1, c2, maxLineSearchEvaluations, 1e-12);
        this.gradientTolerance = gradientTolerance;
        this.maxParameters = maxParameters;
    }

    @Override
    public String id() {
        return SsbfgsFactory.ID;
    }

    /**
     * @param p the parameter count
     * @throws GeopinnException if the dense matrix would be too large
     */
    private void ensure(int p) {
        if (parameterCount > 0 && parameterCount != p) {
            throw new GeopinnException("ssbfgs state is for " + parameterCount + " parameters, the model has " + p);
        }
        if (inverse != null) {
            return;
        }
        double bytes = 8.0 * p * p;
        long available = Runtime.getRuntime().maxMemory();
        if (p > maxParameters || bytes > 0.8 * available) {
            throw new GeopinnException(String.format(Locale.ROOT,
                    "ssbfgs keeps a dense %d×%d inverse Hessian (%.1f GB); this model has P = %d parameters, the limit is max_parameters = %d"
                            + " and %.1f GB of heap: use lbfgs or a smaller network",
                    p, p, bytes / 1e9, p, maxParameters, available / 1e9));
        }
        parameterCount = p;
        inverse = new InverseHessian(p);
        if (pendingInverse != null) {
            inverse.restore(pendingInverse, pendingUpdated);
            pendingInverse = null;
        }
        gradient = new double[p];
        direction = new double[p];
        trial = new double[p];
        trialGradient = new double[p];
        bestTheta = new double[p];
        bestGradient = new double[p];
        step = new double[p];
        change = new double[p];
        cachedTheta = new double[p];
    }

    @Override
    public StepResult step(LeastSquaresSystem system, double[] theta) {
        int p = theta.length;
        ensure(p);
        double loss0;
        int evaluations = 0;
        if (system.revision() == cachedRevision && !Double.isNaN(cachedLoss) && java.util.Arrays.equals(theta, cachedTheta)) {
            loss0 = cachedLoss;
        } else {
            loss0 = system.lossAndGradient(theta, gradient);
            evaluations++;
        }
        cachedLoss = Double.NaN;
        if (!Double.isFinite(loss0) || !Vectors.allFinite(gradient)) {
            return StepResult.rejected(loss0, evaluations, "loss or gradient is not finite at the current parameters");
        }
        double gmax = Vectors.maxAbs(gradient);
        if (gmax == 0 || gmax <= gradientTolerance) {
            return StepResult.exhausted(loss0, evaluations, "max |∂L/∂θ| = " + fmt(gmax) + " ≤ gradient_tolerance");
        }
        steps++;
        boolean reset = false;
        inverse.times(gradient, direction);
        negate(direction);
        double slope = Vectors.dot(gradient, direction);
        if (!(slope < 0) || !Vectors.allFinite(direction)) {
            resetToGradient();
            reset = true;
            slope = Vectors.dot(gradient, direction);
        }
        WolfeResult r = search(system, theta, loss0, slope);
        evaluations += r.evaluations();
        if (!r.moved() && !reset) {
            resetToGradient();
            reset = true;
            slope = Vectors.dot(gradient, direction);
            r = search(system, theta, loss0, slope);
            evaluations += r.evaluations();
        }
        if (!r.moved()) {
            return StepResult.exhausted(loss0, evaluations, "no step along −∇L lowers the loss sufficiently (max |∂L/∂θ| = " + fmt(gmax) + ")");
        }
        double alpha = r.step();
        for (int i = 0; i < p; i++) {
            step[i] = alpha * direction[i];
            change[i] = bestGradient[i] - gradient[i];
        }
        double sDotGradient = Vectors.dot(step, gradient);
        boolean updated = inverse.update(step, change, alpha, sDotGradient, variant);
        System.arraycopy(bestTheta, 0, theta, 0, p);
        System.arraycopy(bestGradient, 0, gradient, 0, p);
        System.arraycopy(theta, 0, cachedTheta, 0, p);
        cachedLoss = r.value();
        cachedRevision = system.revision();
        String detail = "α = " + fmt(alpha) + (updated ? ", τ = " + fmt(inverse.lastTau())
                + (variant == Variant.SSBROYDEN ? ", θ = " + fmt(inverse.lastTheta()) : "") : ", update skipped")
                + (reset ? ", H reset to I" : "") + (r.wolfe() ? "" : ", Wolfe not met");
        return StepResult.accepted(loss0, r.value(), alpha, evaluations, detail);
    }

    private void resetToGradient() {
        inverse.reset();
        resets++;
        for (int i = 0; i < direction.length; i++) {
            direction[i] = -gradient[i];
        }
    }

    private WolfeResult search(LeastSquaresSystem system, double[] theta, double loss0, double slope) {
        double first = inverse.updated() ? 1.0 : Math.min(1.0, 1.0 / norm1(gradient));
        line.bind(system, theta);
        return lineSearch.search(line, loss0, slope, first, Integer.MAX_VALUE);
    }

    /** φ(t) = L(θ + t·d) with φ'(t) = ∇L·d; keeps the best point's parameters and gradient. */
    private final class Line implements SmoothLineFunction {
        private LeastSquaresSystem system;
        private double[] theta;
        private double slope;

        void bind(LeastSquaresSystem s, double[] t) {
            this.system = s;
            this.theta = t;
        }

        @Override
        public double value(double t) {
            for (int i = 0; i < theta.length; i++) {
                trial[i] = theta[i] + t * direction[i];
            }
            double f = system.lossAndGradient(trial, trialGradient);
            slope = Vectors.dot(trialGradient, direction);
            return Double.isFinite(slope) ? f : Double.NaN;
        }

        @Override
        public double slope() {
            return slope;
        }

        @Override
        public void keep() {
            System.arraycopy(trial, 0, bestTheta, 0, trial.length);
            System.arraycopy(trialGradient, 0, bestGradient, 0, trialGradient.length);
        }
    }

    private static void negate(double[] a) {
        for (int i = 0; i < a.length; i++) {
            a[i] = -a[i];
        }
    }

    private static double norm1(double[] a) {
        double s = 0;
        for (double v : a) {
            s += Math.abs(v);
        }
        return s;
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.2e", v);
    }

    /** The matrix is written as its upper triangle (P(P+1)/2 values, half the full matrix). */
    @Override
    public OptimizerState exportState() {
        Map<String, Double> scalars = new HashMap<>();
        scalars.put("steps", (double) steps);
        scalars.put("resets", (double) resets);
        Map<String, double[]> arrays = new HashMap<>();
        if (inverse != null) {
            scalars.put("updated", inverse.updated() ? 1.0 : 0.0);
            arrays.put("inverse_hessian_upper", inverse.packedUpper());
        } else if (pendingInverse != null) {
            scalars.put("updated", pendingUpdated ? 1.0 : 0.0);
            arrays.put("inverse_hessian_upper", pendingInverse);
        }
        return new OptimizerState(id(), Math.max(parameterCount, 0), arrays, scalars);
    }

    /**
     * Takes over a saved ssbfgs state, or the curvature pairs (s, y) of an {@code lbfgs} state:
     * they are replayed, oldest first, as BFGS updates of H₀ = γI (γ = sᵀy/yᵀy of the newest
     * pair), which is the matrix L-BFGS was applying, made dense. Other optimizers keep no
     * curvature pairs (Adam's moments, a damping λ are not an inverse Hessian): H starts as the
     * identity, and the swap reports a fresh state. Also refused when the dense matrix would not
     * fit ({@code max_parameters} or the heap), which the first step then reports.
     */
    @Override
    public boolean adopt(OptimizerState previous) {
        if (previous.optimizerId().equals(id())) {
            importState(previous);
            return true;
        }
        if (!LBFGS_ID.equals(previous.optimizerId())) {
            return false;
        }
        int p = previous.parameterCount();
        double[] s = previous.arrays().get("s");
        double[] y = previous.arrays().get("y");
        if (p <= 0 || s == null || y == null || s.length != y.length || s.length == 0 || s.length % p != 0
                || p > maxParameters || 8.0 * p * p > 0.8 * Runtime.getRuntime().maxMemory()) {
            return false;
        }
        int pairs = s.length / p;
        double[] si = new double[p];
        double[] yi = new double[p];
        System.arraycopy(s, (pairs - 1) * p, si, 0, p);
        System.arraycopy(y, (pairs - 1) * p, yi, 0, p);
        double gamma = Vectors.dot(si, yi) / Vectors.dot(yi, yi);
        if (!(gamma > 0) || !Double.isFinite(gamma)) {
            return false;
        }
        InverseHessian replay = new InverseHessian(p);
        replay.resetScaled(gamma);
        for (int k = 0; k < pairs; k++) {
            System.arraycopy(s, k * p, si, 0, p);
            System.arraycopy(y, k * p, yi, 0, p);
            replay.update(si, yi, 1, -1, Variant.BFGS); // α and sᵀg enter only the self-scaled members
        }
        inverse = null;
        parameterCount = p;
        pendingInverse = replay.packedUpper();
        pendingUpdated = true;
        cachedLoss = Double.NaN;
        return true;
    }

    @Override
    public void importState(OptimizerState state) {
        state.requireSavedBy(id());
        steps = (long) state.scalar("steps", 0);
        resets = (long) state.scalar("resets", 0);
        cachedLoss = Double.NaN;
        inverse = null;
        parameterCount = state.parameterCount() > 0 ? state.parameterCount() : -1;
        double[] packed = state.arrays().get("inverse_hessian_upper");
        pendingInverse = packed;
        pendingUpdated = state.scalar("updated", 0) != 0;
        if (packed != null && parameterCount > 0 && packed.length != (long) parameterCount * (parameterCount + 1) / 2) {
            throw new GeopinnException("ssbfgs state has " + packed.length + " inverse-Hessian entries, expected "
                    + (long) parameterCount * (parameterCount + 1) / 2 + " for " + parameterCount + " parameters");
        }
    }
}

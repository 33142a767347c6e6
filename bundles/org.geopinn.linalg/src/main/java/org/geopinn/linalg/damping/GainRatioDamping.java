package org.geopinn.linalg.damping;

import java.util.Map;
import org.geopinn.api.optimizer.OptimizerState;

/**
 * The damping parameter λ of a Levenberg–Marquardt-type step, adapted by the gain ratio
 * ρ = (actual decrease) / (decrease predicted by the local quadratic model), with the rule of
 * H. B. Nielsen, "Damping parameter in Marquardt's method" (IMM, DTU, 1999), also in Madsen,
 * Nielsen &amp; Tingleff, "Methods for non-linear least squares problems" (2004):
 * <ul>
 * <li>ρ &gt; 0 (the trial lowered the loss): accept, λ ← λ·max(1/3, 1 − (2ρ − 1)³), ν ← 2;</li>
 * <li>otherwise: reject, λ ← λ·ν, ν ← 2ν.</li>
 * </ul>
 * A very good model (ρ ≈ 1) divides λ by 3, a barely useful one (ρ ≈ 0) keeps it about the same,
 * and repeated failures grow it faster and faster, so a step that keeps failing quickly reaches
 * a short, gradient-like step that must succeed. One instance per optimizer; λ is NaN until
 * {@link #start} gives it the first value (which depends on the problem's scale).
 *
 * <p>The state is two scalars, exported under {@link #LAMBDA} and {@link #NU}, so an optimizer
 * using this rule can resume or adopt the λ of another one that uses it too.
 */
public final class GainRatioDamping {
    /** Name of λ in an exported optimizer state. */
    public static final String LAMBDA = "lambda";
    /** Name of ν in an exported optimizer state. */
    public static final String NU = "nu";
    /** ν is not allowed beyond this (2⁶⁰): λ grows at most this much per failure. */
    private static final double NU_MAX = 0x1p60;

    private double lambda = Double.NaN;
    private double nu = 2;

    /** @return whether λ has a value */
    public boolean started() {
        return !Double.isNaN(lambda);
    }

    /**
     * Sets λ if it has no value yet.
     *
     * @param initial the first λ, &gt; 0
     */
    public void start(double initial) {
        if (!started()) {
            lambda = initial;
            nu = 2;
        }
    }

    /** @return the current λ (NaN before {@link #start}) */
    public double lambda() {
        return lambda;
    }

    /** @return the current growth factor ν */
    public double nu() {
        return nu;
    }

    /**
     * Applies the rule to one trial.
     *
     * @param rho the gain ratio of the trial (NaN or −∞ when the trial loss is not finite)
     * @return true if the trial is accepted (ρ &gt; 0)
     */
    public boolean update(double rho) {
        if (rho > 0) {
            double c = 2 * Math.min(rho, 1e6) - 1;
            lambda *= Math.max(1.0 / 3.0, 1 - c * c * c);
            nu = 2;
            return true;
        }
        lambda *= nu;
        nu = Math.min(2 * nu, NU_MAX);
        return false;
    }

    /**
     * Keeps λ inside [min, max] (e.g. a floor relative to the curvature's scale, so that the damped
     * matrix stays numerically positive definite).
     *
     * @param min the smallest λ
     * @param max the largest λ
     */
    public void clamp(double min, double max) {
        lambda = Math.max(min, Math.min(max, lambda));
    }

    /**
     * The gain ratio of a trial.
     *
     * @param lossBefore L(θ)
     * @param lossAfter L(θ + δ)
     * @param predicted L(θ) − m(δ), the decrease the quadratic model predicts (&gt; 0)
     * @return (lossBefore − lossAfter) / predicted; −∞ when the trial loss is not finite or the
     *         prediction is not positive (the trial then counts as a failure)
     */
    public static double gainRatio(double lossBefore, double lossAfter, double predicted) {
        if (!Double.isFinite(lossAfter) || !(predicted > 0) || !Double.isFinite(predicted)) {
            return Double.NEGATIVE_INFINITY;
        }
        return (lossBefore - lossAfter) / predicted;
    }

    /** @param scalars receives λ and ν (modified) */
    public void exportTo(Map<String, Double> scalars) {
        scalars.put(LAMBDA, lambda);
        scalars.put(NU, nu);
    }

    /**
     * Takes λ and ν from a state (exported by any optimizer that uses this rule).
     *
     * @param state the state
     * @return true if the state had a usable λ
     */
    public boolean restore(OptimizerState state) {
        double l = state.scalar(LAMBDA, Double.NaN);
        double n = state.scalar(NU, 2);
        if (!(l > 0) || !Double.isFinite(l)) {
            return false;
        }
        lambda = l;
        nu = n >= 2 && n <= NU_MAX ? n : 2;
        return true;
    }

    /** Forgets λ (the next {@link #start} sets it again). */
    public void reset() {
        lambda = Double.NaN;
        nu = 2;
    }
}

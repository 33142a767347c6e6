package org.geopinn.optimizer.anagram;

/**
 * Which singular values of J the pseudo-inverse keeps.
 *
 * <ul>
 * <li>relative: σ ≥ τ·σ_max, τ = tolerance or the reference default sqrt(eps·P);</li>
 * <li>absolute: σ ≥ tolerance (default 1e-6, the reference's 2-D Laplace value);</li>
 * <li>adaptive: a relative cut-off τ (start: tolerance, default the reference's sqrt(eps·P))
 * that moves when training stops moving. Each step first runs the line search with the current τ. A truncated
 * Gauss–Newton iteration with a fixed rank converges to the fixed point of that rank and then
 * stalls (the loss no longer drops although η = 1 is accepted), while too small a cut-off lets
 * noisy directions force tiny steps. So when a step lowers the loss by less than 0.1 %
 * (or not at all), the same factorization is reused to try τ/s and τ·s (s = the spread,
 * initially adaptive_factor) and the candidate of smallest loss wins; τ becomes its value and
 * s is reset. If no candidate lowers the loss the step is rejected and s is squared (up to
 * 1e8), so the next step looks further in both directions. τ stays within
 * [max(min_tolerance, floor), max_tolerance], floor being what the factorization resolves.</li>
 * </ul>
 */
final class CutoffRule {
    /** A step is weak (training stopped moving) when it keeps more than this fraction of the loss. */
    static final double WEAK = 0.999;

    private final String mode;
    private final double tolerance;
    private final double factor;
    private final double minTolerance;
    private final double maxTolerance;
    private double current = Double.NaN;
    private double spread;

    CutoffRule(String mode, double tolerance, double factor, double minTolerance, double maxTolerance) {
        this.mode = mode;
        this.tolerance = tolerance;
        this.factor = factor;
        this.minTolerance = minTolerance;
        this.maxTolerance = maxTolerance;
        this.spread = factor;
    }

    boolean adaptive() {
        return mode.equals("adaptive");
    }

    /** @return the adaptive relative cut-off τ (NaN before the first step) */
    double current() {
        return current;
    }

    /** @return the adaptive rule's current spread s */
    double spread() {
        return spread;
    }

    void restore(double tau, double savedSpread) {
        this.current = tau;
        this.spread = Double.isNaN(savedSpread) ? factor : savedSpread;
    }

    private double clamp(double tau, double floor) {
        double lower = Math.min(maxTolerance, Math.max(minTolerance, floor));
        return Math.max(lower, Math.min(maxTolerance, tau));
    }

    /**
     * @param parameters P
     * @param floor the factorization's resolution floor (relative)
     * @return the relative cut-off of this step's first line search
     */
    double primary(int parameters, double floor) {
        if (!adaptive()) {
            return tolerance > 0 ? tolerance : Math.sqrt(Math.ulp(1.0) * parameters);
        }
        if (Double.isNaN(current)) {
            current = tolerance > 0 ? tolerance : Math.sqrt(Math.ulp(1.0) * parameters);
        }
        current = clamp(current, floor);
        return current;
    }

    /**
     * @param floor the factorization's resolution floor
     * @return the cut-offs to explore after a weak step: τ/s, then τ·s
     */
    double[] alternatives(double floor) {
        return new double[] {clamp(current / spread, floor), clamp(current * spread, floor)};
    }

    /**
     * @param sigma singular values, descending
     * @param relative a relative cut-off
     * @return the number of singular values kept
     */
    int rank(double[] sigma, double relative) {
        if (sigma.length == 0 || !(sigma[0] > 0)) {
            return 0;
        }
        double cut = mode.equals("absolute") ? (tolerance > 0 ? tolerance : 1e-6) : relative * sigma[0];
        int k = 0;
        while (k < sigma.length && sigma[k] >= cut && sigma[k] > 0) {
            k++;
        }
        return k;
    }

    /** @param chosen the relative cut-off of the accepted candidate */
    void accepted(double chosen) {
        if (adaptive()) {
            current = chosen;
            spread = factor;
        }
    }

    /** No candidate lowered the loss: look further next time. */
    void rejected() {
        if (adaptive()) {
            spread = Math.min(1e8, spread * spread);
        }
    }
}

package org.geopinn.optimizer.anagram;

/**
 * Which singular values of J the pseudo-inverse keeps.
 *
 * <ul>
 * <li>relative: σ ≥ τ·σ_max, τ = tolerance or the reference default sqrt(eps·P);</li>
 * <li>absolute: σ ≥ tolerance (default 1e-6, the reference's 2-D Laplace value);</li>
 * <li>adaptive: a relative cut-off τ that moves each step. The step tries the three cut-offs
 * τ·f, τ and τ/f (f = adaptive_factor) with one shared factorization, runs the line search on
 * each distinct rank and keeps the candidate of smallest loss; τ becomes that candidate's value.
 * So τ falls while admitting smaller singular directions pays (training would otherwise stall
 * or cap the accuracy at the scale the cut-off hides) and rises when the fine directions only
 * add noise. When no candidate lowers the loss, the step is rejected and τ rises by f (a more
 * conservative direction next time). τ stays in [max(min_tolerance, floor), max_tolerance],
 * floor being what the factorization resolves.</li>
 * </ul>
 */
final class CutoffRule {
    private final String mode;
    private final double tolerance;
    private final double factor;
    private final double minTolerance;
    private final double maxTolerance;
    private double current = Double.NaN;

    CutoffRule(String mode, double tolerance, double factor, double minTolerance, double maxTolerance) {
        this.mode = mode;
        this.tolerance = tolerance;
        this.factor = factor;
        this.minTolerance = minTolerance;
        this.maxTolerance = maxTolerance;
    }

    boolean adaptive() {
        return mode.equals("adaptive");
    }

    /** @return the adaptive relative cut-off τ (NaN before the first step) */
    double current() {
        return current;
    }

    void setCurrent(double tau) {
        this.current = tau;
    }

    private double lower(double floor) {
        return Math.min(maxTolerance, Math.max(minTolerance, floor));
    }

    private double clamp(double tau, double floor) {
        return Math.max(lower(floor), Math.min(maxTolerance, tau));
    }

    /**
     * @param parameters P
     * @param floor the factorization's resolution floor (relative)
     * @return the relative cut-offs to try this step (one for fixed modes, unused for absolute)
     */
    double[] candidates(int parameters, double floor) {
        double fallback = Math.sqrt(Math.ulp(1.0) * parameters);
        if (!adaptive()) {
            return new double[] {tolerance > 0 ? tolerance : fallback};
        }
        if (Double.isNaN(current)) {
            current = clamp(tolerance > 0 ? tolerance : fallback, floor);
        }
        current = clamp(current, floor);
        return new double[] {clamp(current * factor, floor), current, clamp(current / factor, floor)};
    }

    /**
     * @param sigma singular values, descending
     * @param relative a relative cut-off from {@link #candidates}
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
        }
    }

    /** No candidate lowered the loss. */
    void rejected() {
        if (adaptive()) {
            current = Math.min(maxTolerance, current * factor);
        }
    }
}

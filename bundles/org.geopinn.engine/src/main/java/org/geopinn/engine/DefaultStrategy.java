package org.geopinn.engine;

import java.util.Locale;
import java.util.function.Predicate;

/**
 * The optimizer chain (and, for time-dependent problems, the loss weighting) a session uses when
 * neither the user nor the problem names one. It looks only at what any problem shows: the number
 * of parameters P, the number of residual rows S, whether every operator is affine in the fields,
 * and whether there is a time variable. The rule and the measurements behind it are in
 * docs/STRATEGY.md.
 */
final class DefaultStrategy {
    /**
     * Damped Gauss–Newton needs the S×P Jacobian and a min(S,P)-sided Gram matrix each step: up to
     * this many parameters a step costs seconds on a laptop CPU.
     */
    static final int GAUSS_NEWTON_MAX_PARAMETERS = 5_000;
    /** … and up to this many Jacobian entries (S·P, 8 bytes each: 320 MB). */
    static final long GAUSS_NEWTON_MAX_ENTRIES = 40_000_000L;
    /**
     * Small problems, linear or not: damped Gauss–Newton from the first step. An Adam warm-up was
     * measured worse on Burgers (docs/STRATEGY.md): its 1000 steps cost most of the budget and
     * left the error where LM alone had passed it.
     */
    static final String SMALL = "lm";
    /** Many parameters: first-order steps, then quasi-Newton, neither forms a Jacobian. */
    static final String LARGE = "adam:2000,lbfgs";
    /** Without {@code lm} installed, the natural-gradient step plays its part on linear problems. */
    static final String LINEAR_SMALL_WITHOUT_LM = "anagram";
    /**
     * Nonlinear problems trained by {@code lm}: residual-adaptive resampling every this many
     * steps. A nonlinear PDE forms layers (shocks, interfaces) narrower than the spacing of the
     * points; damped Gauss–Newton fits fixed points in tens of steps and then drives the residual
     * down there while the error between them stays (docs/STRATEGY.md: burgers 1.2e-3 with fixed
     * points at a loss of 2.5e-9, 1e-4 with resampling).
     */
    static final int NONLINEAR_RESAMPLE_EVERY = 50;
    /** Weighting of time-dependent problems. */
    static final String TIME_WEIGHTING = "causal";

    /**
     * What the rule sees.
     *
     * @param parameters P
     * @param rows S, the residual rows (collocation points of every condition)
     * @param linear whether every condition's operator is affine in the fields
     * @param time whether the problem has the time variable {@code t}
     */
    record Inputs(int parameters, long rows, boolean linear, boolean time) {
        /** @return e.g. {@code P=129, S=1020, linear, no time} */
        String describe() {
            return String.format(Locale.ROOT, "P=%d, S=%d, %s, %s", parameters, rows, linear ? "linear" : "nonlinear",
                    time ? "time-dependent" : "no time variable");
        }
    }

    /**
     * What the rule chose.
     *
     * @param chain the optimizer chain, as {@code --optimizer} text
     * @param weighting the loss weighting id, null for the default ({@code fixed})
     * @param reason one line: the inputs and the branch taken
     */
    record Choice(String chain, String weighting, String reason) {
    }

    private DefaultStrategy() {
    }

    /**
     * @param in what the rule sees
     * @param chainIds the optimizer ids of the chain the session will run (given or chosen)
     * @return the resampling period: {@link #NONLINEAR_RESAMPLE_EVERY} for a nonlinear problem
     *         whose chain is {@code lm} only, else 0 (fixed points; the period was measured in
     *         damped Gauss–Newton steps, not for other optimizers)
     */
    static int resampleEvery(Inputs in, java.util.List<String> chainIds) {
        boolean gaussNewton = !chainIds.isEmpty() && chainIds.stream().allMatch(SMALL::equals);
        return !in.linear() && gaussNewton ? NONLINEAR_RESAMPLE_EVERY : 0;
    }

    /**
     * @param in what the rule sees
     * @param installed whether an optimizer or weighting id is installed
     * @return the chain and weighting
     */
    static Choice choose(Inputs in, Predicate<String> installed) {
        boolean small = in.parameters() <= GAUSS_NEWTON_MAX_PARAMETERS
                && (long) in.parameters() * in.rows() <= GAUSS_NEWTON_MAX_ENTRIES;
        String chain;
        String branch;
        if (small && installed.test("lm")) {
            chain = SMALL;
            branch = "small: damped Gauss-Newton (Levenberg-Marquardt)";
        } else if (small && in.linear() && installed.test("anagram")) {
            chain = LINEAR_SMALL_WITHOUT_LM;
            branch = "small and linear, lm not installed: natural gradient";
        } else {
            chain = LARGE;
            branch = small ? "lm not installed: Adam, then L-BFGS" : "large: Adam, then L-BFGS";
        }
        String weighting = in.time() && installed.test(TIME_WEIGHTING) ? TIME_WEIGHTING : null;
        String reason = "default strategy for " + in.describe() + ": " + branch
                + (weighting != null ? ", causal weighting over time" : "");
        return new Choice(chain, weighting, reason);
    }
}

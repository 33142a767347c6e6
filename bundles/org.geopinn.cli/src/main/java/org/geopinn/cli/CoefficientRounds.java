package org.geopinn.cli;

/**
 * A trained coefficient averaged over the rounds of resampled collocation points. With points
 * drawn again every R steps, a coefficient settles within a few steps on the value that makes the
 * PDE residual smallest on that round's points and jumps when they are drawn again: each round's
 * value is one quadrature of the same equation, with its own quadrature error. The mean of the
 * values at the round ends (steps R, 2R, … and the last step) in the last quarter of the run uses
 * the points of every one of those rounds, not only of the last (iterate averaging: Polyak &amp;
 * Juditsky, "Acceleration of stochastic approximation by averaging", 1992); the standard error
 * (sd / √rounds) says how far it can be trusted.
 */
final class CoefficientRounds {
    /** The part of the run, at its end, whose round ends are averaged. */
    static final double LAST_FRACTION = 0.25;

    /**
     * @param mean the mean of the values at the round ends
     * @param standardError their standard deviation over √rounds
     * @param rounds how many round ends were averaged
     */
    record Average(double mean, double standardError, int rounds) {
    }

    private CoefficientRounds() {
    }

    /**
     * @param steps the step of every history row, in order
     * @param values the coefficient in every row
     * @param every the resampling period R (steps)
     * @return the average over the round ends in the last quarter of the run, or null when there
     *         are fewer than two (no resampling, or too few rounds to say anything)
     */
    static Average over(double[] steps, double[] values, int every) {
        if (every <= 0 || steps.length == 0) {
            return null;
        }
        double start = steps[steps.length - 1] * (1 - LAST_FRACTION);
        double[] ends = new double[steps.length];
        int n = 0;
        for (int i = 0; i < steps.length; i++) {
            boolean roundEnd = (long) steps[i] % every == 0 || i == steps.length - 1;
            if (steps[i] > start && roundEnd && !Double.isNaN(values[i])) {
                ends[n++] = values[i];
            }
        }
        if (n < 2) {
            return null;
        }
        double mean = 0;
        for (int i = 0; i < n; i++) {
            mean += ends[i] / n;
        }
        double squares = 0; // two passes: the values agree to many digits, a one-pass sum of squares would cancel
        for (int i = 0; i < n; i++) {
            squares += (ends[i] - mean) * (ends[i] - mean);
        }
        double variance = squares / (n - 1);
        return new Average(mean, Math.sqrt(variance / n), n);
    }
}

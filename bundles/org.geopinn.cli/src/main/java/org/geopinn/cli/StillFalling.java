package org.geopinn.cli;

import java.util.List;
import java.util.Locale;
import org.geopinn.api.session.TrainingEvent;

/**
 * The note a solve prints when it ran out of steps or time while the loss was still falling fast:
 * how much it fell at the end and the command that continues the run. Why: a problem that names no
 * step count trains for 1000 steps, and an oscillatory or nonlinear PDE can need several times
 * that (docs/STRATEGY.md); a user who sees only the final error cannot tell a run cut short from
 * one that has converged.
 */
final class StillFalling {
    /** The share of the run's steps the fall is measured over: its last fifth. */
    static final double TAIL = 0.2;
    /** The fall over that tail that counts as still falling: the loss at least halved. */
    static final double FALL = 2;
    /** Fewer steps than this in the tail say nothing about a trend. */
    static final int MIN_TAIL_STEPS = 10;

    private StillFalling() {
    }

    /**
     * @param history the session's events (only its {@link TrainingEvent.Kind#STEP} events are read)
     * @param maxSteps the session's step count
     * @param timeBudgetSeconds the session's time budget, 0 for none
     * @param problemId the problem, for the command
     * @param out the results directory, for the command
     * @return the note, or null when the run did not end at its step count or time budget (its
     *         optimizer ended it), or the loss did not fall by {@link #FALL} over the last
     *         {@link #TAIL} of the steps (or too few steps were taken to say)
     */
    static String note(List<TrainingEvent> history, long maxSteps, double timeBudgetSeconds, String problemId, java.nio.file.Path out) {
        List<TrainingEvent> steps = history.stream().filter(e -> e.kind() == TrainingEvent.Kind.STEP).toList();
        if (steps.isEmpty()) {
            return null;
        }
        TrainingEvent last = steps.get(steps.size() - 1);
        boolean atLimit = last.step() >= maxSteps || (timeBudgetSeconds > 0 && last.seconds() >= timeBudgetSeconds);
        if (!atLimit) {
            return null; // a converged or stopped run is not one cut short
        }
        long taken = last.step() - steps.get(0).step() + 1;
        long tail = (long) Math.floor(taken * TAIL);
        if (tail < MIN_TAIL_STEPS) {
            return null;
        }
        TrainingEvent start = null;
        for (TrainingEvent e : steps) {
            if (e.step() >= last.step() - tail) {
                start = e;
                break;
            }
        }
        double before = unweighted(start);
        double after = unweighted(last);
        if (!(before > 0) || !(after > 0) || !Double.isFinite(before) || before / after < FALL) {
            return null;
        }
        double fall = before / after;
        return String.format(Locale.ROOT, "the loss was still falling when the run ended (" + (fall < 10 ? "%.1f" : "%.0f")
                + " times lower over its last %d steps): geopinn solve %s --resume %s --steps %d continues it",
                fall, last.step() - start.step(), problemId, out, taken);
    }

    /**
     * The loss without the condition weights, Σ_g loss_g / w_g, so that a weighting that changes
     * its weights during the tail (NTK traces every 10 steps, the causal schedule) does not look
     * like progress.
     */
    static double unweighted(TrainingEvent e) {
        double[] g = e.groupLosses();
        double[] w = e.weights();
        if (g == null || w == null || g.length == 0 || g.length != w.length) {
            return e.loss();
        }
        double sum = 0;
        for (int i = 0; i < g.length; i++) {
            sum += w[i] > 0 ? g[i] / w[i] : g[i];
        }
        return sum;
    }
}

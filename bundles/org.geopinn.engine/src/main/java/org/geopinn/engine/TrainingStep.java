package org.geopinn.engine;

import org.geopinn.api.GeopinnException;
import org.geopinn.api.operator.ResidualSystem;
import org.geopinn.api.optimizer.StepResult;
import org.geopinn.api.session.TrainingEvent;
import org.geopinn.api.weighting.LossWeighting;

/**
 * One training step and what is due before it (a new time window, the next stage of the chain,
 * new points, new weights): a failed, rejected or diverged step leaves the parameters as they
 * were. Also decides when the session ends (a converged last stage, too many rejections in a
 * row, divergence). Runs on the worker thread only.
 */
final class TrainingStep {
    /** Consecutive rejected steps after which the session ends: the optimizer cannot make progress. */
    static final int REJECTION_LIMIT = 25;

    private final TrainingPosition at;
    private final OptimizerChain chain;
    private final SessionReporter reporter;
    private final SessionControl control;
    private final TimeWindows windows;
    private final ResamplingSchedule resampling;
    private final LossWeighting weighting;
    private final double[] backup;
    private final DivergenceWatch watch = new DivergenceWatch();
    private int rejectionsInRow;
    /** The system, and its revision, of the last accepted step. */
    private ResidualSystem seenSystem;
    private long seenRevision;

    TrainingStep(TrainingPosition at, OptimizerChain chain, SessionReporter reporter, SessionControl control,
            TimeWindows windows, ResamplingSchedule resampling, LossWeighting weighting) {
        this.at = at;
        this.chain = chain;
        this.reporter = reporter;
        this.control = control;
        this.windows = windows;
        this.resampling = resampling;
        // "fixed" needs no service: the weights never change
        this.weighting = weighting != null ? weighting : (system, params, s) -> false;
        this.backup = new double[at.theta.length];
    }

    /** @return whether the session, ended by {@link #take()}, failed rather than finished */
    boolean failed() {
        return watch.failed() || rejectionsInRow >= REJECTION_LIMIT && !Double.isFinite(reporter.lastLoss());
    }

    /** @return null to go on, or why the session ends */
    String take() {
        long t0 = System.nanoTime();
        if (windows.due(at)) {
            nextWindow();
        }
        if (chain.stageDue(at.step - at.windowStart)) {
            nextStage();
        }
        String renewal = resampling.renewIfDue(at);
        if (renewal != null) {
            reporter.tell(TrainingEvent.Kind.POINTS, renewal);
        }
        ResidualSystem system = at.rig.system;
        double[] theta = at.theta;
        weighting.update(system, theta, at.step);
        System.arraycopy(theta, 0, backup, 0, theta.length);
        StepResult result;
        try {
            result = chain.optimizer().step(system, theta);
        } catch (RuntimeException | LinkageError | OutOfMemoryError e) {
            System.arraycopy(backup, 0, theta, 0, theta.length);
            at.activeNanos += System.nanoTime() - t0;
            if (control.lostReason() != null) {
                return null; // a service went away under the step: pause, the step never happened
            }
            if (e instanceof GeopinnException g) {
                throw g;
            }
            String id = chain.optimizer().id();
            if (e instanceof NegativeArraySizeException || e instanceof OutOfMemoryError) { // a NegativeArraySize: an int overflowed
                throw new GeopinnException(SizeGuard.exhausted(at.step, id, system.residualCount(), theta.length), e);
            }
            throw new GeopinnException("optimizer '" + id + "' failed at step " + at.step + ": " + e, e);
        }
        if (!result.accepted() || !allFinite(theta) || !Double.isFinite(result.lossAfter())) {
            System.arraycopy(backup, 0, theta, 0, theta.length);
            rejectionsInRow++;
            at.activeNanos += System.nanoTime() - t0;
            String why = result.accepted() ? "non-finite loss or parameters after the step; parameters restored" : result.detail();
            reporter.rejected(result, why);
            // Without resampling the next try would see the same system: an exhausted optimizer is done.
            if (result.converged() && !resampling.renews()) {
                rejectionsInRow = 0;
                String ends = endStage(": " + why);
                return ends == null ? null : watch.stuck(system, theta, at.step, ends);
            }
            if (rejectionsInRow >= REJECTION_LIMIT) {
                return watch.stuck(system, theta, at.step,
                        "optimizer '" + chain.optimizer().id() + "' rejected " + rejectionsInRow + " steps in a row (" + why + ")");
            }
            return null;
        }
        // new weights or points since the last accepted step: the rule compares losses of one system
        boolean changed = system != seenSystem || system.revision() != seenRevision;
        seenSystem = system;
        seenRevision = system.revision();
        String diverged = watch.accepted(at.step + 1, result.lossBefore(), result.lossAfter(), changed);
        if (diverged != null) {
            System.arraycopy(backup, 0, theta, 0, theta.length); // the last good parameters are what the session keeps
            at.activeNanos += System.nanoTime() - t0;
            reporter.rejected(result, diverged);
            return diverged;
        }
        rejectionsInRow = 0;
        at.step++;
        double[] groupLosses = system.groupLosses(theta);
        at.activeNanos += System.nanoTime() - t0;
        // Error checks are reporting, not training: the training time leaves them out, so time to
        // an accuracy does not depend on how often it is checked.
        reporter.stepTaken(groupLosses, result.detail());
        return result.converged() ? endStage("") : null;
    }

    /**
     * The optimizer of this stage has converged: the next stage of the chain starts, or, after
     * the last one, the next time window or the end of the session.
     *
     * @param detail appended to the end message
     * @return why the session ends, or null when training goes on
     */
    private String endStage(String detail) {
        if (windows.more(at) && chain.atLastStage()) {
            nextWindow();
            return null;
        }
        if (chain.atLastStage()) {
            return "optimizer '" + chain.optimizer().id() + "' converged at step " + at.step + detail;
        }
        nextStage();
        return null;
    }

    private void nextStage() {
        String note = chain.nextStage();
        control.message("training with " + chain.id());
        reporter.tell(TrainingEvent.Kind.SWAPPED, note);
    }

    /** Widens the time range of the marched conditions and runs the chain again from its first stage. */
    private void nextWindow() {
        windows.widen(at);
        String from = chain.optimizer().id();
        chain.restart(); // a fresh state for the new objective
        reporter.tell(TrainingEvent.Kind.WINDOW, windows.describe(at.window) + " at step " + at.step + ": " + from + " -> "
                + chain.optimizer().id() + ", same parameters");
    }

    private static boolean allFinite(double[] v) {
        for (double x : v) {
            if (!Double.isFinite(x)) {
                return false;
            }
        }
        return true;
    }
}

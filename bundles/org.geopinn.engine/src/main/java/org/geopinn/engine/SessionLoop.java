package org.geopinn.engine;

import org.geopinn.api.GeopinnException;
import org.geopinn.api.session.SessionSpec;
import org.geopinn.api.session.SessionState;
import org.geopinn.api.session.TrainingEvent;

/**
 * The worker thread of a session: steps until the steps, the time budget or the optimizer are
 * done, pausing when asked or when a service it uses goes away (the rig is dropped, the
 * parameters and the optimizer's state are kept) and building the rig again when the services
 * are back. Everything that changes the training happens here, between two steps.
 */
final class SessionLoop {
    private final String sessionId;
    private final ResolvedSpec resolved;
    private final SessionSpec spec;
    private final ServiceDirectory directory;
    private final SessionControl control;
    private final TrainingPosition at;
    private final OptimizerChain chain;
    private final SessionReporter reporter;
    private final ConfigurationLog configurations;
    private final TimeWindows windows;
    private final TrainingStep trainingStep;
    private final Runnable onEnd;

    SessionLoop(String sessionId, ResolvedSpec resolved, ServiceDirectory directory, SessionControl control, TrainingPosition at,
            OptimizerChain chain, SessionReporter reporter, ConfigurationLog configurations, TimeWindows windows, TrainingStep trainingStep,
            Runnable onEnd) {
        this.sessionId = sessionId;
        this.resolved = resolved;
        this.spec = resolved.spec();
        this.directory = directory;
        this.control = control;
        this.at = at;
        this.chain = chain;
        this.reporter = reporter;
        this.configurations = configurations;
        this.windows = windows;
        this.trainingStep = trainingStep;
        this.onEnd = onEnd;
    }

    /** Starts the worker thread. */
    void begin() {
        Thread worker = new Thread(this::run, "geopinn-session-" + sessionId);
        worker.setDaemon(true);
        control.tasks().workerStarting(worker);
        worker.start();
    }

    private void run() {
        SessionState end = SessionState.FAILED;
        String endMessage = "";
        try {
            control.running("training with " + chain.optimizer().id());
            reporter.tell(TrainingEvent.Kind.STARTED, "training " + spec.problemId() + " with " + chain.text()
                    + (resolved.strategy() != null ? "; " + resolved.strategy() : "") + windows.describeAfterSemicolon(at.window));
            while (true) {
                if (!awaitRunnable()) {
                    end = SessionState.STOPPED;
                    endMessage = "stopped at step " + at.step;
                    break;
                }
                if (at.step >= spec.maxSteps()) {
                    end = SessionState.FINISHED;
                    endMessage = "reached " + spec.maxSteps() + " steps";
                    break;
                }
                if (spec.timeBudgetSeconds() > 0 && at.seconds() >= spec.timeBudgetSeconds()) {
                    end = SessionState.FINISHED;
                    endMessage = "used the time budget of " + spec.timeBudgetSeconds() + " s at step " + at.step;
                    break;
                }
                String ended = trainingStep.take();
                if (ended != null) {
                    end = trainingStep.failed() ? SessionState.FAILED : SessionState.FINISHED;
                    endMessage = ended;
                    break;
                }
            }
        } catch (GeopinnException e) {
            endMessage = e.getMessage();
        } catch (InterruptedException e) {
            end = SessionState.STOPPED;
            endMessage = "interrupted at step " + at.step;
        } catch (RuntimeException | LinkageError e) {
            endMessage = "training failed at step " + at.step + ": " + e;
        } catch (OutOfMemoryError e) { // the failed allocation is not held: the results can still be written
            TrainingRig r = at.rig;
            endMessage = SizeGuard.exhausted(at.step, chain.id(), r == null ? 0 : r.system.residualCount(), at.theta.length);
        }
        finish(end, endMessage);
    }

    /**
     * Runs posted tasks and waits while paused.
     *
     * @return true to take a step, false to stop
     */
    private boolean awaitRunnable() throws InterruptedException {
        while (true) {
            control.tasks().runAll();
            if (at.rig != null && control.lostReason() != null) {
                dropRig(); // even when already paused by the user: the service's classes may be going away
            }
            switch (control.next(at.rig != null, at.step)) {
                case STEP:
                    return true;
                case STOP:
                    return false;
                case PAUSED:
                    reporter.tell(TrainingEvent.Kind.PAUSED, control.message());
                    break;
                case REBUILD:
                    rebuildRig();
                    break;
                case RESUMED:
                    reporter.tell(TrainingEvent.Kind.RESUMED, control.message());
                    return true;
                default: // AGAIN
                    break;
            }
        }
    }

    /** A service went away: keep what is plain data (parameters, optimizer state, weights), drop the rest. */
    private void dropRig() {
        chain.drop();
        at.rig = null;
    }

    /** The services are back (or the user asked to resume): build everything again around the same parameters. */
    private void rebuildRig() {
        try {
            TrainingRig fresh = TrainingRig.build(resolved, directory, Resampling.round(spec, at.step));
            windows.squeeze(fresh, at.window);
            if (fresh.model.parameterCount() != at.theta.length) {
                throw new GeopinnException("the returned model has " + fresh.model.parameterCount() + " parameters, the session "
                        + at.theta.length);
            }
            chain.reinstall();
            at.rig = fresh;
            at.model = fresh.model;
            control.rebuilt(configurations.record(at.step, directory.configuration(fresh.service)));
        } catch (GeopinnException e) {
            control.stillPaused(e.getMessage());
        }
    }

    private void finish(SessionState end, String endMessage) {
        endMessage = reporter.close(endMessage);
        control.ended(end, endMessage);
        reporter.ended(endMessage);
        try {
            onEnd.run();
        } catch (RuntimeException | LinkageError e) {
            control.message(endMessage + "; publishing the solution failed: " + e.getMessage());
        }
        control.tasks().workerEnded();
    }
}

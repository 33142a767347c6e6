package org.geopinn.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.geopinn.api.GeopinnException;
import org.geopinn.api.diagnostic.Diagnostic;
import org.geopinn.api.diagnostic.DiagnosticReport;
import org.geopinn.api.optimizer.StepResult;
import org.geopinn.api.session.SessionSpec;
import org.geopinn.api.session.TrainingEvent;
import org.geopinn.api.session.TrainingListener;

/**
 * What a session tells: its events to its own and the whiteboard listeners, the step history,
 * the parameters as of the last step, the reference errors and the diagnostics. Events are built on the worker thread; the history and snapshots
 * are read from any thread.
 */
final class SessionReporter {
    private final String sessionId;
    private final SessionSpec spec;
    private final ServiceDirectory directory;
    private final TrainingPosition at;
    private final OptimizerChain chain;
    private final SessionControl control;
    private final List<TrainingListener> listeners = new CopyOnWriteArrayList<>();

    private final Object lock = new Object();
    // Guarded by lock.
    private TrainingEvent lastEvent;
    private final List<TrainingEvent> history = new ArrayList<>();
    private final List<TrainingEvent> renewals = new ArrayList<>();
    private final double[] snapshot;
    /** How many trained coefficients end θ. */
    private final int unknownCount;
    /** The errors measured when the session ended; null if none. Worker thread only. */
    private double[] finalErrors;

    SessionReporter(String sessionId, SessionSpec spec, ServiceDirectory directory, TrainingPosition at, OptimizerChain chain,
            SessionControl control) {
        this.sessionId = sessionId;
        this.spec = spec;
        this.directory = directory;
        this.at = at;
        this.chain = chain;
        this.control = control;
        this.snapshot = at.theta.clone();
        this.unknownCount = at.rig == null ? 0 : org.geopinn.api.problem.CoefficientModel.coefficientNames(at.rig.model).size();
    }

    void addListener(TrainingListener listener) {
        listeners.add(listener);
    }

    void removeListener(TrainingListener listener) {
        listeners.remove(listener);
    }

    TrainingEvent lastEvent() {
        synchronized (lock) {
            return lastEvent;
        }
    }

    List<TrainingEvent> history() {
        synchronized (lock) {
            return List.copyOf(history);
        }
    }

    List<TrainingEvent> pointRenewals() {
        synchronized (lock) {
            return List.copyOf(renewals);
        }
    }

    /** @return the parameters as of the last completed step */
    double[] parameters() {
        synchronized (lock) {
            return snapshot.clone();
        }
    }

    /** @param kind what happened @param note the event's message */
    void tell(TrainingEvent.Kind kind, String note) {
        TrainingEvent e = new TrainingEvent(kind, sessionId, at.step, at.seconds(), lastLoss(), lastGroupLosses(), at.weights(), Double.NaN,
                new double[0], chain.id(), note, null, at.window, coefficients());
        if (kind == TrainingEvent.Kind.POINTS) {
            synchronized (lock) {
                renewals.add(e);
            }
        }
        emit(e);
    }

    /**
     * A step was taken: measures the errors when due, records and tells the step, runs the
     * diagnostics when due.
     *
     * @param groupLosses the losses per condition after the step
     * @param detail the optimizer's note, or null
     */
    void stepTaken(double[] groupLosses, String detail) {
        long step = at.step;
        double[] errors = spec.errorEvery() > 0 && step % spec.errorEvery() == 0 ? measureErrors() : null;
        double loss = 0;
        for (double g : groupLosses) {
            loss += g;
        }
        TrainingEvent e = new TrainingEvent(TrainingEvent.Kind.STEP, sessionId, step, at.seconds(), loss, groupLosses,
                at.rig.system.weights(), errors == null ? Double.NaN : errors[0], errors == null ? new double[0] : tail(errors),
                chain.optimizer().id(), detail == null ? "" : detail, null, at.window, coefficients());
        synchronized (lock) {
            System.arraycopy(at.theta, 0, snapshot, 0, snapshot.length);
            history.add(e);
        }
        emit(e);
        if (spec.diagnosticEvery() > 0 && step % spec.diagnosticEvery() == 0) {
            runDiagnostics();
        }
    }

    /** @param r the rejected (or undone) step @param why the reason */
    void rejected(StepResult r, String why) {
        emit(new TrainingEvent(TrainingEvent.Kind.REJECTED, sessionId, at.step, at.seconds(), r.lossBefore(), lastGroupLosses(),
                at.rig.system.weights(), Double.NaN, new double[0], chain.optimizer().id(), why == null ? "" : why, null, at.window, coefficients()));
    }

    /** Runs the spec's diagnostics; a failing one is said in the session's message. */
    void runDiagnostics() {
        for (String d : spec.diagnostics()) {
            try {
                diagnose(d, Map.of());
            } catch (GeopinnException e) {
                control.message("diagnostic " + d + ": " + e.getMessage());
            }
        }
    }

    /** Runs a diagnostic on the current parameters (worker thread) and tells its report. */
    DiagnosticReport diagnose(String diagnosticId, Map<String, ?> options) {
        Diagnostic d = new SpecResolver(directory).require(Diagnostic.class, diagnosticId, "diagnostic");
        TrainingRig rig = at.rig;
        if (rig == null) {
            throw new GeopinnException("session " + sessionId + " cannot run diagnostics now: " + control.message());
        }
        DiagnosticReport report = d.run(rig.system, at.theta.clone(), options);
        emit(new TrainingEvent(TrainingEvent.Kind.DIAGNOSTIC, sessionId, at.step, at.seconds(), lastLoss(), lastGroupLosses(),
                rig.system.weights(), Double.NaN, new double[0], chain.id(), report.title(), report, at.window, coefficients()));
        return report;
    }

    private double[] measureErrors() {
        TrainingRig rig = at.rig;
        return rig == null || rig.errors == null ? null : rig.errors.measure(at.theta);
    }

    /**
     * The session ends: final diagnostics (when they were not run along the way) and the final
     * errors, attached to the last step.
     *
     * @param endMessage why the session ends
     * @return the end message, with what failed here appended
     */
    String close(String endMessage) {
        if (at.rig != null && !spec.diagnostics().isEmpty() && spec.diagnosticEvery() == 0) {
            try {
                runDiagnostics();
            } catch (RuntimeException e) {
                endMessage = endMessage + "; final diagnostics failed: " + e.getMessage();
            }
        }
        try {
            finalErrors = measureErrors();
        } catch (RuntimeException | LinkageError e) {
            endMessage = endMessage + "; the final error could not be measured: " + e;
        }
        double[] errors = finalErrors;
        synchronized (lock) {
            if (errors != null && !history.isEmpty()) {
                TrainingEvent e = history.get(history.size() - 1);
                if (e.step() == at.step) {
                    history.set(history.size() - 1, new TrainingEvent(e.kind(), e.sessionId(), e.step(), e.seconds(), e.loss(),
                            e.groupLosses(), e.weights(), errors[0], tail(errors), e.optimizerId(), e.message(), e.report(),
                            e.window(), e.coefficients()));
                }
            }
        }
        return endMessage;
    }

    /** @param endMessage why the session ended: tells the last event */
    void ended(String endMessage) {
        TrainingEvent last = lastStep();
        double[] errors = finalErrors;
        emit(new TrainingEvent(TrainingEvent.Kind.ENDED, sessionId, at.step, at.seconds(), last == null ? Double.NaN : last.loss(),
                last == null ? new double[0] : last.groupLosses(), last == null ? new double[0] : last.weights(),
                errors == null ? Double.NaN : errors[0], errors == null ? new double[0] : tail(errors), chain.id(), endMessage, null,
                at.window, coefficients()));
    }

    /** @return the trained coefficients as of now: the last entries of θ (empty when none is trained) */
    private double[] coefficients() {
        return unknownCount == 0 ? new double[0] : Arrays.copyOfRange(at.theta, at.theta.length - unknownCount, at.theta.length);
    }

    private static double[] tail(double[] errors) {
        return Arrays.copyOfRange(errors, 1, errors.length);
    }

    private TrainingEvent lastStep() {
        synchronized (lock) {
            return history.isEmpty() ? null : history.get(history.size() - 1);
        }
    }

    /** @return the loss of the last step, NaN before the first */
    double lastLoss() {
        TrainingEvent e = lastStep();
        return e == null ? Double.NaN : e.loss();
    }

    private double[] lastGroupLosses() {
        TrainingEvent e = lastStep();
        return e == null ? new double[0] : e.groupLosses();
    }

    private void emit(TrainingEvent e) {
        synchronized (lock) {
            lastEvent = e;
        }
        for (TrainingListener l : listeners) {
            deliver(l, e);
        }
        for (TrainingListener l : directory.listeners()) {
            deliver(l, e);
        }
    }

    private static void deliver(TrainingListener l, TrainingEvent e) {
        try {
            l.onEvent(e);
        } catch (RuntimeException | LinkageError ignored) {
            // A broken listener must not break training; it keeps receiving later events.
        }
    }
}

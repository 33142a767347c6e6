package org.geopinn.api.session;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.geopinn.api.model.Model;
import org.geopinn.api.optimizer.OptimizerState;

/**
 * A training run on its own worker thread. Control methods act between two steps: a step in
 * progress always completes (or is rejected) first.
 */
@org.osgi.annotation.versioning.ProviderType
public interface Session {
    /** @return the session id (short, unique in the host) */
    String id();

    /** @return the spec, with the problem's defaults filled in */
    SessionSpec spec();

    /** @return the current state */
    SessionState state();

    /** @return a one-line status message (why it paused or failed, or the last step's note) */
    String message();

    /** @return the last event, or null before the first */
    TrainingEvent lastEvent();

    /**
     * The step events of this session so far, in step order (for history files and plots). A
     * resumed session lists only its own steps, from {@link SessionSpec#startStep()} on.
     *
     * @return the {@link TrainingEvent.Kind#STEP} events (an unmodifiable snapshot)
     */
    default List<TrainingEvent> history() {
        return List.of();
    }

    /**
     * The renewals of collocation points so far, in step order: a renewal told at step s (its
     * {@link TrainingEvent#step()}) gave the points that step s + 1 trains on. A resumed session
     * lists only its own.
     *
     * @return the {@link TrainingEvent.Kind#POINTS} events (an unmodifiable snapshot; empty if not tracked)
     */
    default List<TrainingEvent> pointRenewals() {
        return List.of();
    }

    /**
     * The problem's configuration over the run: the first entry holds the values at the start, each
     * further entry a change (the problem was re-created with other values) and the step from which
     * it was used.
     *
     * @return the configurations in step order (an unmodifiable snapshot; empty if not tracked)
     */
    default List<ProblemConfiguration> problemConfigurations() {
        return List.of();
    }

    /** @return the names of the conditions, in the order of the loss arrays of events */
    List<String> conditionNames();

    /** @return the model being trained */
    Model model();

    /** @return a copy of the current parameters (consistent: taken between two steps) */
    double[] parameters();

    /** @return the id of the current optimizer */
    String optimizerId();

    /** @return the current optimizer's state (taken between two steps) */
    OptimizerState optimizerState();

    /**
     * The history, parameters and optimizer state together, taken between the same two steps
     * (what a results folder or a checkpoint of a running session is written from). The default
     * reads the three one after the other, which is consistent only once the session has ended;
     * sessions that train override it.
     *
     * @return the snapshot
     */
    default SessionSnapshot snapshot() {
        return new SessionSnapshot(history(), parameters(), optimizerState(), pointRenewals());
    }

    /**
     * Replaces the optimizer between two steps; parameters carry over; the new optimizer may adopt
     * the old one's state.
     *
     * @param optimizerId the new optimizer's id
     * @param settings its settings
     * @throws org.geopinn.api.GeopinnException if no such optimizer is available or a setting is bad
     */
    void swapOptimizer(String optimizerId, Map<String, String> settings);

    /** Pauses between two steps. */
    void pause();

    /** Resumes a paused session (if the services it needs are present). */
    void resume();

    /** Stops between two steps; the session ends in {@link SessionState#STOPPED}. */
    void stop();

    /**
     * @param timeout how long to wait at most
     * @return the state when the session ended or the timeout passed
     * @throws InterruptedException if interrupted while waiting
     */
    SessionState await(Duration timeout) throws InterruptedException;

    /**
     * Runs a diagnostic between two steps on the current parameters and publishes its report as a
     * {@link TrainingEvent.Kind#DIAGNOSTIC} event.
     *
     * @param diagnosticId the diagnostic's id
     * @param options its options
     * @return the report
     * @throws org.geopinn.api.GeopinnException if no such diagnostic is available
     */
    org.geopinn.api.diagnostic.DiagnosticReport diagnose(String diagnosticId, Map<String, ?> options);

    /** @param listener receives this session's events from now on */
    void addListener(TrainingListener listener);

    /** @param listener no longer receives events */
    void removeListener(TrainingListener listener);
}

package org.geopinn.api.session;

import java.util.List;
import org.geopinn.api.optimizer.OptimizerState;

/**
 * What a results folder needs of a session, taken together between two steps, so that the
 * parameters, the optimizer's state and the step history describe the same step (a running
 * session can be written out and later resumed from it).
 *
 * @param history the step events so far ({@link Session#history()})
 * @param parameters a copy of the parameters after the last step of {@code history}
 * @param optimizerState the optimizer's state at that moment, or null if it has none
 * @param pointRenewals the renewals of collocation points so far ({@link Session#pointRenewals()})
 */
public record SessionSnapshot(List<TrainingEvent> history, double[] parameters, OptimizerState optimizerState,
        List<TrainingEvent> pointRenewals) {
    /** Copies the lists (the events themselves are immutable). */
    public SessionSnapshot {
        history = List.copyOf(history);
        pointRenewals = List.copyOf(pointRenewals);
    }

    /**
     * A snapshot of a session that does not track its point renewals.
     *
     * @param history the step events so far
     * @param parameters a copy of the parameters after the last step of {@code history}
     * @param optimizerState the optimizer's state at that moment, or null if it has none
     */
    public SessionSnapshot(List<TrainingEvent> history, double[] parameters, OptimizerState optimizerState) {
        this(history, parameters, optimizerState, List.of());
    }
}

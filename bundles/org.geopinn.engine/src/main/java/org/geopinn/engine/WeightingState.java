package org.geopinn.engine;

import java.util.HashMap;
import java.util.Map;
import org.geopinn.api.optimizer.OptimizerState;
import org.geopinn.api.weighting.LossWeighting;

/**
 * Carries the loss weighting's state ({@link LossWeighting#exportState}) inside the saved
 * optimizer state, as scalars named {@value #PREFIX}NAME: a resumed run then continues the
 * weighting's schedule (causal weighting's ε) instead of starting it again, and the saved file
 * keeps its one format. Optimizers read only their own scalar names, so the extra ones pass
 * through {@link org.geopinn.api.optimizer.Optimizer#importState} and adopt unread.
 */
final class WeightingState {
    /** Prefix of the weighting's scalars in the saved optimizer state. */
    static final String PREFIX = "weighting.";

    private WeightingState() {
    }

    /**
     * @param state the optimizer's state (null while none exists)
     * @param weighting the session's weighting, null for fixed weights
     * @return the state with the weighting's scalars added (the same object when there are none)
     */
    static OptimizerState attach(OptimizerState state, LossWeighting weighting) {
        if (state == null || weighting == null) {
            return state;
        }
        Map<String, Double> own = weighting.exportState();
        if (own.isEmpty()) {
            return state;
        }
        Map<String, Double> scalars = new HashMap<>(state.scalars());
        own.forEach((k, v) -> scalars.put(PREFIX + k, v));
        return new OptimizerState(state.optimizerId(), state.parameterCount(), state.arrays(), scalars);
    }

    /**
     * Hands the weighting the scalars {@link #attach} saved, if any.
     *
     * @param state the saved optimizer state (null: nothing to restore)
     * @param weighting the session's weighting, null for fixed weights
     */
    static void restore(OptimizerState state, LossWeighting weighting) {
        if (state == null || weighting == null) {
            return;
        }
        Map<String, Double> own = new HashMap<>();
        state.scalars().forEach((k, v) -> {
            if (k.startsWith(PREFIX)) {
                own.put(k.substring(PREFIX.length()), v);
            }
        });
        if (!own.isEmpty()) {
            weighting.importState(own);
        }
    }
}

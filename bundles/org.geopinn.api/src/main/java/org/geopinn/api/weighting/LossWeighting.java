package org.geopinn.api.weighting;

import java.util.Map;
import org.geopinn.api.operator.ResidualSystem;

/**
 * A stateful policy that sets the weight of each condition. The session calls it before every
 * optimizer step; it changes the weights through {@link ResidualSystem#setWeights} when it decides to.
 */
@org.osgi.annotation.versioning.ConsumerType
public interface LossWeighting {
    /**
     * @param system the residual system
     * @param theta the current parameters (not modified)
     * @param step the number of steps taken so far
     * @return true if the weights were changed
     */
    boolean update(ResidualSystem system, double[] theta, long step);

    /**
     * The state a resumed run needs to continue where this one stopped (a schedule's position,
     * say), as named scalars. Weights that follow from the residuals and this state need not be
     * in it: the first {@link #update} of the resumed run computes them again.
     *
     * @return named scalars; empty (the default) for a weighting without such state
     */
    default Map<String, Double> exportState() {
        return Map.of();
    }

    /**
     * Restores {@link #exportState()}'s scalars before the first {@link #update} of a resumed run.
     *
     * @param state the scalars a run of the same weighting exported; names it does not know are ignored
     */
    default void importState(Map<String, Double> state) {
    }
}

package org.geopinn.api.weighting;

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
}

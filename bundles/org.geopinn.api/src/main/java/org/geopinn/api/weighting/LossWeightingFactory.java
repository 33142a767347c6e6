package org.geopinn.api.weighting;

import java.util.Map;

/**
 * A service creating loss-weighting policies of one kind ({@code fixed}, {@code gradnorm},
 * {@code annealing}), registered with the {@code geopinn.id} property.
 */
@org.osgi.annotation.versioning.ConsumerType
public interface LossWeightingFactory {
    /** @return the policy id */
    String id();

    /** @return a one-line description */
    String description();

    /**
     * @param overrides settings that differ from the configured defaults
     * @return a fresh policy
     * @throws org.geopinn.api.GeopinnException for an unknown setting or a bad value
     */
    LossWeighting create(Map<String, ?> overrides);
}

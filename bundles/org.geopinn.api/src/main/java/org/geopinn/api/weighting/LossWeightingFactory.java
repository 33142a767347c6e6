package org.geopinn.api.weighting;

import java.util.Map;
import org.geopinn.api.Identified;

/**
 * A service creating loss-weighting policies of one kind ({@code fixed}, {@code gradnorm},
 * {@code annealing}), registered with the {@code geopinn.id} property.
 */
@org.osgi.annotation.versioning.ConsumerType
public interface LossWeightingFactory extends Identified {
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

    /**
     * A policy for one problem. Sessions call this form; policies that need to know the problem
     * (e.g. which variable is time, which conditions hold in the interior) override it.
     *
     * @param overrides settings that differ from the configured defaults
     * @param problem the problem the session trains
     * @return a fresh policy
     * @throws org.geopinn.api.GeopinnException for an unknown setting, a bad value, or a problem the
     *         policy cannot weight
     */
    default LossWeighting create(Map<String, ?> overrides, org.geopinn.api.problem.Problem problem) {
        return create(overrides);
    }
}

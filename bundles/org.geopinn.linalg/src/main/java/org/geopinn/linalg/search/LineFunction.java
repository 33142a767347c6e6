package org.geopinn.linalg.search;

/** The loss along a search line, φ(η), as used by the grid search. */
@FunctionalInterface
@org.osgi.annotation.versioning.ConsumerType
public interface LineFunction {
    /**
     * @param eta the step
     * @return φ(η) (may be non-finite: such steps are never chosen)
     */
    double value(double eta);
}

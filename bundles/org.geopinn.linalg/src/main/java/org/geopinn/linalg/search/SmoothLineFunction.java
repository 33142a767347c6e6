package org.geopinn.linalg.search;

/**
 * The loss along a search line with its slope, φ(t) = L(θ + t·d), φ'(t) = ∇L(θ + t·d)·d, for the
 * strong-Wolfe search. The search tells the caller which evaluated point is the best so far
 * through {@link #keep()}, so the caller can keep that point's parameters and gradient without
 * re-evaluating.
 */
@org.osgi.annotation.versioning.ConsumerType
public interface SmoothLineFunction {
    /**
     * Evaluates φ and φ' at t.
     *
     * @param t the step
     * @return φ(t) (may be non-finite)
     */
    double value(double t);

    /** @return φ'(t) at the most recent {@link #value} call */
    double slope();

    /** The most recently evaluated point becomes the best point: keep its state. */
    void keep();
}

package org.geopinn.api.operator;

/**
 * A {@link LeastSquaresSystem} whose collocation the engine controls: the points of each condition
 * (resampling, time windows) and the weights of groups and rows (loss balancing, causal weights).
 * Every change advances {@link #revision()}. Optimizers see only the read-only
 * {@link LeastSquaresSystem}.
 */
@org.osgi.annotation.versioning.ProviderType
public interface ResidualSystem extends LeastSquaresSystem {
    /**
     * Changes the weights of the groups (for loss balancing); the rows are rescaled accordingly
     * and {@link #revision()} advances.
     *
     * @param weights one positive weight per group (not modified)
     */
    void setWeights(double[] weights);

    /**
     * Weights single rows of one group on top of the group's weight (for example causal weights
     * that depend on a point's time): row i of the group becomes √ρ_i times what it was, so its
     * share of the loss is ρ_i times its unweighted share. The weights hold until the group's
     * points change ({@link #setPoints} resets them to 1); {@link #revision()} advances.
     *
     * @param group the condition's name
     * @param rowWeights one finite, non-negative weight per row of the group, or null for all 1 (not modified)
     * @throws org.geopinn.api.GeopinnException for an unknown group, a wrong count or a bad weight,
     *         or when this system does not support row weights
     */
    default void setRowWeights(String group, double[] rowWeights) {
        throw new org.geopinn.api.GeopinnException("this residual system (" + getClass().getSimpleName()
                + ") does not support per-row weights");
    }

    /**
     * @param group the condition's name
     * @return its row weights set by {@link #setRowWeights} (a copy), null while they are all 1
     */
    default double[] rowWeights(String group) {
        return null;
    }

    /**
     * Replaces the collocation points of one condition (resampling); {@link #revision()} advances.
     *
     * @param group the condition's name
     * @param points row-major n×d, n may differ from before (not modified)
     */
    void setPoints(String group, double[] points);

    /** @param group the condition's name @return its current points, row-major n×d (a copy) */
    double[] points(String group);
}

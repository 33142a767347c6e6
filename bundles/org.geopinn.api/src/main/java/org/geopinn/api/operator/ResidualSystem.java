package org.geopinn.api.operator;

import java.util.List;
import org.geopinn.api.model.ParameterLayout;

/**
 * The nonlinear least-squares problem that every optimizer works against:
 * minimise L(θ) = ½‖r(θ)‖² over θ ∈ R^P, with the residual vector r ∈ R^S stacked by condition
 * ({@link #groups()}) and already scaled by the condition weights (see {@link LossScaling}).
 *
 * <p>Every method takes the parameters explicitly, so line searches can evaluate trial points
 * without touching the session's parameters. Implementations cache the last forward pass, so
 * asking for the loss, then the Jacobian at the same θ costs one forward pass. Not thread-safe.
 */
@org.osgi.annotation.versioning.ProviderType
public interface ResidualSystem {
    /** @return P, the number of parameters */
    int parameterCount();

    /** @return S, the number of residual rows */
    int residualCount();

    /** @return the row groups, one per condition, in stacking order */
    List<ResidualGroup> groups();

    /** @return the layout of the parameter vector (blocks per layer and per network) */
    ParameterLayout parameterLayout();

    /**
     * @param theta the parameters (not modified)
     * @param out receives r(θ), length S (modified)
     */
    void residuals(double[] theta, double[] out);

    /**
     * @param theta the parameters (not modified)
     * @return L(θ) = ½‖r(θ)‖²
     */
    double loss(double[] theta);

    /**
     * @param theta the parameters (not modified)
     * @param gradient receives ∇L(θ) = Jᵀr, length P (modified)
     * @return L(θ)
     */
    double lossAndGradient(double[] theta, double[] gradient);

    /**
     * @param theta the parameters (not modified)
     * @param out receives the Jacobian J = ∂r/∂θ, row-major S×P (modified)
     */
    void jacobian(double[] theta, double[] out);

    /**
     * @param theta the parameters (not modified)
     * @param v a parameter direction, length P (not modified)
     * @param out receives J·v, length S (modified)
     */
    void jacobianTimes(double[] theta, double[] v, double[] out);

    /**
     * @param theta the parameters (not modified)
     * @param u a residual-space vector, length S (not modified)
     * @param out receives Jᵀ·u, length P (modified)
     */
    void jacobianTransposeTimes(double[] theta, double[] u, double[] out);

    /**
     * @param theta the parameters (not modified)
     * @return ½‖r_g‖² per group, with the current weights
     */
    double[] groupLosses(double[] theta);

    /** @return the current weight of each group (a copy) */
    double[] weights();

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

    /**
     * @return a counter that advances whenever points or weights change: curvature information
     *         gathered at an earlier revision (L-BFGS pairs, SOAP factors) may be stale
     */
    long revision();
}

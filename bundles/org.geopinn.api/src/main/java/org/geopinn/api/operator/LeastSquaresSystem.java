package org.geopinn.api.operator;

import java.util.List;
import org.geopinn.api.model.ParameterLayout;

/**
 * The nonlinear least-squares problem as an optimizer sees it, read-only:
 * minimise L(θ) = ½‖r(θ)‖² over θ ∈ R^P, with the residual vector r ∈ R^S stacked by condition
 * ({@link #groups()}) and already scaled by the condition weights (see {@link LossScaling}).
 * Where the points and weights come from, and when they change, is the engine's business
 * ({@link ResidualSystem}); an optimizer only learns that they changed from {@link #revision()}.
 *
 * <p>Every method takes the parameters explicitly, so line searches can evaluate trial points
 * without touching the session's parameters. Implementations cache the last forward pass, so
 * asking for the loss, then the Jacobian at the same θ costs one forward pass. Not thread-safe.
 */
@org.osgi.annotation.versioning.ProviderType
public interface LeastSquaresSystem {

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
     * @return a counter that advances whenever points or weights change: curvature information
     *         gathered at an earlier revision (L-BFGS pairs, SOAP factors) may be stale
     */
    long revision();

}

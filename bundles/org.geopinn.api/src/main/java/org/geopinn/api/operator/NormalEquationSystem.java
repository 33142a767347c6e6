package org.geopinn.api.operator;

/**
 * A least-squares system that forms the Gauss–Newton quantities itself, for systems whose rows are not
 * held where the optimizer runs (for example collocation points held in blocks by the members of
 * a cluster, each member summing its rows' share). Optimizers that need JᵀJ, Jᵀr or JᵀJ·v check
 * for this capability ({@code system instanceof NormalEquationSystem}) and, when it is there, ask
 * for these sums instead of forming them from {@link #jacobian} or from S-long products: only
 * P×P and P-long values then reach the optimizer, never an S×P Jacobian.
 *
 * <p>The sums are those of the system's own rows (with its weights and scaling), so a step
 * computed from them is the step computed from J up to rounding.
 */
@org.osgi.annotation.versioning.ProviderType
public interface NormalEquationSystem extends LeastSquaresSystem {
    /**
     * @param theta the parameters (not modified)
     * @param gram receives G = JᵀJ, P×P row-major, both triangles (modified)
     * @param gradient receives Jᵀr = ∇L(θ), length P (modified)
     * @return L(θ) = ½‖r(θ)‖²
     */
    double normalEquations(double[] theta, double[] gram, double[] gradient);

    /**
     * The Gauss–Newton product without an S-long vector leaving the system.
     *
     * @param theta the parameters (not modified)
     * @param v a parameter direction, length P (not modified)
     * @param out receives JᵀJ·v, length P (modified)
     */
    void gaussNewtonTimes(double[] theta, double[] v, double[] out);
}

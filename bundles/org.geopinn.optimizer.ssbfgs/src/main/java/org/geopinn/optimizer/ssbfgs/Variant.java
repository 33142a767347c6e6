package org.geopinn.optimizer.ssbfgs;

/**
 * The members of the self-scaled Broyden family offered, following M. Al-Baali, "Numerical
 * experience with a class of self-scaling quasi-Newton algorithms" (JOTA 1998) and their use for
 * PINNs by Urbán, Stefanou &amp; Pons, "Unveiling the optimization process of physics informed
 * neural networks: how accurate and competitive can PINNs be?" (J. Comput. Phys. 2025) and
 * Kiyani, Shukla, Urbán, Darbon &amp; Karniadakis, "Optimizing the optimizer for physics-informed
 * neural networks and Kolmogorov–Arnold networks" (2025).
 *
 * <p>With s = θ_{k+1} − θ_k, y = g_{k+1} − g_k, ρ = 1/(yᵀs), the scalars are
 * b_k = −α_k ρ sᵀg_k (= sᵀB_k s/yᵀs, since B_k s = −α_k g_k), h_k = ρ yᵀH_k y and
 * a_k = b_k h_k − 1 ≥ 0.
 */
enum Variant {
    /** Self-scaled BFGS: θ_k = 0 (φ_k = 1); τ_k = h_k at the first update, then min(1, 1/b_k). */
    SSBFGS,
    /** Self-scaled Broyden: θ_k and τ_k from Al-Baali's rule (see {@link InverseHessian}). */
    SSBROYDEN,
    /** The classic BFGS update: θ_k = 0, τ_k = 1. */
    BFGS
}

package org.geopinn.optimizer.lm;

import org.ejml.data.DMatrixRMaj;

/**
 * Solves the damped normal equations of one step for any number of damping values:
 * δ = −(JᵀJ + λI)⁻¹Jᵀu, through the smaller Gram matrix (δ = −Jᵀ(JJᵀ + λI)⁻¹u when S ≤ P).
 * The Jacobian is given once per step; buffers are kept between steps.
 */
interface DampedSolver {
    /**
     * @param jacobian J, S×P (not modified; read until the next call)
     */
    void prepare(DMatrixRMaj jacobian);

    /**
     * @param lambda λ &gt; 0
     * @param u a residual-space vector, length S (not modified)
     * @param out receives δ, length P (modified)
     * @return false if the damped matrix is not numerically positive definite (λ too small)
     */
    boolean solve(double lambda, double[] u, double[] out);

    /** @return which side was used, for the step's note, e.g. "JJᵀ 400×400" */
    String side();
}

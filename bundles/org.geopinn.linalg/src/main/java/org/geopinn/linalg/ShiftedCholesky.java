package org.geopinn.linalg;

import org.ejml.data.DMatrixRMaj;

/**
 * Solves (G + σI)x = b for one symmetric matrix G and a sequence of shifts σ, as a damped
 * Gauss–Newton step does for each damping value it tries: G is loaded once, each new σ costs one
 * Cholesky factorization (n³/3), each right-hand side two triangular solves (n²). Obtained from
 * {@link DenseKernels#shiftedCholesky()}; an instance keeps G, the factor and its work buffers
 * between calls (a native implementation keeps them off-heap, so nothing of size n² crosses into
 * Java after {@link #load}) and is not thread-safe.
 */
@org.osgi.annotation.versioning.ConsumerType
public interface ShiftedCholesky {

    /**
     * Takes a copy of G and forgets the previous factorization.
     *
     * @param g n×n symmetric (not modified, not kept)
     */
    void load(DMatrixRMaj g);

    /**
     * Factorizes G + σI.
     *
     * @param shift σ
     * @return false if G + σI is not numerically positive definite (no solve until a factorization succeeds)
     */
    boolean factor(double shift);

    /**
     * x = (G + σI)⁻¹b with the last successful {@link #factor}.
     *
     * @param b length n (not modified)
     * @param x receives the solution, length n (may be b)
     */
    void solve(double[] b, double[] x);
}

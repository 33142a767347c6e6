package org.geopinn.linalg;

import org.ejml.data.DMatrixRMaj;

/**
 * Gram matrices of a Jacobian that skip its zero blocks ({@link BlockPattern}): the products
 * J[R_i, C_g]·J[R_k, C_g]ᵀ (or J[R_i, C_g]ᵀ·J[R_i, C_h]) of blocks found zero are not formed, which
 * is exact. Obtained from {@link DenseKernels#blockGram()}; an instance keeps its work buffers and is
 * not thread-safe. When skipping would save less than {@link BlockPattern#MIN_SAVING} of the work,
 * the plain kernel runs.
 */
@org.osgi.annotation.versioning.ConsumerType
public interface BlockGram {

    /**
     * c = a·aᵀ (both triangles filled).
     *
     * @param a m×n (not modified)
     * @param pattern the zero blocks of a ({@link BlockPattern#find} on a)
     * @param c receives m×m (modified)
     */
    void gramOfRows(DMatrixRMaj a, BlockPattern pattern, DMatrixRMaj c);

    /**
     * c = aᵀ·a (both triangles filled).
     *
     * @param a m×n (not modified)
     * @param pattern the zero blocks of a ({@link BlockPattern#find} on a)
     * @param c receives n×n (modified)
     */
    void gramOfColumns(DMatrixRMaj a, BlockPattern pattern, DMatrixRMaj c);
}

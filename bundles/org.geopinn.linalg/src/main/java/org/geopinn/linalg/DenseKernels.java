package org.geopinn.linalg;

import org.ejml.data.DMatrixRMaj;

/**
 * The few heavy dense kernels the optimizers need, behind one interface so that a faster backend
 * can be added as a bundle without touching the optimizers. Outputs are reshaped when their size
 * differs; passing correctly sized outputs avoids allocation. Instances may keep work buffers and
 * are not thread-safe (they may use several threads inside one call).
 */
@org.osgi.annotation.versioning.ConsumerType
public interface DenseKernels {

    /** @return the EJML-backed kernels (a new instance with its own work buffers) */
    static DenseKernels ejml() {
        return new EjmlDenseKernels();
    }

    /**
     * @return the kernels {@link Kernels} chooses: native ones when a bundle offers them, else
     *         {@link #ejml()} (a new instance with its own work buffers)
     * @throws org.geopinn.api.GeopinnException if the system property {@value Kernels#PROPERTY}
     *         is invalid or forces kernels that are not available
     */
    static DenseKernels preferred() {
        return Kernels.create();
    }

    /**
     * @return a new solver for all eigenvalues and the leading eigenvectors of symmetric matrices
     *         (the default: tridiagonal reduction with EJML, inverse iteration in Java)
     */
    default LeadingEigenSolver leadingEigen() {
        return new org.geopinn.linalg.pinv.LeadingEigenvectors();
    }

    /**
     * @return a new solver of (G + σI)x = b for several shifts σ of one symmetric G (the default:
     *         {@link #cholesky} on a shifted copy, triangular solves in Java)
     */
    default ShiftedCholesky shiftedCholesky() {
        return new JavaShiftedCholesky(this);
    }

    /**
     * @return a new Gram kernel that skips the zero blocks of a Jacobian (the default: the blocks
     *         copied out and multiplied with {@link #gramOfRows} / {@link #gramOfColumns})
     */
    default BlockGram blockGram() {
        return new CopiedBlockGram(this);
    }

    /**
     * c = a·b.
     *
     * @param a m×k (not modified)
     * @param b k×n (not modified)
     * @param c receives m×n (modified)
     */
    void multiply(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c);

    /**
     * c = aᵀ·b.
     *
     * @param a k×m (not modified)
     * @param b k×n (not modified)
     * @param c receives m×n (modified)
     */
    void multiplyTransA(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c);

    /**
     * c = a·bᵀ.
     *
     * @param a m×k (not modified)
     * @param b n×k (not modified)
     * @param c receives m×n (modified)
     */
    void multiplyTransB(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c);

    /**
     * The Gram matrix of the rows, c = a·aᵀ (symmetric, both triangles filled).
     *
     * @param a m×n (not modified)
     * @param c receives m×m (modified)
     */
    void gramOfRows(DMatrixRMaj a, DMatrixRMaj c);

    /**
     * The Gram matrix of the columns, c = aᵀ·a (symmetric, both triangles filled).
     *
     * @param a m×n (not modified)
     * @param c receives n×n (modified)
     */
    void gramOfColumns(DMatrixRMaj a, DMatrixRMaj c);

    /**
     * Thin singular value decomposition a = U·diag(σ)·Vᵀ with σ descending.
     *
     * @param a m×n (not modified)
     * @return the factors, k = min(m, n) singular triplets
     * @throws ArithmeticException if the decomposition fails (non-finite input)
     */
    ThinSvd svd(DMatrixRMaj a);

    /**
     * Eigendecomposition of a symmetric matrix, a = Q·diag(λ)·Qᵀ, eigenvalues descending.
     *
     * @param a n×n symmetric (not modified)
     * @param values receives λ, length n (modified)
     * @param vectors receives Q, n×n with eigenvectors as columns (modified)
     * @throws ArithmeticException if the decomposition fails (non-finite input)
     */
    void symmetricEigen(DMatrixRMaj a, double[] values, DMatrixRMaj vectors);

    /**
     * Cholesky factorisation a = L·Lᵀ.
     *
     * @param a n×n symmetric positive definite (not modified)
     * @param lower receives L, lower triangular with zeros above (modified)
     * @return false if a is not positive definite (lower is then undefined)
     */
    boolean cholesky(DMatrixRMaj a, DMatrixRMaj lower);

    /**
     * Thin QR factorisation a = Q·R of a tall or square matrix.
     *
     * @param a m×n, m ≥ n (not modified)
     * @param q receives Q, m×n with orthonormal columns (modified)
     * @param r receives R, n×n upper triangular (modified)
     */
    void qr(DMatrixRMaj a, DMatrixRMaj q, DMatrixRMaj r);
}

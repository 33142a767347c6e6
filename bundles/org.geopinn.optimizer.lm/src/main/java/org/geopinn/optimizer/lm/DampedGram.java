package org.geopinn.optimizer.lm;

import org.ejml.data.DMatrixRMaj;
import org.geopinn.linalg.DenseKernels;
import org.geopinn.linalg.ShiftedCholesky;

/**
 * A Gram matrix G (n×n) and the Cholesky factor of G + λI, computed once per λ: a rejected step
 * retried with a larger λ refactors, a solve at the same λ does not. Shared by the solve through the
 * Jacobian ({@link CholeskySolver}) and the one from a summed JᵀJ ({@link GramCholesky}). G is
 * handed to the kernels' {@link ShiftedCholesky} on the first solve after it was filled (the native
 * one keeps it and the factor off-heap).
 */
final class DampedGram {
    private final DenseKernels kernels = DenseKernels.preferred();
    private final ShiftedCholesky cholesky = kernels.shiftedCholesky();
    private final DMatrixRMaj gram = new DMatrixRMaj(1, 1);
    private boolean loaded;
    private double factored = Double.NaN;

    /** @return the kernels the Gram matrix is formed with */
    DenseKernels kernels() {
        return kernels;
    }

    /** @param n the order @return G, n×n, to be filled (a new step: the factorization is forgotten) */
    DMatrixRMaj gram(int n) {
        gram.reshape(n, n);
        loaded = false;
        factored = Double.NaN;
        return gram;
    }

    /**
     * x = (G + λI)⁻¹b.
     *
     * @param lambda λ &gt; 0
     * @param b the right-hand side, length n (not modified)
     * @param x receives the solution
     * @return false if G + λI is not numerically positive definite
     */
    boolean solve(double lambda, double[] b, double[] x) {
        if (!loaded) {
            cholesky.load(gram);
            loaded = true;
        }
        if (lambda != factored) {
            factored = Double.NaN;
            if (!cholesky.factor(lambda)) {
                return false;
            }
            factored = lambda;
        }
        cholesky.solve(b, x);
        return true;
    }
}

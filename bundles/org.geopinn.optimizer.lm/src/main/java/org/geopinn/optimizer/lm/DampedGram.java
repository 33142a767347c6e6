package org.geopinn.optimizer.lm;

import org.ejml.data.DMatrixRMaj;
import org.geopinn.linalg.DenseKernels;

/**
 * A Gram matrix G (n×n) and the Cholesky factor of G + λI, computed once per λ: a rejected step
 * retried with a larger λ refactors, a solve at the same λ does not. Shared by the solve through the
 * Jacobian ({@link CholeskySolver}) and the one from a summed JᵀJ ({@link GramCholesky}).
 */
final class DampedGram {
    private final DenseKernels kernels = DenseKernels.preferred();
    private final DMatrixRMaj gram = new DMatrixRMaj(1, 1);
    private final DMatrixRMaj damped = new DMatrixRMaj(1, 1);
    private final DMatrixRMaj lower = new DMatrixRMaj(1, 1);
    private double factored = Double.NaN;

    /** @return the kernels the Gram matrix is formed with */
    DenseKernels kernels() {
        return kernels;
    }

    /** @param n the order @return G, n×n, to be filled (a new step: the factorization is forgotten) */
    DMatrixRMaj gram(int n) {
        gram.reshape(n, n);
        damped.reshape(n, n);
        factored = Double.NaN;
        return gram;
    }

    /** @return G as last filled */
    DMatrixRMaj gram() {
        return gram;
    }

    /**
     * x = (G + λI)⁻¹b.
     *
     * @param lambda λ &gt; 0
     * @param b the right-hand side, length n (overwritten by the intermediate)
     * @param x receives the solution
     * @return false if G + λI is not numerically positive definite
     */
    boolean solve(double lambda, double[] b, double[] x) {
        int n = gram.numRows;
        if (lambda != factored) {
            System.arraycopy(gram.data, 0, damped.data, 0, n * n);
            for (int i = 0; i < n; i++) {
                damped.data[i * n + i] += lambda;
            }
            factored = Double.NaN;
            if (!kernels.cholesky(damped, lower)) {
                return false;
            }
            factored = lambda;
        }
        substitute(lower.data, n, b, x);
        return true;
    }

    /** x = (LLᵀ)⁻¹b: forward then backward substitution (b is overwritten by the intermediate). */
    private static void substitute(double[] l, int n, double[] b, double[] x) {
        for (int i = 0; i < n; i++) {
            double s = b[i];
            int row = i * n;
            for (int k = 0; k < i; k++) {
                s -= l[row + k] * b[k];
            }
            b[i] = s / l[row + i];
        }
        for (int i = n - 1; i >= 0; i--) {
            double s = b[i];
            for (int k = i + 1; k < n; k++) {
                s -= l[k * n + i] * x[k];
            }
            x[i] = s / l[i * n + i];
        }
    }
}

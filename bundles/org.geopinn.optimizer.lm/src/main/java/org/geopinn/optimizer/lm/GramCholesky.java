package org.geopinn.optimizer.lm;

import org.ejml.data.DMatrixRMaj;
import org.geopinn.linalg.DenseKernels;

/**
 * The damped system from a given (column-scaled) Gram matrix G̃ = J̃ᵀJ̃, as a
 * {@link org.geopinn.api.operator.NormalEquationSystem} sums it: δ = −(G̃ + λI)⁻¹ g̃ by one
 * Cholesky factorization per λ, the same solve {@link CholeskySolver} does on the JᵀJ side.
 */
final class GramCholesky {
    private final DenseKernels kernels = DenseKernels.preferred();
    private final DMatrixRMaj gram = new DMatrixRMaj(1, 1);
    private final DMatrixRMaj damped = new DMatrixRMaj(1, 1);
    private final DMatrixRMaj lower = new DMatrixRMaj(1, 1);
    private double factored = Double.NaN;
    private double[] rhs = new double[0];

    /** @param p P @return G̃, P×P, to be filled (a new step: the factorization is forgotten) */
    DMatrixRMaj gram(int p) {
        gram.reshape(p, p);
        damped.reshape(p, p);
        if (rhs.length != p) {
            rhs = new double[p];
        }
        factored = Double.NaN;
        return gram;
    }

    /**
     * @param lambda λ &gt; 0
     * @param g g̃ = J̃ᵀr, length P (not modified)
     * @param out receives δ = −(G̃ + λI)⁻¹ g̃
     * @return false if G̃ + λI is not numerically positive definite
     */
    boolean solve(double lambda, double[] g, double[] out) {
        int n = rhs.length;
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
        System.arraycopy(g, 0, rhs, 0, n);
        CholeskySolver.substitute(lower.data, n, rhs, out);
        for (int i = 0; i < n; i++) {
            out[i] = -out[i];
        }
        return true;
    }

    /** @return the side used, for the step's note */
    String side() {
        int n = rhs.length;
        return "JᵀJ " + n + "×" + n + " from the system, Cholesky";
    }
}

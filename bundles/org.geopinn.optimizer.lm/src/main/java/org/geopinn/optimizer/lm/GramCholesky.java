package org.geopinn.optimizer.lm;

import org.ejml.data.DMatrixRMaj;

/**
 * The damped system from a given (column-scaled) Gram matrix G̃ = J̃ᵀJ̃, as a
 * {@link org.geopinn.api.operator.NormalEquationSystem} sums it: δ = −(G̃ + λI)⁻¹ g̃ by one
 * Cholesky factorization per λ, the same solve {@link CholeskySolver} does on the JᵀJ side.
 */
final class GramCholesky {
    private final DampedGram system = new DampedGram();
    private double[] rhs = new double[0];

    /** @param p P @return G̃, P×P, to be filled (a new step: the factorization is forgotten) */
    DMatrixRMaj gram(int p) {
        if (rhs.length != p) {
            rhs = new double[p];
        }
        return system.gram(p);
    }

    /**
     * @param lambda λ &gt; 0
     * @param g g̃ = J̃ᵀr, length P (not modified)
     * @param out receives δ = −(G̃ + λI)⁻¹ g̃
     * @return false if G̃ + λI is not numerically positive definite
     */
    boolean solve(double lambda, double[] g, double[] out) {
        System.arraycopy(g, 0, rhs, 0, rhs.length);
        if (!system.solve(lambda, rhs, out)) {
            return false;
        }
        for (int i = 0; i < rhs.length; i++) {
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

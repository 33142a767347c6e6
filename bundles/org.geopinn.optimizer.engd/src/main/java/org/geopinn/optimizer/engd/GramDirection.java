package org.geopinn.optimizer.engd;

import org.ejml.data.DMatrixRMaj;
import org.geopinn.linalg.DenseKernels;

/**
 * The ENGD direction from a given Gram matrix G = JᵀJ and ∇L = Jᵀr (as a
 * {@link org.geopinn.api.operator.NormalEquationSystem} sums them, e.g. over the members of a
 * cluster): G = V Λ Vᵀ, d = V_k Λ_k⁻¹ V_kᵀ ∇L over the eigenvalues above the cut-off. The same
 * least-squares direction as the Jacobian route, which has J at hand. Buffers are kept between steps.
 */
final class GramDirection {
    private final DenseKernels kernels = DenseKernels.preferred();
    private final DMatrixRMaj gram = new DMatrixRMaj(1, 1);
    private final DMatrixRMaj vectors = new DMatrixRMaj(1, 1);
    private double[] lambda = new double[0];
    private double[] gradient = new double[0];

    /** @param p P @return G, P×P, for the system to fill */
    DMatrixRMaj gram(int p) {
        gram.reshape(p, p);
        if (gradient.length != p) {
            gradient = new double[p];
            lambda = new double[p];
        }
        return gram;
    }

    /** @return ∇L, for the system to fill */
    double[] gradient() {
        return gradient;
    }

    /** Decomposes G. @return λ, descending */
    double[] decompose() {
        kernels.symmetricEigen(gram, lambda, vectors);
        return lambda;
    }

    /** @param rank the eigenvalues kept @param out receives d = V_k Λ_k⁻¹ V_kᵀ ∇L */
    void direction(int rank, double[] out) {
        int p = lambda.length;
        double[] v = vectors.data;
        java.util.Arrays.fill(out, 0);
        for (int k = 0; k < rank; k++) {
            double c = 0;
            for (int i = 0; i < p; i++) {
                c += v[i * p + k] * gradient[i];
            }
            double w = c / lambda[k];
            for (int i = 0; i < p; i++) {
                out[i] += v[i * p + k] * w;
            }
        }
    }
}

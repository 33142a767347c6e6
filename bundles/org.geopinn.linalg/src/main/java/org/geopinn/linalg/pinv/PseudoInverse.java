package org.geopinn.linalg.pinv;

import org.ejml.data.DMatrixRMaj;

/**
 * A factorization of the Jacobian J (S×P) that applies its truncated pseudo-inverse,
 * d_k = Σ_{i&lt;k} v_i (u_iᵀr)/σ_i, for any rank k after one factorization.
 */
public interface PseudoInverse {
    /**
     * @param jacobian J, S×P (not modified; may be kept and read until the next call)
     */
    void factorize(DMatrixRMaj jacobian);

    /** @return the singular values of J, descending (length min(S, P)); do not modify */
    double[] singularValues();

    /** @return the squared singular values (eigenvalues of the Gram matrix), descending; do not modify */
    default double[] singularValuesSquared() {
        double[] s = singularValues();
        double[] out = new double[s.length];
        for (int i = 0; i < s.length; i++) {
            out[i] = s[i] * s[i];
        }
        return out;
    }

    /** @return the smallest relative cut-off this factorization resolves reliably */
    double resolutionFloor();

    /** @param residual r, length S (not modified): prepares the coefficients u_iᵀr */
    void prepare(double[] residual);

    /**
     * @param rank k, 0 ≤ k ≤ min(S, P)
     * @param out receives d_k, length P (modified)
     */
    void direction(int rank, double[] out);

    /**
     * The Tikhonov-filtered (damped) pseudo-inverse: d = Σ_i v_i σ_i/(σ_i² + λ) (u_iᵀr), i.e.
     * (JᵀJ + λI)⁻¹Jᵀr, a soft cut-off at σ ≈ √λ.
     *
     * @param lambda the damping λ ≥ 0
     * @param out receives d, length P (modified)
     */
    void dampedDirection(double lambda, double[] out);
}

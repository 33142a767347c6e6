package org.geopinn.linalg;

import org.ejml.data.DMatrixRMaj;

/**
 * A thin singular value decomposition a = u·diag(sigma)·vᵀ, singular values descending.
 *
 * @param u m×k, orthonormal columns
 * @param sigma the k singular values, descending
 * @param v n×k, orthonormal columns
 */
public record ThinSvd(DMatrixRMaj u, double[] sigma, DMatrixRMaj v) {
    /**
     * @param relativeTolerance keep σ ≥ relativeTolerance·σ_max
     * @param absoluteTolerance and σ ≥ absoluteTolerance
     * @return the number of singular values kept
     */
    public int rank(double relativeTolerance, double absoluteTolerance) {
        if (sigma.length == 0) {
            return 0;
        }
        double cut = Math.max(relativeTolerance * sigma[0], absoluteTolerance);
        int k = 0;
        while (k < sigma.length && sigma[k] >= cut && sigma[k] > 0) {
            k++;
        }
        return k;
    }
}

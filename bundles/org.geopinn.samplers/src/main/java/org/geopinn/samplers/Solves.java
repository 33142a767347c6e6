package org.geopinn.samplers;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.SingularOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;
import org.geopinn.api.GeopinnException;

/**
 * The collocation learner's dense solves, all through EJML's singular value decomposition: truncated least squares,
 * Levenberg–Marquardt solves for several dampings, and the projection of columns off a range.
 */
final class Solves {

    private Solves() {
    }

    /** Levenberg–Marquardt solves of one matrix for several dampings, through one SVD. */
    static final class Damped {
        private final DMatrixRMaj u;
        private final DMatrixRMaj v;
        private final double[] sigma;
        private final int rows;
        private final int cols;

        Damped(double[] m, int rows, int cols) {
            this.rows = rows;
            this.cols = cols;
            SingularValueDecomposition_F64<DMatrixRMaj> svd = DecompositionFactory_DDRM.svd(rows, cols, true, true, true);
            if (!svd.decompose(new DMatrixRMaj(rows, cols, true, m.clone()))) {
                throw new GeopinnException("collocation learning: singular value decomposition of the point step did not converge");
            }
            u = svd.getU(null, false);
            v = svd.getV(null, false);
            DMatrixRMaj w = svd.getW(null);
            sigma = new double[Math.min(w.numRows, w.numCols)];
            for (int k = 0; k < sigma.length; k++) {
                sigma[k] = w.get(k, k);
            }
        }

        /** argmin ‖M z − b‖² + λ‖z‖², λ = μ·σ_max². */
        double[] solve(double[] b, double mu) {
            double top = 0;
            for (double x : sigma) {
                top = Math.max(top, x);
            }
            double lambda = mu * top * top;
            double[] z = new double[cols];
            for (int k = 0; k < sigma.length; k++) {
                if (!(sigma[k] > 0)) {
                    continue;
                }
                double c = 0;
                for (int i = 0; i < rows; i++) {
                    c += u.get(i, k) * b[i];
                }
                c *= sigma[k] / (sigma[k] * sigma[k] + lambda);
                for (int q = 0; q < cols; q++) {
                    z[q] += v.get(q, k) * c;
                }
            }
            return z;
        }
    }

    /** min ‖M z − b‖ over singular values ≥ cutoff·σ_max. */
    static double[] truncated(double[] m, int rows, int cols, double[] b, double cutoff) {
        SingularValueDecomposition_F64<DMatrixRMaj> svd = DecompositionFactory_DDRM.svd(rows, cols, true, true, true);
        if (!svd.decompose(new DMatrixRMaj(rows, cols, true, m.clone()))) {
            throw new GeopinnException("collocation learning: singular value decomposition of a " + rows + "x" + cols + " matrix did not converge");
        }
        DMatrixRMaj u = svd.getU(null, false);
        DMatrixRMaj v = svd.getV(null, false);
        DMatrixRMaj w = svd.getW(null);
        SingularOps_DDRM.descendingOrder(u, false, w, v, false);
        int k = Math.min(w.numRows, w.numCols);
        double[] z = new double[cols];
        double top = k > 0 ? w.get(0, 0) : 0;
        for (int j = 0; j < k; j++) {
            double sigma = w.get(j, j);
            if (!(sigma > 0) || sigma < cutoff * top) {
                break;
            }
            double c = 0;
            for (int i = 0; i < rows; i++) {
                c += u.get(i, j) * b[i];
            }
            c /= sigma;
            for (int q = 0; q < cols; q++) {
                z[q] += v.get(q, j) * c;
            }
        }
        return z;
    }

    /**
     * @param w the singular values on the diagonal, descending
     * @param cutoff the relative cut-off
     * @return how many singular values are positive and at least cutoff·σ_max
     */
    static int rankAbove(DMatrixRMaj w, double cutoff) {
        int m = Math.min(w.numRows, w.numCols);
        double top = m > 0 ? w.get(0, 0) : 0;
        int k = 0;
        while (k < m && w.get(k, k) > 0 && w.get(k, k) >= cutoff * top) {
            k++;
        }
        return k;
    }

    /** Orthonormal basis (N×k, row-major, k in element 0 of the returned pair's length) of the range of Φ at the cut-off. */
    static double[][] rangeBasis(double[] phi, int n, int s, double cutoff) {
        SingularValueDecomposition_F64<DMatrixRMaj> svd = DecompositionFactory_DDRM.svd(n, s, true, false, true);
        if (!svd.decompose(new DMatrixRMaj(n, s, true, phi.clone()))) {
            throw new GeopinnException("collocation learning: singular value decomposition of the kernel sections did not converge");
        }
        DMatrixRMaj u = svd.getU(null, false);
        DMatrixRMaj w = svd.getW(null);
        SingularOps_DDRM.descendingOrder(u, false, w, null, false);
        int k = rankAbove(w, cutoff);
        double[][] q = new double[k][n];
        for (int j = 0; j < k; j++) {
            for (int i = 0; i < n; i++) {
                q[j][i] = u.get(i, j);
            }
        }
        return q;
    }

    /** The x-columns (after the first s of the n×cols matrix m), each with its components along q removed: n×(cols − s). */
    static double[] projectOut(double[] m, int n, int cols, int s, double[][] q) {
        int w = cols - s;
        double[] out = new double[n * w];
        double[] col = new double[n];
        for (int c = 0; c < w; c++) {
            for (int i = 0; i < n; i++) {
                col[i] = m[i * cols + s + c];
            }
            for (double[] basis : q) {
                double dot = 0;
                for (int i = 0; i < n; i++) {
                    dot += basis[i] * col[i];
                }
                for (int i = 0; i < n; i++) {
                    col[i] -= dot * basis[i];
                }
            }
            for (int i = 0; i < n; i++) {
                out[i * w + c] = col[i];
            }
        }
        return out;
    }
}

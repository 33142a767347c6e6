package org.geopinn.samplers;

import org.ejml.data.DMatrixRMaj;
import org.geopinn.api.GeopinnException;
import org.geopinn.linalg.DenseKernels;
import org.geopinn.linalg.ThinSvd;

/**
 * The collocation learner's dense solves, all through one thin singular value decomposition of the dense kernels
 * (LAPACK's divide and conquer where the native kernels are installed: at S ≈ P ≈ 10³ the pure-Java decomposition
 * was most of a learning round): truncated least squares, Levenberg–Marquardt solves for several dampings, and the
 * projection of columns off a range.
 */
final class Solves {

    private Solves() {
    }

    /**
     * @param kernels the dense kernels
     * @param m a row-major rows×cols matrix (not modified)
     * @return its thin decomposition, singular values descending
     * @throws GeopinnException when it does not converge (non-finite entries)
     */
    static ThinSvd svd(DenseKernels kernels, double[] m, int rows, int cols) {
        try {
            return kernels.svd(DMatrixRMaj.wrap(rows, cols, m));
        } catch (ArithmeticException e) {
            throw new GeopinnException("collocation learning: singular value decomposition of a " + rows + "x" + cols
                    + " matrix did not converge (" + e.getMessage() + ")");
        }
    }

    /** Levenberg–Marquardt solves of one matrix for several dampings, through one SVD. */
    static final class Damped {
        private final double[] u;
        private final double[] v;
        private final double[] sigma;
        private final int rows;
        private final int cols;

        Damped(DenseKernels kernels, double[] m, int rows, int cols) {
            this.rows = rows;
            this.cols = cols;
            ThinSvd svd = svd(kernels, m, rows, cols);
            u = svd.u().data;
            v = svd.v().data;
            sigma = svd.sigma();
        }

        /** argmin ‖M z − b‖² + λ‖z‖², λ = μ·σ_max². */
        double[] solve(double[] b, double mu) {
            int k = sigma.length;
            double top = k > 0 ? sigma[0] : 0;
            double lambda = mu * top * top;
            double[] coef = transposeTimes(u, rows, k, b, k);
            for (int j = 0; j < k; j++) {
                coef[j] = sigma[j] > 0 ? coef[j] * sigma[j] / (sigma[j] * sigma[j] + lambda) : 0;
            }
            return combine(v, cols, k, coef, k);
        }
    }

    /** @return Σ_{q < len} x[offset + q]·y[q] (a row of a row-major matrix times the leading entries of y) */
    static double dot(double[] x, int offset, double[] y, int len) {
        double sum = 0;
        for (int q = 0; q < len; q++) {
            sum += x[offset + q] * y[q];
        }
        return sum;
    }

    /** @return the first r entries of mᵀ b, m a row-major n×k matrix */
    static double[] transposeTimes(double[] m, int n, int k, double[] b, int r) {
        double[] out = new double[r];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < r; j++) {
                out[j] += m[i * k + j] * b[i];
            }
        }
        return out;
    }

    /** @return Σ_{j < r} coef_j · (column j of the row-major n×k matrix m) */
    static double[] combine(double[] m, int n, int k, double[] coef, int r) {
        double[] z = new double[n];
        for (int q = 0; q < n; q++) {
            double sum = 0;
            for (int j = 0; j < r; j++) {
                sum += m[q * k + j] * coef[j];
            }
            z[q] = sum;
        }
        return z;
    }

    /** min ‖M z − b‖ over singular values ≥ cutoff·σ_max. */
    static double[] truncated(DenseKernels kernels, double[] m, int rows, int cols, double[] b, double cutoff) {
        ThinSvd svd = svd(kernels, m, rows, cols);
        int k = svd.sigma().length;
        int rank = svd.rank(cutoff, Double.MIN_VALUE);
        double[] coef = transposeTimes(svd.u().data, rows, k, b, rank);
        for (int j = 0; j < rank; j++) {
            coef[j] /= svd.sigma()[j];
        }
        return combine(svd.v().data, cols, k, coef, rank);
    }

    /**
     * @param sigma singular values, descending
     * @param cutoff the relative cut-off
     * @return how many singular values are positive and at least cutoff·σ_max
     */
    static int rankAbove(double[] sigma, double cutoff) {
        double top = sigma.length > 0 ? sigma[0] : 0;
        int k = 0;
        while (k < sigma.length && sigma[k] > 0 && sigma[k] >= cutoff * top) {
            k++;
        }
        return k;
    }

    /** Orthonormal basis (N×k, row-major, k in element 0 of the returned pair's length) of the range of Φ at the cut-off. */
    static double[][] rangeBasis(DenseKernels kernels, double[] phi, int n, int s, double cutoff) {
        ThinSvd svd = svd(kernels, phi, n, s);
        int m = svd.sigma().length;
        int k = rankAbove(svd.sigma(), cutoff);
        double[] u = svd.u().data;
        double[][] q = new double[k][n];
        for (int j = 0; j < k; j++) {
            for (int i = 0; i < n; i++) {
                q[j][i] = u[i * m + j];
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

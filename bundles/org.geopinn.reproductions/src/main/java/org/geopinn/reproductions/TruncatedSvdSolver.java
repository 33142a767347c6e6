package org.geopinn.reproductions;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.SingularOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;
import org.geopinn.api.GeopinnException;

/**
 * Least-squares solves A a = f by truncated SVD, keeping the P leading singular triplets, and the
 * relative training error ‖A a − f‖ / ‖f‖ that Chen, Yang, Xiang & Hao (2024) reports, measured with A itself (so the
 * rounding errors of inverting tiny singular values show).
 */
final class TruncatedSvdSolver {
    private final DMatrixRMaj a;
    private final DMatrixRMaj u;
    private final DMatrixRMaj v;
    private final double[] sigma;

    TruncatedSvdSolver(double[] matrix, int rows, int cols) {
        this.a = new DMatrixRMaj(rows, cols, true, matrix);
        SingularValueDecomposition_F64<DMatrixRMaj> svd = DecompositionFactory_DDRM.svd(rows, cols, true, true, true);
        if (!svd.decompose(a.copy())) {
            throw new GeopinnException("singular value decomposition of a " + rows + "x" + cols + " system matrix did not converge");
        }
        u = svd.getU(null, false);
        v = svd.getV(null, false);
        DMatrixRMaj w = svd.getW(null);
        SingularOps_DDRM.descendingOrder(u, false, w, v, false);
        sigma = new double[Math.min(w.numRows, w.numCols)];
        for (int k = 0; k < sigma.length; k++) {
            sigma[k] = w.get(k, k);
        }
    }

    /** @return the singular values, descending */
    double[] singularValues() {
        return sigma.clone();
    }

    /**
     * @param f the right-hand side, length rows
     * @param keep P, the number of singular triplets kept
     * @return a_P = Σ_{k&lt;P} v_k (u_kᵀ f) / σ_k
     */
    double[] solve(double[] f, int keep) {
        int rows = a.numRows;
        int cols = a.numCols;
        double[] x = new double[cols];
        for (int k = 0; k < keep; k++) {
            double c = 0;
            for (int i = 0; i < rows; i++) {
                c += u.get(i, k) * f[i];
            }
            c /= sigma[k];
            for (int j = 0; j < cols; j++) {
                x[j] += v.get(j, k) * c;
            }
        }
        return x;
    }

    /**
     * The damped (Levenberg–Marquardt) least-squares solution Σ_k v_k σ_k (u_kᵀ f) / (σ_k² + λ).
     *
     * @param f the right-hand side, length rows
     * @param lambda the damping λ ≥ 0
     * @return the solution
     */
    double[] solveDamped(double[] f, double lambda) {
        int rows = a.numRows;
        int cols = a.numCols;
        double[] x = new double[cols];
        for (int k = 0; k < sigma.length; k++) {
            double c = 0;
            for (int i = 0; i < rows; i++) {
                c += u.get(i, k) * f[i];
            }
            c *= sigma[k] / (sigma[k] * sigma[k] + lambda);
            for (int j = 0; j < cols; j++) {
                x[j] += v.get(j, k) * c;
            }
        }
        return x;
    }

    /**
     * @param f the right-hand side, length rows
     * @param keep P, the number of singular triplets kept
     * @return ‖A a_P − f‖ / ‖f‖ for a_P of {@link #solve}
     */
    double relativeError(double[] f, int keep) {
        return relativeResidual(a.data, a.numRows, a.numCols, solve(f, keep), f);
    }

    /** ‖A x − f‖ / ‖f‖ for a row-major rows×cols matrix. */
    static double relativeResidual(double[] matrix, int rows, int cols, double[] x, double[] f) {
        double num = 0;
        double den = 0;
        for (int i = 0; i < rows; i++) {
            double r = -f[i];
            for (int j = 0; j < cols; j++) {
                r += matrix[i * cols + j] * x[j];
            }
            num += r * r;
            den += f[i] * f[i];
        }
        return Math.sqrt(num / den);
    }
}

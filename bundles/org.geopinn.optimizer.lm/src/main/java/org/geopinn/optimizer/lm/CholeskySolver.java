package org.geopinn.optimizer.lm;

import org.ejml.data.DMatrixRMaj;
import org.geopinn.linalg.MatrixProducts;
import org.geopinn.linalg.DenseKernels;

/**
 * The damped system by Cholesky: the Gram matrix of the smaller side (JJᵀ, S×S, when S ≤ P;
 * JᵀJ, P×P, otherwise) is formed once per step with the shared Gram kernel, then each λ tried
 * costs one Cholesky factorization of the Gram matrix plus λI (n³/3) and two triangular solves.
 */
final class CholeskySolver implements DampedSolver {
    private final DenseKernels kernels = DenseKernels.preferred();
    private final DMatrixRMaj gram = new DMatrixRMaj(1, 1);
    private final DMatrixRMaj damped = new DMatrixRMaj(1, 1);
    private final DMatrixRMaj lower = new DMatrixRMaj(1, 1);
    private DMatrixRMaj jacobian;
    private boolean wide;
    private double factored = Double.NaN;
    private double[] rhs = new double[0];
    private double[] work = new double[0];

    @Override
    public void prepare(DMatrixRMaj j) {
        this.jacobian = j;
        wide = j.numRows <= j.numCols;
        int n = wide ? j.numRows : j.numCols;
        if (rhs.length != n) {
            rhs = new double[n];
            work = new double[n];
        }
        if (wide) {
            kernels.gramOfRows(j, gram);
        } else {
            kernels.gramOfColumns(j, gram);
        }
        damped.reshape(n, n);
        factored = Double.NaN;
    }

    @Override
    public boolean solve(double lambda, double[] u, double[] out) {
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
        if (wide) {
            System.arraycopy(u, 0, rhs, 0, n);
        } else {
            MatrixProducts.transposeTimes(jacobian, u, rhs);
        }
        substitute(lower.data, n, rhs, work);
        if (wide) {
            MatrixProducts.transposeTimes(jacobian, work, out);
            for (int i = 0; i < out.length; i++) {
                out[i] = -out[i];
            }
        } else {
            for (int i = 0; i < n; i++) {
                out[i] = -work[i];
            }
        }
        return true;
    }

    /** x = (LLᵀ)⁻¹b: forward then backward substitution (b is overwritten by the intermediate). */
    static void substitute(double[] l, int n, double[] b, double[] x) {
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

    @Override
    public String side() {
        int n = rhs.length;
        return (wide ? "JJᵀ " : "JᵀJ ") + n + "×" + n + ", Cholesky";
    }
}

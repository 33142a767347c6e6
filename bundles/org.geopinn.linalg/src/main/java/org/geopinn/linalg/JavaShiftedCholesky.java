package org.geopinn.linalg;

import org.ejml.data.DMatrixRMaj;

/**
 * {@link ShiftedCholesky} on any {@link DenseKernels}: the shifted copy is factorized by
 * {@link DenseKernels#cholesky}, the triangular solves run in Java on the row-major factor
 * (forward by rows of L, backward by rows of Lᵀ, both unit-stride).
 */
final class JavaShiftedCholesky implements ShiftedCholesky {
    private final DenseKernels kernels;
    private final DMatrixRMaj gram = new DMatrixRMaj(1, 1);
    private final DMatrixRMaj damped = new DMatrixRMaj(1, 1);
    private final DMatrixRMaj lower = new DMatrixRMaj(1, 1);
    private double[] intermediate = new double[0];

    JavaShiftedCholesky(DenseKernels kernels) {
        this.kernels = kernels;
    }

    @Override
    public void load(DMatrixRMaj g) {
        int n = g.numRows;
        gram.reshape(n, n);
        damped.reshape(n, n);
        System.arraycopy(g.data, 0, gram.data, 0, n * n);
        if (intermediate.length != n) {
            intermediate = new double[n];
        }
    }

    @Override
    public boolean factor(double shift) {
        int n = gram.numRows;
        System.arraycopy(gram.data, 0, damped.data, 0, n * n);
        for (int i = 0; i < n; i++) {
            damped.data[i * n + i] += shift;
        }
        return kernels.cholesky(damped, lower);
    }

    @Override
    public void solve(double[] b, double[] x) {
        int n = gram.numRows;
        double[] l = lower.data;
        double[] y = intermediate;
        for (int i = 0; i < n; i++) {
            double s = b[i];
            int row = i * n;
            for (int k = 0; k < i; k++) {
                s -= l[row + k] * y[k];
            }
            y[i] = s / l[row + i];
        }
        // Lᵀx = y by columns of Lᵀ (rows of L): once x[i] is known, remove it from the earlier rows
        for (int i = n - 1; i >= 0; i--) {
            int row = i * n;
            double xi = y[i] / l[row + i];
            x[i] = xi;
            for (int k = 0; k < i; k++) {
                y[k] -= l[row + k] * xi;
            }
        }
    }
}

package org.geopinn.optimizer.lm;

import org.ejml.data.DMatrixRMaj;

/** The two matrix–vector products of a step, on the row-major Jacobian buffer. */
final class Products {
    private Products() {
    }

    /** out = aᵀx (a is m×n, x length m, out length n). */
    static void transposeTimes(DMatrixRMaj a, double[] x, double[] out) {
        int cols = a.numCols;
        java.util.Arrays.fill(out, 0, cols, 0);
        for (int i = 0; i < a.numRows; i++) {
            double xi = x[i];
            if (xi == 0) {
                continue;
            }
            int row = i * cols;
            for (int c = 0; c < cols; c++) {
                out[c] += a.data[row + c] * xi;
            }
        }
    }

    /** out = a·x (a is m×n, x length n, out length m). */
    static void times(DMatrixRMaj a, double[] x, double[] out) {
        int cols = a.numCols;
        for (int i = 0; i < a.numRows; i++) {
            int row = i * cols;
            double s = 0;
            for (int c = 0; c < cols; c++) {
                s += a.data[row + c] * x[c];
            }
            out[i] = s;
        }
    }
}

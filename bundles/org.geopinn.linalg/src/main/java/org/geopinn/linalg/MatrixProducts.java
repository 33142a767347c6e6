package org.geopinn.linalg;

import org.ejml.data.DMatrixRMaj;

/**
 * Matrix–vector products on a row-major buffer (a Jacobian), without allocation: the two products
 * of a damped Gauss–Newton step.
 */
public final class MatrixProducts {
    private MatrixProducts() {
    }

    /**
     * out = aᵀx; only its first n entries are written.
     *
     * @param a an m×n matrix
     * @param x length m
     * @param out length at least n
     */
    public static void transposeTimes(DMatrixRMaj a, double[] x, double[] out) {
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

    /**
     * out = a·x.
     *
     * @param a an m×n matrix
     * @param x length n
     * @param out length at least m
     */
    public static void times(DMatrixRMaj a, double[] x, double[] out) {
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

package org.geopinn.autodiff;

/**
 * Dense matrix products on row-major {@code double[]} slices, allocation-free. The loops are in
 * i-k-j order with the innermost loop running along contiguous rows, unrolled by two output rows
 * and four inner indices, which the HotSpot C2 compiler turns into packed SIMD code; so the
 * shapes of jet propagation (many rows, a few dozen to hundreds of columns) run near the
 * machine's vector throughput. Every matrix is given as (array, offset) with its leading dimension
 * equal to its column count.
 */
public final class Gemm {
    /** Columns of B processed together, so a panel of B stays in the level-2 cache. */
    private static final int COLUMN_BLOCK = 256;

    private Gemm() {
    }

    /**
     * C (m×n) = A (m×k) · B (k×n), or C += A·B.
     *
     * @param m rows of A and C
     * @param n columns of B and C
     * @param k columns of A, rows of B
     * @param a A (not modified)
     * @param aOff offset of A
     * @param b B (not modified)
     * @param bOff offset of B
     * @param c C (modified); must not overlap A or B
     * @param cOff offset of C
     * @param accumulate whether to add to C instead of overwriting it
     */
    public static void multiply(int m, int n, int k, double[] a, int aOff, double[] b, int bOff, double[] c, int cOff,
            boolean accumulate) {
        if (!accumulate) {
            java.util.Arrays.fill(c, cOff, cOff + m * n, 0.0);
        }
        for (int j0 = 0; j0 < n; j0 += COLUMN_BLOCK) {
            int j1 = Math.min(n, j0 + COLUMN_BLOCK);
            int i = 0;
            for (; i + 1 < m; i += 2) {
                twoRows(n, k, a, aOff + i * k, b, bOff, c, cOff + i * n, j0, j1);
            }
            if (i < m) {
                oneRow(n, k, a, aOff + i * k, b, bOff, c, cOff + i * n, j0, j1);
            }
        }
    }

    private static void twoRows(int n, int k, double[] a, int a0, double[] b, int bOff, double[] c, int c0, int j0,
            int j1) {
        int a1 = a0 + k;
        int c1 = c0 + n;
        int p = 0;
        for (; p + 3 < k; p += 4) {
            double x0 = a[a0 + p], x1 = a[a0 + p + 1], x2 = a[a0 + p + 2], x3 = a[a0 + p + 3];
            double y0 = a[a1 + p], y1 = a[a1 + p + 1], y2 = a[a1 + p + 2], y3 = a[a1 + p + 3];
            int b0 = bOff + p * n;
            int b1 = b0 + n;
            int b2 = b1 + n;
            int b3 = b2 + n;
            for (int j = j0; j < j1; j++) {
                double v0 = b[b0 + j], v1 = b[b1 + j], v2 = b[b2 + j], v3 = b[b3 + j];
                c[c0 + j] += x0 * v0 + x1 * v1 + x2 * v2 + x3 * v3;
                c[c1 + j] += y0 * v0 + y1 * v1 + y2 * v2 + y3 * v3;
            }
        }
        for (; p < k; p++) {
            double x0 = a[a0 + p];
            double y0 = a[a1 + p];
            int b0 = bOff + p * n;
            for (int j = j0; j < j1; j++) {
                double v0 = b[b0 + j];
                c[c0 + j] += x0 * v0;
                c[c1 + j] += y0 * v0;
            }
        }
    }

    private static void oneRow(int n, int k, double[] a, int a0, double[] b, int bOff, double[] c, int c0, int j0,
            int j1) {
        int p = 0;
        for (; p + 3 < k; p += 4) {
            double x0 = a[a0 + p], x1 = a[a0 + p + 1], x2 = a[a0 + p + 2], x3 = a[a0 + p + 3];
            int b0 = bOff + p * n;
            int b1 = b0 + n;
            int b2 = b1 + n;
            int b3 = b2 + n;
            for (int j = j0; j < j1; j++) {
                c[c0 + j] += x0 * b[b0 + j] + x1 * b[b1 + j] + x2 * b[b2 + j] + x3 * b[b3 + j];
            }
        }
        for (; p < k; p++) {
            double x0 = a[a0 + p];
            int b0 = bOff + p * n;
            for (int j = j0; j < j1; j++) {
                c[c0 + j] += x0 * b[b0 + j];
            }
        }
    }

    /**
     * C (m×n) = Aᵀ · B with A (k×m) and B (k×n), or C += Aᵀ·B. The long inner dimension k is
     * streamed once while C stays in cache: the shape of a weight gradient Σ_rows δzᵀ a.
     *
     * @param m columns of A, rows of C
     * @param n columns of B and C
     * @param k rows of A and B
     * @param a A (not modified)
     * @param aOff offset of A
     * @param b B (not modified)
     * @param bOff offset of B
     * @param c C (modified); must not overlap A or B
     * @param cOff offset of C
     * @param accumulate whether to add to C instead of overwriting it
     */
    public static void multiplyTransposeA(int m, int n, int k, double[] a, int aOff, double[] b, int bOff, double[] c,
            int cOff, boolean accumulate) {
        if (!accumulate) {
            java.util.Arrays.fill(c, cOff, cOff + m * n, 0.0);
        }
        int p = 0;
        for (; p + 3 < k; p += 4) {
            int r0 = aOff + p * m;
            int r1 = r0 + m;
            int r2 = r1 + m;
            int r3 = r2 + m;
            int b0 = bOff + p * n;
            int b1 = b0 + n;
            int b2 = b1 + n;
            int b3 = b2 + n;
            int i = 0;
            for (; i + 1 < m; i += 2) {
                double x0 = a[r0 + i], x1 = a[r1 + i], x2 = a[r2 + i], x3 = a[r3 + i];
                double y0 = a[r0 + i + 1], y1 = a[r1 + i + 1], y2 = a[r2 + i + 1], y3 = a[r3 + i + 1];
                int c0 = cOff + i * n;
                int c1 = c0 + n;
                for (int j = 0; j < n; j++) {
                    double v0 = b[b0 + j], v1 = b[b1 + j], v2 = b[b2 + j], v3 = b[b3 + j];
                    c[c0 + j] += x0 * v0 + x1 * v1 + x2 * v2 + x3 * v3;
                    c[c1 + j] += y0 * v0 + y1 * v1 + y2 * v2 + y3 * v3;
                }
            }
            if (i < m) {
                double x0 = a[r0 + i], x1 = a[r1 + i], x2 = a[r2 + i], x3 = a[r3 + i];
                int c0 = cOff + i * n;
                for (int j = 0; j < n; j++) {
                    c[c0 + j] += x0 * b[b0 + j] + x1 * b[b1 + j] + x2 * b[b2 + j] + x3 * b[b3 + j];
                }
            }
        }
        for (; p < k; p++) {
            int r0 = aOff + p * m;
            int b0 = bOff + p * n;
            for (int i = 0; i < m; i++) {
                double x0 = a[r0 + i];
                int c0 = cOff + i * n;
                for (int j = 0; j < n; j++) {
                    c[c0 + j] += x0 * b[b0 + j];
                }
            }
        }
    }

    /**
     * out (cols×rows) = aᵀ for a (rows×cols).
     *
     * @param rows rows of a
     * @param cols columns of a
     * @param a the matrix (not modified)
     * @param aOff its offset
     * @param out receives the transpose (modified)
     * @param outOff its offset
     */
    public static void transpose(int rows, int cols, double[] a, int aOff, double[] out, int outOff) {
        for (int i = 0; i < rows; i++) {
            int r = aOff + i * cols;
            for (int j = 0; j < cols; j++) {
                out[outOff + j * rows + i] = a[r + j];
            }
        }
    }
}

package org.geopinn.autodiff;

/**
 * The dense products of jet propagation, allocation-free, on matrices stored as arrays of rows
 * ({@code double[][]}, each row one unit of a layer over the points, for one jet component).
 *
 * <p>Why rows in separate arrays: HotSpot C2 (JDK 17) vectorises a loop {@code c[j] += x0*a0[j] +
 * x1*a1[j] + …} over distinct arrays indexed alike, but not when one array is read at several
 * offsets in the same loop. With one array per row, the inner loops below run along the long
 * dimension (jets × points) as packed AVX code. Products whose result is small (weight gradients,
 * sums over points) use register-blocked dot products instead.
 *
 * <p>The small coefficient matrix M is read from a flat array with strides, so weights are used in
 * place in the parameter vector, transposed or not: M(r, s) = m[off + r·rowStride + s·colStride].
 */
public final class Gemm {
    /** Columns handled together, so the source rows of a block stay in the level-2 cache. */
    private static final int COLUMN_BLOCK = 512;
    /** Columns handled together in the dot products (sources in the level-1/2 cache). */
    private static final int DOT_BLOCK = 256;

    private Gemm() {
    }

    /**
     * out[r][from..to) (+)= Σ_s M(r, s) · src[s][from..to) for r &lt; rows, s &lt; sources.
     *
     * @param m the coefficients (not modified)
     * @param off offset of M(0, 0)
     * @param rowStride distance between M(r, s) and M(r+1, s)
     * @param colStride distance between M(r, s) and M(r, s+1)
     * @param rows the number of output rows
     * @param sources the number of source rows
     * @param src the source rows (not modified)
     * @param out the output rows (modified); no row may be a source row
     * @param from first column
     * @param to end column (exclusive)
     * @param accumulate whether to add to out instead of overwriting it
     */
    public static void combineRows(double[] m, int off, int rowStride, int colStride, int rows, int sources,
            double[][] src, double[][] out, int from, int to, boolean accumulate) {
        if (!accumulate && sources < 4) {
            for (int r = 0; r < rows; r++) {
                java.util.Arrays.fill(out[r], from, to, 0.0);
            }
        }
        boolean overwrite = !accumulate && sources >= 4;
        for (int b0 = from; b0 < to; b0 += COLUMN_BLOCK) {
            int b1 = Math.min(to, b0 + COLUMN_BLOCK);
            for (int r = 0; r < rows; r++) {
                int m0 = off + r * rowStride;
                double[] c0 = out[r];
                int s = 0;
                if (overwrite) {
                    // the first four sources set the row: no separate pass to clear it
                    fourSourcesSet(c0, src[0], src[1], src[2], src[3], m[m0], m[m0 + colStride], m[m0 + 2 * colStride],
                            m[m0 + 3 * colStride], b0, b1);
                    s = 4;
                }
                for (; s + 3 < sources; s += 4) {
                    int q = m0 + s * colStride;
                    fourSources(c0, src[s], src[s + 1], src[s + 2], src[s + 3], m[q], m[q + colStride],
                            m[q + 2 * colStride], m[q + 3 * colStride], b0, b1);
                }
                for (; s < sources; s++) {
                    oneSource(c0, src[s], m[m0 + s * colStride], b0, b1);
                }
            }
        }
    }

    /*
     * One output row and four sources per loop: C2 vectorises this shape (one store stream); with
     * two output rows in the same loop it does not, as it cannot rule out that they alias.
     */
    private static void fourSources(double[] c, double[] a0, double[] a1, double[] a2, double[] a3, double x0,
            double x1, double x2, double x3, int from, int to) {
        for (int j = from; j < to; j++) {
            c[j] += x0 * a0[j] + x1 * a1[j] + x2 * a2[j] + x3 * a3[j];
        }
    }

    private static void fourSourcesSet(double[] c, double[] a0, double[] a1, double[] a2, double[] a3, double x0,
            double x1, double x2, double x3, int from, int to) {
        for (int j = from; j < to; j++) {
            c[j] = x0 * a0[j] + x1 * a1[j] + x2 * a2[j] + x3 * a3[j];
        }
    }

    private static void oneSource(double[] c, double[] a, double x, int from, int to) {
        for (int j = from; j < to; j++) {
            c[j] += x * a[j];
        }
    }

    /**
     * Dot products of rows: out[off + r·cols + s] += Σ_{e&lt;len} x[r][e] · y[s][e] for r &lt; xRows,
     * s &lt; yRows; the shape of a weight gradient Σ_points δz aᵀ.
     *
     * @param x the left rows (not modified)
     * @param xRows how many
     * @param y the right rows (not modified)
     * @param yRows how many, also the row length of the result
     * @param len the length of the dot products
     * @param out the result, row-major xRows×yRows (modified, accumulated)
     * @param off offset of the result
     */
    public static void dotRows(double[][] x, int xRows, double[][] y, int yRows, int len, double[] out, int off) {
        dotRows(x, 0, xRows, y, yRows, len, out, off);
    }

    /**
     * {@link #dotRows(double[][], int, double[][], int, int, double[], int)} for the left rows
     * [rowFrom, rowTo) only.
     *
     * @param x the left rows (not modified)
     * @param rowFrom the first left row
     * @param rowTo the end of the left rows (exclusive)
     * @param y the right rows (not modified)
     * @param yRows how many
     * @param len the length of the dot products
     * @param out the result, row-major with yRows columns (modified, accumulated)
     * @param off offset of the result
     */
    public static void dotRows(double[][] x, int rowFrom, int rowTo, double[][] y, int yRows, int len, double[] out,
            int off) {
        int xRows = rowTo;
        for (int e0 = 0; e0 < len; e0 += DOT_BLOCK) {
            int e1 = Math.min(len, e0 + DOT_BLOCK);
            int r = rowFrom;
            for (; r + 1 < xRows; r += 2) {
                double[] p0 = x[r];
                double[] p1 = x[r + 1];
                int s = 0;
                for (; s + 3 < yRows; s += 4) {
                    double[] q0 = y[s];
                    double[] q1 = y[s + 1];
                    double[] q2 = y[s + 2];
                    double[] q3 = y[s + 3];
                    double s00 = 0, s01 = 0, s02 = 0, s03 = 0, s10 = 0, s11 = 0, s12 = 0, s13 = 0;
                    for (int e = e0; e < e1; e++) {
                        double u0 = p0[e];
                        double u1 = p1[e];
                        double v0 = q0[e];
                        double v1 = q1[e];
                        double v2 = q2[e];
                        double v3 = q3[e];
                        s00 += u0 * v0;
                        s01 += u0 * v1;
                        s02 += u0 * v2;
                        s03 += u0 * v3;
                        s10 += u1 * v0;
                        s11 += u1 * v1;
                        s12 += u1 * v2;
                        s13 += u1 * v3;
                    }
                    int o0 = off + r * yRows + s;
                    int o1 = o0 + yRows;
                    out[o0] += s00;
                    out[o0 + 1] += s01;
                    out[o0 + 2] += s02;
                    out[o0 + 3] += s03;
                    out[o1] += s10;
                    out[o1 + 1] += s11;
                    out[o1 + 2] += s12;
                    out[o1 + 3] += s13;
                }
                for (; s < yRows; s++) {
                    out[off + r * yRows + s] += dot(p0, y[s], e0, e1);
                    out[off + (r + 1) * yRows + s] += dot(p1, y[s], e0, e1);
                }
            }
            if (r < xRows) {
                for (int s = 0; s < yRows; s++) {
                    out[off + r * yRows + s] += dot(x[r], y[s], e0, e1);
                }
            }
        }
    }

    private static double dot(double[] a, double[] b, int from, int to) {
        double s0 = 0;
        double s1 = 0;
        int e = from;
        for (; e + 1 < to; e += 2) {
            s0 += a[e] * b[e];
            s1 += a[e + 1] * b[e + 1];
        }
        if (e < to) {
            s0 += a[e] * b[e];
        }
        return s0 + s1;
    }
}

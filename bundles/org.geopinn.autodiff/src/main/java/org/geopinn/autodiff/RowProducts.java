package org.geopinn.autodiff;

/**
 * The matrix products of a layer on the row layout of the evaluator ({@code [c][unit][i]}), each as
 * one product over all points and jet components: the weight gradient Σ_c δZ_c·A_cᵀ (inner
 * dimension points × components) and the layer products Z_c = M·A_c for every c (M the weights or
 * their transpose; columns points × components). The Java implementation ({@link #java()}) uses
 * {@link Gemm}'s register-blocked dot products and vectorised row combinations; a native bundle may
 * offer a faster one through {@link ProductKernels} (it packs the rows and calls a BLAS GEMM).
 * Instances may keep work buffers: one per evaluator, not shared between threads.
 */
@org.osgi.annotation.versioning.ConsumerType
public interface RowProducts {

    /** @return the pure-Java products (stateless) */
    static RowProducts java() {
        return JavaRowProducts.INSTANCE;
    }

    /**
     * out[off + r·yRows + s] += Σ_{c&lt;components} Σ_{i&lt;length} x[c][r][i] · y[c][s][i] for
     * r &lt; xRows, s &lt; yRows.
     *
     * @param x the left rows per component (not modified)
     * @param xRows how many left rows
     * @param y the right rows per component (not modified)
     * @param yRows how many right rows, also the row length of the result
     * @param components how many components
     * @param length the points of every row used
     * @param out the result, row-major xRows×yRows at off (modified, accumulated)
     * @param off offset of the result
     */
    void accumulate(double[][][] x, int xRows, double[][][] y, int yRows, int components, int length, double[] out, int off);

    /**
     * out[c][r][0, length) = Σ_{s&lt;sources} M(r, s) · src[c][s][0, length) for c &lt; components,
     * r &lt; rows, with M(r, s) = m[off + r·rowStride + s·colStride] (the weights in place, transposed
     * or not).
     *
     * @param m the coefficients (not modified)
     * @param off offset of M(0, 0)
     * @param rowStride distance between M(r, s) and M(r+1, s)
     * @param colStride distance between M(r, s) and M(r, s+1)
     * @param rows the number of output rows
     * @param sources the number of source rows
     * @param src the source rows per component (not modified)
     * @param out the output rows per component (modified); no row may be a source row
     * @param components how many components
     * @param length the points of every row used
     */
    default void combine(double[] m, int off, int rowStride, int colStride, int rows, int sources, double[][][] src,
            double[][][] out, int components, int length) {
        for (int c = 0; c < components; c++) {
            Gemm.combineRows(m, off, rowStride, colStride, rows, sources, src[c], out[c], 0, length, false);
        }
    }

    /** @return {@code java} or the name of the native implementation */
    String name();
}

package org.geopinn.autodiff;

/**
 * The weight-gradient product of a layer, Σ_c δZ_c·A_cᵀ over all points and jet components, on the
 * row layout of the evaluator ({@code [c][unit][i]}): one matrix product whose inner dimension is
 * points × components. The Java implementation ({@link #java()}) uses register-blocked dot products;
 * a native bundle may offer a faster one through {@link ProductKernels} (it packs the rows and calls
 * a BLAS GEMM). Instances may keep work buffers: one per evaluator, not shared between threads.
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

    /** @return {@code java} or the name of the native implementation */
    String name();
}

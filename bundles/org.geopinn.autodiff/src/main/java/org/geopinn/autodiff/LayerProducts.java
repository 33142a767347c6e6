package org.geopinn.autodiff;

/**
 * The two matrix products of a {@link JetNetworkEvaluator}'s passes on its row layout
 * ({@code [c][unit][i]}): a layer's rows out_c = M·src_c for every jet component c, and a weight
 * gradient Σ_c δZ_c A_cᵀ. Each goes to the native {@link RowProducts} when one is offered and the
 * product is wide enough, else to Java ({@link Gemm}) split into {@link Lanes}. The tasks are made
 * once: a product allocates nothing. Not thread-safe, like its evaluator.
 */
final class LayerProducts {
    /**
     * Layer products with fewer than this many rows or sources, and weight gradients with fewer than
     * its square entries, stay in Java: packing would cost more than the product. (The weight
     * gradients of a 2-input or 1-output layer are packed: their Java dot products run at scalar speed.)
     */
    private static final int PACKED_MIN_WIDTH = 8;

    private final RowProducts products;
    private final int components;
    private final CombineTask combineTask = new CombineTask();
    private final DotTask dotTask = new DotTask();

    /**
     * @param products the weight-gradient and layer products (native GEMM when offered)
     * @param components the jet components of every row
     */
    LayerProducts(RowProducts products, int components) {
        this.products = products;
        this.components = components;
    }

    /** @return the products used for the wide layers */
    RowProducts products() {
        return products;
    }

    /**
     * out_c[r][0, n) (+)= Σ_s M(r, s) · src_c[s][0, n) for every component c, M(r, s) =
     * m[off + r·rowStride + s·colStride] (see {@link RowProducts#combine}).
     *
     * @param accumulate whether to add to out instead of overwriting it (always in Java)
     * @param n the points of every row
     */
    void combine(double[] m, int off, int rowStride, int colStride, int rows, int sources, double[][][] src,
            double[][][] out, boolean accumulate, int n) {
        if (!accumulate && products != RowProducts.java() && rows >= PACKED_MIN_WIDTH && sources >= PACKED_MIN_WIDTH) {
            // one GEMM over points × components, on the calling thread
            products.combine(m, off, rowStride, colStride, rows, sources, src, out, components, n);
            return;
        }
        combineTask.m = m;
        combineTask.off = off;
        combineTask.rowStride = rowStride;
        combineTask.colStride = colStride;
        combineTask.rows = rows;
        combineTask.sources = sources;
        combineTask.src = src;
        combineTask.out = out;
        combineTask.length = n;
        combineTask.components = components;
        combineTask.accumulate = accumulate;
        Lanes.run((long) rows * sources * n * components, combineTask);
    }

    /**
     * gradient[offset + j·in + k] += Σ_c Σ_i delta[c][j][i] · input[c][k][i]: the gradient of a
     * weight matrix (out × in, row-major).
     *
     * @param delta δZ, {@code out} rows per component (not modified)
     * @param out the layer's outputs
     * @param input A, {@code in} rows per component (not modified)
     * @param in the layer's inputs
     * @param n the points of every row
     * @param gradient accumulates the gradient (modified)
     * @param offset where the weight matrix starts in it
     */
    void weightGradient(double[][][] delta, int out, double[][][] input, int in, int n, double[] gradient, int offset) {
        if (products != RowProducts.java() && out * in >= PACKED_MIN_WIDTH * PACKED_MIN_WIDTH) {
            // one GEMM over points × components, on the calling thread
            products.accumulate(delta, out, input, in, components, n, gradient, offset);
        } else {
            dotTask.run(delta, out, input, in, n, gradient, offset);
        }
    }

    /** Rows out_c = M·src_c for every component c, split by points. */
    private static final class CombineTask implements Lanes.Task {
        double[] m;
        int off;
        int rowStride;
        int colStride;
        int rows;
        int sources;
        double[][][] src;
        double[][][] out;
        int length;
        int components;
        boolean accumulate;

        @Override
        public void run(int lane, int lanes) {
            int from = Lanes.split(0, length, lane, lanes);
            int to = Lanes.split(0, length, lane + 1, lanes);
            for (int c = 0; c < components; c++) {
                Gemm.combineRows(m, off, rowStride, colStride, rows, sources, src[c], out[c], from, to, accumulate);
            }
        }
    }

    /** Weight gradients Σ_c δZ_c A_cᵀ by dot products of rows, split by output rows. */
    private final class DotTask implements Lanes.Task {
        private double[][][] x;
        private int xRows;
        private double[][][] y;
        private int yRows;
        private int n;
        private double[] out;
        private int off;

        void run(double[][][] left, int leftRows, double[][][] right, int rightRows, int points, double[] result, int offset) {
            x = left;
            xRows = leftRows;
            y = right;
            yRows = rightRows;
            n = points;
            out = result;
            off = offset;
            Lanes.run(xRows >= 4 ? (long) xRows * yRows * n * components : 0L, this);
        }

        @Override
        public void run(int lane, int lanes) {
            int from = Lanes.split(0, xRows, lane, lanes);
            int to = Lanes.split(0, xRows, lane + 1, lanes);
            for (int c = 0; c < components; c++) {
                Gemm.dotRows(x[c], from, to, y[c], yRows, n, out, off);
            }
        }
    }
}

package org.geopinn.kernels.openblas;

import static org.bytedeco.openblas.global.openblas_full.CblasNoTrans;
import static org.bytedeco.openblas.global.openblas_full.CblasRowMajor;
import static org.bytedeco.openblas.global.openblas_full.CblasTrans;

import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.openblas.global.openblas_full;
import org.geopinn.autodiff.RowProducts;

/**
 * The products of a layer as OpenBLAS DGEMM calls. The rows of the jets are read as one long row
 * per unit, components × points (row r = x[0][r] ‖ x[1][r] ‖ …), and packed off-heap in blocks of
 * {@value #BLOCK} of those columns: the weight gradient is C = Σ_blocks X_b·Y_bᵀ, added to the
 * gradient at the end; a layer product is Z_b = op(M)·A_b per block, M the weights (row-major) or
 * their transpose, unpacked into the output rows. Blocks bound the off-heap buffers (a few MB however
 * many points an evaluator holds) and keep a packed block in the cache. One OpenBLAS thread: the
 * callers are the residual system's point slices, one per core, each with its own instance. Buffers
 * are kept and reused, so a training step allocates nothing here once sizes settle.
 */
final class OpenBlasRowProducts implements RowProducts {
    /** Columns (components × points) packed per GEMM call. */
    static final int BLOCK = 4096;

    private final NativeBuffer left = new NativeBuffer();
    private final NativeBuffer right = new NativeBuffer();
    private final NativeBuffer result = new NativeBuffer();
    private final NativeBuffer coefficients = new NativeBuffer();
    private double[] scratch = new double[0];

    @Override
    public void accumulate(double[][][] x, int xRows, double[][][] y, int yRows, int components, int length, double[] out,
            int off) {
        if (xRows == 0 || yRows == 0 || components == 0 || length == 0) {
            return;
        }
        int columns = components * length;
        int size = xRows * yRows;
        DoublePointer c = result.ofSize(size);
        // OpenBLAS's thread count is process-wide; every caller of this class wants one (see above)
        OpenBlasThreads.use(1);
        for (int b0 = 0; b0 < columns; b0 += BLOCK) {
            int width = Math.min(BLOCK, columns - b0);
            DoublePointer a = pack(left, x, xRows, length, b0, width);
            DoublePointer b = pack(right, y, yRows, length, b0, width);
            openblas_full.cblas_dgemm(CblasRowMajor, CblasNoTrans, CblasTrans, xRows, yRows, width, 1.0, a, width, b, width,
                    b0 == 0 ? 0.0 : 1.0, c, yRows);
        }
        if (scratch.length < size) {
            scratch = new double[size];
        }
        c.get(scratch, 0, size);
        for (int e = 0; e < size; e++) {
            out[off + e] += scratch[e];
        }
    }

    @Override
    public void combine(double[] m, int off, int rowStride, int colStride, int rows, int sources, double[][][] src,
            double[][][] out, int components, int length) {
        boolean plain = colStride == 1 && rowStride >= sources;
        boolean transposed = rowStride == 1 && colStride >= rows;
        if (!plain && !transposed || rows == 0 || sources == 0 || components == 0 || length == 0) {
            RowProducts.super.combine(m, off, rowStride, colStride, rows, sources, src, out, components, length);
            return;
        }
        int columns = components * length;
        int extent = (rows - 1) * rowStride + (sources - 1) * colStride + 1;
        DoublePointer w = coefficients.ofSize(extent);
        w.put(m, off, extent);
        OpenBlasThreads.use(1);
        for (int b0 = 0; b0 < columns; b0 += BLOCK) {
            int width = Math.min(BLOCK, columns - b0);
            DoublePointer b = pack(right, src, sources, length, b0, width);
            DoublePointer c = result.ofSize((long) rows * width);
            openblas_full.cblas_dgemm(CblasRowMajor, plain ? CblasNoTrans : CblasTrans, CblasNoTrans, rows, width, sources, 1.0, w,
                    plain ? rowStride : colStride, b, width, 0.0, c, width);
            unpack(c, out, rows, length, b0, width);
        }
    }

    /** Columns [b0, b0 + width) of rows [0, count) of the long rows, row-major count × width. */
    private static DoublePointer pack(NativeBuffer buffer, double[][][] rows, int count, int length, int b0, int width) {
        DoublePointer p = buffer.ofSize((long) count * width);
        copy(p, rows, count, length, b0, width, true);
        return p;
    }

    /** The inverse of {@link #pack}: row-major count × width into columns [b0, b0 + width) of the long rows. */
    private static void unpack(DoublePointer p, double[][][] rows, int count, int length, int b0, int width) {
        copy(p, rows, count, length, b0, width, false);
    }

    /**
     * Copies columns [b0, b0 + width) of rows [0, count) of the long rows to the row-major
     * count × width block ({@code toBlock}) or back, one run of points of one component at a time.
     */
    private static void copy(DoublePointer p, double[][][] rows, int count, int length, int b0, int width, boolean toBlock) {
        for (int r = 0; r < count; r++) {
            long base = (long) r * width;
            int column = b0;
            int end = b0 + width;
            while (column < end) {
                int component = column / length;
                int point = column - component * length;
                int run = Math.min(end - column, length - point);
                p.position(base + column - b0);
                if (toBlock) {
                    p.put(rows[component][r], point, run);
                } else {
                    p.get(rows[component][r], point, run);
                }
                column += run;
            }
        }
        p.position(0);
    }

    @Override
    public String name() {
        return "native";
    }
}

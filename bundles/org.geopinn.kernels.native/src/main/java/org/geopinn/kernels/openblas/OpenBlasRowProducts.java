package org.geopinn.kernels.openblas;

import static org.bytedeco.openblas.global.openblas.CblasNoTrans;
import static org.bytedeco.openblas.global.openblas.CblasRowMajor;
import static org.bytedeco.openblas.global.openblas.CblasTrans;

import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.openblas.global.openblas;
import org.geopinn.autodiff.RowProducts;

/**
 * The products of a layer as one OpenBLAS DGEMM each. The rows of the jets are packed off-heap as
 * row-major matrices whose long dimension is components × points (row r = x[0][r] ‖ x[1][r] ‖ …):
 * the weight gradient is C = X·Yᵀ, added to the gradient; a layer product is Z = op(M)·A, M the
 * weights (row-major) or their transpose, unpacked into the output rows. One OpenBLAS thread:
 * the callers are the residual system's point slices, one per core, each with its own instance.
 * Buffers are kept and reused, so a training step allocates nothing here once sizes settle.
 */
final class OpenBlasRowProducts implements RowProducts {
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
        int inner = components * length;
        DoublePointer a = pack(left, x, xRows, components, length);
        DoublePointer b = pack(right, y, yRows, components, length);
        int size = xRows * yRows;
        DoublePointer c = result.ofSize(size);
        // OpenBLAS's thread count is process-wide; every caller of this class wants one (see above)
        OpenBlasThreads.use(1);
        openblas.cblas_dgemm(CblasRowMajor, CblasNoTrans, CblasTrans, xRows, yRows, inner, 1.0, a, inner, b, inner, 0.0, c,
                yRows);
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
        if (!plain && !transposed || rows == 0 || components == 0 || length == 0) {
            RowProducts.super.combine(m, off, rowStride, colStride, rows, sources, src, out, components, length);
            return;
        }
        int wide = components * length;
        int extent = (rows - 1) * rowStride + (sources - 1) * colStride + 1;
        DoublePointer w = coefficients.ofSize(extent);
        w.put(m, off, extent);
        DoublePointer b = pack(right, src, sources, components, length);
        DoublePointer c = result.ofSize((long) rows * wide);
        OpenBlasThreads.use(1);
        openblas.cblas_dgemm(CblasRowMajor, plain ? CblasNoTrans : CblasTrans, CblasNoTrans, rows, wide, sources, 1.0, w,
                plain ? rowStride : colStride, b, wide, 0.0, c, wide);
        for (int r = 0; r < rows; r++) {
            for (int k = 0; k < components; k++) {
                c.position((long) r * wide + (long) k * length).get(out[k][r], 0, length);
            }
        }
        c.position(0);
    }

    private static DoublePointer pack(NativeBuffer buffer, double[][][] rows, int count, int components, int length) {
        long inner = (long) components * length;
        DoublePointer p = buffer.ofSize(count * inner);
        for (int r = 0; r < count; r++) {
            for (int c = 0; c < components; c++) {
                p.position(r * inner + (long) c * length).put(rows[c][r], 0, length);
            }
        }
        return p.position(0);
    }

    @Override
    public String name() {
        return "native";
    }
}

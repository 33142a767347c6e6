package org.geopinn.kernels.openblas;

import static org.bytedeco.openblas.global.openblas.CblasNoTrans;
import static org.bytedeco.openblas.global.openblas.CblasRowMajor;
import static org.bytedeco.openblas.global.openblas.CblasTrans;

import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.openblas.global.openblas;
import org.geopinn.autodiff.RowProducts;

/**
 * The weight-gradient product Σ_c δZ_c·A_cᵀ of a layer as one OpenBLAS DGEMM: the rows of both
 * factors are packed off-heap as row-major matrices whose inner dimension is components × points
 * (row r = x[0][r] ‖ x[1][r] ‖ …), then C = X·Yᵀ and C is added to the gradient. One OpenBLAS thread:
 * the callers are the residual system's point slices, one per core, each with its own instance.
 * Buffers are kept and reused, so a training step allocates nothing here once sizes settle.
 */
final class OpenBlasRowProducts implements RowProducts {
    private final NativeBuffer left = new NativeBuffer();
    private final NativeBuffer right = new NativeBuffer();
    private final NativeBuffer result = new NativeBuffer();
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

package org.geopinn.linalg;

import java.util.Arrays;
import org.ejml.data.DMatrixRMaj;

/**
 * {@link BlockGram} on any {@link DenseKernels}: per inner block (column group for JJᵀ, row block for
 * JᵀJ) the rows or columns of J that are non-zero on it are copied into one block and its Gram matrix
 * is added into theirs. The copies cost S·P per step next to the S²·P (or P²·S) products they
 * shrink; the native kernels avoid them by calling BLAS on the blocks in place.
 */
final class CopiedBlockGram extends AbstractBlockGram {
    private final DenseKernels kernels;
    private final DMatrixRMaj block = new DMatrixRMaj(1, 1);
    private final DMatrixRMaj blockGram = new DMatrixRMaj(1, 1);
    private int[] index = new int[0];

    CopiedBlockGram(DenseKernels kernels) {
        super(kernels);
        this.kernels = kernels;
    }

    @Override
    protected void gramOfBlocks(DMatrixRMaj a, GramSide side, DMatrixRMaj c) {
        int n = side.order();
        Arrays.fill(c.data, 0, n * n, 0);
        if (index.length < n) {
            index = new int[n];
        }
        for (int q = 0; q < side.innerBlocks(); q++) {
            int m = side.nonzeroOuter(q, index);
            int from = side.innerStart(q);
            int length = side.innerLength(q);
            if (m == 0 || length == 0) {
                continue;
            }
            if (side.columns()) {
                copyColumns(a, from, length, m);
                kernels.gramOfColumns(block, blockGram);
            } else {
                copyRows(a, from, length, m);
                kernels.gramOfRows(block, blockGram);
            }
            addInto(c.data, n, m);
        }
    }

    /** block = J[index[0..m), from..from+width), the rows non-zero on one column group. */
    private void copyRows(DMatrixRMaj a, int from, int width, int m) {
        int p = a.numCols;
        block.reshape(m, width);
        for (int x = 0; x < m; x++) {
            System.arraycopy(a.data, index[x] * p + from, block.data, x * width, width);
        }
    }

    /** block = J[from..from+height, index[0..w)), the columns non-zero on one row block. */
    private void copyColumns(DMatrixRMaj a, int from, int height, int w) {
        int p = a.numCols;
        block.reshape(height, w);
        for (int r = 0; r < height; r++) {
            int row = (from + r) * p;
            int out = r * w;
            for (int x = 0; x < w; x++) {
                block.data[out + x] = a.data[row + index[x]];
            }
        }
    }

    /** c[index[x], index[y]] += blockGram[x, y] for x, y &lt; m. */
    private void addInto(double[] c, int n, int m) {
        double[] bg = blockGram.data;
        for (int x = 0; x < m; x++) {
            int row = index[x] * n;
            for (int y = 0; y < m; y++) {
                c[row + index[y]] += bg[x * m + y];
            }
        }
    }
}

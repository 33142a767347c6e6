package org.geopinn.linalg;

import java.util.Arrays;
import org.ejml.data.DMatrixRMaj;

/**
 * {@link BlockGram} on any {@link DenseKernels}: for JJᵀ, per column group the rows that are non-zero
 * on it are copied into one block and its Gram matrix is added into theirs; for JᵀJ, per row block
 * its non-zero column groups. The copies cost S·P per step next to the S²·P (or P²·S) products they
 * shrink; the native kernels avoid them by calling BLAS on the blocks in place.
 */
final class CopiedBlockGram implements BlockGram {
    private final DenseKernels kernels;
    private final DMatrixRMaj block = new DMatrixRMaj(1, 1);
    private final DMatrixRMaj blockGram = new DMatrixRMaj(1, 1);
    private int[] index = new int[0];

    CopiedBlockGram(DenseKernels kernels) {
        this.kernels = kernels;
    }

    @Override
    public void gramOfRows(DMatrixRMaj a, BlockPattern pattern, DMatrixRMaj c) {
        if (!pattern.worthSkipping(false)) {
            kernels.gramOfRows(a, c);
            return;
        }
        int s = a.numRows;
        int p = a.numCols;
        c.reshape(s, s);
        Arrays.fill(c.data, 0, s * s, 0);
        int[] rows = indices(s);
        for (int g = 0; g < pattern.groups(); g++) {
            int from = pattern.groupStart(g);
            int width = pattern.groupStart(g + 1) - from;
            int m = 0;
            for (int i = 0; i < pattern.rowBlocks(); i++) {
                if (pattern.nonzero(i, g)) {
                    for (int r = pattern.rowStart(i); r < pattern.rowStart(i + 1); r++) {
                        rows[m++] = r;
                    }
                }
            }
            if (m == 0) {
                continue;
            }
            block.reshape(m, width);
            for (int x = 0; x < m; x++) {
                System.arraycopy(a.data, rows[x] * p + from, block.data, x * width, width);
            }
            kernels.gramOfRows(block, blockGram);
            addInto(c.data, s, rows, m);
        }
    }

    @Override
    public void gramOfColumns(DMatrixRMaj a, BlockPattern pattern, DMatrixRMaj c) {
        if (!pattern.worthSkipping(true)) {
            kernels.gramOfColumns(a, c);
            return;
        }
        int p = a.numCols;
        c.reshape(p, p);
        Arrays.fill(c.data, 0, p * p, 0);
        int[] cols = indices(p);
        for (int i = 0; i < pattern.rowBlocks(); i++) {
            int w = 0;
            for (int g = 0; g < pattern.groups(); g++) {
                if (pattern.nonzero(i, g)) {
                    for (int k = pattern.groupStart(g); k < pattern.groupStart(g + 1); k++) {
                        cols[w++] = k;
                    }
                }
            }
            int r0 = pattern.rowStart(i);
            int height = pattern.rowStart(i + 1) - r0;
            if (w == 0 || height == 0) {
                continue;
            }
            block.reshape(height, w);
            for (int r = 0; r < height; r++) {
                int row = (r0 + r) * p;
                int out = r * w;
                for (int x = 0; x < w; x++) {
                    block.data[out + x] = a.data[row + cols[x]];
                }
            }
            kernels.gramOfColumns(block, blockGram);
            addInto(c.data, p, cols, w);
        }
    }

    /** c[idx[x], idx[y]] += blockGram[x, y] for x, y &lt; m. */
    private void addInto(double[] c, int n, int[] idx, int m) {
        double[] bg = blockGram.data;
        for (int x = 0; x < m; x++) {
            int row = idx[x] * n;
            for (int y = 0; y < m; y++) {
                c[row + idx[y]] += bg[x * m + y];
            }
        }
    }

    private int[] indices(int n) {
        if (index.length < n) {
            index = new int[n];
        }
        return index;
    }
}

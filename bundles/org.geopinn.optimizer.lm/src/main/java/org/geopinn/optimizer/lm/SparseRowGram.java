package org.geopinn.optimizer.lm;

import org.ejml.data.DMatrixRMaj;
import org.geopinn.linalg.DenseKernels;

/**
 * The Gram matrix of the rows, G = JJᵀ, that skips the zero blocks of J. A model with one network
 * per field (the coupled systems) has a Jacobian whose row of a condition is exactly zero on the
 * parameters of every network its operator does not contain; G is then Σ over column chunks c of
 * J[R_c, c]·J[R_c, c]ᵀ added into G[R_c, R_c], with R_c the rows that are non-zero somewhere in c.
 * That costs Σ_c |R_c|²·|c| multiply-adds instead of S²·P (on the 1-D Nernst–Planck–Poisson system,
 * three networks and six conditions, about 0.6 of the dense work). Skipping a chunk where a row is
 * zero is exact whatever the reason it is zero. When no chunk has a zero row the dense kernel runs.
 *
 * <p>Buffers (one chunk of rows, its Gram matrix, the row lists) are kept between steps.
 */
final class SparseRowGram {
    /** Columns per chunk: wide enough for an efficient BLAS product, narrow next to a network's parameters. */
    static final int CHUNK = 256;
    /** Use the chunked product only when it saves at least this fraction of the dense work. */
    static final double MIN_SAVING = 0.1;

    private final DenseKernels kernels;
    private final DMatrixRMaj block = new DMatrixRMaj(1, 1);
    private final DMatrixRMaj blockGram = new DMatrixRMaj(1, 1);
    private int[] rowsPerChunk = new int[0];
    private int[] rowList = new int[0];
    private boolean[] live = new boolean[0];
    /** Multiply-adds of the Gram product of the last call (Σ|R_c|²·|c| or S²·P), for tests and notes. */
    private double lastWork;

    SparseRowGram(DenseKernels kernels) {
        this.kernels = kernels;
    }

    /** @return the multiply-adds the last {@link #gramOfRows} spent on the product */
    double lastWork() {
        return lastWork;
    }

    /**
     * g = j·jᵀ, both triangles filled.
     *
     * @param j S×P (not modified)
     * @param g receives S×S (reshaped)
     */
    void gramOfRows(DMatrixRMaj j, DMatrixRMaj g) {
        int s = j.numRows;
        int p = j.numCols;
        int chunks = (p + CHUNK - 1) / CHUNK;
        if (rowsPerChunk.length < chunks) {
            rowsPerChunk = new int[chunks];
        }
        if (live.length < s * chunks) {
            live = new boolean[s * chunks];
        }
        double[] a = j.data;
        double sparse = 0;
        for (int c = 0; c < chunks; c++) {
            int from = c * CHUNK;
            int to = Math.min(p, from + CHUNK);
            int count = 0;
            for (int r = 0; r < s; r++) {
                boolean nonzero = false;
                int base = r * p;
                for (int k = from; k < to; k++) {
                    if (a[base + k] != 0) {
                        nonzero = true;
                        break;
                    }
                }
                live[c * s + r] = nonzero;
                if (nonzero) {
                    count++;
                }
            }
            rowsPerChunk[c] = count;
            sparse += (double) count * count * (to - from);
        }
        double dense = (double) s * s * p;
        if (sparse > (1 - MIN_SAVING) * dense) {
            kernels.gramOfRows(j, g);
            lastWork = dense;
            return;
        }
        lastWork = sparse;
        g.reshape(s, s);
        java.util.Arrays.fill(g.data, 0, s * s, 0);
        if (rowList.length < s) {
            rowList = new int[s];
        }
        for (int c = 0; c < chunks; c++) {
            int m = rowsPerChunk[c];
            if (m == 0) {
                continue;
            }
            int from = c * CHUNK;
            int width = Math.min(p, from + CHUNK) - from;
            block.reshape(m, width);
            int i = 0;
            for (int r = 0; r < s; r++) {
                if (live[c * s + r]) {
                    rowList[i] = r;
                    System.arraycopy(a, r * p + from, block.data, i * width, width);
                    i++;
                }
            }
            kernels.gramOfRows(block, blockGram);
            double[] bg = blockGram.data;
            double[] out = g.data;
            for (int x = 0; x < m; x++) {
                int row = rowList[x] * s;
                for (int y = 0; y < m; y++) {
                    out[row + rowList[y]] += bg[x * m + y];
                }
            }
        }
    }
}

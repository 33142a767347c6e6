package org.geopinn.optimizer.lm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.geopinn.linalg.DenseKernels;
import org.junit.jupiter.api.Test;

/**
 * JJᵀ of a block-sparse Jacobian (one network per field, rows of a condition zero on the networks
 * its operator does not contain) equals the dense product, and the work is counted in
 * multiply-adds, not time.
 */
class SparseRowGramTest {
    private static final DenseKernels KERNELS = DenseKernels.preferred();

    /** Three "networks" of 600 columns; rows 0–39 use networks 0 and 1, 40–79 networks 0 and 2, 80–99 only 2. */
    private static DMatrixRMaj blockJacobian() {
        int s = 100;
        int p = 1800;
        DMatrixRMaj j = new DMatrixRMaj(s, p);
        Random r = new Random(4);
        for (int row = 0; row < s; row++) {
            boolean[] uses = row < 40 ? new boolean[] {true, true, false}
                    : row < 80 ? new boolean[] {true, false, true} : new boolean[] {false, false, true};
            for (int col = 0; col < p; col++) {
                if (uses[col / 600]) {
                    j.data[row * p + col] = r.nextGaussian();
                }
            }
        }
        return j;
    }

    @Test
    void aBlockSparseGramEqualsTheDenseOneAtLessWork() {
        DMatrixRMaj j = blockJacobian();
        DMatrixRMaj dense = new DMatrixRMaj(1, 1);
        KERNELS.gramOfRows(j, dense);
        SparseRowGram sparse = new SparseRowGram(KERNELS);
        DMatrixRMaj g = new DMatrixRMaj(1, 1);
        sparse.gramOfRows(j, g);
        assertEquals(100, g.numRows);
        assertArrayEquals(dense.data, g.data, 1e-9);
        // Chunks of 256 columns straddle the network boundaries at 600 and 1200: count per chunk.
        double expected = 0;
        for (int from = 0; from < 1800; from += SparseRowGram.CHUNK) {
            int to = Math.min(1800, from + SparseRowGram.CHUNK);
            int rows = 0;
            for (int row = 0; row < 100; row++) {
                boolean any = false;
                for (int col = from; col < to; col++) {
                    any |= j.data[row * 1800 + col] != 0;
                }
                rows += any ? 1 : 0;
            }
            expected += (double) rows * rows * (to - from);
        }
        assertEquals(expected, sparse.lastWork(), 0.5);
        assertEquals(true, sparse.lastWork() < 0.7 * 100.0 * 100 * 1800, "work " + sparse.lastWork());
    }

    @Test
    void aDenseJacobianTakesTheDenseKernel() {
        DMatrixRMaj j = new DMatrixRMaj(30, 700);
        Random r = new Random(5);
        for (int k = 0; k < j.data.length; k++) {
            j.data[k] = r.nextGaussian();
        }
        DMatrixRMaj dense = new DMatrixRMaj(1, 1);
        KERNELS.gramOfRows(j, dense);
        SparseRowGram sparse = new SparseRowGram(KERNELS);
        DMatrixRMaj g = new DMatrixRMaj(1, 1);
        sparse.gramOfRows(j, g);
        assertArrayEquals(dense.data, g.data, 1e-9);
        assertEquals(30.0 * 30 * 700, sparse.lastWork());
    }
}

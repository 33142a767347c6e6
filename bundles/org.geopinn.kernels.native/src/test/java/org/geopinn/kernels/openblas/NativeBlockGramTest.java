package org.geopinn.kernels.openblas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import org.ejml.data.DMatrixRMaj;
import org.geopinn.linalg.BlockGram;
import org.geopinn.linalg.BlockPattern;
import org.geopinn.linalg.DenseKernels;
import org.geopinn.linalg.testing.BlockJacobians;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The native Gram matrices that skip zero blocks (BLAS on J's sub-matrices in place, tiles dealt to
 * two threads) equal the dense Java ones to 1e-10 relative, on one and two product threads, with
 * blocks wider than a tile and blocks of one row, and allocate nothing once the sizes settle.
 */
class NativeBlockGramTest {
    private final DenseKernels java = DenseKernels.ejml();

    @BeforeAll
    static void load() {
        assertNull(OpenBlasLibrary.load(), "this test runs where the OpenBLAS library loads");
    }

    @Test
    void blockGramsEqualTheDenseOnesOnOneAndTwoThreads() {
        // S = 1104 (tiles of ≤ 256 inside row blocks of 600, 1, 300, 1, 200, 2 rows), P = 2250
        DMatrixRMaj wide = BlockJacobians.coupled(2, 1, 11);
        // S = 2608, P = 900: the columns side, groups wider than a tile
        DMatrixRMaj tall = BlockJacobians.of(new int[] {1300, 1, 900, 400, 7}, new int[] {420, 180, 300},
                new boolean[][] {{true, true, false}, {true, false, false}, {false, true, true}, {true, false, true}, {false, false, true}}, 12);
        DMatrixRMaj expected = new DMatrixRMaj(1, 1);
        DMatrixRMaj actual = new DMatrixRMaj(1, 1);
        BlockPattern pattern = new BlockPattern();
        for (int threads = 1; threads <= 2; threads++) {
            BlockGram blocks = new OpenBlasKernels(threads, 1).blockGram();
            for (int round = 0; round < 2; round++) {
                java.gramOfRows(wide, expected);
                assertTrue(pattern.find(wide).worthSkipping(false));
                blocks.gramOfRows(wide, pattern, actual);
                BlockJacobians.assertGramClose(expected, actual, "J·Jᵀ, " + threads + " threads");
                java.gramOfColumns(tall, expected);
                assertTrue(pattern.find(tall).worthSkipping(true));
                blocks.gramOfColumns(tall, pattern, actual);
                BlockJacobians.assertGramClose(expected, actual, "Jᵀ·J, " + threads + " threads");
            }
            HelperLane.stopShared();
        }
    }

    @Test
    void aDenseJacobianTakesThePlainKernelAndResultsStayEqual() {
        DMatrixRMaj j = NativeKernelsAgreementTest.random(300, 700, 13);
        BlockPattern pattern = new BlockPattern().find(j);
        assertTrue(pattern.isDense());
        DMatrixRMaj expected = new DMatrixRMaj(1, 1);
        DMatrixRMaj actual = new DMatrixRMaj(1, 1);
        OpenBlasKernels kernels = new OpenBlasKernels(2, 1);
        kernels.gramOfRows(j, expected);
        kernels.blockGram().gramOfRows(j, pattern, actual);
        assertEquals(0.0, NativeKernelsAgreementTest.relative(actual.data, expected.data, 300 * 300), "the same SYRK calls");
    }

    @Test
    void theBlockGramAllocatesNothingOnceSized() {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        DMatrixRMaj wide = BlockJacobians.coupled(2, 1, 14);
        DMatrixRMaj g = new DMatrixRMaj(1, 1);
        BlockPattern pattern = new BlockPattern();
        BlockGram blocks = new OpenBlasKernels(2, 1).blockGram();
        for (int i = 0; i < 3; i++) {
            blocks.gramOfRows(wide, pattern.find(wide), g);
        }
        long before = threads.getCurrentThreadAllocatedBytes();
        for (int i = 0; i < 5; i++) {
            blocks.gramOfRows(wide, pattern.find(wide), g);
        }
        long perCall = (threads.getCurrentThreadAllocatedBytes() - before) / 5;
        assertTrue(perCall < 256, "allocated " + perCall + " bytes per pattern search + Gram product");
    }
}

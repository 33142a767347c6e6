package org.geopinn.linalg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ejml.data.DMatrixRMaj;
import org.geopinn.linalg.testing.BlockJacobians;
import org.junit.jupiter.api.Test;

/**
 * The zero blocks of a one-network-per-field Jacobian are found exactly, and the Gram matrices
 * that skip them equal the dense ones to 1e-10 relative at the counted smaller work.
 */
class BlockGramTest {

    @Test
    void theBlocksOfACoupledJacobianAreFound() {
        DMatrixRMaj j = BlockJacobians.coupled(1, 1, 3);
        BlockPattern pattern = new BlockPattern().find(j);
        assertEquals(6, pattern.rowBlocks());
        int[] starts = {0, 300, 301, 451, 452, 552, 554};
        for (int i = 0; i <= 6; i++) {
            assertEquals(starts[i], pattern.rowStart(i), "row block " + i);
        }
        // networks at 0, 700, 1350 (end 2250) in chunks of 64: chunk 10 (640..704) and chunk 21 (1344..1408)
        // straddle two networks and are groups of their own
        int[] groups = {0, 640, 704, 1344, 1408, 2250};
        assertEquals(groups.length - 1, pattern.groups());
        for (int g = 0; g < groups.length; g++) {
            assertEquals(groups[g], pattern.groupStart(g), "group " + g);
        }
        assertTrue(pattern.nonzero(0, 0) && pattern.nonzero(0, 4));
        assertTrue(pattern.nonzero(1, 0) && pattern.nonzero(1, 1) && !pattern.nonzero(1, 2) && !pattern.nonzero(1, 4));
        assertTrue(!pattern.nonzero(4, 0) && !pattern.nonzero(4, 2) && pattern.nonzero(4, 3) && pattern.nonzero(4, 4));
        assertTrue(pattern.worthSkipping(false) && pattern.worthSkipping(true));
        double dense = 554.0 * 554 * 2250;
        assertTrue(pattern.gramWork(false) < 0.8 * dense, "work " + pattern.gramWork(false));
    }

    @Test
    void aDenseOrFragmentedJacobianIsOneBlock() {
        DMatrixRMaj dense = BlockJacobians.of(new int[] {40}, new int[] {300}, new boolean[][] {{true}}, 1);
        BlockPattern pattern = new BlockPattern().find(dense);
        assertTrue(pattern.isDense());
        assertFalse(pattern.worthSkipping(false));
        // rows alternating between two networks: more row blocks than pay, taken as dense
        int[] rows = new int[100];
        boolean[][] uses = new boolean[100][];
        for (int i = 0; i < 100; i++) {
            rows[i] = 1;
            uses[i] = new boolean[] {i % 2 == 0, i % 2 == 1};
        }
        BlockPattern fragmented = new BlockPattern().find(BlockJacobians.of(rows, new int[] {128, 128}, uses, 2));
        assertTrue(fragmented.isDense());
        assertEquals(1, fragmented.rowBlocks());
    }

    @Test
    void copiedBlockGramsEqualTheDenseOnes() {
        DenseKernels kernels = DenseKernels.ejml();
        BlockGram blocks = kernels.blockGram();
        DMatrixRMaj wide = BlockJacobians.coupled(1, 1, 5);
        DMatrixRMaj tall = BlockJacobians.of(new int[] {900, 1, 400, 3}, new int[] {200, 150},
                new boolean[][] {{true, true}, {true, false}, {false, true}, {false, true}}, 6);
        DMatrixRMaj expected = new DMatrixRMaj(1, 1);
        DMatrixRMaj actual = new DMatrixRMaj(1, 1);
        BlockPattern pattern = new BlockPattern();
        for (int round = 0; round < 2; round++) {
            kernels.gramOfRows(wide, expected);
            blocks.gramOfRows(wide, pattern.find(wide), actual);
            BlockJacobians.assertGramClose(expected, actual, "J·Jᵀ");
            kernels.gramOfColumns(tall, expected);
            assertTrue(pattern.find(tall).worthSkipping(true));
            blocks.gramOfColumns(tall, pattern, actual);
            BlockJacobians.assertGramClose(expected, actual, "Jᵀ·J");
        }
    }

    @Test
    void aPatternOfAnotherMatrixIsRefused() {
        DMatrixRMaj j = BlockJacobians.coupled(1, 1, 3);
        BlockPattern pattern = new BlockPattern().find(j);
        DMatrixRMaj other = new DMatrixRMaj(j.numRows - 1, j.numCols);
        BlockGram blocks = DenseKernels.ejml().blockGram();
        DMatrixRMaj c = new DMatrixRMaj(1, 1);
        assertThrows(IllegalArgumentException.class, () -> blocks.gramOfRows(other, pattern, c));
        assertThrows(IllegalArgumentException.class, () -> blocks.gramOfColumns(other, pattern, c));
    }
}

package org.geopinn.linalg.testing;

import java.util.Random;
import org.ejml.data.DMatrixRMaj;

/**
 * Random Jacobians with the block structure of a model with one network per field: row blocks
 * (conditions) times column blocks (networks), each block Gaussian or exactly zero.
 */
public final class BlockJacobians {
    private BlockJacobians() {
    }

    /**
     * @param rows the rows of each condition
     * @param columns the parameters of each network
     * @param uses uses[i][g]: condition i involves network g
     * @param seed random seed
     * @return the S×P Jacobian
     */
    public static DMatrixRMaj of(int[] rows, int[] columns, boolean[][] uses, long seed) {
        int s = java.util.Arrays.stream(rows).sum();
        int p = java.util.Arrays.stream(columns).sum();
        DMatrixRMaj j = new DMatrixRMaj(s, p);
        Random random = new Random(seed);
        int r0 = 0;
        for (int i = 0; i < rows.length; i++) {
            int c0 = 0;
            for (int g = 0; g < columns.length; g++) {
                if (uses[i][g]) {
                    for (int r = r0; r < r0 + rows[i]; r++) {
                        for (int c = c0; c < c0 + columns[g]; c++) {
                            j.data[r * p + c] = random.nextGaussian();
                        }
                    }
                }
                c0 += columns[g];
            }
            r0 += rows[i];
        }
        return j;
    }

    /**
     * A coupled system of three networks (widths not multiples of the search's chunk, so chunks
     * straddle them), six conditions of which two are single boundary points.
     *
     * @param scale rows per condition are multiplied by it (1: S = 604)
     * @param width parameters per network are multiplied by it (1: P = 2250)
     * @param seed random seed
     * @return the Jacobian
     */
    public static DMatrixRMaj coupled(int scale, int width, long seed) {
        return of(new int[] {300 * scale, 1, 150 * scale, 1, 100 * scale, 2},
                new int[] {700 * width, 650 * width, 900 * width},
                new boolean[][] {{true, true, true}, {true, false, false}, {false, true, true}, {false, true, false}, {false, false, true},
                    {true, false, true}},
                seed);
    }

    /**
     * Asserts a Gram matrix equal to the reference to 1e-10 of its largest entry and exactly symmetric.
     *
     * @param expected the reference
     * @param actual the matrix tested
     * @param what for the message
     */
    public static void assertGramClose(DMatrixRMaj expected, DMatrixRMaj actual, String what) {
        org.junit.jupiter.api.Assertions.assertEquals(expected.numRows, actual.numRows, what);
        org.junit.jupiter.api.Assertions.assertEquals(expected.numCols, actual.numCols, what);
        double diff = 0;
        double norm = 0;
        for (int i = 0; i < expected.getNumElements(); i++) {
            diff = Math.max(diff, Math.abs(expected.data[i] - actual.data[i]));
            norm = Math.max(norm, Math.abs(expected.data[i]));
        }
        org.junit.jupiter.api.Assertions.assertTrue(diff <= 1e-10 * norm, what + ": max difference " + diff + " of max " + norm);
        for (int i = 0; i < actual.numRows; i++) {
            for (int j = 0; j < i; j++) {
                org.junit.jupiter.api.Assertions.assertEquals(actual.get(i, j), actual.get(j, i), 0.0, what + " is symmetric");
            }
        }
    }
}

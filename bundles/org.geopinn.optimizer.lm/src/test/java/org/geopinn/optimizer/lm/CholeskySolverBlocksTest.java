package org.geopinn.optimizer.lm;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.geopinn.linalg.DenseKernels;
import org.geopinn.linalg.MatrixProducts;
import org.geopinn.linalg.ShiftedCholesky;
import org.geopinn.linalg.testing.BlockJacobians;
import org.junit.jupiter.api.Test;

/**
 * The damped step through the Gram matrix that skips a coupled Jacobian's zero blocks equals the
 * step through the dense normal equations to 1e-10, on both sides (JJᵀ and JᵀJ) and for several λ,
 * at fewer counted multiply-adds.
 */
class CholeskySolverBlocksTest {

    /**
     * δ = −(JᵀJ + λI)⁻¹Jᵀu on the same side through the dense Gram matrix (the route before the zero
     * blocks were skipped): −Jᵀ(JJᵀ + λI)⁻¹u when S ≤ P.
     */
    private static double[] reference(DMatrixRMaj j, double lambda, double[] u) {
        DenseKernels kernels = DenseKernels.ejml();
        boolean wide = j.numRows <= j.numCols;
        DMatrixRMaj g = new DMatrixRMaj(1, 1);
        double[] b = new double[wide ? j.numRows : j.numCols];
        if (wide) {
            kernels.gramOfRows(j, g);
            System.arraycopy(u, 0, b, 0, b.length);
        } else {
            kernels.gramOfColumns(j, g);
            MatrixProducts.transposeTimes(j, u, b);
        }
        ShiftedCholesky cholesky = kernels.shiftedCholesky();
        cholesky.load(g);
        assertTrue(cholesky.factor(lambda));
        double[] x = new double[b.length];
        cholesky.solve(b, x);
        double[] delta = new double[j.numCols];
        if (wide) {
            MatrixProducts.transposeTimes(j, x, delta);
        } else {
            System.arraycopy(x, 0, delta, 0, x.length);
        }
        for (int i = 0; i < delta.length; i++) {
            delta[i] = -delta[i];
        }
        return delta;
    }

    private static void check(DMatrixRMaj j, long seed) {
        double[] u = new Random(seed).doubles(j.numRows, -1, 1).toArray();
        CholeskySolver solver = new CholeskySolver();
        solver.prepare(j);
        double dense = j.numRows <= j.numCols ? (double) j.numRows * j.numRows * j.numCols : (double) j.numCols * j.numCols * j.numRows;
        assertTrue(solver.lastGramWork() < 0.9 * dense, "work " + solver.lastGramWork() + " of " + dense);
        assertTrue(solver.side().contains("zero blocks skipped"), solver.side());
        double[] delta = new double[j.numCols];
        for (double lambda : new double[] {1e-3, 1e-1, 10}) {
            assertTrue(solver.solve(lambda, u, delta));
            double[] expected = reference(j, lambda, u);
            double diff = 0;
            double norm = 0;
            for (int i = 0; i < delta.length; i++) {
                diff = Math.max(diff, Math.abs(delta[i] - expected[i]));
                norm = Math.max(norm, Math.abs(expected[i]));
            }
            assertTrue(diff <= 1e-10 * norm, "λ = " + lambda + ": " + diff + " of " + norm);
        }
    }

    @Test
    void theWideSideSkipsZeroBlocksAndTakesTheSameStep() {
        check(BlockJacobians.of(new int[] {60, 1, 40, 2}, new int[] {300, 200, 250},
                new boolean[][] {{true, true, false}, {true, false, false}, {false, true, true}, {false, false, true}}, 7), 8);
    }

    @Test
    void theTallSideSkipsZeroBlocksAndTakesTheSameStep() {
        check(BlockJacobians.of(new int[] {300, 1, 200, 3}, new int[] {130, 70, 100},
                new boolean[][] {{true, true, false}, {true, false, false}, {false, true, true}, {false, false, true}}, 9), 10);
    }
}

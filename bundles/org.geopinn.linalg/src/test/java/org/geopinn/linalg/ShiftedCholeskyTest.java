package org.geopinn.linalg;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.RandomMatrices_DDRM;
import org.junit.jupiter.api.Test;

/** The shifted Cholesky solver against EJML's general solve of (G + σI)x = b, the plain path. */
class ShiftedCholeskyTest {

    @Test
    void solvesTheShiftedSystemForSeveralShiftsOfOneMatrix() {
        Random random = new Random(5);
        DMatrixRMaj j = RandomMatrices_DDRM.rectangle(40, 70, -1, 1, random);
        DMatrixRMaj g = new DMatrixRMaj(40, 40);
        CommonOps_DDRM.multTransB(j, j, g);
        double[] b = RandomMatrices_DDRM.rectangle(40, 1, -1, 1, random).data;
        ShiftedCholesky solver = DenseKernels.ejml().shiftedCholesky();
        solver.load(g);
        for (double shift : new double[] {1e-3, 5, 0.1}) {
            DMatrixRMaj shifted = g.copy();
            for (int i = 0; i < 40; i++) {
                shifted.add(i, i, shift);
            }
            DMatrixRMaj expected = new DMatrixRMaj(40, 1);
            assertTrue(CommonOps_DDRM.solve(shifted, new DMatrixRMaj(40, 1, true, b), expected));
            assertTrue(solver.factor(shift));
            double[] x = new double[40];
            solver.solve(b, x);
            double diff = 0;
            double norm = 0;
            for (int i = 0; i < 40; i++) {
                diff += (x[i] - expected.data[i]) * (x[i] - expected.data[i]);
                norm += expected.data[i] * expected.data[i];
            }
            assertTrue(Math.sqrt(diff / norm) < 1e-12, "shift " + shift + ": " + Math.sqrt(diff / norm));
        }
        // the right-hand side is left alone, and a solve may write over it
        double[] copy = b.clone();
        solver.solve(copy, copy);
        double[] x = new double[40];
        solver.solve(b, x);
        for (int i = 0; i < 40; i++) {
            assertTrue(copy[i] == x[i], "in-place solve differs at " + i);
        }
    }

    @Test
    void refusesAShiftThatLeavesTheMatrixIndefinite() {
        DMatrixRMaj g = new DMatrixRMaj(2, 2, true, 1, 2, 2, 1); // eigenvalues 3 and −1
        ShiftedCholesky solver = DenseKernels.ejml().shiftedCholesky();
        solver.load(g);
        assertFalse(solver.factor(0.5));
        assertTrue(solver.factor(1.5));
    }
}

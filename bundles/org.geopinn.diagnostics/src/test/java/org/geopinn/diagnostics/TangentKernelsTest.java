package org.geopinn.diagnostics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.geopinn.api.GeopinnException;
import org.junit.jupiter.api.Test;

/** Kernels against their definitions built directly with EJML's products, inverse and pseudo-inverse. */
class TangentKernelsTest {
    private static final Random RANDOM = new Random(7);

    @Test
    void ntkIsJJTransposed() {
        DMatrixRMaj j = random(5, 3);
        DMatrixRMaj direct = new DMatrixRMaj(5, 5);
        CommonOps_DDRM.multTransB(j, j, direct);
        KernelFactor k = TangentKernels.ntk(j.data, 5, 3);
        assertArrayEquals(direct.data, k.matrix(), 1e-13);
        double[] eig = Spectra.symmetricEigenvalues(direct.data, 5);
        assertArrayEquals(eig, k.eigenvalues(), 1e-12);
        assertEquals(0, k.eigenvalues()[4], 1e-13, "rank 3 on 5 points");
        assertArrayEquals(new double[] {direct.get(4, 4), direct.get(4, 1), direct.get(1, 4), direct.get(1, 1)},
                k.matrix(new int[] {4, 1}), 1e-13);
    }

    @Test
    void naturalNtkOfATallJacobianIsJInverseGJTransposed() {
        DMatrixRMaj j = random(7, 4);
        DMatrixRMaj g = new DMatrixRMaj(4, 4);
        CommonOps_DDRM.multTransA(j, j, g);
        DMatrixRMaj gInverse = new DMatrixRMaj(4, 4);
        assertTrue(CommonOps_DDRM.invert(g, gInverse));
        DMatrixRMaj direct = sandwich(j, gInverse);
        KernelFactor n = TangentKernels.naturalNtk(j.data, 7, 4, 1e-12);
        assertArrayEquals(direct.data, n.matrix(), 1e-12);
        assertProjection(n, 4);
    }

    @Test
    void naturalNtkOfAWideJacobianIsTheIdentity() {
        // S < P with full row rank: the tangent space covers every residual direction.
        DMatrixRMaj j = random(4, 9);
        DMatrixRMaj g = new DMatrixRMaj(9, 9);
        CommonOps_DDRM.multTransA(j, j, g);
        DMatrixRMaj gPlus = new DMatrixRMaj(9, 9);
        CommonOps_DDRM.pinv(g, gPlus);
        DMatrixRMaj direct = sandwich(j, gPlus);
        KernelFactor n = TangentKernels.naturalNtk(j.data, 4, 9, 1e-10);
        assertArrayEquals(direct.data, n.matrix(), 1e-9);
        assertArrayEquals(CommonOps_DDRM.identity(4).data, n.matrix(), 1e-12);
        assertProjection(n, 4);
    }

    @Test
    void naturalNtkOfARankDeficientJacobianProjectsOnItsRange() {
        DMatrixRMaj j = random(6, 4);
        for (int i = 0; i < 6; i++) {
            j.set(i, 3, 2 * j.get(i, 0) - j.get(i, 1)); // a dependent column: rank 3
        }
        KernelFactor n = TangentKernels.naturalNtk(j.data, 6, 4, 1e-10);
        assertProjection(n, 3);
        // The projection fixes every column of J.
        DMatrixRMaj p = new DMatrixRMaj(6, 6, true, n.matrix());
        DMatrixRMaj pj = new DMatrixRMaj(6, 4);
        CommonOps_DDRM.mult(p, j, pj);
        assertArrayEquals(j.data, pj.data, 1e-12);
    }

    @Test
    void preconditionedNtkIsJHPlusJTransposedWithABlockDiagonalH() {
        DMatrixRMaj j = random(5, 7);
        int[][] blocks = {{0, 3}, {3, 7}};
        DMatrixRMaj h = new DMatrixRMaj(7, 7);
        for (int[] b : blocks) {
            DMatrixRMaj jb = CommonOps_DDRM.extract(j, 0, 5, b[0], b[1]);
            DMatrixRMaj gb = new DMatrixRMaj(b[1] - b[0], b[1] - b[0]);
            CommonOps_DDRM.multTransA(jb, jb, gb);
            CommonOps_DDRM.insert(gb, h, b[0], b[0]);
        }
        DMatrixRMaj hPlus = new DMatrixRMaj(7, 7);
        CommonOps_DDRM.pinv(h, hPlus);
        DMatrixRMaj direct = sandwich(j, hPlus);
        KernelFactor kp = TangentKernels.preconditionedNtk(j.data, 5, 7, blocks, 1e-10);
        assertArrayEquals(direct.data, kp.matrix(), 1e-9);
        double[] eig = kp.eigenvalues();
        assertArrayEquals(Spectra.symmetricEigenvalues(direct.data, 5), eig, 1e-9);
        // Ranges of dimension 3 and 4 in R^5 share at least 2 directions: λ_max = 2 networks.
        assertEquals(2, eig[0], 1e-12);
        assertEquals(2, eig[1], 1e-12);
        assertTrue(eig[4] >= -1e-12 && eig[4] <= 2 + 1e-12);
    }

    @Test
    void preconditionedNtkRejectsRangesThatDoNotTileTheColumns() {
        double[] j = new double[6];
        assertThrows(GeopinnException.class, () -> TangentKernels.preconditionedNtk(j, 2, 3, new int[][] {{0, 1}, {2, 3}}, 0));
        assertThrows(GeopinnException.class, () -> TangentKernels.preconditionedNtk(j, 2, 3, new int[][] {{0, 2}}, 0));
        assertThrows(GeopinnException.class, () -> TangentKernels.preconditionedNtk(j, 2, 3, new int[][] {{0, 3}}, 1.5));
    }

    /** Idempotent, symmetric, eigenvalues 0 or 1 with the given rank. */
    static void assertProjection(KernelFactor n, int rank) {
        int s = n.size();
        DMatrixRMaj p = new DMatrixRMaj(s, s, true, n.matrix());
        DMatrixRMaj pp = new DMatrixRMaj(s, s);
        CommonOps_DDRM.mult(p, p, pp);
        assertArrayEquals(p.data, pp.data, 1e-12, "idempotent");
        DMatrixRMaj pt = CommonOps_DDRM.transpose(p, null);
        assertArrayEquals(p.data, pt.data, 1e-13, "symmetric");
        double[] eig = n.eigenvalues();
        for (int i = 0; i < s; i++) {
            assertEquals(i < rank ? 1 : 0, eig[i], 1e-12, "eigenvalue " + i);
        }
    }

    private static DMatrixRMaj sandwich(DMatrixRMaj j, DMatrixRMaj middle) {
        DMatrixRMaj jm = new DMatrixRMaj(j.numRows, middle.numCols);
        CommonOps_DDRM.mult(j, middle, jm);
        DMatrixRMaj out = new DMatrixRMaj(j.numRows, j.numRows);
        CommonOps_DDRM.multTransB(jm, j, out);
        return out;
    }

    private static DMatrixRMaj random(int rows, int cols) {
        DMatrixRMaj m = new DMatrixRMaj(rows, cols);
        for (int i = 0; i < m.data.length; i++) {
            m.data[i] = RANDOM.nextGaussian();
        }
        return m;
    }
}

package org.geopinn.linalg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.MatrixFeatures_DDRM;
import org.ejml.dense.row.RandomMatrices_DDRM;
import org.ejml.dense.row.SingularOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.junit.jupiter.api.Test;

class EjmlDenseKernelsTest {
    private final DenseKernels kernels = DenseKernels.ejml();
    private final Random random = new Random(42);

    @Test
    void gramKernelsMatchPlainProducts() {
        for (int[] size : new int[][] {{37, 801}, {8, 8}, {13, 5}, {1, 3}}) {
            DMatrixRMaj a = RandomMatrices_DDRM.rectangle(size[0], size[1], -1, 1, random);
            DMatrixRMaj expected = new DMatrixRMaj(1, 1);
            expected.reshape(size[0], size[0]);
            CommonOps_DDRM.multTransB(a, a, expected);
            DMatrixRMaj got = new DMatrixRMaj(1, 1);
            kernels.gramOfRows(a, got);
            assertTrue(MatrixFeatures_DDRM.isIdentical(expected, got, 1e-12), "rows " + size[0] + "x" + size[1]);
            DMatrixRMaj expectedCols = new DMatrixRMaj(size[1], size[1]);
            CommonOps_DDRM.multTransA(a, a, expectedCols);
            kernels.gramOfColumns(a, got);
            assertTrue(MatrixFeatures_DDRM.isIdentical(expectedCols, got, 1e-12), "columns " + size[0] + "x" + size[1]);
        }
    }

    @Test
    void svdMatchesEjmlSingularValuesAndReconstructs() {
        for (int[] size : new int[][] {{30, 12}, {12, 30}}) {
            DMatrixRMaj a = RandomMatrices_DDRM.rectangle(size[0], size[1], -1, 1, random);
            ThinSvd svd = kernels.svd(a);
            double[] reference = SingularOps_DDRM.singularValues(a);
            java.util.Arrays.sort(reference);
            int k = svd.sigma().length;
            assertEquals(Math.min(size[0], size[1]), k);
            for (int i = 0; i < k; i++) {
                assertEquals(reference[k - 1 - i], svd.sigma()[i], 1e-12);
                if (i > 0) {
                    assertTrue(svd.sigma()[i] <= svd.sigma()[i - 1]);
                }
            }
            DMatrixRMaj us = svd.u().copy();
            for (int r = 0; r < us.numRows; r++) {
                for (int c = 0; c < k; c++) {
                    us.set(r, c, us.get(r, c) * svd.sigma()[c]);
                }
            }
            DMatrixRMaj back = new DMatrixRMaj(size[0], size[1]);
            CommonOps_DDRM.multTransB(us, svd.v(), back);
            assertTrue(MatrixFeatures_DDRM.isIdentical(a, back, 1e-12));
        }
    }

    @Test
    void symmetricEigenMatchesEjmlAndIsDescending() {
        int n = 25;
        DMatrixRMaj b = RandomMatrices_DDRM.rectangle(n, n, -1, 1, random);
        DMatrixRMaj a = new DMatrixRMaj(n, n);
        CommonOps_DDRM.multTransB(b, b, a);
        double[] values = new double[n];
        DMatrixRMaj q = new DMatrixRMaj(1, 1);
        kernels.symmetricEigen(a, values, q);
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(n, true, true);
        eig.decompose(a.copy());
        double[] reference = new double[n];
        for (int i = 0; i < n; i++) {
            reference[i] = eig.getEigenvalue(i).real;
        }
        java.util.Arrays.sort(reference);
        for (int i = 0; i < n; i++) {
            assertEquals(reference[n - 1 - i], values[i], 1e-10);
        }
        // A q_i = λ_i q_i
        for (int c = 0; c < n; c++) {
            DMatrixRMaj col = CommonOps_DDRM.extractColumn(q, c, null);
            DMatrixRMaj image = new DMatrixRMaj(n, 1);
            CommonOps_DDRM.mult(a, col, image);
            CommonOps_DDRM.scale(values[c], col);
            assertTrue(MatrixFeatures_DDRM.isIdentical(image, col, 1e-9));
        }
    }

    @Test
    void choleskyAndQrReconstruct() {
        int n = 10;
        DMatrixRMaj b = RandomMatrices_DDRM.rectangle(n, n, -1, 1, random);
        DMatrixRMaj a = new DMatrixRMaj(n, n);
        CommonOps_DDRM.multTransB(b, b, a);
        DMatrixRMaj l = new DMatrixRMaj(1, 1);
        assertTrue(kernels.cholesky(a, l));
        DMatrixRMaj back = new DMatrixRMaj(n, n);
        CommonOps_DDRM.multTransB(l, l, back);
        assertTrue(MatrixFeatures_DDRM.isIdentical(a, back, 1e-12));
        DMatrixRMaj indefinite = CommonOps_DDRM.identity(3);
        indefinite.set(2, 2, -1);
        assertFalse(kernels.cholesky(indefinite, l));

        DMatrixRMaj tall = RandomMatrices_DDRM.rectangle(20, 6, -1, 1, random);
        DMatrixRMaj q = new DMatrixRMaj(1, 1);
        DMatrixRMaj r = new DMatrixRMaj(1, 1);
        kernels.qr(tall, q, r);
        DMatrixRMaj qr = new DMatrixRMaj(20, 6);
        CommonOps_DDRM.mult(q, r, qr);
        assertTrue(MatrixFeatures_DDRM.isIdentical(tall, qr, 1e-12));
        assertTrue(MatrixFeatures_DDRM.isUpperTriangle(r, 0, 0));
        DMatrixRMaj qtq = new DMatrixRMaj(6, 6);
        CommonOps_DDRM.multTransA(q, q, qtq);
        assertTrue(MatrixFeatures_DDRM.isIdentity(qtq, 1e-12));
    }
}

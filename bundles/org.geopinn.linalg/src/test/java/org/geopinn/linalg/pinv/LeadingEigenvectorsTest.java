package org.geopinn.linalg.pinv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.RandomMatrices_DDRM;
import org.geopinn.linalg.DenseKernels;
import org.junit.jupiter.api.Test;

/** The partial eigendecomposition against EJML's full one, on spectra like a PINN Gram matrix's. */
class LeadingEigenvectorsTest {
    /** Q diag(λ) Qᵀ with a random orthogonal Q. */
    private static DMatrixRMaj withSpectrum(double[] lambda, long seed) {
        int n = lambda.length;
        DMatrixRMaj q = RandomMatrices_DDRM.orthogonal(n, n, new Random(seed));
        DMatrixRMaj d = CommonOps_DDRM.diag(lambda);
        DMatrixRMaj qd = new DMatrixRMaj(n, n);
        CommonOps_DDRM.mult(q, d, qd);
        DMatrixRMaj a = new DMatrixRMaj(n, n);
        CommonOps_DDRM.multTransB(qd, q, a);
        // exactly symmetric
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < i; j++) {
                double m = 0.5 * (a.get(i, j) + a.get(j, i));
                a.set(i, j, m);
                a.set(j, i, m);
            }
        }
        return a;
    }

    private static void assertEigenpairs(DMatrixRMaj a, LeadingEigenvectors e, int k, double tolerance) {
        int n = a.numRows;
        double[] u = e.vectors();
        double scale = Math.abs(e.values()[0]);
        for (int i = 0; i < k; i++) {
            for (int r = 0; r < n; r++) {
                double s = -e.values()[i] * u[i * n + r];
                for (int c = 0; c < n; c++) {
                    s += a.get(r, c) * u[i * n + c];
                }
                assertTrue(Math.abs(s) <= tolerance * scale, "residual of pair " + i + ": " + s);
            }
            for (int j = 0; j <= i; j++) {
                double dot = 0;
                for (int r = 0; r < n; r++) {
                    dot += u[i * n + r] * u[j * n + r];
                }
                assertEquals(i == j ? 1 : 0, dot, 1e-9, "u" + i + "·u" + j);
            }
        }
    }

    @Test
    void decayingSpectrumMatchesTheFullDecomposition() {
        int n = 120;
        double[] lambda = new double[n];
        for (int i = 0; i < n; i++) {
            lambda[i] = 1e3 * Math.pow(10, -16.0 * i / n); // 1e3 down to 1e-13, as J·Jᵀ of a trained PINN
        }
        DMatrixRMaj a = withSpectrum(lambda, 3);
        LeadingEigenvectors e = new LeadingEigenvectors();
        assertTrue(e.decompose(a));
        double[] values = new double[n];
        DMatrixRMaj vectors = new DMatrixRMaj(n, n);
        DenseKernels.ejml().symmetricEigen(a, values, vectors);
        for (int i = 0; i < n; i++) {
            assertEquals(values[i], e.values()[i], 1e-11 * values[0], "eigenvalue " + i);
        }
        assertTrue(e.ensure(40));
        assertEquals(40, e.computed());
        assertEigenpairs(a, e, 40, 1e-11);
        // well separated leading vectors agree with EJML's up to sign
        for (int i = 0; i < 10; i++) {
            double dot = 0;
            for (int r = 0; r < n; r++) {
                dot += e.vectors()[i * n + r] * vectors.get(r, i);
            }
            assertEquals(1, Math.abs(dot), 1e-9, "vector " + i);
        }
        assertTrue(e.ensure(n), "all of them, after the first 40");
        assertEigenpairs(a, e, n, 1e-11);
    }

    @Test
    void repeatedEigenvaluesGetOrthogonalVectors() {
        double[] lambda = {7, 7, 7, 3, 3, 1, 1e-15, 1e-15, 0, 0, 0, 0};
        DMatrixRMaj a = withSpectrum(lambda, 5);
        LeadingEigenvectors e = new LeadingEigenvectors();
        // the same instance serves matrices of other sizes in turn, down to 1×1
        assertTrue(e.decompose(withSpectrum(new double[] {4, 3, 2, 1, 0.5, 0.25, 0.1, 0.05, 0.01, 0.005, 0.001, 1e-4, 1e-5, 1e-6, 1e-7,
            1e-8, 1e-9, 1e-10, 1e-11, 1e-12}, 6)));
        assertTrue(e.ensure(5));
        assertTrue(e.decompose(withSpectrum(new double[] {2.5}, 7)));
        assertTrue(e.ensure(1));
        assertEquals(2.5, e.values()[0], 1e-14);
        assertEquals(1, Math.abs(e.vectors()[0]), 1e-14);
        assertTrue(e.decompose(a));
        assertTrue(e.ensure(lambda.length));
        assertEigenpairs(a, e, lambda.length, 1e-12);
    }

    @Test
    void truncatedDirectionsEqualTheQrPseudoInverse() {
        Random random = new Random(11);
        for (int[] shape : new int[][] {{30, 80}, {80, 30}}) {
            DMatrixRMaj j = RandomMatrices_DDRM.rectangle(shape[0], shape[1], -1, 1, random);
            // columns of decaying scale give a spread of singular values
            for (int c = 0; c < shape[1]; c++) {
                for (int r = 0; r < shape[0]; r++) {
                    j.set(r, c, j.get(r, c) * Math.pow(10, -4.0 * c / shape[1]));
                }
            }
            double[] residual = new double[shape[0]];
            for (int i = 0; i < residual.length; i++) {
                residual[i] = random.nextGaussian();
            }
            PseudoInverse gram = new GramPseudoInverse(DenseKernels.ejml());
            PseudoInverse qr = new QrPseudoInverse();
            gram.factorize(j);
            qr.factorize(j);
            gram.prepare(residual);
            qr.prepare(residual);
            double[] a = new double[shape[1]];
            double[] b = new double[shape[1]];
            for (int rank : new int[] {1, 5, 12, 20}) {
                gram.direction(rank, a);
                qr.direction(rank, b);
                double norm = 0;
                for (double x : b) {
                    norm = Math.max(norm, Math.abs(x));
                }
                for (int i = 0; i < a.length; i++) {
                    assertEquals(b[i], a[i], 1e-7 * norm, "shape " + shape[0] + "x" + shape[1] + ", rank " + rank + ", component " + i);
                }
            }
        }
    }
}

package org.geopinn.kernels.openblas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.RandomMatrices_DDRM;
import org.geopinn.linalg.DenseKernels;
import org.geopinn.linalg.LeadingEigenSolver;
import org.geopinn.linalg.ThinSvd;
import org.geopinn.linalg.pinv.GramPseudoInverse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The native kernels against the Java ones (the reference) to 1e-12 relative, on random matrices and
 * on ill-conditioned ones whose singular values fall geometrically, as a PINN Jacobian's do.
 */
class NativeKernelsAgreementTest {
    private static final double TOLERANCE = 1e-12;
    private final DenseKernels java = DenseKernels.ejml();
    private final DenseKernels blas = new OpenBlasKernels(2, 1);

    @BeforeAll
    static void load() {
        assertNull(OpenBlasLibrary.load(), "this test runs where the OpenBLAS library loads");
    }

    /** U·diag(σ)·Vᵀ with random orthonormal U, V and σ falling from 1 to 10^-decades. */
    static DMatrixRMaj illConditioned(int m, int n, double decades, long seed) {
        Random random = new Random(seed);
        int k = Math.min(m, n);
        DMatrixRMaj u = RandomMatrices_DDRM.orthogonal(m, k, random);
        DMatrixRMaj v = RandomMatrices_DDRM.orthogonal(n, k, random);
        double[] sigma = new double[k];
        for (int i = 0; i < k; i++) {
            sigma[i] = Math.pow(10, -decades * i / Math.max(1, k - 1));
        }
        DMatrixRMaj us = new DMatrixRMaj(m, k);
        CommonOps_DDRM.mult(u, CommonOps_DDRM.diag(sigma), us);
        DMatrixRMaj a = new DMatrixRMaj(m, n);
        CommonOps_DDRM.multTransB(us, v, a);
        return a;
    }

    static DMatrixRMaj random(int m, int n, long seed) {
        return RandomMatrices_DDRM.rectangle(m, n, -1, 1, new Random(seed));
    }

    /** Q·diag(λ)·Qᵀ, exactly symmetric. */
    static DMatrixRMaj symmetricWithSpectrum(double[] lambda, long seed) {
        int n = lambda.length;
        DMatrixRMaj q = RandomMatrices_DDRM.orthogonal(n, n, new Random(seed));
        DMatrixRMaj qd = new DMatrixRMaj(n, n);
        CommonOps_DDRM.mult(q, CommonOps_DDRM.diag(lambda), qd);
        DMatrixRMaj a = new DMatrixRMaj(n, n);
        CommonOps_DDRM.multTransB(qd, q, a);
        symmetrise(a);
        return a;
    }

    static void symmetrise(DMatrixRMaj a) {
        for (int i = 0; i < a.numRows; i++) {
            for (int j = 0; j < i; j++) {
                double m = 0.5 * (a.get(i, j) + a.get(j, i));
                a.set(i, j, m);
                a.set(j, i, m);
            }
        }
    }

    static double relative(double[] actual, double[] expected, int length) {
        double diff = 0;
        double norm = 0;
        for (int i = 0; i < length; i++) {
            diff += (actual[i] - expected[i]) * (actual[i] - expected[i]);
            norm += expected[i] * expected[i];
        }
        return Math.sqrt(diff / norm);
    }

    static void assertClose(DMatrixRMaj expected, DMatrixRMaj actual, String what) {
        assertEquals(expected.numRows, actual.numRows, what + " rows");
        assertEquals(expected.numCols, actual.numCols, what + " columns");
        double r = relative(actual.data, expected.data, expected.getNumElements());
        assertTrue(r <= TOLERANCE, what + ": relative difference " + r);
    }

    /** ‖x ∓ y‖ for two unit vectors, whichever sign fits (eigen- and singular vectors have none). */
    static double upToSign(double[] x, int xOffset, int xStride, double[] y, int yOffset, int yStride, int n) {
        double plus = 0;
        double minus = 0;
        for (int r = 0; r < n; r++) {
            double a = x[xOffset + r * xStride];
            double b = y[yOffset + r * yStride];
            plus += (a - b) * (a - b);
            minus += (a + b) * (a + b);
        }
        return Math.sqrt(Math.min(plus, minus));
    }

    @Test
    void productsAgree() {
        for (long seed = 0; seed < 3; seed++) {
            DMatrixRMaj a = random(37, 53, seed);
            DMatrixRMaj b = random(53, 29, seed + 10);
            DMatrixRMaj expected = new DMatrixRMaj(1, 1);
            DMatrixRMaj actual = new DMatrixRMaj(1, 1);
            java.multiply(a, b, expected);
            blas.multiply(a, b, actual);
            assertClose(expected, actual, "a·b");
            DMatrixRMaj at = random(53, 37, seed + 20);
            java.multiplyTransA(at, b, expected);
            blas.multiplyTransA(at, b, actual);
            assertClose(expected, actual, "aᵀ·b");
            DMatrixRMaj bt = random(29, 53, seed + 30);
            java.multiplyTransB(a, bt, expected);
            blas.multiplyTransB(a, bt, actual);
            assertClose(expected, actual, "a·bᵀ");
        }
        assertThrows(IllegalArgumentException.class, () -> blas.multiply(random(3, 4, 1), random(5, 2, 2), new DMatrixRMaj(1, 1)));
    }

    @Test
    void gramMatricesAgreeOnRandomAndIllConditionedMatrices() {
        DMatrixRMaj[] cases = {random(60, 250, 1), random(250, 60, 2), illConditioned(80, 300, 10, 3), illConditioned(300, 80, 14, 4)};
        for (DMatrixRMaj a : cases) {
            DMatrixRMaj expected = new DMatrixRMaj(1, 1);
            DMatrixRMaj actual = new DMatrixRMaj(1, 1);
            java.gramOfRows(a, expected);
            blas.gramOfRows(a, actual);
            assertClose(expected, actual, "a·aᵀ of " + a.numRows + "×" + a.numCols);
            java.gramOfColumns(a, expected);
            blas.gramOfColumns(a, actual);
            assertClose(expected, actual, "aᵀ·a of " + a.numRows + "×" + a.numCols);
        }
    }

    /**
     * Above {@link OpenBlasKernels#SPLIT_MIN_WORK} the two-core Gram matrix is three single-threaded calls
     * (SYRK, GEMM, SYRK) on the caller and the helper lane: equal to the Java kernel and to one SYRK on one
     * thread to 1e-12, for rows and columns, odd and even orders, and again after the lane was stopped
     * and restarted.
     */
    @Test
    void gramMatricesSplitOverTwoThreadsAgree() {
        DenseKernels single = new OpenBlasKernels(1, 1);
        DMatrixRMaj[] cases = {random(300, 401, 5), illConditioned(301, 520, 12, 6), random(401, 300, 7), illConditioned(520, 257, 12, 8)};
        for (int round = 0; round < 2; round++) {
            for (DMatrixRMaj a : cases) {
                boolean rows = a.numRows <= a.numCols;
                int n = rows ? a.numRows : a.numCols;
                int k = rows ? a.numCols : a.numRows;
                assertTrue((double) n * n * k >= OpenBlasKernels.SPLIT_MIN_WORK && n >= OpenBlasKernels.SPLIT_MIN_ORDER, "case is split");
                DMatrixRMaj expected = new DMatrixRMaj(1, 1);
                DMatrixRMaj actual = new DMatrixRMaj(1, 1);
                DMatrixRMaj oneCall = new DMatrixRMaj(1, 1);
                if (rows) {
                    java.gramOfRows(a, expected);
                    blas.gramOfRows(a, actual);
                    single.gramOfRows(a, oneCall);
                } else {
                    java.gramOfColumns(a, expected);
                    blas.gramOfColumns(a, actual);
                    single.gramOfColumns(a, oneCall);
                }
                String what = (rows ? "a·aᵀ" : "aᵀ·a") + " of " + a.numRows + "×" + a.numCols + " split";
                assertClose(expected, actual, what);
                assertClose(oneCall, actual, what + " against one SYRK");
                for (int i = 0; i < n; i++) {
                    for (int j = 0; j < i; j++) {
                        assertEquals(actual.get(i, j), actual.get(j, i), 0.0, what + " is symmetric");
                    }
                }
            }
            HelperLane.stopShared();
        }
    }

    @Test
    void singularValueDecompositionsAgree() {
        DMatrixRMaj[] cases = {random(40, 25, 5), random(25, 40, 6), illConditioned(50, 30, 12, 7), illConditioned(30, 50, 12, 8)};
        for (DMatrixRMaj a : cases) {
            ThinSvd e = java.svd(a);
            ThinSvd n = blas.svd(a);
            int k = e.sigma().length;
            assertEquals(k, n.sigma().length);
            for (int i = 0; i < k; i++) {
                assertEquals(e.sigma()[i], n.sigma()[i], TOLERANCE * e.sigma()[0], "σ" + i);
            }
            // the singular vectors of the separated singular values (all of these spectra) agree up to sign
            for (int i = 0; i < k; i++) {
                double gap = Math.min(i > 0 ? e.sigma()[i - 1] - e.sigma()[i] : Double.MAX_VALUE,
                        i < k - 1 ? e.sigma()[i] - e.sigma()[i + 1] : Double.MAX_VALUE);
                if (gap < 1e-2 * e.sigma()[0]) {
                    continue;
                }
                assertTrue(upToSign(n.u().data, i, k, e.u().data, i, k, a.numRows) <= 10 * TOLERANCE, "u" + i);
                assertTrue(upToSign(n.v().data, i, k, e.v().data, i, k, a.numCols) <= 10 * TOLERANCE, "v" + i);
            }
            // and the factors rebuild a
            DMatrixRMaj us = new DMatrixRMaj(a.numRows, k);
            CommonOps_DDRM.mult(n.u(), CommonOps_DDRM.diag(n.sigma()), us);
            DMatrixRMaj rebuilt = new DMatrixRMaj(a.numRows, a.numCols);
            CommonOps_DDRM.multTransB(us, n.v(), rebuilt);
            assertClose(a, rebuilt, "U·Σ·Vᵀ");
        }
        DMatrixRMaj bad = random(4, 3, 9);
        bad.set(1, 1, Double.NaN);
        assertThrows(ArithmeticException.class, () -> blas.svd(bad));
    }

    @Test
    void fullEigendecompositionsAgree() {
        int n = 90;
        double[] lambda = new double[n];
        for (int i = 0; i < n; i++) {
            lambda[i] = (i % 2 == 0 ? 1 : -1) * Math.pow(10, -8.0 * i / n); // both signs, 8 decades
        }
        for (DMatrixRMaj a : new DMatrixRMaj[] {symmetricWithSpectrum(lambda, 11), symmetric(random(70, 70, 12))}) {
            int size = a.numRows;
            double[] expectedValues = new double[size];
            double[] actualValues = new double[size];
            DMatrixRMaj expected = new DMatrixRMaj(1, 1);
            DMatrixRMaj actual = new DMatrixRMaj(1, 1);
            java.symmetricEigen(a, expectedValues, expected);
            blas.symmetricEigen(a, actualValues, actual);
            double scale = Math.max(Math.abs(expectedValues[0]), Math.abs(expectedValues[size - 1]));
            for (int i = 0; i < size; i++) {
                assertEquals(expectedValues[i], actualValues[i], TOLERANCE * scale, "λ" + i);
            }
            for (int i = 0; i < size; i++) {
                if (gap(expectedValues, i) >= 1e-2 * scale) {
                    double d = upToSign(actual.data, i, size, expected.data, i, size, size);
                    assertTrue(d <= 10 * TOLERANCE, "eigenvector " + i + ": " + d);
                }
            }
        }
    }

    private static DMatrixRMaj symmetric(DMatrixRMaj a) {
        DMatrixRMaj s = new DMatrixRMaj(a.numRows, a.numCols);
        CommonOps_DDRM.add(a, CommonOps_DDRM.transpose(a, null), s);
        return s;
    }

    private static double gap(double[] values, int i) {
        double g = Double.MAX_VALUE;
        if (i > 0) {
            g = Math.min(g, Math.abs(values[i - 1] - values[i]));
        }
        if (i < values.length - 1) {
            g = Math.min(g, Math.abs(values[i] - values[i + 1]));
        }
        return g;
    }

    @Test
    void partialEigendecompositionsKeepTheSameVectors() {
        // a Gram matrix J·Jᵀ of an ill-conditioned J: eigenvalues from 1 down to 1e-20 (below the resolution)
        DMatrixRMaj j = illConditioned(120, 400, 10, 13);
        DMatrixRMaj gram = new DMatrixRMaj(1, 1);
        java.gramOfRows(j, gram);
        int n = gram.numRows;
        LeadingEigenSolver expected = java.leadingEigen();
        LeadingEigenSolver actual = blas.leadingEigen();
        assertTrue(expected.decompose(gram));
        assertTrue(actual.decompose(gram));
        for (int i = 0; i < n; i++) {
            assertEquals(expected.values()[i], actual.values()[i], TOLERANCE * expected.values()[0], "λ" + i);
        }
        // kept vectors, asked for in two rounds as a step's cut-offs ask: the leading ones, whose gaps to
        // their neighbours (≥ 6e-4·λ_max) determine them to 1e-12, agree to 1e-12 up to sign
        double eps = Math.ulp(1.0);
        double[] lambda = expected.values();
        for (int k : new int[] {10, 16, 40}) {
            assertTrue(expected.ensure(k));
            assertTrue(actual.ensure(k));
            assertEquals(k, actual.computed());
            for (int i = 0; i < k; i++) {
                double d = upToSign(actual.vectors(), i * n, 1, expected.vectors(), i * n, 1, n);
                // deeper ones, closer together, agree as far as the matrix determines them (eps·‖A‖/gap)
                double bound = Math.max(TOLERANCE, 10 * eps * lambda[0] / gap(lambda, i));
                assertTrue(d <= bound, "kept eigenvector " + i + " of " + k + ": " + d + " (bound " + bound + ")");
                if (i < 16) {
                    assertTrue(d <= TOLERANCE, "leading eigenvector " + i + ": " + d);
                }
            }
        }
        // and all of them (the damped direction) are orthonormal eigenvectors
        assertTrue(actual.ensure(n));
        double[] u = actual.vectors();
        for (int i = 0; i < n; i += 7) {
            for (int c = 0; c <= i; c += 5) {
                double dot = 0;
                for (int r = 0; r < n; r++) {
                    dot += u[i * n + r] * u[c * n + r];
                }
                assertEquals(i == c ? 1 : 0, dot, 1e-13, "u" + i + "·u" + c);
            }
        }
    }

    @Test
    void pseudoInverseDirectionsAgree() {
        // the ANaGRAM direction through the Gram route, with each kernel, at ranks a cut-off keeps
        DMatrixRMaj j = illConditioned(60, 200, 8, 17);
        double[] r = new double[60];
        Random random = new Random(18);
        for (int i = 0; i < r.length; i++) {
            r[i] = random.nextGaussian();
        }
        GramPseudoInverse expected = new GramPseudoInverse(java);
        GramPseudoInverse actual = new GramPseudoInverse(blas);
        expected.factorize(j);
        actual.factorize(j);
        expected.prepare(r);
        actual.prepare(r);
        double[] de = new double[200];
        double[] da = new double[200];
        double[] lambda = expected.singularValuesSquared();
        for (int rank : new int[] {10, 20, 30}) {
            expected.direction(rank, de);
            actual.direction(rank, da);
            double d = relative(da, de, 200);
            // a direction through J·Jᵀ is resolved to about eps·λ_max/λ_k (the Gram route squares the
            // condition number): 1e-12 while λ_k ≥ 1e-3·λ_max, that resolution beyond
            double bound = Math.max(TOLERANCE, 100 * Math.ulp(1.0) * lambda[0] / lambda[rank - 1]);
            assertTrue(d <= bound, "direction of rank " + rank + ": " + d + " (bound " + bound + ")");
            if (lambda[rank - 1] >= 1e-3 * lambda[0]) {
                assertTrue(d <= TOLERANCE, "direction of rank " + rank + ": " + d);
            }
        }
    }

    @Test
    void choleskyAgreesAndRefusesIndefiniteMatrices() {
        DMatrixRMaj g = new DMatrixRMaj(1, 1);
        java.gramOfColumns(random(80, 50, 19), g);
        DMatrixRMaj expected = new DMatrixRMaj(1, 1);
        DMatrixRMaj actual = new DMatrixRMaj(1, 1);
        assertTrue(java.cholesky(g, expected));
        assertTrue(blas.cholesky(g, actual));
        assertClose(expected, actual, "L");
        DMatrixRMaj indefinite = symmetricWithSpectrum(new double[] {3, 1, -1, 0.5}, 20);
        assertFalse(java.cholesky(indefinite, expected));
        assertFalse(blas.cholesky(indefinite, actual));
    }

    @Test
    void shiftedCholeskySolvesAgreeForEveryShiftAndRefuseIndefiniteOnes() {
        DMatrixRMaj g = new DMatrixRMaj(1, 1);
        java.gramOfRows(illConditioned(60, 90, 8, 21), g);
        org.geopinn.linalg.ShiftedCholesky reference = java.shiftedCholesky();
        org.geopinn.linalg.ShiftedCholesky fast = blas.shiftedCholesky();
        reference.load(g);
        fast.load(g);
        double[] b = random(60, 1, 22).data;
        double[] expected = new double[60];
        double[] actual = new double[60];
        // shifts from 1e-6 (σ_min² is 1e-16: κ ≈ 1e6) to 10, the way a step's λ grows, and back down
        for (double shift : new double[] {1e-6, 1e-3, 10, 1e-4}) {
            assertTrue(reference.factor(shift));
            assertTrue(fast.factor(shift));
            reference.solve(b, expected);
            fast.solve(b, actual);
            double r = relative(actual, expected, 60);
            // the solves' error is κ·eps: compare with a tolerance scaled by κ = (1 + σ)/σ
            assertTrue(r <= TOLERANCE * Math.max(1, 1 / shift) * 1e-2 + TOLERANCE, "shift " + shift + ": relative difference " + r);
        }
        DMatrixRMaj indefinite = symmetricWithSpectrum(new double[] {3, 1, -1, 0.5}, 23);
        fast.load(indefinite);
        assertFalse(fast.factor(0));
        assertTrue(fast.factor(1.5), "shifted by 1.5 the spectrum is positive");
    }

    @Test
    void qrAgreesUpToTheSignsOfItsColumns() {
        for (DMatrixRMaj a : new DMatrixRMaj[] {random(70, 30, 21), illConditioned(90, 40, 12, 22), random(20, 20, 23)}) {
            int m = a.numRows;
            int n = a.numCols;
            DMatrixRMaj qe = new DMatrixRMaj(1, 1);
            DMatrixRMaj re = new DMatrixRMaj(1, 1);
            DMatrixRMaj qa = new DMatrixRMaj(1, 1);
            DMatrixRMaj ra = new DMatrixRMaj(1, 1);
            java.qr(a, qe, re);
            blas.qr(a, qa, ra);
            // Householder conventions may flip a column of Q with the matching row of R: normalise diag(R) ≥ 0
            positiveDiagonal(qe, re);
            positiveDiagonal(qa, ra);
            assertClose(re, ra, "R of " + m + "×" + n);
            // the columns of Q that R determines well (|r_ii| well above the rounding of ‖A‖)
            for (int c = 0; c < n; c++) {
                if (Math.abs(re.get(c, c)) > 1e-3 * Math.abs(re.get(0, 0))) {
                    double d = upToSign(qa.data, c, n, qe.data, c, n, m);
                    assertTrue(d <= 10 * TOLERANCE, "column " + c + " of Q: " + d);
                }
            }
            DMatrixRMaj rebuilt = new DMatrixRMaj(m, n);
            CommonOps_DDRM.mult(qa, ra, rebuilt);
            assertClose(a, rebuilt, "Q·R");
        }
        assertThrows(IllegalArgumentException.class, () -> blas.qr(random(3, 5, 24), new DMatrixRMaj(1, 1), new DMatrixRMaj(1, 1)));
    }

    private static void positiveDiagonal(DMatrixRMaj q, DMatrixRMaj r) {
        int n = r.numRows;
        for (int i = 0; i < n; i++) {
            if (r.get(i, i) < 0) {
                for (int c = 0; c < n; c++) {
                    r.set(i, c, -r.get(i, c));
                }
                for (int row = 0; row < q.numRows; row++) {
                    q.set(row, i, -q.get(row, i));
                }
            }
        }
    }
}

package org.geopinn.diagnostics.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Random;
import org.geopinn.api.GeopinnException;
import org.geopinn.api.diagnostic.DiagnosticReport;
import org.geopinn.diagnostics.Spectra;
import org.junit.jupiter.api.Test;

/** The diagnostic services on hand-made linear systems whose Jacobian is known. */
class KernelDiagnosticsTest {
    private static final double[] THETA = new double[8];

    @Test
    void ntkReportsTheSpectrumOfJJTransposed() {
        double[] j = random(6, 8, 1);
        double[] k = new double[36];
        for (int a = 0; a < 6; a++) {
            for (int b = 0; b < 6; b++) {
                for (int c = 0; c < 8; c++) {
                    k[a * 6 + b] += j[a * 8 + c] * j[b * 8 + c];
                }
            }
        }
        double[] eig = Spectra.symmetricEigenvalues(k, 6);
        DiagnosticReport r = new NtkDiagnostic().run(new LinearSystem(j, 6, 8, 8), THETA, Map.of());
        assertEquals(eig[0], r.scalars().get("lambda_max"), 1e-11);
        assertEquals(eig[5], r.scalars().get("lambda_min"), 1e-11);
        assertEquals(eig[0] / eig[5], r.scalars().get("condition"), 1e-6 * eig[0] / eig[5]);
        assertEquals(Spectra.truncatedEntropy(eig, 1e-12), r.scalars().get("truncated_entropy"), 1e-13);
        assertEquals(6, r.tables().get("spectrum").rows().size());
        assertArrayEquals(k, flatten(r.tables().get("kernel")), 1e-12);
    }

    @Test
    void naturalNtkIsAProjectionOfTheJacobiansRank() {
        double[] j = random(6, 3, 2);
        DiagnosticReport r = new NaturalNtkDiagnostic().run(new LinearSystem(j, 6, 3, 3), THETA, Map.of("cutoff", "1e-10"));
        assertEquals(3, r.scalars().get("rank"));
        assertEquals(1, r.scalars().get("lambda_max"), 1e-12);
        assertEquals(0, r.scalars().get("lambda_min"), 1e-12);
        assertEquals(3, r.scalars().get("trace"), 1e-12);
    }

    @Test
    void preconditionedNtkOfALinearCoupledSystemHasLambdaMaxEqualToTheNetworkCount() {
        // Two "networks" of 4 parameters on 6 residual rows, coupled by γ·C in the second field's rows:
        // J = [[A1, 0], [γ C, A2]]. Ranges of dimension 4 in R^6 intersect, so λ_max(K_P) = 2 for every γ,
        // while λ_max(K) grows like γ².
        double[] a1 = random(3, 4, 3);
        double[] a2 = random(3, 4, 4);
        double[] c = random(3, 4, 5);
        double previous = 0;
        for (double gamma : new double[] {0.01, 1, 100, 1e4}) {
            double[] j = new double[6 * 8];
            for (int i = 0; i < 3; i++) {
                for (int q = 0; q < 4; q++) {
                    j[i * 8 + q] = a1[i * 4 + q];
                    j[(i + 3) * 8 + q] = gamma * c[i * 4 + q];
                    j[(i + 3) * 8 + 4 + q] = a2[i * 4 + q];
                }
            }
            LinearSystem system = new LinearSystem(j, 6, 8, 4, 4);
            DiagnosticReport kp = new PreconditionedNtkDiagnostic().run(system, THETA, Map.of("cutoff", 1e-12));
            assertEquals(2, kp.scalars().get("lambda_max"), 1e-10, "gamma " + gamma);
            assertEquals(2, kp.scalars().get("networks"));
            double lambda = new NtkDiagnostic().run(system, THETA, Map.of()).scalars().get("lambda_max");
            if (gamma >= 1e4) {
                assertEquals(1e4, lambda / previous, 0.05e4, "λ_max(K) grows like γ² once the coupling dominates");
            }
            previous = lambda;
        }
    }

    @Test
    void threeNetworksGiveLambdaMaxThree() {
        // Three blocks of 5 columns in R^6: their ranges share at least 15 - 2*6 = 3 directions.
        double[] j = random(6, 15, 6);
        DiagnosticReport kp = new PreconditionedNtkDiagnostic().run(new LinearSystem(j, 6, 15, 5, 5, 5), new double[15], Map.of());
        assertEquals(3, kp.scalars().get("lambda_max"), 1e-10);
    }

    @Test
    void maxRowsSamplesRowsEvenly() {
        double[] j = random(10, 3, 7);
        DiagnosticReport r = new JacobianSpectrumDiagnostic().run(new LinearSystem(j, 10, 3, 3), new double[3], Map.of("maxRows", 5));
        assertEquals(5, r.scalars().get("rows"));
        double[] kept = new double[15];
        int[] rows = JacobianSample.spread(10, 5);
        assertArrayEquals(new int[] {0, 2, 4, 6, 8}, rows);
        for (int i = 0; i < 5; i++) {
            System.arraycopy(j, rows[i] * 3, kept, i * 3, 3);
        }
        assertEquals(Spectra.singularValues(kept, 5, 3)[0], r.scalars().get("sigma_max"), 1e-12);
    }

    @Test
    void badOptionsAreOneLineErrors() {
        LinearSystem s = new LinearSystem(random(2, 2, 8), 2, 2, 2);
        GeopinnException e = assertThrows(GeopinnException.class, () -> new NtkDiagnostic().run(s, new double[2], Map.of("cutof", 1e-3)));
        assertTrue(e.getMessage().contains("no option 'cutof'"), e.getMessage());
        e = assertThrows(GeopinnException.class, () -> new NtkDiagnostic().run(s, new double[2], Map.of("a", "big")));
        assertTrue(e.getMessage().contains("must be a number"), e.getMessage());
        assertThrows(GeopinnException.class, () -> new NtkDiagnostic().run(s, new double[2], Map.of("a", 2)));
    }

    static double[] random(int rows, int cols, long seed) {
        Random r = new Random(seed);
        double[] m = new double[rows * cols];
        for (int i = 0; i < m.length; i++) {
            m[i] = r.nextGaussian();
        }
        return m;
    }

    private static double[] flatten(DiagnosticReport.Table t) {
        int n = t.rows().size();
        double[] m = new double[n * n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(t.rows().get(i), 0, m, i * n, n);
        }
        return m;
    }
}

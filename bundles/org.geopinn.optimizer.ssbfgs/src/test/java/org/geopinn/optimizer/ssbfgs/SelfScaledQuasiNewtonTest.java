package org.geopinn.optimizer.ssbfgs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Random;
import org.geopinn.api.GeopinnException;
import org.geopinn.api.operator.LossScaling;
import org.geopinn.api.operator.ResidualSystem;
import org.geopinn.api.optimizer.Optimizer;
import org.geopinn.api.optimizer.StepResult;
import org.geopinn.linalg.lsq.FunctionResidualSystem;
import org.geopinn.linalg.lsq.StandardProblems;
import org.geopinn.linalg.testing.OptimizerContract;
import org.geopinn.linalg.testing.PinnFixtures;
import org.junit.jupiter.api.Test;

class SelfScaledQuasiNewtonTest {
    private final SsbfgsFactory factory = new SsbfgsFactory();

    /** L = ½ Σ a_i x_i² with a = (1, 2, 4): residuals r_i = √a_i x_i. */
    private static FunctionResidualSystem quadratic() {
        double[] a = {1, 0, 0, 0, Math.sqrt(2), 0, 0, 0, 2};
        return StandardProblems.linear(3, 3, a, new double[3]);
    }

    /** @return H(i, j) from the exported upper triangle */
    private static double entry(double[] packed, int n, int i, int j) {
        int r = Math.min(i, j);
        int c = Math.max(i, j);
        return packed[r * n - r * (r - 1) / 2 + (c - r)];
    }

    @Test
    void firstUpdateOnAQuadraticIsTheHandComputedOne() {
        // Hand computation. A = diag(1, 2, 4), x0 = (1, 1, 1): g0 = Ax0 = (1, 2, 4), ‖g0‖₁ = 7, H0 = I.
        // d = −g0; first trial t = min(1, 1/‖g0‖₁) = 1/7. φ(t) = ½Σ a_i(1 − t a_i)²:
        //   φ(0) = 3.5, φ'(0) = −Σa_i² = −21; φ(1/7) = ½(36 + 50 + 36)/49 = 61/49 ≤ 3.5 − 1e-4·3 (Armijo),
        //   φ'(1/7) = −Σ a_i²(1 − a_i/7) = −74/7, |−74/7| ≤ 0.9·21 (curvature): t = 1/7 is accepted.
        // s = −(1, 2, 4)/7, x1 = (6, 5, 3)/7, g1 = (6, 10, 12)/7, y = g1 − g0 = −(1, 4, 16)/7 = A s.
        // yᵀs = Σa_i³/49 = 73/49, ρ = 49/73; Hy = y, yᵀHy = Σa_i⁴/49 = 273/49;
        // h = yᵀHy/yᵀs = 273/73; b = −αρ sᵀg0 = −(1/7)(49/73)(−3) = 21/73 (= sᵀs/yᵀs);
        // SSBFGS, first update: θ = 0, τ = h = 273/73. Then yᵀHy/τ = 73/49 = yᵀs, and
        // H1 = (1/τ)(I − ρ(s yᵀ + y sᵀ)) + (yᵀs + yᵀHy/τ)/(yᵀs)² s sᵀ
        //    = (73/273)(I − ρ(s yᵀ + y sᵀ)) + (2ρ) s sᵀ, with (s yᵀ + y sᵀ)_ij = a_i a_j (a_i + a_j)/49,
        //      s_i s_j = a_i a_j/49:
        // H1_ij = (73/273)(δ_ij − a_i a_j (a_i + a_j)/73) + 2 a_i a_j/73.
        // E.g. H1_11 = (73/273)(71/73) + 2/73 = 71/273 + 2/73.
        double[] a = {1, 2, 4};
        Optimizer o = factory.create(Map.of());
        double[] theta = {1, 1, 1};
        StepResult r = o.step(quadratic(), theta);
        assertTrue(r.accepted(), r.toString());
        assertEquals(1.0 / 7, r.stepLength(), 1e-15);
        assertEquals(61.0 / 49, r.lossAfter(), 1e-14);
        for (int i = 0; i < 3; i++) {
            assertEquals(1 - a[i] / 7, theta[i], 1e-15);
        }
        double[] packed = o.exportState().array("inverse_hessian_upper");
        assertEquals(71.0 / 273 + 2.0 / 73, entry(packed, 3, 0, 0), 1e-15);
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                double expected = 73.0 / 273 * ((i == j ? 1 : 0) - a[i] * a[j] * (a[i] + a[j]) / 73) + 2 * a[i] * a[j] / 73;
                assertEquals(expected, entry(packed, 3, i, j), 1e-14, "H1[" + i + "][" + j + "]");
            }
        }
        assertTrue(r.detail().contains("τ = 3.74e+00"), r.detail()); // 273/73 = 3.7397
    }

    @Test
    void everyVariantKeepsTheSecantEquationAndSymmetry() {
        Random random = new Random(5);
        int n = 6;
        for (Variant v : Variant.values()) {
            InverseHessian h = new InverseHessian(n);
            for (int k = 0; k < 4; k++) {
                double[] s = new double[n];
                double[] y = new double[n];
                for (int i = 0; i < n; i++) {
                    s[i] = random.nextGaussian();
                    y[i] = s[i] * (1 + i) + 0.1 * random.nextGaussian(); // yᵀs > 0
                }
                double alpha = 0.5;
                // g_k with s = α d = −α H g: any g with sᵀg < 0 suits the formulas
                double sg = -Math.abs(random.nextGaussian()) - 0.1;
                assertTrue(h.update(s, y, alpha, sg, v), v + " update " + k);
                double[] hy = new double[n];
                h.times(y, hy);
                for (int i = 0; i < n; i++) {
                    assertEquals(s[i], hy[i], 1e-10 * (1 + Math.abs(s[i])), v + ": H y = s at update " + k);
                    for (int j = 0; j < n; j++) {
                        assertEquals(h.get(i, j), h.get(j, i), 0.0);
                    }
                }
            }
        }
    }

    @Test
    void minimisesRosenbrock() {
        for (String variant : new String[] {"ssbfgs", "ssbroyden", "bfgs"}) {
            Optimizer o = factory.create(Map.of("variant", variant));
            ResidualSystem system = StandardProblems.rosenbrock();
            double[] theta = {-1.2, 1};
            for (int i = 0; i < 300; i++) {
                if (o.step(system, theta).converged()) {
                    break;
                }
            }
            assertEquals(1, theta[0], 1e-7, variant + " x");
            assertEquals(1, theta[1], 1e-7, variant + " y");
            assertTrue(system.loss(theta) < 1e-16, variant + " loss " + system.loss(theta));
        }
    }

    @Test
    void trainsASmallPinn() {
        for (String variant : new String[] {"ssbfgs", "ssbroyden"}) {
            PinnFixtures.Pinn pinn = PinnFixtures.laplace(8, 64, 32, 1, LossScaling.MEAN);
            Optimizer o = factory.create(Map.of("variant", variant));
            pinn.assertLossFalls(o, 200, 1e-4, variant);
        }
    }

    @Test
    void exportImportReproducesTheNextSteps() {
        PinnFixtures.Pinn pinn = PinnFixtures.laplace(6, 36, 20, 2, LossScaling.MEAN);
        for (String variant : new String[] {"ssbfgs", "ssbroyden", "bfgs"}) {
            OptimizerContract.assertExportImportReproducesNextSteps(factory, Map.of("variant", variant),
                    () -> PinnFixtures.laplace(6, 36, 20, 2, LossScaling.MEAN).system(), pinn.theta0(), 4);
        }
    }

    @Test
    void nonFiniteRegionsNeverReachTheta() {
        OptimizerContract.assertNonFiniteNeverEntersTheta(factory, Map.of(), StandardProblems.rosenbrock(),
                new double[] {-1.2, 1}, 1.25, 30);
    }

    @Test
    void refusesAModelTooLargeForADenseMatrixWithOneLine() {
        PinnFixtures.Pinn pinn = PinnFixtures.laplace(6, 36, 20, 2, LossScaling.MEAN);
        Optimizer o = factory.create(Map.of("max_parameters", 10));
        GeopinnException e = assertThrows(GeopinnException.class, () -> o.step(pinn.system(), pinn.theta0().clone()));
        assertTrue(e.getMessage().contains("P = " + pinn.theta0().length) && e.getMessage().contains("GB")
                && !e.getMessage().contains("\n"), e.getMessage());
    }

    @Test
    void settingsAreCheckedWithOneLineMessages() {
        assertThrows(GeopinnException.class, () -> factory.create(Map.of("variant", "dfp")));
        assertThrows(GeopinnException.class, () -> factory.create(Map.of("c1", 0.5, "c2", 0.4)));
        assertThrows(GeopinnException.class, () -> factory.create(Map.of("history_size", 5)));
        assertTrue(factory.settings().get("variant").contains("default ssbfgs"), factory.settings().get("variant"));
    }

    @Test
    void adoptsLbfgsCurvaturePairsAsTheDenseBfgsMatrixAndRefusesOthers() {
        // One pair on A = diag(1, 2, 4): s = (1, 1, 0), y = As = (1, 2, 0); yᵀs = 3, yᵀy = 5, γ = 3/5.
        // BFGS from H0 = γI: H1 = (I − ρsyᵀ)H0(I − ρysᵀ) + ρssᵀ, ρ = 1/3, which satisfies H1 y = s.
        double[] s = {1, 1, 0};
        double[] y = {1, 2, 0};
        org.geopinn.api.optimizer.OptimizerState lbfgs = new org.geopinn.api.optimizer.OptimizerState("lbfgs", 3,
                Map.of("s", s, "y", y, "rho", new double[] {1.0 / 3}), Map.of());
        Optimizer o = factory.create(Map.of());
        assertTrue(o.adopt(lbfgs));
        double[] h = o.exportState().array("inverse_hessian_upper");
        double[] hy = new double[3];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                hy[i] += entry(h, 3, i, j) * y[j];
            }
        }
        for (int i = 0; i < 3; i++) {
            assertEquals(s[i], hy[i], 1e-14, "secant equation H y = s");
        }
        assertEquals(0.6, entry(h, 3, 2, 2), 1e-15, "untouched direction keeps γ = sᵀy/yᵀy");
        assertEquals(1.0, o.exportState().scalar("updated", 0), "no first-update scaling after a replay");
        // nothing to replay from Adam's moments or an empty history
        assertTrue(!factory.create(Map.of()).adopt(new org.geopinn.api.optimizer.OptimizerState("adam", 3,
                Map.of("m", new double[3], "v", new double[3]), Map.of())));
        assertTrue(!factory.create(Map.of()).adopt(new org.geopinn.api.optimizer.OptimizerState("lbfgs", 3,
                Map.of("s", new double[0], "y", new double[0], "rho", new double[0]), Map.of())));
        // and the adopted matrix steers the next step: on the quadratic it is a descent step
        Optimizer adopted = factory.create(Map.of());
        adopted.adopt(lbfgs);
        StepResult r = adopted.step(quadratic(), new double[] {1, 1, 1});
        assertTrue(r.accepted() && r.lossAfter() < 3.5, r.toString());
    }
}

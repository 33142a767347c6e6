package org.geopinn.optimizer.lm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
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

class LevenbergMarquardtTest {
    private final LmFactory factory = new LmFactory();

    /** Every solver and scaling, geodesic acceleration off and on. */
    private static final Map<String, Map<String, Object>> VARIANTS = Map.of(
            "cholesky", Map.of(),
            "eigen", Map.of("solver", "eigen"),
            "cholesky, D = diag(JᵀJ)", Map.of("scaling", "jacobian"),
            "eigen, D = diag(JᵀJ)", Map.of("solver", "eigen", "scaling", "jacobian"),
            "geodesic", Map.of("geodesic", "true"),
            "qr", Map.of("solver", "qr"),
            "qr, D = diag(JᵀJ)", Map.of("solver", "qr", "scaling", "jacobian"));

    /** Steps until the step says converged or the loss is below 1e-32, at most max steps. */
    private static double[] run(Optimizer o, ResidualSystem system, double[] start, int max) {
        double[] theta = start.clone();
        for (int i = 0; i < max && system.loss(theta) > 1e-32; i++) {
            StepResult r = o.step(system, theta);
            if (r.converged()) {
                break;
            }
        }
        return theta;
    }

    @Test
    void solvesRosenbrockAsResidualsToTenDigits() {
        VARIANTS.forEach((name, settings) -> {
            double[] theta = run(factory.create(settings), StandardProblems.rosenbrock(), new double[] {-1.2, 1}, 200);
            assertEquals(1, theta[0], 1e-10, name + ": x = " + theta[0]);
            assertEquals(1, theta[1], 1e-10, name + ": y = " + theta[1]);
        });
    }

    @Test
    void fitsAnExponentialToTenDigits() {
        // y = 2·exp(−1.5 t) sampled at 20 points; the unique minimiser is (a, b) = (2, −1.5)
        VARIANTS.forEach((name, settings) -> {
            double[] theta = run(factory.create(settings), StandardProblems.exponentialFit(20), new double[] {1, 0}, 200);
            assertEquals(2, theta[0], 1e-10, name + ": a = " + theta[0]);
            assertEquals(-1.5, theta[1], 1e-10, name + ": b = " + theta[1]);
        });
    }

    @Test
    void aStepEqualsThePlainDampedGaussNewtonFormulaOnARandomCase() {
        // The step's fused pass over J (column norms and Jᵀr at once), the shifted Cholesky and the
        // side it takes against δ = −(JᵀJ + λD)⁻¹Jᵀr formed densely and solved by EJML's LU.
        java.util.Random random = new java.util.Random(11);
        for (int[] shape : new int[][] {{30, 50}, {50, 30}}) {
            for (boolean scaled : new boolean[] {false, true}) {
                int s = shape[0];
                int p = shape[1];
                double[] a = new double[s * p];
                for (int i = 0; i < a.length; i++) {
                    a[i] = random.nextGaussian() * (1 + (i % p) % 7);
                }
                double[] b = random.doubles(s, -1, 1).toArray();
                FunctionResidualSystem system = StandardProblems.linear(s, p, a, b);
                Optimizer o = factory.create(scaled ? Map.of("scaling", "jacobian") : Map.of());
                double[] theta = new double[p];
                StepResult r = o.step(system, theta);
                assertTrue(r.accepted(), r.toString());
                // the plain formula with the same λ: λ0 = 1e-3·max diag(J̃ᵀJ̃) (1e-3 after scaling)
                org.ejml.data.DMatrixRMaj jac = new org.ejml.data.DMatrixRMaj(s, p, true, a);
                double[] d = new double[p];
                double maxDiag = 0;
                for (int c = 0; c < p; c++) {
                    for (int i = 0; i < s; i++) {
                        d[c] += a[i * p + c] * a[i * p + c];
                    }
                    maxDiag = Math.max(maxDiag, d[c]);
                }
                double lambda = scaled ? 1e-3 : 1e-3 * maxDiag;
                org.ejml.data.DMatrixRMaj normal = new org.ejml.data.DMatrixRMaj(p, p);
                org.ejml.dense.row.CommonOps_DDRM.multTransA(jac, jac, normal);
                for (int c = 0; c < p; c++) {
                    normal.add(c, c, lambda * (scaled ? d[c] : 1));
                }
                org.ejml.data.DMatrixRMaj rhs = new org.ejml.data.DMatrixRMaj(p, 1);
                org.ejml.dense.row.CommonOps_DDRM.multTransA(jac, new org.ejml.data.DMatrixRMaj(s, 1, true, b), rhs); // −Jᵀr at θ = 0
                org.ejml.data.DMatrixRMaj expected = new org.ejml.data.DMatrixRMaj(p, 1);
                assertTrue(org.ejml.dense.row.CommonOps_DDRM.solve(normal, rhs, expected));
                double diff = 0;
                double norm = 0;
                for (int c = 0; c < p; c++) {
                    diff += (theta[c] - expected.data[c]) * (theta[c] - expected.data[c]);
                    norm += expected.data[c] * expected.data[c];
                }
                assertTrue(Math.sqrt(diff / norm) < 1e-10, s + "×" + p + (scaled ? " scaled" : "") + ": relative difference "
                        + Math.sqrt(diff / norm));
            }
        }
    }

    @Test
    void dampingShrinksAfterAGoodStep() {
        // A linear residual: the quadratic model is exact, ρ = 1, so Nielsen's rule divides λ by 3.
        double[] a = {2, 1, 0, 1, 3, 1, 0, 1, 4};
        FunctionResidualSystem system = StandardProblems.linear(3, 3, a, new double[] {1, 2, 3});
        Optimizer o = factory.create(Map.of());
        StepResult r = o.step(system, new double[3]);
        assertTrue(r.accepted(), r.toString());
        double maxDiag = 17; // max diag(AᵀA): the column norms² are 5, 11 and 17
        assertEquals(1e-3 * maxDiag / 3, o.exportState().scalar("lambda", 0), 1e-12 * maxDiag);
        assertEquals(2, o.exportState().scalar("nu", 0));
    }

    @Test
    void dampingGrowsAfterABadStepAndTheSameStepRetries() {
        // r = 10 sin x at x = 1.2: the Gauss–Newton step x − tan x lands at −1.37, where |sin| is larger.
        FunctionResidualSystem sine = FunctionResidualSystem.single(1, 1,
                (t, r) -> r[0] = 10 * Math.sin(t[0]), (t, j) -> j[0] = 10 * Math.cos(t[0]));
        double curvature = 100 * Math.cos(1.2) * Math.cos(1.2);
        Optimizer single = factory.create(Map.of("max_tries", 1));
        double[] theta = {1.2};
        StepResult r = single.step(sine, theta);
        assertFalse(r.accepted(), r.toString());
        assertEquals(1.2, theta[0], 0.0, "a rejected step keeps θ");
        assertEquals(2e-3 * curvature, single.exportState().scalar("lambda", 0), 1e-12 * curvature, "λ ← λ·ν with ν = 2");
        assertEquals(4, single.exportState().scalar("nu", 0), "ν doubles");

        Optimizer retrying = factory.create(Map.of());
        theta[0] = 1.2;
        StepResult retried = retrying.step(sine, theta);
        assertTrue(retried.accepted(), retried.toString());
        assertTrue(retried.detail().contains("try "), "the step needed more than one try: " + retried.detail());
        assertTrue(retried.lossAfter() < retried.lossBefore());
    }

    @Test
    void aStepThatCannotSucceedReportsTheCeilingAndTheNextStepContinuesFromIt() {
        // The loss is NaN anywhere but at the start: every trial fails.
        double[] start = {0.5, -0.25};
        FunctionResidualSystem trap = FunctionResidualSystem.single(2, 2,
                (t, r) -> {
                    boolean home = Arrays.equals(t, start);
                    r[0] = home ? t[0] - 1 : Double.NaN;
                    r[1] = home ? t[1] + 1 : Double.NaN;
                },
                (t, j) -> {
                    j[0] = 1;
                    j[1] = 0;
                    j[2] = 0;
                    j[3] = 1;
                });
        Optimizer o = factory.create(Map.of("max_tries", 500, "max_damping", 1e3));
        double[] theta = start.clone();
        StepResult r = o.step(trap, theta);
        assertFalse(r.accepted());
        assertFalse(r.converged(), "a failed step is never 'exhausted'");
        assertTrue(r.detail().contains("ceiling"), r.detail());
        assertArrayEquals(start, theta, 0.0);
        double lambda = o.exportState().scalar("lambda", 0);
        assertTrue(lambda > 1e3, "λ = " + lambda);
        StepResult next = o.step(trap, theta);
        assertTrue(next.detail().contains("ceiling"), next.detail());
        assertEquals(1, next.evaluations(), "the next step starts at the larger λ and stops at once");
    }

    @Test
    void theQrSolverResolvesASingularValueTheGramMatrixRoundsAway() {
        // A = diag(1, 1e-8)·Vᵀ (V a rotation by π/6) over three rows: σ₂² = 1e-16 is below the
        // rounding of JᵀJ's entries (ulp(0.75) ≈ 1.1e-16), so only a factorization of J itself
        // gives the filtered step σ₂/(σ₂² + λ)·(u₂ᵀb)·v₂ at the smallest λ, eps·max diag(JᵀJ).
        double c = Math.cos(Math.PI / 6);
        double sn = Math.sin(Math.PI / 6);
        double sigma = 1e-8;
        double[] a = {c, sn, -sigma * sn, sigma * c, 0, 0};
        double[] b = {0, 1e-8, 0};
        FunctionResidualSystem system = StandardProblems.linear(3, 2, a, b);
        double curvature = Math.max(a[0] * a[0] + a[2] * a[2], a[1] * a[1] + a[3] * a[3]);
        double lambda = Math.ulp(1.0) * curvature;
        double coefficient = sigma / (sigma * sigma + lambda) * b[1];
        double[] expected = {-sn * coefficient, c * coefficient};
        double[] theta = new double[2];
        StepResult r = factory.create(Map.of("solver", "qr", "initial_damping", 1e-300)).step(system, theta);
        assertTrue(r.accepted(), r.toString());
        assertTrue(r.detail().contains("QR of J"), r.detail());
        assertArrayEquals(expected, theta, 1e-6 * Math.abs(coefficient), Arrays.toString(theta) + " against " + Arrays.toString(expected));
    }

    @Test
    void trainsASmallPinnByOrdersOfMagnitude() {
        PinnFixtures.Pinn pinn = PinnFixtures.laplace(8, 64, 32, 1, LossScaling.MEAN);
        Optimizer o = factory.create(Map.of());
        double[] theta = pinn.theta0().clone();
        double start = pinn.system().loss(theta);
        double startError = pinn.relativeL2(theta);
        for (int i = 0; i < 60; i++) {
            o.step(pinn.system(), theta);
        }
        double end = pinn.system().loss(theta);
        assertTrue(end < 1e-4 * start, "loss " + start + " -> " + end);
        assertTrue(pinn.relativeL2(theta) < 0.2 * startError, "error " + startError + " -> " + pinn.relativeL2(theta));
    }

    @Test
    void exportImportReproducesTheNextSteps() {
        PinnFixtures.Pinn pinn = PinnFixtures.laplace(6, 36, 20, 2, LossScaling.MEAN);
        for (Map<String, Object> settings : VARIANTS.values()) {
            OptimizerContract.assertExportImportReproducesNextSteps(factory, settings,
                    () -> PinnFixtures.laplace(6, 36, 20, 2, LossScaling.MEAN).system(), pinn.theta0(), 3);
        }
    }

    @Test
    void adoptsTheDampingOfAnotherGainRatioOptimizer() {
        Map<String, Double> scalars = new HashMap<>();
        scalars.put("lambda", 0.25);
        scalars.put("nu", 8.0);
        Optimizer o = factory.create(Map.of());
        assertTrue(o.adopt(new org.geopinn.api.optimizer.OptimizerState("anagram", 2, Map.of(), scalars)));
        assertEquals(0.25, o.exportState().scalar("lambda", 0));
        assertFalse(factory.create(Map.of()).adopt(new org.geopinn.api.optimizer.OptimizerState("adam", 2, Map.of(), Map.of())));
    }

    @Test
    void nonFiniteRegionsNeverReachTheta() {
        FunctionResidualSystem rosenbrock = StandardProblems.rosenbrock();
        OptimizerContract.assertNonFiniteNeverEntersTheta(factory, Map.of("initial_damping", 1e-8), rosenbrock,
                new double[] {-1.2, 1}, 1.25, 30);
    }

    @Test
    void settingsAreCheckedWithOneLineMessages() {
        assertThrows(GeopinnException.class, () -> factory.create(Map.of("scaling", "magic")));
        assertThrows(GeopinnException.class, () -> factory.create(Map.of("solver", "svd")));
        assertThrows(GeopinnException.class, () -> factory.create(Map.of("max_tries", 0)));
        assertThrows(GeopinnException.class, () -> factory.create(Map.of("lambda", 1)));
        assertTrue(factory.settings().get("solver").contains("(default cholesky; allowed: one of cholesky, eigen, qr)"), factory.settings().get("solver"));
    }
}

package org.geopinn.optimizer.anagram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.RandomMatrices_DDRM;
import org.geopinn.api.GeopinnException;
import org.geopinn.api.operator.LossScaling;
import org.geopinn.api.optimizer.Optimizer;
import org.geopinn.api.optimizer.StepResult;
import org.geopinn.linalg.lsq.FunctionResidualSystem;
import org.geopinn.linalg.lsq.StandardProblems;
import org.geopinn.linalg.testing.OptimizerContract;
import org.geopinn.linalg.testing.PinnFixtures;
import org.junit.jupiter.api.Test;

class AnagramTest {
    private final AnagramFactory factory = new AnagramFactory();
    private final Random random = new Random(11);

    /** θ − d for the linear residual r = Aθ − b, d = pinv(A)·r by EJML's pinv. */
    private static double[] pinvStep(DMatrixRMaj a, double[] b, double[] theta) {
        DMatrixRMaj pinv = new DMatrixRMaj(a.numCols, a.numRows);
        CommonOps_DDRM.pinv(a, pinv);
        DMatrixRMaj t = DMatrixRMaj.wrap(theta.length, 1, theta.clone());
        DMatrixRMaj r = new DMatrixRMaj(a.numRows, 1);
        CommonOps_DDRM.mult(a, t, r);
        for (int i = 0; i < b.length; i++) {
            r.data[i] -= b[i];
        }
        DMatrixRMaj d = new DMatrixRMaj(a.numCols, 1);
        CommonOps_DDRM.mult(pinv, r, d);
        double[] out = theta.clone();
        for (int i = 0; i < out.length; i++) {
            out[i] -= d.data[i];
        }
        return out;
    }

    @Test
    void directionIsThePseudoInverseSolutionForEveryShapeAndFactorization() {
        for (int[] shape : new int[][] {{30, 8}, {8, 30}}) {
            DMatrixRMaj a = RandomMatrices_DDRM.rectangle(shape[0], shape[1], -1, 1, random);
            double[] b = new double[shape[0]];
            for (int i = 0; i < b.length; i++) {
                b[i] = random.nextGaussian();
            }
            double[] theta0 = new double[shape[1]];
            for (int i = 0; i < theta0.length; i++) {
                theta0[i] = random.nextGaussian();
            }
            double[] expected = pinvStep(a, b, theta0);
            for (String factorization : new String[] {"qr", "gram"}) {
                FunctionResidualSystem system = StandardProblems.linear(shape[0], shape[1], a.data, b);
                Optimizer o = factory.create(Map.of("cutoff", "relative", "tolerance", 1e-10, "factorization", factorization));
                double[] theta = theta0.clone();
                StepResult r = o.step(system, theta);
                assertTrue(r.accepted(), r.toString());
                assertEquals(1.0, r.stepLength(), "η = 1 solves a linear problem: " + r);
                for (int i = 0; i < theta.length; i++) {
                    assertEquals(expected[i], theta[i], 1e-9, factorization + " " + shape[0] + "x" + shape[1] + " θ[" + i + "]");
                }
            }
        }
    }

    @Test
    void absoluteCutoffDropsSmallSingularDirections() {
        int s = 12;
        int p = 6;
        DMatrixRMaj u = RandomMatrices_DDRM.orthogonal(s, p, random);
        DMatrixRMaj v = RandomMatrices_DDRM.orthogonal(p, p, random);
        double[] sigma = {10, 1, 1e-2, 1e-4, 1e-7, 1e-9};
        DMatrixRMaj us = u.copy();
        for (int i = 0; i < s; i++) {
            for (int c = 0; c < p; c++) {
                us.set(i, c, us.get(i, c) * sigma[c]);
            }
        }
        DMatrixRMaj a = new DMatrixRMaj(s, p);
        CommonOps_DDRM.multTransB(us, v, a);
        double[] b = new double[s];
        for (int i = 0; i < s; i++) {
            b[i] = random.nextGaussian();
        }
        // Expected: θ = −Σ_{σ_i ≥ 1e-5} v_i (u_iᵀ r)/σ_i from θ0 = 0, where r = −b.
        double[] expected = new double[p];
        for (int k = 0; k < 4; k++) {
            double ur = 0;
            for (int i = 0; i < s; i++) {
                ur += u.get(i, k) * -b[i];
            }
            for (int j = 0; j < p; j++) {
                expected[j] -= v.get(j, k) * ur / sigma[k];
            }
        }
        Optimizer o = factory.create(Map.of("cutoff", "absolute", "tolerance", "1e-5", "factorization", "qr"));
        double[] theta = new double[p];
        StepResult r = o.step(StandardProblems.linear(s, p, a.data, b), theta);
        assertTrue(r.detail().startsWith("rank 4 of 6"), r.detail());
        for (int j = 0; j < p; j++) {
            assertEquals(expected[j], theta[j], 1e-9 * Math.max(1, Math.abs(expected[j])));
        }
    }

    @Test
    void dampedFilterIsTheRegularisedNormalEquationsSolution() {
        for (int[] shape : new int[][] {{20, 6}, {6, 20}}) {
            DMatrixRMaj a = RandomMatrices_DDRM.rectangle(shape[0], shape[1], -1, 1, random);
            double[] b = new double[shape[0]];
            for (int i = 0; i < b.length; i++) {
                b[i] = random.nextGaussian();
            }
            for (String factorization : new String[] {"qr", "gram"}) {
                Optimizer o = factory.create(Map.of("filter", "damped", "cutoff", "relative", "tolerance", 0.1,
                        "factorization", factorization, "max_exponent", 0));
                double[] theta = new double[shape[1]];
                StepResult step = o.step(StandardProblems.linear(shape[0], shape[1], a.data, b), theta);
                assertTrue(step.accepted());
                // expected: θ = −(AᵀA + λI)⁻¹Aᵀ(−b) with λ = (0.1·σ_max)²
                double sigmaMax = org.ejml.dense.row.SingularOps_DDRM.singularValues(a.copy())[0];
                for (double s : org.ejml.dense.row.SingularOps_DDRM.singularValues(a.copy())) {
                    sigmaMax = Math.max(sigmaMax, s);
                }
                DMatrixRMaj normal = new DMatrixRMaj(shape[1], shape[1]);
                CommonOps_DDRM.multTransA(a, a, normal);
                for (int i = 0; i < shape[1]; i++) {
                    normal.add(i, i, 0.01 * sigmaMax * sigmaMax);
                }
                DMatrixRMaj rhs = new DMatrixRMaj(shape[1], 1);
                CommonOps_DDRM.multTransA(a, DMatrixRMaj.wrap(shape[0], 1, b.clone()), rhs);
                DMatrixRMaj x = new DMatrixRMaj(shape[1], 1);
                CommonOps_DDRM.solve(normal, rhs, x);
                for (int i = 0; i < shape[1]; i++) {
                    assertEquals(x.data[i], theta[i], 1e-10, factorization + " " + shape[0] + "x" + shape[1]);
                }
            }
        }
    }

    @Test
    void adaptiveCutoffTrainsLaplaceByOrdersOfMagnitude() {
        PinnFixtures.Pinn pinn = PinnFixtures.laplace(12, 100, 40, 1, LossScaling.MEASURE);
        Optimizer o = factory.create(Map.of());
        double startError = pinn.relativeL2(pinn.theta0());
        double[] theta = pinn.assertLossFalls(o, 60, 1e-4, null);
        assertTrue(pinn.relativeL2(theta) < 0.1 * startError, "error " + startError + " -> " + pinn.relativeL2(theta));
    }

    @Test
    void exportImportReproducesTheNextSteps() {
        PinnFixtures.Pinn pinn = PinnFixtures.laplace(6, 36, 20, 2, LossScaling.MEAN);
        OptimizerContract.assertExportImportReproducesNextSteps(factory, Map.of(),
                () -> PinnFixtures.laplace(6, 36, 20, 2, LossScaling.MEAN).system(), pinn.theta0(), 3);
    }

    @Test
    void nonFiniteRegionsNeverReachTheta() {
        FunctionResidualSystem rosenbrock = StandardProblems.rosenbrock();
        OptimizerContract.assertNonFiniteNeverEntersTheta(factory, Map.of(), rosenbrock, new double[] {-1.2, 1}, 1.25, 30);
    }

    @Test
    void adaptiveDampingSolvesRosenbrockAndTrainsLaplace() {
        for (Map<String, Object> settings : java.util.List.<Map<String, Object>>of(Map.of("filter", "adaptive"),
                Map.of("filter", "adaptive", "momentum", 0.5))) {
            Optimizer o = factory.create(settings);
            double[] theta = {-1.2, 1};
            FunctionResidualSystem rosenbrock = StandardProblems.rosenbrock();
            for (int i = 0; i < 200 && rosenbrock.loss(theta) > 1e-28; i++) {
                o.step(rosenbrock, theta);
            }
            assertEquals(1, theta[0], 1e-10, settings + " x");
            assertEquals(1, theta[1], 1e-10, settings + " y");

            PinnFixtures.Pinn pinn = PinnFixtures.laplace(12, 100, 40, 1, LossScaling.MEASURE);
            Optimizer p = factory.create(settings);
            pinn.assertLossFalls(p, 60, 1e-4, settings);
        }
    }

    @Test
    void adaptiveDampingExportsImportsAndAdoptsLambda() {
        PinnFixtures.Pinn pinn = PinnFixtures.laplace(6, 36, 20, 2, LossScaling.MEAN);
        OptimizerContract.assertExportImportReproducesNextSteps(factory, Map.of("filter", "adaptive", "momentum", 0.3),
                () -> PinnFixtures.laplace(6, 36, 20, 2, LossScaling.MEAN).system(), pinn.theta0(), 3);
        Optimizer o = factory.create(Map.of("filter", "adaptive"));
        assertTrue(o.adopt(new org.geopinn.api.optimizer.OptimizerState("lm", 0, Map.of(), Map.of("lambda", 0.5, "nu", 4.0))));
        assertEquals(0.5, o.exportState().scalar("lambda", 0));
        assertTrue(!factory.create(Map.of()).adopt(new org.geopinn.api.optimizer.OptimizerState("lm", 0, Map.of(), Map.of("lambda", 0.5))),
                "the cut-off modes have no λ to adopt");
        assertTrue(!factory.create(Map.of("filter", "adaptive")).adopt(new org.geopinn.api.optimizer.OptimizerState("lm", 1,
                        Map.of("scale", new double[] {2.0}), Map.of("lambda", 0.5))),
                "a λ of Marquardt's scaled damping is in other units");
    }

    @Test
    void settingsAreCheckedWithOneLineMessages() {
        assertThrows(GeopinnException.class, () -> factory.create(Map.of("momentum", 0.5)));
        assertThrows(GeopinnException.class, () -> factory.create(Map.of("cutoff", "magic")));
        assertThrows(GeopinnException.class, () -> factory.create(Map.of("tolerance", "-1")));
        assertThrows(GeopinnException.class, () -> factory.create(Map.of("cut_off", "relative")));
        assertThrows(GeopinnException.class, () -> factory.create(Map.of("min_tolerance", 1e-3, "max_tolerance", 1e-4)));
        assertTrue(factory.settings().get("cutoff").contains("(default adaptive; allowed: one of relative, absolute, adaptive)"));
    }
}

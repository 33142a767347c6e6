package org.geopinn.optimizer.lbfgs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.geopinn.api.GeopinnException;
import org.geopinn.api.operator.LossScaling;
import org.geopinn.api.optimizer.StepResult;
import org.geopinn.linalg.Vectors;
import org.geopinn.linalg.lsq.FunctionResidualSystem;
import org.geopinn.linalg.lsq.StandardProblems;
import org.geopinn.linalg.testing.OptimizerContract;
import org.geopinn.linalg.testing.PinnFixtures;
import org.junit.jupiter.api.Test;

class LbfgsTest {
    private final LbfgsFactory factory = new LbfgsFactory();

    private Lbfgs create(Map<String, ?> overrides) {
        return (Lbfgs) factory.create(overrides);
    }

    @Test
    void minimisesRosenbrock() {
        Lbfgs o = create(Map.of("gradient_tolerance", 1e-10, "change_tolerance", 0));
        double[] theta = {-1.2, 1};
        FunctionResidualSystem rosenbrock = StandardProblems.rosenbrock();
        StepResult last = null;
        for (int i = 0; i < 200 && (last == null || !last.converged()); i++) {
            last = o.step(rosenbrock, theta);
        }
        assertTrue(last.converged(), "did not converge: " + last);
        assertEquals(1.0, theta[0], 1e-8);
        assertEquals(1.0, theta[1], 1e-8);
        assertTrue(o.iterations() < 100, "iterations " + o.iterations());
    }

    @Test
    void maxIterationsStopsAfterExactlyThatMany() {
        Lbfgs o = create(Map.of("max_iterations", 5, "iterations_per_step", 2, "gradient_tolerance", 0, "change_tolerance", 0));
        double[] theta = {-1.2, 1};
        FunctionResidualSystem rosenbrock = StandardProblems.rosenbrock();
        StepResult r = null;
        for (int i = 0; i < 10; i++) {
            r = o.step(rosenbrock, theta);
        }
        assertEquals(5, o.iterations());
        assertTrue(r.converged() && !r.accepted(), r.toString());
        double[] frozen = theta.clone();
        o.step(rosenbrock, theta);
        assertArrayEquals(frozen, theta, 0.0);
    }

    @Test
    void maxEvaluationsIsNeverExceeded() {
        for (int budget : new int[] {1, 3, 7, 20}) {
            Lbfgs o = create(Map.of("max_evaluations", budget, "gradient_tolerance", 0, "change_tolerance", 0));
            FunctionResidualSystem rosenbrock = StandardProblems.rosenbrock();
            double[] theta = {-1.2, 1};
            for (int i = 0; i < 30; i++) {
                o.step(rosenbrock, theta);
            }
            assertEquals(budget, o.evaluations(), "budget " + budget);
            // every evaluation of this system is one residual computation (loss and gradient together)
            assertEquals(budget, rosenbrock.residualEvaluations(), "budget " + budget);
        }
    }

    @Test
    void gradientToleranceMeansTheMaxNormOfTheGradient() {
        double tol = 1e-3;
        Lbfgs o = create(Map.of("gradient_tolerance", tol, "change_tolerance", 0));
        FunctionResidualSystem fit = StandardProblems.exponentialFit(20);
        double[] theta = {1, 0};
        StepResult r = null;
        for (int i = 0; i < 200 && (r == null || !r.converged()); i++) {
            r = o.step(fit, theta);
        }
        assertTrue(r.converged());
        double[] g = new double[2];
        fit.lossAndGradient(theta, g);
        assertTrue(Vectors.maxAbs(g) <= tol, "max|g| = " + Vectors.maxAbs(g));
        assertTrue(Vectors.maxAbs(g) > tol * 1e-4, "stopped much later than the tolerance asks: " + Vectors.maxAbs(g));
    }

    @Test
    void changeToleranceMeansTheRelativeLossDecrease() {
        Lbfgs o = create(Map.of("gradient_tolerance", 0, "change_tolerance", 0.5));
        FunctionResidualSystem rosenbrock = StandardProblems.rosenbrock();
        double[] theta = {-1.2, 1};
        StepResult r;
        do {
            r = o.step(rosenbrock, theta);
            if (r.accepted() && !r.converged()) {
                assertTrue(r.lossBefore() - r.lossAfter() > 0.5 * r.lossBefore(), r.toString());
            }
        } while (!r.converged());
        assertTrue(r.lossBefore() - r.lossAfter() <= 0.5 * r.lossBefore(), r.toString());
    }

    @Test
    void lowersTheLaplaceLossByOrdersOfMagnitude() {
        PinnFixtures.Pinn pinn = PinnFixtures.laplace(8, 49, 24, 3, LossScaling.MEAN);
        Lbfgs o = create(Map.of());
        pinn.assertLossFalls(o, 200, 1e-3, null);
    }

    @Test
    void resamplingDropsTheCurvaturePairs() {
        FunctionResidualSystem fit = StandardProblems.exponentialFit(10);
        Lbfgs o = create(Map.of());
        double[] theta = {1, 0};
        for (int i = 0; i < 3; i++) {
            o.step(fit, theta);
        }
        assertTrue(o.exportState().array("rho").length > 0);
        fit.setWeights(new double[] {2});
        o.step(fit, theta);
        assertTrue(o.exportState().array("rho").length <= 1, "pairs from before the weight change survived");
    }

    @Test
    void exportImportAndNonFinite() {
        PinnFixtures.Pinn pinn = PinnFixtures.laplace(6, 25, 16, 2, LossScaling.MEAN);
        OptimizerContract.assertExportImportReproducesNextSteps(factory, Map.of(),
                () -> PinnFixtures.laplace(6, 25, 16, 2, LossScaling.MEAN).system(), pinn.theta0(), 4);
        OptimizerContract.assertNonFiniteNeverEntersTheta(factory, Map.of("lr", 10), StandardProblems.rosenbrock(),
                new double[] {-1.2, 1}, 1.3, 40);
    }

    @Test
    void badSettingsAreRejected() {
        assertThrows(GeopinnException.class, () -> factory.create(Map.of("c1", 0.95)));
        assertThrows(GeopinnException.class, () -> factory.create(Map.of("history_size", 0)));
        assertThrows(GeopinnException.class, () -> factory.create(Map.of("max_iterations", -1)));
        assertFalse(factory.settings().get("max_evaluations").isEmpty());
    }
}

package org.geopinn.optimizer.gnpcg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.geopinn.api.GeopinnException;
import org.geopinn.api.operator.LossScaling;
import org.geopinn.api.optimizer.Optimizer;
import org.geopinn.linalg.lsq.FunctionResidualSystem;
import org.geopinn.linalg.lsq.StandardProblems;
import org.geopinn.linalg.testing.OptimizerContract;
import org.geopinn.linalg.testing.PinnFixtures;
import org.junit.jupiter.api.Test;

class GaussNewtonPcgTest {
    private final GaussNewtonPcgFactory factory = new GaussNewtonPcgFactory();

    @Test
    void fitsAnExponentialToMachinePrecision() {
        for (int rank : new int[] {0, 2}) {
            FunctionResidualSystem fit = StandardProblems.exponentialFit(15);
            Optimizer o = factory.create(Map.of("rank", rank));
            double[] theta = {1, 0};
            for (int i = 0; i < 60; i++) {
                o.step(fit, theta);
            }
            assertEquals(2.0, theta[0], 1e-8, "rank " + rank);
            assertEquals(-1.5, theta[1], 1e-8, "rank " + rank);
        }
    }

    @Test
    void lowersTheLaplaceLossByOrdersOfMagnitude() {
        PinnFixtures.Pinn pinn = PinnFixtures.laplace(8, 49, 24, 3, LossScaling.MEAN);
        Optimizer o = factory.create(Map.of("rank", 20, "cg_max_iterations", 200));
        pinn.assertLossFalls(o, 40, 1e-3, null);
    }

    @Test
    void exportImportAndNonFinite() {
        PinnFixtures.Pinn pinn = PinnFixtures.laplace(6, 25, 16, 2, LossScaling.MEAN);
        OptimizerContract.assertExportImportReproducesNextSteps(factory, Map.of("rank", 10),
                () -> PinnFixtures.laplace(6, 25, 16, 2, LossScaling.MEAN).system(), pinn.theta0(), 6);
        OptimizerContract.assertNonFiniteNeverEntersTheta(factory, Map.of("damping", 1e-10, "rank", 2), StandardProblems.rosenbrock(),
                new double[] {-1.2, 1}, 1.25, 30);
    }

    @Test
    void badSettingsAreRejected() {
        assertThrows(GeopinnException.class, () -> factory.create(Map.of("damping", 1e9)));
        assertThrows(GeopinnException.class, () -> factory.create(Map.of("rank", -1)));
        assertThrows(GeopinnException.class, () -> factory.create(Map.of("cg_tolerance", 0)));
    }
}

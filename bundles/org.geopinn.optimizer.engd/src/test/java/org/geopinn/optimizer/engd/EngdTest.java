package org.geopinn.optimizer.engd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.RandomMatrices_DDRM;
import org.geopinn.api.GeopinnException;
import org.geopinn.api.operator.LossScaling;
import org.geopinn.api.optimizer.Optimizer;
import org.geopinn.api.optimizer.StepResult;
import org.geopinn.linalg.lsq.StandardProblems;
import org.geopinn.linalg.testing.OptimizerContract;
import org.geopinn.linalg.testing.PinnFixtures;
import org.junit.jupiter.api.Test;

class EngdTest {
    private final EngdFactory factory = new EngdFactory();

    @Test
    void directionSolvesTheNormalEquations() {
        Random random = new Random(5);
        DMatrixRMaj a = RandomMatrices_DDRM.rectangle(25, 7, -1, 1, random);
        double[] b = new double[25];
        for (int i = 0; i < b.length; i++) {
            b[i] = random.nextGaussian();
        }
        // least-squares solution by EJML's solver: θ* = argmin ‖Aθ − b‖
        DMatrixRMaj x = new DMatrixRMaj(7, 1);
        CommonOps_DDRM.solve(a, DMatrixRMaj.wrap(25, 1, b.clone()), x);
        Optimizer o = factory.create(Map.of());
        double[] theta = new double[7];
        StepResult r = o.step(StandardProblems.linear(25, 7, a.data, b), theta);
        assertTrue(r.accepted());
        assertEquals(1.0, r.stepLength());
        for (int i = 0; i < 7; i++) {
            assertEquals(x.data[i], theta[i], 1e-10);
        }
    }

    @Test
    void lowersTheLaplaceLossByOrdersOfMagnitude() {
        PinnFixtures.Pinn pinn = PinnFixtures.laplace(8, 49, 24, 3, LossScaling.MEASURE);
        // The reference default (eps·P) stalls on so small a network (the cut-off problem of Schwencke & Furtlehner (2025)).
        Optimizer o = factory.create(Map.of("rcond", 1e-6));
        pinn.assertLossFalls(o, 40, 1e-2, null);
    }

    @Test
    void exportImportAndNonFinite() {
        PinnFixtures.Pinn pinn = PinnFixtures.laplace(6, 25, 16, 2, LossScaling.MEASURE);
        OptimizerContract.assertExportImportReproducesNextSteps(factory, Map.of(),
                () -> PinnFixtures.laplace(6, 25, 16, 2, LossScaling.MEASURE).system(), pinn.theta0(), 2);
        OptimizerContract.assertNonFiniteNeverEntersTheta(factory, Map.of(), StandardProblems.rosenbrock(),
                new double[] {-1.2, 1}, 1.25, 20);
    }

    @Test
    void adaptiveDampingSolvesRosenbrockAndTrainsLaplace() {
        for (Map<String, Object> settings : List.<Map<String, Object>>of(Map.of("damping", "adaptive"),
                Map.of("damping", "adaptive", "momentum", 0.5))) {
            Optimizer o = factory.create(settings);
            double[] theta = {-1.2, 1};
            org.geopinn.linalg.lsq.FunctionResidualSystem rosenbrock = StandardProblems.rosenbrock();
            for (int i = 0; i < 200 && rosenbrock.loss(theta) > 1e-28; i++) {
                o.step(rosenbrock, theta);
            }
            assertEquals(1, theta[0], 1e-10, settings + " x");
            assertEquals(1, theta[1], 1e-10, settings + " y");

            PinnFixtures.Pinn pinn = PinnFixtures.laplace(8, 49, 24, 3, LossScaling.MEASURE);
            Optimizer p = factory.create(settings);
            pinn.assertLossFalls(p, 40, 1e-3, settings);
            double lambda = p.exportState().scalar("lambda", Double.NaN);
            assertTrue(lambda > 0, settings + ": λ is part of the state");
        }
    }

    @Test
    void adaptiveDampingExportsAndImportsExactly() {
        PinnFixtures.Pinn pinn = PinnFixtures.laplace(6, 25, 16, 2, LossScaling.MEASURE);
        OptimizerContract.assertExportImportReproducesNextSteps(factory, Map.of("damping", "adaptive", "momentum", 0.3),
                () -> PinnFixtures.laplace(6, 25, 16, 2, LossScaling.MEASURE).system(), pinn.theta0(), 3);
    }

    @Test
    void badSettingsAreRejected() {
        assertThrows(GeopinnException.class, () -> factory.create(Map.of("momentum", 0.5)));
        assertThrows(GeopinnException.class, () -> factory.create(Map.of("damping", "magic")));
        assertThrows(GeopinnException.class, () -> factory.create(Map.of("rcond", 2)));
        assertThrows(GeopinnException.class, () -> factory.create(Map.of("patience", -1)));
    }
}

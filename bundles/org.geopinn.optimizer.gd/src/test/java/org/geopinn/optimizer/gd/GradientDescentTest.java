package org.geopinn.optimizer.gd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.geopinn.api.GeopinnException;
import org.geopinn.api.operator.LossScaling;
import org.geopinn.api.optimizer.Optimizer;
import org.geopinn.api.optimizer.StepResult;
import org.geopinn.linalg.lsq.StandardProblems;
import org.geopinn.linalg.testing.OptimizerContract;
import org.geopinn.linalg.testing.PinnFixtures;
import org.junit.jupiter.api.Test;

class GradientDescentTest {
    private final GradientDescentFactory factory = new GradientDescentFactory();

    @Test
    void gridStepOnAQuadraticIsTheExactMinimiserAlongTheGradient() {
        // r = θ − (1, 2): L = ½‖θ − c‖², gradient θ − c; η = 1 lands on c exactly.
        Optimizer o = factory.create(Map.of());
        double[] theta = {5, -3};
        StepResult r = o.step(StandardProblems.linear(2, 2, new double[] {1, 0, 0, 1}, new double[] {1, 2}), theta);
        assertTrue(r.accepted());
        assertEquals(1.0, r.stepLength());
        assertEquals(1.0, theta[0], 1e-15);
        assertEquals(2.0, theta[1], 1e-15);
    }

    @Test
    void lowersTheLaplaceLossByOrdersOfMagnitude() {
        for (String search : new String[] {"grid", "backtracking"}) {
            PinnFixtures.Pinn pinn = PinnFixtures.laplace(8, 49, 24, 3, LossScaling.MEAN);
            Optimizer o = factory.create(Map.of("line_search", search));
            pinn.assertLossFalls(o, 700, 1e-2, search);
        }
    }

    @Test
    void exportImportAndNonFinite() {
        PinnFixtures.Pinn pinn = PinnFixtures.laplace(6, 25, 16, 2, LossScaling.MEAN);
        OptimizerContract.assertExportImportReproducesNextSteps(factory, Map.of(),
                () -> PinnFixtures.laplace(6, 25, 16, 2, LossScaling.MEAN).system(), pinn.theta0(), 2);
        OptimizerContract.assertNonFiniteNeverEntersTheta(factory, Map.of("lr", 10), StandardProblems.rosenbrock(),
                new double[] {-1.2, 1}, 1.3, 50);
    }

    @Test
    void badSettingsAreRejected() {
        assertThrows(GeopinnException.class, () -> factory.create(Map.of("line_search", "wolfe")));
        assertThrows(GeopinnException.class, () -> factory.create(Map.of("lr", 0)));
        assertTrue(factory.settings().containsKey("max_exponent"));
    }
}

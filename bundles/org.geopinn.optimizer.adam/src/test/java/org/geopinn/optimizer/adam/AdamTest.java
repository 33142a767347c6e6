package org.geopinn.optimizer.adam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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

class AdamTest {
    private final AdamFactory factory = new AdamFactory();

    @Test
    void firstStepMovesEachCoordinateByTheLearningRate() {
        // Bias-corrected Adam's first step is −α·g/(|g| + ε·…) ≈ −α·sign(g) per coordinate.
        Optimizer o = factory.create(Map.of("lr", 0.1, "eps", 1e-12));
        double[] theta = {5, -3};
        o.step(StandardProblems.linear(2, 2, new double[] {1, 0, 0, 1}, new double[] {1, 2}), theta);
        assertEquals(4.9, theta[0], 1e-12);
        assertEquals(-2.9, theta[1], 1e-12);
    }

    @Test
    void schedules() {
        LearningRateSchedule exp = new LearningRateSchedule(1e-2, "exponential", 0.5, 100, 1);
        assertEquals(1e-2 * 0.5, exp.at(100), 1e-15);
        assertEquals(1e-2 * Math.pow(0.5, 0.5), exp.at(50), 1e-15);
        LearningRateSchedule warm = new LearningRateSchedule(1e-2, "warmup", 0.9, 1, 10);
        assertEquals(1e-3, warm.at(1), 1e-15);
        assertEquals(1e-2, warm.at(10), 1e-15);
        assertEquals(1e-2, warm.at(1000), 1e-15);
        assertEquals(3e-3, new LearningRateSchedule(3e-3, "constant", 0.9, 1, 1).at(77), 0);
    }

    @Test
    void lowersTheLaplaceLossByOrdersOfMagnitude() {
        PinnFixtures.Pinn pinn = PinnFixtures.laplace(8, 49, 24, 3, LossScaling.MEAN);
        Optimizer o = factory.create(Map.of("lr", 0.02));
        pinn.assertLossFalls(o, 600, 1e-2, null);
    }

    @Test
    void exportImportAndNonFinite() {
        PinnFixtures.Pinn pinn = PinnFixtures.laplace(6, 25, 16, 2, LossScaling.MEAN);
        OptimizerContract.assertExportImportReproducesNextSteps(factory, Map.of("lr", 0.01),
                () -> PinnFixtures.laplace(6, 25, 16, 2, LossScaling.MEAN).system(), pinn.theta0(), 3);
        OptimizerContract.assertNonFiniteNeverEntersTheta(factory, Map.of("lr", 2), StandardProblems.rosenbrock(),
                new double[] {-1.2, 1}, 1.5, 60);
    }

    @Test
    void nonFiniteStepHalvesTheStepAndKeepsMoments() {
        Optimizer o = factory.create(Map.of("lr", 1));
        double[] theta = {0.5, 0.5};
        var poisoned = new org.geopinn.linalg.testing.NonFiniteBeyond(StandardProblems.rosenbrock(), 0.9);
        StepResult r = o.step(poisoned, theta);
        assertFalse(r.accepted());
        assertTrue(r.detail().contains("halved"), r.detail());
        assertEquals(0.5, o.exportState().scalar("recovery", 1));
        assertEquals(0.0, o.exportState().scalar("t", -1));
    }

    @Test
    void badSettingsAreRejected() {
        assertThrows(GeopinnException.class, () -> factory.create(Map.of("schedule", "cosine")));
        assertThrows(GeopinnException.class, () -> factory.create(Map.of("beta1", 1.5)));
        assertThrows(GeopinnException.class, () -> factory.create(Map.of("lr", "fast")));
    }
}

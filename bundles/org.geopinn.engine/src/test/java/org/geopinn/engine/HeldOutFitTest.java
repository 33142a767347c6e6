package org.geopinn.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.geopinn.api.problem.Problem;
import org.geopinn.api.session.SessionSpec;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The held-out check of a linear problem's renewal, on −u″ = π² sin πx with the network at θ = 0
 * (output 0 everywhere): the PDE residual is then π² sin πx exactly, so the ratios are known.
 */
class HeldOutFitTest {
    private ServiceRegistry registry;
    private ResolvedSpec resolved;
    private TrainingRig rig;
    private double[] zero;
    private HeldOutFit check;

    @BeforeEach
    void rig() {
        registry = new ServiceRegistry();
        registry.add(Problem.class, null, null, "test", new Poisson1d("poisson"));
        TestServices.addStandard(registry);
        registry.add(org.geopinn.api.optimizer.OptimizerFactory.class, null, null, "test",
                TestOptimizers.factory("gd", () -> new TestOptimizers.Descent("gd", 1e-3)));
        resolved = new SpecResolver(registry).resolve(
                SessionSpec.builder("poisson").optimizers("gd").sampler("uniform").resampleEvery(2).maxSteps(100).build());
        rig = TrainingRig.build(resolved, registry, 0);
        zero = new double[rig.model.parameterCount()];
        check = new HeldOutFit(resolved.spec().scaling());
    }

    @Test
    void theRatioIsTheMeanSquaredResidualBetweenThePointsOverTheOneAtThem() {
        rig.system.setPoints("pde", new double[] {0.5, 0.5});
        double[] fresh = {-0.9, -0.3, 0.1, 0.25, 0.7};
        double meanSquare = 0;
        for (double x : fresh) {
            meanSquare += Math.pow(Math.sin(Math.PI * x), 2) / fresh.length;
        }
        // the residual at 0.5 is π² sin(π/2) = π²: the ratio is the mean of sin² over the candidates
        assertEquals(meanSquare, check.ratio(rig, zero, "pde", fresh, 1), 1e-12);
        assertFalse(HeldOutFit.overfitted(check.ratio(rig, zero, "pde", fresh, 1)));
        assertArrayEquals(new double[] {0.5, 0.5}, rig.system.points("pde"), "the session's points are untouched");
    }

    @Test
    void pointsWhereTheResidualVanishesButNotBetweenAreOverfitted() {
        rig.system.setPoints("pde", new double[] {0, 0, 0});
        assertEquals(Double.POSITIVE_INFINITY, check.ratio(rig, zero, "pde", new double[] {0.3, -0.6}, 1));
        assertTrue(HeldOutFit.overfitted(check.ratio(rig, zero, "pde", new double[] {0.3, -0.6}, 1)));
        // ten times the residual at the points is the threshold
        rig.system.setPoints("pde", new double[] {0.05});
        double at = Math.pow(Math.sin(Math.PI * 0.05), 2);
        double x = Math.asin(Math.sqrt(9.9 * at)) / Math.PI;
        double y = Math.asin(Math.sqrt(10.1 * at)) / Math.PI;
        assertFalse(HeldOutFit.overfitted(check.ratio(rig, zero, "pde", new double[] {x}, 1)), "9.9 times");
        assertTrue(HeldOutFit.overfitted(check.ratio(rig, zero, "pde", new double[] {y}, 1)), "10.1 times");
    }

    @Test
    void aConditionFittedExactlyEverywhereHolds() {
        // u = 0 on the boundary, and the network is 0: no residual at the points or between them
        assertEquals(1, check.ratio(rig, zero, "boundary", new double[] {-1, 1, 1}, 1));
        assertFalse(HeldOutFit.overfitted(check.ratio(rig, zero, "boundary", new double[] {-1, 1}, 1)));
    }

    @Test
    void aRenewalRoundKeepsThePointsWhereTheFitHoldsAndRenewsThemWhereItDoesNot() {
        java.util.List<String> names = java.util.List.of("pde", "boundary");
        ResamplingSchedule schedule = new ResamplingSchedule(resolved.spec(), registry,
                new TimeWindows(resolved.problem(), resolved.spec(), registry, names), names, Resampling.FRESH, check);
        TrainingPosition at = new TrainingPosition(zero.clone(), 0, 0);
        at.rig = rig;
        at.step = 2;
        double[] boundary = rig.system.points("boundary");
        // the residual π² sin πx is largest at ±1/2: every candidate's is smaller, the fit holds
        double[] peaks = {0.5, -0.5, 0.5, -0.5};
        rig.system.setPoints("pde", peaks);
        assertEquals(null, schedule.renewIfDue(at), "nothing renewed, nothing to tell");
        assertArrayEquals(peaks, rig.system.points("pde"), "kept");
        // at the zeros of the residual every candidate's is larger: renewed with the round's fresh points
        double[] zeros = {0, 0, 0, 0};
        rig.system.setPoints("pde", zeros);
        at.step = 4;
        String note = schedule.renewIfDue(at);
        assertTrue(note.startsWith("step 4: renewed the collocation points of pde ∞× (mean squared residual"), note);
        assertTrue(note.endsWith("; kept those of boundary 1.0×"), note);
        double[] renewed = rig.system.points("pde");
        assertFalse(java.util.Arrays.equals(zeros, renewed), "renewed");
        for (double x : renewed) {
            assertTrue(x > -1 && x < 1 && x != 0, "a fresh interior point: " + x);
        }
        assertArrayEquals(boundary, rig.system.points("boundary"), 0.0, "the boundary, fitted exactly everywhere, is kept");
    }
}

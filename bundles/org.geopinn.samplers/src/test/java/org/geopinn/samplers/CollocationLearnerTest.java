package org.geopinn.samplers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.geopinn.api.GeopinnException;
import org.junit.jupiter.api.Test;

class CollocationLearnerTest {
    private static final int P = SineSystem.P;

    private static double[] reference() {
        double[] y = new double[200];
        for (int k = 0; k < y.length; k++) {
            y[k] = (k + 0.5) / y.length;
        }
        return y;
    }

    @Test
    void noTimeAllowedMeansNoStepTaken() {
        double[] start = {0.1, 0.15, 0.2};
        CollocationLearner learner = new CollocationLearner(new double[] {0}, new double[] {1}, 1e-10);
        CollocationLearner.Result r = learner.learn(new SineSystem(start.clone()), new double[P], "pde", reference(), 15, 0);
        assertEquals(1, r.residuals().length, "only the distance before the first step");
        assertArrayEquals(start, r.points(), "the points stay");
        CollocationLearner.Result all = learner.learn(new SineSystem(start.clone()), new double[P], "pde", reference(), 15, 3600);
        assertEquals(16, all.residuals().length, "an hour is time enough for fifteen steps");
    }

    @Test
    void learningMovesPointsTowardTheBestProjectionAndKeepsThemInside() {
        double[] start = {0.1, 0.15, 0.2};
        SineSystem system = new SineSystem(start);
        CollocationLearner learner = new CollocationLearner(new double[] {0}, new double[] {1}, 1e-10);
        CollocationLearner.Result r = learner.learn(system, new double[P], "pde", reference(), 15);
        double[] h = r.residuals();
        assertEquals(16, h.length);
        for (int k = 1; k < h.length; k++) {
            assertTrue(h[k] <= h[k - 1], "the distance never grows: " + java.util.Arrays.toString(h));
        }
        assertTrue(h[15] < 0.7 * h[0], "three clustered points must learn to spread: " + java.util.Arrays.toString(h));
        assertTrue(r.best() <= h[15] + 1e-12, "no three points beat the whole tangent space");
        for (double x : r.points()) {
            assertTrue(x >= 0 && x <= 1, "inside the box: " + x);
        }
        assertArrayEquals(r.points(), system.points("pde"), "the system is left at the learned points");
    }

    @Test
    void asManyGoodPointsAsParametersReachTheWholeTangentSpace() {
        double[] grid = new double[P];
        for (int i = 0; i < P; i++) {
            grid[i] = (i + 0.5) / P;
        }
        CollocationLearner learner = new CollocationLearner(new double[] {0}, new double[] {1}, 1e-10);
        CollocationLearner.Result r = learner.learn(new SineSystem(grid), new double[P], "pde", reference(), 0);
        assertEquals(r.best(), r.residuals()[0], 1e-8, "P points in general position span the P sines' kernel sections");
        assertTrue(r.best() > 1e-6, "f is not a finite sine sum, so the projection leaves something");
        assertThrows(GeopinnException.class, () -> new CollocationLearner(new double[] {0}, new double[] {1}, 1));
        assertThrows(GeopinnException.class, () -> learner.learn(new SineSystem(grid), new double[P], "boundary", reference(), 1));
    }

    @Test
    void aDomainPredicateKeepsThePointsInsideAndTheAdaptiveCutoffIsOneOfItsCandidates() {
        double[] start = {0.1, 0.15, 0.2};
        SineSystem system = new SineSystem(start);
        CollocationLearner learner = new CollocationLearner(new double[] {0}, new double[] {1}, Double.NaN, x -> x[0] <= 0.3);
        CollocationLearner.Result r = learner.learn(system, new double[P], "pde", reference(), 10);
        for (double x : r.points()) {
            assertTrue(x >= 0 && x <= 0.3, "inside the predicate's domain: " + x);
        }
        assertTrue(java.util.Arrays.stream(CollocationLearner.CUTOFFS).anyMatch(c -> c == learner.cutoff()), "cut-off " + learner.cutoff());
        double[] h = r.residuals();
        assertTrue(h[10] < h[0], "the learned objective falls: " + java.util.Arrays.toString(h));
        CollocationLearner.Result again = new CollocationLearner(new double[] {0}, new double[] {1}, Double.NaN, x -> x[0] <= 0.3)
                .learn(new SineSystem(start), new double[P], "pde", reference(), 10);
        assertArrayEquals(r.points(), again.points(), "deterministic");
    }
}

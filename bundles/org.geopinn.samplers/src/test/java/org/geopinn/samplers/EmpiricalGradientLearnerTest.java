package org.geopinn.samplers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class EmpiricalGradientLearnerTest {
    private static final double[] LO = {0};
    private static final double[] HI = {1};

    private static double[] reference() {
        double[] y = new double[200];
        for (int k = 0; k < y.length; k++) {
            y[k] = (k + 0.5) / y.length;
        }
        return y;
    }

    @Test
    void theErrorsJacobianMatchesFiniteDifferencesOfTheErrorVector() {
        // Fewer points than sines (the pseudo-inverse's least-norm case) and more (its least-squares case, q ≠ 0).
        for (double[] x : new double[][] {{0.13, 0.31, 0.47, 0.66, 0.8}, {0.05, 0.13, 0.22, 0.31, 0.47, 0.52, 0.66, 0.71, 0.8, 0.93}}) {
            EmpiricalGradientLearner learner = new EmpiricalGradientLearner(LO, HI, y -> true);
            SineSystem system = new SineSystem(x);
            double[] theta = {0.1, -0.2, 0.05, 0, 0.3, 0, 0, 0.01};
            double[][] at = learner.probe(system, theta, "pde", x, reference());
            double[] e = at[0];
            double[] jac = at[1];
            int k = e.length;
            for (int i = 0; i < x.length; i++) {
                double h = 1e-6;
                double[] plus = x.clone();
                double[] minus = x.clone();
                plus[i] += h;
                minus[i] -= h;
                double[] ep = learner.probe(system, theta, "pde", plus, reference())[0];
                double[] em = learner.probe(system, theta, "pde", minus, reference())[0];
                for (int j = 0; j < k; j++) {
                    double fd = (ep[j] - em[j]) / (2 * h);
                    double an = jac[j * x.length + i];
                    assertEquals(fd, an, 1e-5 * (1 + Math.abs(fd)), "∂e_" + j + "/∂x_" + i + " with " + x.length + " points");
                }
            }
        }
    }

    @Test
    void noTimeAllowedMeansNoStepTakenAndTimeEnoughMeansEveryStep() {
        double[] start = {0.1, 0.12, 0.14, 0.16, 0.18, 0.2, 0.22, 0.24};
        EmpiricalGradientLearner learner = new EmpiricalGradientLearner(LO, HI, y -> true);
        SineSystem none = new SineSystem(start.clone());
        EmpiricalGradientLearner.Result stopped = learner.learn(none, new double[SineSystem.P], "pde", reference(), 20, 0);
        assertEquals(1, stopped.errors().length, "only the error before the first step");
        assertArrayEquals(start, stopped.points(), "the points stay");
        assertArrayEquals(start, none.points("pde"), "the system is left at them");
        EmpiricalGradientLearner.Result all = learner.learn(new SineSystem(start.clone()), new double[SineSystem.P], "pde", reference(), 5, 3600);
        assertEquals(6, all.errors().length, "an hour is time enough for five steps");
        assertTrue(all.errors()[5] < all.errors()[0], Arrays.toString(all.errors()));
    }

    @Test
    void clusteredPointsLearnAnEmpiricalNaturalGradientBetterThanRandomOnesAndTheCutoffIsAdapted() {
        int p = SineSystem.P;
        double[] start = {0.1, 0.12, 0.14, 0.16, 0.18, 0.2, 0.22, 0.24};
        SineSystem system = new SineSystem(start);
        EmpiricalGradientLearner learner = new EmpiricalGradientLearner(LO, HI, y -> true);
        EmpiricalGradientLearner.Result r = learner.learn(system, new double[p], "pde", reference(), 20);
        double[] h = r.errors();
        for (int k = 1; k < h.length; k++) {
            assertTrue(h[k] <= h[k - 1], "the error never grows: " + Arrays.toString(h));
        }
        // The error of eight random points (same model, same residual), as the learner measures it.
        Random random = new Random(7);
        double[] randomErrors = new double[100];
        for (int trial = 0; trial < randomErrors.length; trial++) {
            double[] x = new double[p];
            for (int i = 0; i < p; i++) {
                x[i] = random.nextDouble();
            }
            randomErrors[trial] = new EmpiricalGradientLearner(LO, HI, y -> true).learn(new SineSystem(x), new double[p], "pde", reference(), 0)
                    .errors()[0];
        }
        Arrays.sort(randomErrors);
        double learned = h[h.length - 1];
        assertTrue(learned < 0.5 * h[0], "clustered points must learn: " + Arrays.toString(h));
        assertTrue(learned < randomErrors[randomErrors.length / 2], "learned " + learned + " against the random median "
                + randomErrors[randomErrors.length / 2]);
        assertTrue(r.best() <= learned + 1e-12, "nothing beats the whole tangent space");
        assertTrue(Arrays.stream(CollocationLearner.CUTOFFS).anyMatch(c -> c == r.cutoff()), "cut-off " + r.cutoff());
        assertEquals(r.cutoff(), learner.cutoff());
        for (double x : r.points()) {
            assertTrue(x >= 0 && x <= 1, "inside the box: " + x);
        }
        assertArrayEquals(r.points(), system.points("pde"), "the system is left at the learned points");
    }

    @Test
    void aDomainPredicateKeepsThePointsInsideAndTheRunIsDeterministic() {
        double[] start = {0.1, 0.15, 0.2, 0.25};
        EmpiricalGradientLearner.Result r = new EmpiricalGradientLearner(LO, HI, y -> y[0] <= 0.3).learn(new SineSystem(start),
                new double[SineSystem.P], "pde", reference(), 10);
        for (double x : r.points()) {
            assertTrue(x >= 0 && x <= 0.3, "inside the predicate's domain: " + x);
        }
        EmpiricalGradientLearner.Result again = new EmpiricalGradientLearner(LO, HI, y -> y[0] <= 0.3).learn(new SineSystem(start),
                new double[SineSystem.P], "pde", reference(), 10);
        assertArrayEquals(r.points(), again.points(), "deterministic");
    }
}

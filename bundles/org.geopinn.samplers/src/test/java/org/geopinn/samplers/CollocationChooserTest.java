package org.geopinn.samplers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.geopinn.api.GeopinnException;
import org.geopinn.api.model.ParameterLayout;
import org.geopinn.api.operator.ResidualGroup;
import org.geopinn.api.operator.ResidualSystem;
import org.junit.jupiter.api.Test;

class CollocationChooserTest {
    private static final int P = 8;

    /**
     * A linear model on [0, 1] with the rows φ_p(x) = sin((p + 1)πx) and the residual
     * r(x) = Σ θ_p φ_p(x) − f(x), f(x) = x²(1 − x)·e^x: the tangent space is the span of the eight sines, the exact
     * natural-gradient update is the L² projection of r on it, and f is not a finite sine sum, so r has a part outside.
     */
    private static final class SineSystem implements ResidualSystem {
        private double[] x;

        SineSystem(double[] x) {
            this.x = x.clone();
        }

        @Override
        public int parameterCount() {
            return P;
        }

        @Override
        public int residualCount() {
            return x.length;
        }

        @Override
        public List<ResidualGroup> groups() {
            return List.of(new ResidualGroup("pde", 0, x.length));
        }

        @Override
        public ParameterLayout parameterLayout() {
            throw new UnsupportedOperationException();
        }

        @Override
        public void residuals(double[] theta, double[] out) {
            for (int i = 0; i < x.length; i++) {
                double v = -x[i] * x[i] * (1 - x[i]) * Math.exp(x[i]);
                for (int p = 0; p < P; p++) {
                    v += theta[p] * Math.sin((p + 1) * Math.PI * x[i]);
                }
                out[i] = v;
            }
        }

        @Override
        public double loss(double[] theta) {
            throw new UnsupportedOperationException();
        }

        @Override
        public double lossAndGradient(double[] theta, double[] gradient) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void jacobian(double[] theta, double[] out) {
            for (int i = 0; i < x.length; i++) {
                for (int p = 0; p < P; p++) {
                    out[i * P + p] = Math.sin((p + 1) * Math.PI * x[i]);
                }
            }
        }

        @Override
        public void jacobianTimes(double[] theta, double[] v, double[] out) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void jacobianTransposeTimes(double[] theta, double[] u, double[] out) {
            throw new UnsupportedOperationException();
        }

        @Override
        public double[] groupLosses(double[] theta) {
            throw new UnsupportedOperationException();
        }

        @Override
        public double[] weights() {
            return new double[] {1};
        }

        @Override
        public void setWeights(double[] weights) {
        }

        @Override
        public void setPoints(String group, double[] points) {
            x = points.clone();
        }

        @Override
        public double[] points(String group) {
            return x.clone();
        }

        @Override
        public long revision() {
            return 0;
        }
    }

    /** 64 candidates: uniform draws on [0, 1] from a fixed seed (as a sampler would give them). */
    private static double[] candidates() {
        SplittableRandom random = new SplittableRandom(11);
        double[] c = new double[64];
        for (int i = 0; i < c.length; i++) {
            c[i] = random.nextDouble();
        }
        return c;
    }

    private static double[] reference() {
        double[] y = new double[400];
        for (int k = 0; k < y.length; k++) {
            y[k] = (k + 0.5) / y.length;
        }
        return y;
    }

    @Test
    void theChosenPointsCarryTheNaturalGradientBetterThanRandomSubsets() {
        double[] cand = candidates();
        double[] theta = new double[P];
        SineSystem system = new SineSystem(cand);
        CollocationChooser.Result chosen = new CollocationChooser(1e-8).choose(system, theta, "pde", cand, 1, P, 3);
        assertEquals(P, chosen.core(), "eight sines: the pivoted QR reaches rank eight");
        double mine = CollocationChooser.naturalGradientError(system, theta, "pde", chosen.points(), reference(), 1, 1e-12);
        // the same count drawn at random from the same candidates, 200 times
        SplittableRandom random = new SplittableRandom(5);
        double[] errors = new double[200];
        for (int t = 0; t < errors.length; t++) {
            double[] subset = new double[P];
            int[] perm = random.ints(0, cand.length).distinct().limit(P).toArray();
            for (int i = 0; i < P; i++) {
                subset[i] = cand[perm[i]];
            }
            errors[t] = CollocationChooser.naturalGradientError(system, theta, "pde", subset, reference(), 1, 1e-12);
        }
        Arrays.sort(errors);
        assertTrue(mine < 0.5 * errors[errors.length / 2], "chosen " + mine + " against the random median " + errors[errors.length / 2]);
        assertTrue(mine <= errors[errors.length / 10], "chosen " + mine + " within the best tenth of random subsets, " + errors[errors.length / 10]);
        // with as many points as the rank every spanning set reaches the whole tangent space's projection
        // ‖Π r − r‖ (the slides' objective at its best): the chosen set does
        CollocationLearner.Result at = new CollocationLearner(new double[] {0}, new double[] {1}, 1e-10).learn(new SineSystem(chosen.points()),
                theta, "pde", reference(), 0);
        assertEquals(at.best(), at.residuals()[0], 1e-8, "the chosen points span the tangent space");
    }

    @Test
    void chosenPointsAreCandidatesAndTheSameSeedGivesTheSamePoints() {
        double[] cand = candidates();
        SineSystem system = new SineSystem(cand);
        CollocationChooser chooser = new CollocationChooser(1e-8, true);
        CollocationChooser.Result a = chooser.choose(system, new double[P], "pde", cand, 1, 20, 7);
        assertEquals(20, a.points().length);
        assertEquals(P, a.core(), "eight from the pivoted QR, twelve from the fill");
        assertEquals(20, Arrays.stream(a.indices()).distinct().count(), "no candidate twice");
        for (int i = 0; i < 20; i++) {
            assertEquals(cand[a.indices()[i]], a.points()[i], "every point is a candidate, so it lies in the domain");
        }
        assertArrayEquals(a.points(), system.points("pde"), "the system is left at the chosen points");
        CollocationChooser.Result b = new CollocationChooser(1e-8, true).choose(new SineSystem(cand), new double[P], "pde", cand, 1, 20, 7);
        assertArrayEquals(a.points(), b.points(), "same seed, same points");
        CollocationChooser.Result c = new CollocationChooser(1e-8, true).choose(new SineSystem(cand), new double[P], "pde", cand, 1, 20, 8);
        assertArrayEquals(Arrays.copyOf(a.points(), P), Arrays.copyOf(c.points(), P), "the core does not depend on the seed");
        assertFalse(Arrays.equals(a.points(), c.points()), "the leverage fill does");
    }

    @Test
    void theDefaultFillTakesTheCandidatesNotInTheCoreInTheirOrder() {
        double[] cand = candidates();
        CollocationChooser.Result a = new CollocationChooser(1e-8).choose(new SineSystem(cand), new double[P], "pde", cand, 1, 20, 7);
        CollocationChooser.Result b = new CollocationChooser(1e-8).choose(new SineSystem(cand), new double[P], "pde", cand, 1, 20, 8);
        assertArrayEquals(a.points(), b.points(), "the seed does not matter");
        java.util.Set<Integer> core = new java.util.HashSet<>();
        for (int i = 0; i < a.core(); i++) {
            core.add(a.indices()[i]);
        }
        int next = 0;
        for (int j = a.core(); j < 20; j++) {
            while (core.contains(next)) {
                next++;
            }
            assertEquals(next, a.indices()[j], "fill point " + j + " is the next candidate not in the core");
            next++;
        }
    }

    @Test
    void badInputIsAOneLineError() {
        double[] cand = candidates();
        assertThrows(GeopinnException.class, () -> new CollocationChooser(0));
        assertThrows(GeopinnException.class, () -> new CollocationChooser(1));
        GeopinnException tooMany = assertThrows(GeopinnException.class,
                () -> new CollocationChooser(1e-6).choose(new SineSystem(cand), new double[P], "pde", cand, 1, 65, 0));
        assertFalse(tooMany.getMessage().contains("\n"));
        assertThrows(GeopinnException.class, () -> new CollocationChooser(1e-6).choose(new SineSystem(cand), new double[P], "wall", cand, 1, 4, 0));
    }
}

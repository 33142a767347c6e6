package org.geopinn.samplers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.geopinn.api.GeopinnException;
import org.junit.jupiter.api.Test;

class CollocationChooserTest {
    private static final int P = SineSystem.P;

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
    void withADecayingSpectrumAndManyParametersTheChoiceStillBeatsRandomSubsets() {
        int p = 96;
        SplittableRandom draw = new SplittableRandom(13);
        double[] cand = new double[4 * p];
        for (int i = 0; i < cand.length; i++) {
            cand[i] = draw.nextDouble();
        }
        double[] theta = new double[p];
        // rows scaled by 0.9^p: singular values spread over four decades, as a network's are
        SineSystem system = new SineSystem(p, 0.9, cand);
        CollocationChooser.Result chosen = new CollocationChooser(1e-8).choose(system, theta, "pde", cand, 1, p, 3);
        double mine = CollocationChooser.naturalGradientError(system, theta, "pde", chosen.points(), reference(), 1, 1e-6);
        SplittableRandom random = new SplittableRandom(5);
        double[] errors = new double[60];
        for (int t = 0; t < errors.length; t++) {
            double[] subset = new double[p];
            int[] perm = random.ints(0, cand.length).distinct().limit(p).toArray();
            for (int i = 0; i < p; i++) {
                subset[i] = cand[perm[i]];
            }
            errors[t] = CollocationChooser.naturalGradientError(system, theta, "pde", subset, reference(), 1, 1e-6);
        }
        Arrays.sort(errors);
        assertTrue(mine < 0.5 * errors[errors.length / 2], "chosen " + mine + " against the random median " + errors[errors.length / 2]);
        assertTrue(mine <= errors[errors.length / 10], "chosen " + mine + " within the best tenth of random subsets, " + errors[errors.length / 10]);
    }

    @Test
    void theLeftLookingCoreKeepsThePivotsOfTheRightLookingGramSchmidt() {
        double[] cand = candidates();
        CollocationChooser.Result chosen = new CollocationChooser(1e-8).choose(new SineSystem(cand), new double[P], "pde", cand, 1, P, 3);
        // the reference: the rows updated in place, each pick the largest remaining row (Businger & Golub)
        int m = cand.length;
        double[] a = new double[m * P];
        new SineSystem(cand).jacobian(new double[P], a);
        boolean[] taken = new boolean[m];
        for (int j = 0; j < P; j++) {
            int best = -1;
            double bestNorm = -1;
            for (int i = 0; i < m; i++) {
                double n = 0;
                for (int q = 0; q < P; q++) {
                    n += a[i * P + q] * a[i * P + q];
                }
                if (!taken[i] && n > bestNorm) {
                    best = i;
                    bestNorm = n;
                }
            }
            assertEquals(best, chosen.indices()[j], "pick " + j);
            taken[best] = true;
            double[] qv = new double[P];
            for (int q = 0; q < P; q++) {
                qv[q] = a[best * P + q] / Math.sqrt(bestNorm);
            }
            for (int i = 0; i < m; i++) {
                double c = 0;
                for (int q = 0; q < P; q++) {
                    c += a[i * P + q] * qv[q];
                }
                for (int q = 0; q < P; q++) {
                    a[i * P + q] -= c * qv[q];
                }
            }
        }
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

package org.geopinn.samplers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.geopinn.api.GeopinnException;
import org.junit.jupiter.api.Test;

class ResidualAdaptiveResamplerTest {

    /** Candidates x_i = i/N on [0,1) with residual x² (large near 1). */
    private static double[] residuals(int n) {
        double[] r = new double[n];
        for (int i = 0; i < n; i++) {
            double x = i / (double) n;
            r[i] = -x * x;
        }
        return r;
    }

    @Test
    void greedyShareTakesTheLargestResiduals() {
        int n = 1000;
        int[] chosen = new ResidualAdaptiveResampler(1, 1, 0).selectIndices(residuals(n), 50, 1);
        for (int k = 0; k < 50; k++) {
            assertEquals(950 + k, chosen[k]);
        }
        int[] half = new ResidualAdaptiveResampler(0.5, 1, 1).selectIndices(residuals(n), 50, 1);
        int top = 0;
        for (int i : half) {
            top += i >= 975 ? 1 : 0;
        }
        assertTrue(top >= 25, "the 25 largest are always kept");
        assertEquals(50, java.util.Arrays.stream(half).distinct().count(), "without replacement");
    }

    @Test
    void drawsFollowTheResidualDensity() {
        int n = 20000;
        double[] r = residuals(n);
        double[] candidates = new double[n];
        for (int i = 0; i < n; i++) {
            candidates[i] = i / (double) n;
        }
        int m = 2000;
        // k = 1, c = 0: density ∝ x², so the share above 0.5 is 1 − 0.5³ = 0.875 (less without replacement).
        double[] picked = new ResidualAdaptiveResampler(0, 1, 0).select(candidates, r, 1, m, 4);
        long above = java.util.Arrays.stream(picked).filter(x -> x > 0.5).count();
        assertEquals(0.875, above / (double) m, 0.03);
        // k = 0: uniform among candidates.
        double[] uniform = new ResidualAdaptiveResampler(0, 0, 0).select(candidates, r, 1, m, 4);
        long aboveUniform = java.util.Arrays.stream(uniform).filter(x -> x > 0.5).count();
        assertEquals(0.5, aboveUniform / (double) m, 0.03);
        assertArrayEquals(picked, new ResidualAdaptiveResampler(0, 1, 0).select(candidates, r, 1, m, 4), "seeded");
        // A constant factor on the residuals (scaled rows) changes nothing.
        double[] scaled = r.clone();
        for (int i = 0; i < n; i++) {
            scaled[i] *= 0.37;
        }
        assertArrayEquals(picked, new ResidualAdaptiveResampler(0, 1, 0).select(candidates, scaled, 1, m, 4));
    }

    @Test
    void bothEndsOfAnIntervalSurviveEveryDraw() {
        // The boundary of [0,1]: the two current points and four candidates per point, all at 0 or 1,
        // with the residual far larger at 0. Drawing 2 of these 10 rows could take x = 0 twice and
        // drop the condition at x = 1 for a whole round.
        double[] candidates = {0, 1, 0, 1, 0, 1, 0, 1, 0, 1};
        double[] r = {1, 1e-6, 1, 1e-6, 1, 1e-6, 1, 1e-6, 1, 1e-6};
        for (long seed = 0; seed < 200; seed++) {
            assertArrayEquals(new double[] {0, 1}, ResidualAdaptiveResampler.rad().select(candidates, r, 1, 2, seed), "seed " + seed);
        }
        // Fewer distinct locations than points: all of them, repeated in order.
        assertArrayEquals(new double[] {0, 1, 0}, ResidualAdaptiveResampler.rad().select(candidates, r, 1, 3, 7));
    }

    @Test
    void aRepeatedCandidateIsNotASecondChance() {
        // A 2-D grid drawn twice: 50 distinct points among 100 candidates, selecting 40.
        int m = 50;
        double[] candidates = new double[4 * m];
        double[] r = new double[2 * m];
        for (int i = 0; i < 2 * m; i++) {
            candidates[2 * i] = (i % m) / (double) m;
            candidates[2 * i + 1] = 0.5;
            r[i] = 1 + i % m;
        }
        double[] picked = ResidualAdaptiveResampler.rad().select(candidates, r, 2, 40, 3);
        java.util.Set<Double> xs = new java.util.HashSet<>();
        for (int i = 0; i < 40; i++) {
            xs.add(picked[2 * i]);
        }
        assertEquals(40, xs.size(), "40 different locations");
    }

    @Test
    void zeroResidualsFallBackToUniformAndBadInputIsRejected() {
        int[] chosen = ResidualAdaptiveResampler.rad().selectIndices(new double[10], 4, 1);
        assertEquals(4, chosen.length);
        assertThrows(GeopinnException.class, () -> new ResidualAdaptiveResampler(1.5, 1, 1));
        assertThrows(GeopinnException.class, () -> new ResidualAdaptiveResampler(0, -1, 1));
        assertThrows(GeopinnException.class, () -> ResidualAdaptiveResampler.rad().selectIndices(new double[3], 4, 1));
        assertThrows(GeopinnException.class, () -> ResidualAdaptiveResampler.rad().select(new double[6], new double[4], 2, 2, 1));
        assertThrows(GeopinnException.class, () -> ResidualAdaptiveResampler.rad().selectIndices(new double[] {1, Double.NaN}, 1, 1));
    }
}

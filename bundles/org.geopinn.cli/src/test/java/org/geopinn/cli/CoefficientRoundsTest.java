package org.geopinn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/**
 * The round average of a trained coefficient: only the values at the round ends (multiples of the
 * resampling period, and the last step) in the last quarter of the run count; their mean and
 * standard error are exact where the values agree to many digits; nothing without resampling.
 */
class CoefficientRoundsTest {
    @Test
    void averagesTheRoundEndsOfTheLastQuarter() {
        // 200 steps, resampled every 10: round ends after step 150 are 160, 170, 180, 190, 200
        int n = 200;
        double[] steps = new double[n];
        double[] values = new double[n];
        double[] atEnds = {1e-8, -2e-8, 3e-8, 0, -1e-8};
        for (int i = 0; i < n; i++) {
            steps[i] = i + 1;
            values[i] = 99; // every row that is not a counted round end
        }
        for (int k = 0; k < atEnds.length; k++) {
            values[159 + 10 * k] = 0.0031830988 + atEnds[k];
        }
        CoefficientRounds.Average a = CoefficientRounds.over(steps, values, 10);
        assertEquals(5, a.rounds());
        assertEquals(0.0031830988 + 0.2e-8, a.mean(), 1e-17);
        double sd = Math.sqrt((0.64 + 4.84 + 7.84 + 0.04 + 1.44) * 1e-16 / 4);
        assertEquals(sd / Math.sqrt(5), a.standardError(), 1e-6 * sd, "the deviations survive values that agree to 8 digits");
    }

    @Test
    void theLastStepEndsARoundAndTooFewRoundsGiveNothing() {
        double[] steps = {1, 2, 3, 4, 5, 6, 7, 8};
        double[] values = {0, 0, 0, 0, 0, 0, 1, 3};
        // period 7: round ends after step 6 are 7 and 8 (the last step)
        CoefficientRounds.Average a = CoefficientRounds.over(steps, values, 7);
        assertEquals(2, a.rounds());
        assertEquals(2, a.mean(), 1e-15);
        assertEquals(1, a.standardError(), 1e-15);
        assertNull(CoefficientRounds.over(steps, values, 0), "no resampling, no rounds");
        assertNull(CoefficientRounds.over(steps, values, 100), "one round end (the last step) says nothing");
    }
}

package org.geopinn.diagnostics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.geopinn.api.GeopinnException;
import org.junit.jupiter.api.Test;

class SpectraTest {
    @Test
    void truncatedEntropyMatchesAHandComputedCase() {
        // a = 1e-3 keeps 4, 2, 1 (e = 3): p = (4/7, 2/7, 1/7), H = -(1/3) Σ p ln p, worked out by hand.
        double[] sigma = {4, 2, 1, 1e-20};
        assertEquals(3, Spectra.effectiveCutoff(sigma, 1e-3));
        assertEquals(0.31856663037084476, Spectra.truncatedEntropy(sigma, 1e-3), 1e-15);
    }

    @Test
    void truncatedEntropyOfAFlatSpectrumIsLogEOverE() {
        double[] flat = {2, 2, 2, 2, 2};
        assertEquals(Math.log(5) / 5, Spectra.truncatedEntropy(flat, 0.5), 1e-15);
        assertEquals(0, Spectra.truncatedEntropy(new double[] {3}, 0.5), 0, "one value carries no entropy");
        assertEquals(0, Spectra.truncatedEntropy(new double[] {0, 0}, 0.5), 0);
    }

    @Test
    void effectiveCutoffCountsValuesAtOrAboveTheLevel() {
        double[] v = {10, 5, 1, 0.01, 0};
        assertEquals(3, Spectra.effectiveCutoff(v, 0.1), "1 = 0.1 * 10 counts");
        assertEquals(2, Spectra.effectiveCutoff(v, 0.11));
        assertEquals(4, Spectra.effectiveCutoff(v, 1e-3));
        assertEquals(5, Spectra.effectiveCutoff(v, 0));
        assertEquals(0, Spectra.effectiveCutoff(new double[0], 0.1));
        assertThrows(GeopinnException.class, () -> Spectra.effectiveCutoff(v, 1));
        assertThrows(GeopinnException.class, () -> Spectra.truncatedEntropy(v, -0.1));
    }

    @Test
    void singularValuesAndEigenvaluesOfKnownMatrices() {
        // [[3, 0], [4, 5]] has singular values sqrt(45) and sqrt(5) (σ1σ2 = |det| = 15, σ1² + σ2² = 50).
        assertArrayEquals(new double[] {Math.sqrt(45), Math.sqrt(5)}, Spectra.singularValues(new double[] {3, 0, 4, 5}, 2, 2), 1e-13);
        assertArrayEquals(new double[] {3, 1}, Spectra.symmetricEigenvalues(new double[] {2, 1, 1, 2}, 2), 1e-14);
        double[] wide = {1, 0, 0, 0, 0, 2, 0, 0};
        assertArrayEquals(new double[] {2, 1}, Spectra.singularValues(wide, 2, 4), 1e-14);
        assertEquals(2, Spectra.conditionNumber(new double[] {2, 1}), 0);
        assertEquals(Double.POSITIVE_INFINITY, Spectra.conditionNumber(new double[] {2, 0}));
        assertEquals(4, Spectra.effectiveConditionNumber(new double[] {8, 2, 1e-30}, 1e-3), 0);
        assertThrows(GeopinnException.class, () -> Spectra.singularValues(new double[3], 2, 2));
    }

    @Test
    void inputsAreNotModified() {
        double[] a = {3, 0, 4, 5};
        Spectra.singularValues(a, 2, 2);
        Spectra.symmetricEigenvalues(a, 2);
        assertArrayEquals(new double[] {3, 0, 4, 5}, a);
        assertTrue(Spectra.singularValues(a, 2, 2)[0] > 0);
    }
}

package org.geopinn.problems.library;

import java.util.LinkedHashMap;
import java.util.Map;

/** Small helpers shared by the problem definitions. */
final class ProblemParts {
    /**
     * ANaGRAM with the absolute cut-off σ ≥ 1e-6 of the reference 2-D Laplace experiment: on the
     * smooth closed-form problems it reaches 1e-8 to 1e-11 within seconds where the adaptive
     * default stalls near 1e-4 (measurements in docs/PROBLEMS.md).
     */
    static final String ANAGRAM_ABSOLUTE_1E6 = "anagram(cutoff=absolute;tolerance=1e-6)";
    /** ANaGRAM with the absolute cut-off 1e-5 of the reference heat experiment. */
    static final String ANAGRAM_ABSOLUTE_1E5 = "anagram(cutoff=absolute;tolerance=1e-5)";
    private ProblemParts() {
    }

    /**
     * @param keyValues alternating keys and values
     * @return an ordered map of them
     */
    static Map<String, String> map(String... keyValues) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i + 1 < keyValues.length; i += 2) {
            m.put(keyValues[i], keyValues[i + 1]);
        }
        return m;
    }

    /**
     * @param n the dimension
     * @param value the bound
     * @return an array of n copies of value
     */
    static double[] filled(int n, double value) {
        double[] a = new double[n];
        java.util.Arrays.fill(a, value);
        return a;
    }
}

package org.geopinn.problems.library;

import java.util.LinkedHashMap;
import java.util.Map;

/** Small helpers shared by the problem definitions. */
final class ProblemParts {
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

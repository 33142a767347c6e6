package org.geopinn.expr;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads the suffix of a derivative symbol ({@code xy} in {@code u_xy}, {@code x1x2} in
 * {@code u_x1x2}) as variable names, in time linear in its length, refusing a suffix that reads in
 * two ways.
 */
final class DerivativeSuffix {
    private DerivativeSuffix() {
    }

    /**
     * Splits a derivative suffix such as "xy" or "x1x2" into variable names by dynamic programming:
     * {@code ways[i]} counts (up to 2) the readings of the suffix from position i on, so the work is
     * O(length × variables × name length) and an ambiguous suffix is found, never guessed.
     *
     * @param part the suffix, one part between underscores
     * @param name the whole symbol, for messages
     * @param variables the variables it may name
     * @return the variables in order
     * @throws IllegalArgumentException when the suffix reads as no variables or in two ways (the message says how to write it)
     */
    static List<String> split(String part, String name, List<String> variables) {
        int n = part.length();
        int[] ways = new int[n + 1];
        ways[n] = 1;
        for (int i = n - 1; i >= 0; i--) {
            int w = 0;
            for (String v : variables) {
                if (part.startsWith(v, i)) {
                    w = Math.min(2, w + ways[i + v.length()]);
                }
            }
            ways[i] = w;
        }
        if (ways[0] == 0) {
            throw new IllegalArgumentException("cannot read '" + ExprParser.abbreviate(part) + "' in '" + ExprParser.abbreviate(name) + "' as derivatives by variables "
                    + ExprParser.abbreviate(variables.toString()));
        }
        List<String> first = reading(part, ways, -1, variables);
        if (ways[0] > 1) {
            List<String> second = reading(part, ways, branchPoint(part, ways, variables), variables);
            throw new IllegalArgumentException("'" + ExprParser.abbreviate(name) + "' is ambiguous: '" + ExprParser.abbreviate(part) + "' reads as " + ExprParser.abbreviate(String.join(" ", first))
                    + " and as " + ExprParser.abbreviate(String.join(" ", second)) + "; separate the variables with '_' (e.g. "
                    + ExprParser.abbreviate(name.substring(0, name.indexOf('_')) + "_" + String.join("_", second))
                    + ") or rename the variables so that no name begins with another");
        }
        return first;
    }

    /**
     * One reading of a splittable suffix: at each position the longest variable that leaves a
     * readable rest, except at position {@code branch}, where the second such variable is taken.
     */
    private static List<String> reading(String part, int[] ways, int branch, List<String> variables) {
        List<String> out = new ArrayList<>();
        int i = 0;
        while (i < part.length()) {
            List<String> options = options(part, ways, i, variables);
            String v = i == branch ? options.get(1) : options.get(0);
            out.add(v);
            i += v.length();
        }
        return out;
    }

    /** @return the first position of the longest-first reading where a second variable also leads to a reading */
    private static int branchPoint(String part, int[] ways, List<String> variables) {
        int i = 0;
        while (i < part.length()) {
            List<String> options = options(part, ways, i, variables);
            if (options.size() > 1) {
                return i;
            }
            i += options.get(0).length();
        }
        throw new IllegalStateException("an ambiguous suffix has a branch point");
    }

    /** @return the variables that start at position i and leave a readable rest, longest first */
    private static List<String> options(String part, int[] ways, int i, List<String> variables) {
        List<String> options = new ArrayList<>();
        for (String v : variables) {
            if (part.startsWith(v, i) && ways[i + v.length()] > 0) {
                options.add(v);
            }
        }
        options.sort((a, b) -> b.length() - a.length());
        return options;
    }
}

package org.geopinn.geometry;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.geopinn.api.GeopinnException;

/**
 * The named boundary parts of a triangulated surface: each part's triangles with their running
 * areas, so that a part's area is known exactly and a triangle of it is drawn with probability
 * proportional to its area.
 */
final class SurfaceParts {
    /** The parts, in order of first appearance. */
    private final List<String> names;
    /** Per part: its triangles, ascending. */
    private final int[][] triangles;
    /** Per part: the running sum of its triangles' areas. */
    private final double[][] cumulative;

    /**
     * @param part each triangle's part, an index into {@code names}
     * @param names the parts' names
     * @param areas each triangle's area
     * @param source the surface's name for messages
     * @throws GeopinnException for a part without triangles
     */
    SurfaceParts(int[] part, List<String> names, double[] areas, String source) {
        this.names = List.copyOf(names);
        int[] sizes = new int[names.size()];
        for (int k : part) {
            sizes[k]++;
        }
        triangles = new int[names.size()][];
        cumulative = new double[names.size()][];
        for (int k = 0; k < sizes.length; k++) {
            if (sizes[k] == 0) {
                throw new GeopinnException(source + ": the part '" + names.get(k) + "' has no triangles");
            }
            triangles[k] = new int[sizes[k]];
            cumulative[k] = new double[sizes[k]];
            sizes[k] = 0;
        }
        double[] running = new double[names.size()];
        for (int t = 0; t < part.length; t++) {
            int k = part[t];
            running[k] += areas[t];
            triangles[k][sizes[k]] = t;
            cumulative[k][sizes[k]++] = running[k];
        }
    }

    /** @return the parts' names */
    List<String> names() {
        return names;
    }

    /** @param part a part's name @return its area */
    double area(String part) {
        double[] c = cumulative[names.indexOf(part)];
        return c[c.length - 1];
    }

    /**
     * @param part a part's name
     * @param random the draws
     * @return one of its triangles, with probability proportional to its area
     */
    int drawTriangle(String part, SplittableRandom random) {
        int k = names.indexOf(part);
        double[] c = cumulative[k];
        double u = random.nextDouble() * c[c.length - 1];
        int i = Arrays.binarySearch(c, u);
        i = i >= 0 ? i + 1 : -i - 1;
        return triangles[k][Math.min(i, c.length - 1)];
    }

    /** @param t a triangle @return the name of its part */
    String partOf(int t) {
        for (int k = 0; k < triangles.length; k++) {
            if (Arrays.binarySearch(triangles[k], t) >= 0) {
                return names.get(k);
            }
        }
        throw new IllegalStateException("triangle " + t + " has no part");
    }
}

package org.geopinn.geometry;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.geopinn.api.GeopinnException;

/**
 * Whether a triangulated surface bounds a solid: closed and consistently wound, i.e. every edge in
 * exactly two triangles, once in each direction. Vertices are the same point when their coordinates
 * are equal bit for bit, as an STL file repeats them.
 */
final class ClosedSurface {
    private ClosedSurface() {
    }

    /**
     * Each directed edge once, and its reverse once: closed and consistently wound.
     *
     * @param w triangle corners, 9 numbers per triangle
     * @param count the number of triangles
     * @param source the surface's name for messages
     * @throws GeopinnException naming an offending edge: one used twice in one direction, or by one triangle only
     */
    static void requireClosed(double[] w, int count, String source) {
        // vertices are the same point when their coordinates are equal bit for bit (as in the file)
        Map<Corner, Integer> ids = new HashMap<>();
        int[] id = new int[3 * count];
        int[] offset = new int[3 * count];
        for (int c = 0; c < 3 * count; c++) {
            Integer known = ids.putIfAbsent(new Corner(w[3 * c], w[3 * c + 1], w[3 * c + 2]), ids.size());
            id[c] = known == null ? ids.size() - 1 : known;
            offset[id[c]] = 3 * c;
        }
        Set<Long> directed = new HashSet<>(4 * 3 * count / 3 + 16);
        for (int t = 0; t < count; t++) {
            for (int k = 0; k < 3; k++) {
                int from = id[3 * t + k];
                int to = id[3 * t + (k + 1) % 3];
                if (!directed.add((long) from << 32 | to)) {
                    throw new GeopinnException(source + ": the edge " + vertex(w, offset[from]) + " – " + vertex(w, offset[to])
                            + " is used twice in the same direction"
                            + " (triangles wound inconsistently, or more than two triangles on one edge)");
                }
            }
        }
        for (long edge : directed) {
            int from = (int) (edge >>> 32);
            int to = (int) edge;
            if (!directed.contains((long) to << 32 | from)) {
                throw new GeopinnException(source + ": the surface is not closed: the edge " + vertex(w, offset[from]) + " – "
                        + vertex(w, offset[to]) + " belongs to one triangle only");
            }
        }
    }

    /** A vertex by its coordinates (a record compares doubles as {@link Double#compare} does, bit for bit but NaN). */
    private record Corner(double x, double y, double z) {
    }

    private static String vertex(double[] w, int o) {
        return "(" + w[o] + ", " + w[o + 1] + ", " + w[o + 2] + ")";
    }
}

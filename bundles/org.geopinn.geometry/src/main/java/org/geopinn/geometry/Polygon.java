package org.geopinn.geometry;

import org.geopinn.api.model.TaylorJet;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.geopinn.api.GeopinnException;

/**
 * A simple polygon (a triangle, an L-shape …) given by its vertices in either orientation, with the
 * exact signed distance (distance to the nearest edge, negative inside by the crossing rule). Edge
 * i runs from vertex i to vertex i+1 (the last back to the first); edges carry boundary part names,
 * {@code boundary} unless named, and edges of the same name form one part.
 */
final class Polygon extends Shape {
    private final double[] xs;
    private final double[] ys;
    private final String[] edgeNames;
    private final double[] lengths;
    private final List<String> parts;

    Polygon(double[] xy, List<String> names) {
        if (xy.length % 2 != 0 || xy.length < 6) {
            throw new GeopinnException("a polygon needs at least 3 vertices as x,y pairs, got " + xy.length + " numbers");
        }
        checkFinite("polygon vertices", xy);
        int n = xy.length / 2;
        if (names != null && !names.isEmpty() && names.size() != n) {
            throw new GeopinnException("a polygon with " + n + " edges needs " + n + " edge names, got " + names.size());
        }
        double area2 = 0;
        for (int i = 0; i < n; i++) {
            int k = (i + 1) % n;
            area2 += xy[2 * i] * xy[2 * k + 1] - xy[2 * k] * xy[2 * i + 1];
        }
        if (area2 == 0) {
            throw new GeopinnException("the polygon has zero area");
        }
        boolean reverse = area2 < 0; // store counter-clockwise so (dy, −dx) points out
        xs = new double[n];
        ys = new double[n];
        edgeNames = new String[n];
        for (int i = 0; i < n; i++) {
            int src = reverse ? n - 1 - i : i;
            xs[i] = xy[2 * src];
            ys[i] = xy[2 * src + 1];
            // Reversed, edge i runs from old vertex n−1−i to old vertex n−2−i: old edge n−2−i.
            int oldEdge = reverse ? Math.floorMod(n - 2 - i, n) : i;
            edgeNames[i] = names == null || names.isEmpty() ? "boundary" : names.get(oldEdge);
        }
        lengths = new double[n];
        List<String> distinct = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int k = (i + 1) % n;
            lengths[i] = Math.hypot(xs[k] - xs[i], ys[k] - ys[i]);
            if (lengths[i] == 0) {
                throw new GeopinnException("polygon vertices " + i + " and " + k + " coincide");
            }
            if (!distinct.contains(edgeNames[i])) {
                distinct.add(edgeNames[i]);
            }
        }
        parts = List.copyOf(distinct);
        requireSimple();
    }

    private void requireSimple() {
        int n = xs.length;
        for (int i = 0; i < n; i++) {
            for (int k = i + 1; k < n; k++) {
                boolean adjacent = k == i + 1 || (i == 0 && k == n - 1);
                if (!adjacent && segmentsIntersect(i, k)) {
                    throw new GeopinnException("the polygon's edges " + i + " and " + k + " cross; give the vertices of a simple polygon in order");
                }
            }
        }
    }

    private boolean segmentsIntersect(int i, int k) {
        int n = xs.length;
        double ax = xs[i], ay = ys[i], bx = xs[(i + 1) % n], by = ys[(i + 1) % n];
        double cx = xs[k], cy = ys[k], dx = xs[(k + 1) % n], dy = ys[(k + 1) % n];
        double d1 = cross(cx, cy, dx, dy, ax, ay);
        double d2 = cross(cx, cy, dx, dy, bx, by);
        double d3 = cross(ax, ay, bx, by, cx, cy);
        double d4 = cross(ax, ay, bx, by, dx, dy);
        return ((d1 > 0) != (d2 > 0)) && ((d3 > 0) != (d4 > 0)) && d1 != 0 && d2 != 0 && d3 != 0 && d4 != 0;
    }

    private static double cross(double ax, double ay, double bx, double by, double px, double py) {
        return (bx - ax) * (py - ay) - (by - ay) * (px - ax);
    }

    @Override
    public int dimension() {
        return 2;
    }

    /** @return the index of the edge nearest (x, y), the distance in the second slot of {@code d} */
    private int nearestEdge(double x, double y, double[] d) {
        int n = xs.length;
        int best = 0;
        double bestD2 = Double.POSITIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            int k = (i + 1) % n;
            double ex = xs[k] - xs[i];
            double ey = ys[k] - ys[i];
            double t = ((x - xs[i]) * ex + (y - ys[i]) * ey) / (ex * ex + ey * ey);
            t = Math.max(0, Math.min(1, t));
            double px = x - (xs[i] + t * ex);
            double py = y - (ys[i] + t * ey);
            double d2 = px * px + py * py;
            if (d2 < bestD2) {
                bestD2 = d2;
                best = i;
            }
        }
        d[0] = Math.sqrt(bestD2);
        return best;
    }

    private boolean inside(double x, double y) {
        boolean in = false;
        int n = xs.length;
        for (int i = 0, k = n - 1; i < n; k = i++) {
            if ((ys[i] > y) != (ys[k] > y) && x < (xs[k] - xs[i]) * (y - ys[i]) / (ys[k] - ys[i]) + xs[i]) {
                in = !in;
            }
        }
        return in;
    }

    @Override
    public double signedDistance(double[] x) {
        double[] d = new double[1];
        nearestEdge(x[0], x[1], d);
        return inside(x[0], x[1]) ? -d[0] : d[0];
    }

    @Override
    public void normal(double[] x, double[] out) {
        int i = nearestEdge(x[0], x[1], new double[1]);
        edgeNormal(i, out);
    }

    private void edgeNormal(int i, double[] out) {
        int k = (i + 1) % xs.length;
        out[0] = (ys[k] - ys[i]) / lengths[i];
        out[1] = -(xs[k] - xs[i]) / lengths[i];
    }

    @Override
    public double[] lower() {
        return new double[] {java.util.Arrays.stream(xs).min().getAsDouble(), java.util.Arrays.stream(ys).min().getAsDouble()};
    }

    @Override
    public double[] upper() {
        return new double[] {java.util.Arrays.stream(xs).max().getAsDouble(), java.util.Arrays.stream(ys).max().getAsDouble()};
    }

    @Override
    public double volume() {
        double area2 = 0;
        for (int i = 0; i < xs.length; i++) {
            int k = (i + 1) % xs.length;
            area2 += xs[i] * ys[k] - xs[k] * ys[i];
        }
        return 0.5 * area2;
    }

    @Override
    public List<String> boundaryParts() {
        return parts;
    }

    @Override
    boolean measuresExactly() {
        return true;
    }

    @Override
    double candidateMeasure(String part) {
        double m = 0;
        for (int i = 0; i < xs.length; i++) {
            if (edgeNames[i].equals(part)) {
                m += lengths[i];
            }
        }
        return m;
    }

    @Override
    boolean draw(String part, SplittableRandom random, double[] point, double[] normal) {
        double u = random.nextDouble() * candidateMeasure(part);
        int i = 0;
        for (; i < xs.length; i++) {
            if (edgeNames[i].equals(part)) {
                if (u < lengths[i]) {
                    break;
                }
                u -= lengths[i];
            }
        }
        if (i == xs.length) { // rounding at the very end of the last edge of the part
            i = xs.length - 1;
            while (!edgeNames[i].equals(part)) {
                i--;
            }
            u = lengths[i];
        }
        int k = (i + 1) % xs.length;
        double t = Math.min(1, u / lengths[i]);
        point[0] = xs[i] + t * (xs[k] - xs[i]);
        point[1] = ys[i] + t * (ys[k] - ys[i]);
        edgeNormal(i, normal);
        return true;
    }

    @Override
    public String toString() {
        return "polygon(" + xs.length + " vertices)";
    }

    /**
     * Convex polygons only (each edge's line then keeps the polygon on its inner side): the product
     * of the selected edges' line distances, or, signed, the R-conjunction of all of them.
     */
    @Override
    TaylorJet adf(TaylorJet[] x, java.util.Set<String> selected, boolean signed) {
        requireAllIfSigned(selected, signed);
        int n = xs.length;
        for (int i = 0; i < n; i++) {
            int k = (i + 1) % n;
            int m = (i + 2) % n;
            double cross = (xs[k] - xs[i]) * (ys[m] - ys[k]) - (ys[k] - ys[i]) * (xs[m] - xs[k]);
            if (cross < 0) {
                throw new GeopinnException("the geometry gives distance functions for hard conditions on convex polygons only;"
                        + " this polygon turns inward at vertex " + k + "; give the distance as text");
            }
        }
        TaylorJet r = null;
        for (int i = 0; i < n; i++) {
            if (!selected.contains(edgeNames[i])) {
                continue;
            }
            int k = (i + 1) % n;
            // Counter-clockwise: the inside is on the left of edge i, at distance ((x − p)×(q − p))/|q − p| … signed.
            double ex = (xs[k] - xs[i]) / lengths[i];
            double ey = (ys[k] - ys[i]) / lengths[i];
            TaylorJet f = x[1].plus(-ys[i]).times(ex).minus(x[0].plus(-xs[i]).times(ey));
            r = signed ? and(r, f) : times(r, f);
        }
        return r;
    }
}

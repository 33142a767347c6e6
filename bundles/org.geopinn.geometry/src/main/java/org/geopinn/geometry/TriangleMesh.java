package org.geopinn.geometry;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.geopinn.api.GeopinnException;
import org.geopinn.api.model.TaylorJet;

/**
 * The solid bounded by a closed triangulated surface, as an STL file describes it (binary or ASCII):
 * one boundary part {@code boundary}, or, for an ASCII file of several {@code solid NAME … endsolid}
 * blocks (as OpenFOAM's and other meshers' multi-region files are written), one part per name. The triangles' winding gives the outward normals (the normals
 * written in the file are ignored: exporters often leave them zero); the surface must be closed
 * (each edge shared by exactly two triangles, traversed in opposite directions), and it is turned
 * outward when its enclosed volume comes out negative.
 *
 * <p>Inside test: the generalised winding number, the sum of the solid angles of the triangles seen
 * from the point over 4π (A. Jacobson, L. Kavan and O. Sorkine-Hornung, "Robust inside-outside
 * segmentation using generalized winding numbers", 2013; solid angles by A. Van Oosterom and J.
 * Strackee, "The solid angle of a plane triangle", 1983), 1 inside and 0 outside a closed surface, with
 * no special cases for rays through edges, evaluated as the fast winding number ({@link FastWindingNumber}:
 * far nodes of a bounding-volume hierarchy by a second-order expansion). Distance: exact, the nearest
 * point of the nearest triangle (C. Ericson, "Real-Time Collision Detection", 2005, §5.1.5), found by
 * branch and bound in the same hierarchy ({@link TriangleTree}). Both cost about O(log T) per point for T
 * triangles instead of O(T). Volume by the divergence theorem and area are exact; boundary samples are
 * uniform by area (a triangle chosen by its area, a point uniform in it).
 */
public final class TriangleMesh extends Shape {
    /** The one part of a surface read without part names. */
    static final String BOUNDARY = "boundary";
    /** Largest number of triangles read (the trees hold about 60 numbers per triangle). */
    public static final int MAX_TRIANGLES = 2_000_000;

    /** Vertices of triangle t at [9t, 9t + 9): a, b, c. */
    private final double[] v;
    /** Unit outward normal of triangle t at [3t, 3t + 3). */
    private final double[] n;
    private final double[] cumulativeArea;
    /** The boundary parts, in order of first appearance. */
    private final List<String> parts;
    /** Per part: its triangles, and their running areas (for drawing a triangle by area). */
    private final int[][] partTriangles;
    private final double[][] partCumulative;
    private final double area;
    private final double volume;
    private final double[] lo = {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY};
    private final double[] hi = {Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY};
    private final String source;
    /** The nearest triangle of a point in about O(log T) distances. */
    private final TriangleTree tree;
    /** The winding number of a point in about O(log T) solid angles and node expansions. */
    private final FastWindingNumber winding;

    private TriangleMesh(double[] vertices, int[] part, List<String> names, String source) {
        this.source = source;
        int count = vertices.length / 9;
        if (count < 4) {
            throw new GeopinnException(source + ": a closed surface needs at least 4 triangles, it has " + count);
        }
        checkFinite(source + " vertices", vertices);
        double signedVolume = 0;
        for (int t = 0; t < count; t++) {
            signedVolume += tetra(vertices, 9 * t);
        }
        double[] w = vertices.clone();
        if (signedVolume < 0) {
            for (int t = 0; t < count; t++) { // swap b and c: the winding, and so the normals, turn outward
                for (int j = 0; j < 3; j++) {
                    double tmp = w[9 * t + 3 + j];
                    w[9 * t + 3 + j] = w[9 * t + 6 + j];
                    w[9 * t + 6 + j] = tmp;
                }
            }
        }
        this.v = w;
        this.tree = new TriangleTree(w);
        this.volume = Math.abs(signedVolume);
        if (!(volume > 0)) {
            throw new GeopinnException(source + ": the surface encloses no volume");
        }
        n = new double[3 * count];
        cumulativeArea = new double[count];
        double total = 0;
        for (int t = 0; t < count; t++) {
            int o = 9 * t;
            double ux = w[o + 3] - w[o];
            double uy = w[o + 4] - w[o + 1];
            double uz = w[o + 5] - w[o + 2];
            double vx = w[o + 6] - w[o];
            double vy = w[o + 7] - w[o + 1];
            double vz = w[o + 8] - w[o + 2];
            double cx = uy * vz - uz * vy;
            double cy = uz * vx - ux * vz;
            double cz = ux * vy - uy * vx;
            double norm = Math.sqrt(cx * cx + cy * cy + cz * cz);
            if (!(norm > 0)) {
                throw new GeopinnException(source + ": triangle " + (t + 1) + " has zero area");
            }
            n[3 * t] = cx / norm;
            n[3 * t + 1] = cy / norm;
            n[3 * t + 2] = cz / norm;
            total += 0.5 * norm;
            cumulativeArea[t] = total;
            for (int k = 0; k < 3; k++) {
                for (int j = 0; j < 3; j++) {
                    lo[j] = Math.min(lo[j], w[o + 3 * k + j]);
                    hi[j] = Math.max(hi[j], w[o + 3 * k + j]);
                }
            }
        }
        this.area = total;
        this.parts = List.copyOf(names);
        int[] sizes = new int[names.size()];
        for (int t = 0; t < count; t++) {
            sizes[part[t]]++;
        }
        partTriangles = new int[names.size()][];
        partCumulative = new double[names.size()][];
        for (int k = 0; k < sizes.length; k++) {
            if (sizes[k] == 0) {
                throw new GeopinnException(source + ": the part '" + names.get(k) + "' has no triangles");
            }
            partTriangles[k] = new int[sizes[k]];
            partCumulative[k] = new double[sizes[k]];
            sizes[k] = 0;
        }
        double[] running = new double[names.size()];
        for (int t = 0; t < count; t++) {
            int k = part[t];
            running[k] += cumulativeArea[t] - (t == 0 ? 0 : cumulativeArea[t - 1]);
            partTriangles[k][sizes[k]] = t;
            partCumulative[k][sizes[k]++] = running[k];
        }
        checkClosed(w, count, source);
        this.winding = new FastWindingNumber(tree, w);
    }

    /** The signed volume of the tetrahedron (0, a, b, c): summed over a closed surface, the enclosed volume. */
    private static double tetra(double[] w, int o) {
        return (w[o] * (w[o + 4] * w[o + 8] - w[o + 5] * w[o + 7]) - w[o + 1] * (w[o + 3] * w[o + 8] - w[o + 5] * w[o + 6])
                + w[o + 2] * (w[o + 3] * w[o + 7] - w[o + 4] * w[o + 6])) / 6;
    }

    /** Each directed edge once, and its reverse once: closed and consistently wound. */
    private static void checkClosed(double[] w, int count, String source) {
        // vertices are the same point when their coordinates are equal bit for bit (as in the file)
        Map<Corner, Integer> ids = new HashMap<>();
        int[] id = new int[3 * count];
        int[] offset = new int[3 * count];
        for (int c = 0; c < 3 * count; c++) {
            Integer known = ids.putIfAbsent(new Corner(w[3 * c], w[3 * c + 1], w[3 * c + 2]), ids.size());
            id[c] = known == null ? ids.size() - 1 : known;
            offset[id[c]] = 3 * c;
        }
        java.util.Set<Long> directed = new java.util.HashSet<>(4 * 3 * count / 3 + 16);
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

    /**
     * @param file an STL file, binary or ASCII
     * @return the solid it bounds
     * @throws GeopinnException on one line naming the file and what is wrong with it
     */
    public static TriangleMesh read(Path file) {
        StlFile.Triangles t = StlFile.read(file, MAX_TRIANGLES);
        return new TriangleMesh(t.vertices(), t.part(), t.names(), file.getFileName().toString());
    }

    /**
     * @param vertices the triangles' corners, 9 numbers per triangle (a, b, c)
     * @param name a name for messages
     * @return the solid they bound
     */
    public static TriangleMesh of(double[] vertices, String name) {
        if (vertices.length % 9 != 0) {
            throw new GeopinnException(name + ": " + vertices.length + " numbers are not whole triangles of 9");
        }
        return new TriangleMesh(vertices.clone(), new int[vertices.length / 9], List.of(BOUNDARY), name);
    }

    /**
     * @param vertices the triangles' corners, 9 numbers per triangle
     * @param part each triangle's boundary part, an index into {@code names}
     * @param names the boundary parts' names, each used by some triangle
     * @param name a name for messages
     * @return the solid they bound, with those boundary parts
     */
    static TriangleMesh of(double[] vertices, int[] part, List<String> names, String name) {
        if (vertices.length % 9 != 0 || part.length != vertices.length / 9) {
            throw new GeopinnException(name + ": " + vertices.length + " numbers and " + part.length + " part indices are not whole triangles");
        }
        return new TriangleMesh(vertices.clone(), part.clone(), names, name);
    }

    /** @return the number of triangles */
    public int triangles() {
        return cumulativeArea.length;
    }

    @Override
    public int dimension() {
        return 3;
    }

    /**
     * @param x a point
     * @return the generalised winding number: 1 inside, 0 outside (½ on the surface), by the fast
     *         winding number (a few 10⁻³ from the exact sum at most; exactly on the right side of ½ off
     *         a closed surface)
     */
    public double windingNumber(double[] x) {
        return winding.at(x);
    }

    /** @return the exact winding number, the solid angles of every triangle summed (the check of the fast one) */
    double windingNumberByEveryTriangle(double[] x) {
        double sum = 0;
        for (int t = 0; t < cumulativeArea.length; t++) {
            sum += FastWindingNumber.solidAngle(v, 9 * t, x);
        }
        return sum / (4 * Math.PI);
    }

    /** Squared distance from x to triangle t; its nearest point into {@code nearest} (no allocation). */
    double distanceSquared(double[] x, int t, double[] nearest) {
        int o = 9 * t;
        double ax = v[o];
        double ay = v[o + 1];
        double az = v[o + 2];
        double abx = v[o + 3] - ax;
        double aby = v[o + 4] - ay;
        double abz = v[o + 5] - az;
        double acx = v[o + 6] - ax;
        double acy = v[o + 7] - ay;
        double acz = v[o + 8] - az;
        double apx = x[0] - ax;
        double apy = x[1] - ay;
        double apz = x[2] - az;
        double d1 = abx * apx + aby * apy + abz * apz;
        double d2 = acx * apx + acy * apy + acz * apz;
        double s;
        double r;
        if (d1 <= 0 && d2 <= 0) {
            s = 0;
            r = 0;
        } else {
            double bpx = apx - abx;
            double bpy = apy - aby;
            double bpz = apz - abz;
            double d3 = abx * bpx + aby * bpy + abz * bpz;
            double d4 = acx * bpx + acy * bpy + acz * bpz;
            double cpx = apx - acx;
            double cpy = apy - acy;
            double cpz = apz - acz;
            double d5 = abx * cpx + aby * cpy + abz * cpz;
            double d6 = acx * cpx + acy * cpy + acz * cpz;
            double vc = d1 * d4 - d3 * d2;
            double vb = d5 * d2 - d1 * d6;
            double va = d3 * d6 - d5 * d4;
            if (d3 >= 0 && d4 <= d3) {
                s = 1;
                r = 0;
            } else if (vc <= 0 && d1 >= 0 && d3 <= 0) {
                s = d1 / (d1 - d3);
                r = 0;
            } else if (d6 >= 0 && d5 <= d6) {
                s = 0;
                r = 1;
            } else if (vb <= 0 && d2 >= 0 && d6 <= 0) {
                s = 0;
                r = d2 / (d2 - d6);
            } else if (va <= 0 && (d4 - d3) >= 0 && (d5 - d6) >= 0) {
                double w = (d4 - d3) / ((d4 - d3) + (d5 - d6));
                s = 1 - w;
                r = w;
            } else {
                double denom = 1 / (va + vb + vc);
                s = vb * denom;
                r = vc * denom;
            }
        }
        nearest[0] = ax + s * abx + r * acx;
        nearest[1] = ay + s * aby + r * acy;
        nearest[2] = az + s * abz + r * acz;
        double ex = x[0] - nearest[0];
        double ey = x[1] - nearest[1];
        double ez = x[2] - nearest[2];
        return ex * ex + ey * ey + ez * ez;
    }

    /**
     * @param work work[0] counts the triangle distances, work[1] the solid angles and work[2] the
     *        far-field expansions of one signed distance (the benchmark's load-independent cost)
     * @return the signed distance, as {@link #signedDistance}
     */
    double signedDistanceCounted(double[] x, long[] work) {
        double[] p = new double[3];
        tree.nearest(x, (y, t, nearest) -> {
            work[0]++;
            return distanceSquared(y, t, nearest);
        }, p);
        double d = Math.sqrt((x[0] - p[0]) * (x[0] - p[0]) + (x[1] - p[1]) * (x[1] - p[1]) + (x[2] - p[2]) * (x[2] - p[2]));
        long[] w = new long[2];
        double wn = winding.evaluate(x, w);
        work[1] += w[0];
        work[2] += w[1];
        return d == 0 ? 0 : wn > 0.5 ? -d : d;
    }

    /** @return the index of the triangle nearest x (by the tree; package-visible for the benchmark) */
    int nearestTriangleByTree(double[] x, double[] best) {
        return nearestTriangle(x, best);
    }

    /** @return the index of the triangle nearest x */
    private int nearestTriangle(double[] x, double[] best) {
        return tree.nearest(x, this::distanceSquared, best);
    }

    /** @return the index of the triangle nearest x, by trying every triangle (the index's check) */
    int nearestTriangleByEveryTriangle(double[] x, double[] best) {
        double[] p = new double[3];
        double min = Double.POSITIVE_INFINITY;
        int arg = 0;
        for (int t = 0; t < cumulativeArea.length; t++) {
            double q = distanceSquared(x, t, p);
            if (q < min) {
                min = q;
                arg = t;
                System.arraycopy(p, 0, best, 0, 3);
            }
        }
        return arg;
    }

    @Override
    public double signedDistance(double[] x) {
        double[] p = new double[3];
        int t = nearestTriangle(x, p);
        double d = Math.sqrt((x[0] - p[0]) * (x[0] - p[0]) + (x[1] - p[1]) * (x[1] - p[1]) + (x[2] - p[2]) * (x[2] - p[2]));
        if (d == 0) {
            return 0;
        }
        return windingNumber(x) > 0.5 ? -d : d;
    }

    /** @return the signed distance by the O(T) brute force (every triangle, the exact winding number): the tests' check */
    double signedDistanceByEveryTriangle(double[] x) {
        double[] p = new double[3];
        nearestTriangleByEveryTriangle(x, p);
        double d = Math.sqrt((x[0] - p[0]) * (x[0] - p[0]) + (x[1] - p[1]) * (x[1] - p[1]) + (x[2] - p[2]) * (x[2] - p[2]));
        if (d == 0) {
            return 0;
        }
        return windingNumberByEveryTriangle(x) > 0.5 ? -d : d;
    }

    /** Only the winding number: rejection sampling needs no distance. */
    @Override
    boolean strictlyInside(double[] x) {
        return windingNumber(x) > 0.5;
    }

    @Override
    public void normal(double[] x, double[] out) {
        int t = nearestTriangle(x, new double[3]);
        out[0] = n[3 * t];
        out[1] = n[3 * t + 1];
        out[2] = n[3 * t + 2];
    }

    @Override
    public double[] lower() {
        return lo.clone();
    }

    @Override
    public double[] upper() {
        return hi.clone();
    }

    @Override
    public double volume() {
        return volume;
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
        int k = parts.indexOf(part);
        return partCumulative[k][partCumulative[k].length - 1];
    }

    /** A triangle of the part chosen by area, then a uniform point in it (square-root warp of two uniforms). */
    @Override
    boolean draw(String part, SplittableRandom random, double[] point, double[] normal) {
        int k = parts.indexOf(part);
        double[] cumulative = partCumulative[k];
        double u = random.nextDouble() * cumulative[cumulative.length - 1];
        int i = java.util.Arrays.binarySearch(cumulative, u);
        i = i >= 0 ? i + 1 : -i - 1;
        int t = partTriangles[k][Math.min(i, cumulative.length - 1)];
        double r1 = Math.sqrt(random.nextDouble());
        double r2 = random.nextDouble();
        int o = 9 * t;
        for (int j = 0; j < 3; j++) {
            point[j] = (1 - r1) * v[o + j] + r1 * (1 - r2) * v[o + 3 + j] + r1 * r2 * v[o + 6 + j];
            normal[j] = n[3 * t + j];
        }
        return true;
    }

    /** Most face planes multiplied for φ; beyond, a product of many distances below 1 would shrink like a high power. */
    static final int MAX_PRODUCT_PLANES = 12;

    /**
     * For a convex solid (a tetrahedron, a convex polyhedron or STL surface), the product of the
     * distances to the planes of the selected parts' faces, each positive inside, as convex polygons
     * do; signed (for a subtracted or joined solid), or for a solid of more than
     * {@value #MAX_PRODUCT_PLANES} planes, the R-conjunction of those planes (about the distance to
     * the nearest face near each face). Coplanar triangles give one plane (one factor, so φ vanishes
     * to first order on the face).
     */
    @Override
    TaylorJet adf(TaylorJet[] x, java.util.Set<String> selected, boolean signed) {
        requireAllIfSigned(selected, signed);
        double scale = 0;
        for (int j = 0; j < 3; j++) {
            scale = Math.max(scale, hi[j] - lo[j]);
        }
        double tolerance = 1e-9 * scale;
        // the distinct planes: a unit outward normal and an offset, n·x = offset on the plane
        List<double[]> planes = new java.util.ArrayList<>();
        List<java.util.Set<String>> planeParts = new java.util.ArrayList<>();
        int count = triangles();
        for (int t = 0; t < count; t++) {
            double[] plane = {n[3 * t], n[3 * t + 1], n[3 * t + 2],
                n[3 * t] * v[9 * t] + n[3 * t + 1] * v[9 * t + 1] + n[3 * t + 2] * v[9 * t + 2]};
            int found = -1;
            for (int k = 0; k < planes.size() && found < 0; k++) {
                double[] q = planes.get(k);
                if (Math.abs(q[0] - plane[0]) < 1e-9 && Math.abs(q[1] - plane[1]) < 1e-9 && Math.abs(q[2] - plane[2]) < 1e-9
                        && Math.abs(q[3] - plane[3]) < tolerance) {
                    found = k;
                }
            }
            if (found < 0) {
                found = planes.size();
                planes.add(plane);
                planeParts.add(new java.util.HashSet<>());
            }
            planeParts.get(found).add(parts.get(partOf(t)));
        }
        for (double[] q : planes) {
            for (int c = 0; c < 3 * count; c++) {
                if (q[0] * v[3 * c] + q[1] * v[3 * c + 1] + q[2] * v[3 * c + 2] - q[3] > tolerance) {
                    throw new GeopinnException("the geometry gives distance functions for hard conditions on convex solids only; "
                            + source + " is not convex; give the distance as text");
                }
            }
        }
        TaylorJet r = null;
        for (int k = 0; k < planes.size(); k++) {
            java.util.Set<String> on = planeParts.get(k);
            boolean any = false;
            for (String part : on) {
                any |= selected.contains(part);
            }
            if (!any) {
                continue;
            }
            if (!selected.containsAll(on)) {
                throw new GeopinnException("the face plane of " + source + " holding the parts " + new java.util.TreeSet<>(on)
                        + " is only partly selected " + new java.util.TreeSet<>(selected) + "; a distance function would vanish on all"
                        + " of it; give the distance as text");
            }
            double[] q = planes.get(k);
            TaylorJet f = x[0].times(-q[0]).plus(x[1].times(-q[1])).plus(x[2].times(-q[2])).plus(q[3]); // offset − n·x
            r = signed || planes.size() > MAX_PRODUCT_PLANES ? and(r, f) : times(r, f);
        }
        return r;
    }

    /** @return the index of triangle t's part */
    private int partOf(int t) {
        for (int k = 0; k < partTriangles.length; k++) {
            if (java.util.Arrays.binarySearch(partTriangles[k], t) >= 0) {
                return k;
            }
        }
        throw new IllegalStateException("triangle " + t + " has no part");
    }

    @Override
    public String toString() {
        return "stl(" + source + ", " + triangles() + " triangles)";
    }
}

package org.geopinn.geometry;

import java.nio.file.Path;
import java.util.List;
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
    /** The boundary parts and their triangles. */
    private final SurfaceParts parts;
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
            signedVolume += TriangleGeometry.signedVolume(vertices, 9 * t);
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
        double[] areas = new double[count];
        double[] normal = new double[3];
        for (int t = 0; t < count; t++) {
            int o = 9 * t;
            areas[t] = TriangleGeometry.areaVector(w, o, normal);
            if (!(areas[t] > 0)) {
                throw new GeopinnException(source + ": triangle " + (t + 1) + " has zero area");
            }
            for (int j = 0; j < 3; j++) {
                n[3 * t + j] = normal[j] / areas[t];
            }
            for (int k = 0; k < 3; k++) {
                for (int j = 0; j < 3; j++) {
                    lo[j] = Math.min(lo[j], w[o + 3 * k + j]);
                    hi[j] = Math.max(hi[j], w[o + 3 * k + j]);
                }
            }
        }
        this.parts = new SurfaceParts(part, names, areas, source);
        ClosedSurface.requireClosed(w, count, source);
        this.winding = new FastWindingNumber(tree, w);
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
        return n.length / 3;
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
        for (int t = 0; t < triangles(); t++) {
            sum += FastWindingNumber.solidAngle(v, 9 * t, x);
        }
        return sum / (4 * Math.PI);
    }

    /** Squared distance from x to triangle t; its nearest point into {@code nearest} (no allocation). */
    double distanceSquared(double[] x, int t, double[] nearest) {
        return TriangleGeometry.distanceSquared(v, 9 * t, x, nearest);
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
        for (int t = 0; t < triangles(); t++) {
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
        return parts.names();
    }

    @Override
    boolean measuresExactly() {
        return true;
    }

    @Override
    double candidateMeasure(String part) {
        return parts.area(part);
    }

    /** A triangle of the part chosen by area, then a uniform point in it (square-root warp of two uniforms). */
    @Override
    boolean draw(String part, SplittableRandom random, double[] point, double[] normal) {
        int t = parts.drawTriangle(part, random);
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
            planeParts.get(found).add(parts.partOf(t));
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

    @Override
    public String toString() {
        return "stl(" + source + ", " + triangles() + " triangles)";
    }
}

package org.geopinn.geometry;

import java.util.List;

/**
 * The primitive shapes. Combine them with {@link Shape#union}, {@link Shape#minus},
 * {@link Shape#intersect}, move them with {@link Shape#translate}, {@link Shape#rotate},
 * {@link Shape#scale}, name boundary parts with {@link Shape#named} and {@link Shape#rename}:
 *
 * <pre>{@code
 * Shape plate = Shapes.rectangle(0, 0, 1, 1).minus(Shapes.disk(0.5, 0.5, 0.2).named("hole"));
 * // boundary parts: xmin, xmax, ymin, ymax, hole
 * }</pre>
 */
public final class Shapes {
    private Shapes() {
    }

    /** @param a the left end @param b the right end, above a @return [a, b] with boundary parts {@code xmin}, {@code xmax} */
    public static Shape interval(double a, double b) {
        return new Box(new double[] {a}, new double[] {b});
    }

    /**
     * @param x0 left @param y0 bottom @param x1 right @param y1 top
     * @return the rectangle with boundary parts {@code xmin, xmax, ymin, ymax}
     */
    public static Shape rectangle(double x0, double y0, double x1, double y1) {
        return new Box(new double[] {x0, y0}, new double[] {x1, y1});
    }

    /**
     * @param lower the lower corner @param upper the upper corner
     * @return the axis-aligned box; boundary parts {@code xmin … zmax} (see {@link #rectangle})
     */
    public static Shape box(double[] lower, double[] upper) {
        return new Box(lower, upper);
    }

    /** @param cx centre x @param cy centre y @param r radius @return the disk, boundary part {@code boundary} */
    public static Shape disk(double cx, double cy, double r) {
        return new Ball(new double[] {cx, cy}, r);
    }

    /** @param centre the centre (2 or more coordinates) @param r the radius @return the ball, boundary part {@code boundary} */
    public static Shape ball(double[] centre, double r) {
        return new Ball(centre, r);
    }

    /**
     * @param cx centre x @param cy centre y @param a semi-axis along x @param b semi-axis along y
     * @return the axis-aligned ellipse, boundary part {@code boundary}
     */
    public static Shape ellipse(double cx, double cy, double a, double b) {
        return new Ellipse(cx, cy, a, b);
    }

    /**
     * @param xy vertices as x0, y0, x1, y1 … of a simple polygon, in either orientation
     * @return the polygon, boundary part {@code boundary}
     */
    public static Shape polygon(double... xy) {
        return new Polygon(xy, null);
    }

    /**
     * @param edgeNames the boundary part of each edge (edge i from vertex i to vertex i+1)
     * @param xy vertices as x0, y0, x1, y1 …
     * @return the polygon with named edges
     */
    public static Shape polygon(List<String> edgeNames, double... xy) {
        return new Polygon(xy, edgeNames);
    }

    /**
     * @param x0 first vertex x @param y0 first vertex y @param x1 second vertex x @param y1 second vertex y
     * @param x2 third vertex x @param y2 third vertex y
     * @return the triangle, boundary part {@code boundary}
     */
    public static Shape triangle(double x0, double y0, double x1, double y1, double x2, double y2) {
        return new Polygon(new double[] {x0, y0, x1, y1, x2, y2}, null);
    }

    /**
     * @param a first corner @param b second corner @param c third corner @param d fourth corner (3
     *        coordinates each, not coplanar; either orientation)
     * @return the tetrahedron, a {@link TriangleMesh} of its four faces: exact signed distance, boundary
     *         part {@code boundary}
     */
    public static TriangleMesh tetrahedron(double[] a, double[] b, double[] c, double[] d) {
        for (double[] p : new double[][] {a, b, c, d}) {
            if (p.length != 3) {
                throw new org.geopinn.api.GeopinnException("a tetrahedron's corners need 3 coordinates, got " + p.length);
            }
        }
        // faces wound alike (each edge once each way); the mesh turns them outward if needed
        return polyhedron(flatten(new double[][] {a, b, c, d}), new int[][] {{0, 2, 1}, {0, 1, 3}, {1, 2, 3}, {0, 3, 2}}, null);
    }

    /**
     * A closed polyhedron from its vertices and faces: each face a convex planar polygon of vertex
     * indices (split into a fan of triangles), all faces wound alike (all counter-clockwise or all
     * clockwise seen from outside; the solid is turned outward either way).
     *
     * @param xyz the vertices, x0, y0, z0, x1, …
     * @param faces each face's vertex indices, 3 or more
     * @param faceNames each face's boundary part (faces named alike form one part), or null: all
     *        faces are {@code boundary}
     * @return the polyhedron, a {@link TriangleMesh}
     */
    public static TriangleMesh polyhedron(double[] xyz, int[][] faces, List<String> faceNames) {
        if (xyz.length % 3 != 0) {
            throw new org.geopinn.api.GeopinnException("a polyhedron's vertices need 3 coordinates each; " + xyz.length + " numbers given");
        }
        if (faceNames != null && faceNames.size() != faces.length) {
            throw new org.geopinn.api.GeopinnException(faceNames.size() + " face names for " + faces.length + " faces");
        }
        int vertices = xyz.length / 3;
        java.util.List<String> names = new java.util.ArrayList<>();
        int triangles = 0;
        for (int[] face : faces) {
            triangles += Math.max(0, face.length - 2);
        }
        double[] w = new double[9 * triangles];
        int[] part = new int[triangles];
        int count = 0;
        for (int f = 0; f < faces.length; f++) {
            int[] face = faces[f];
            if (face.length < 3) {
                throw new org.geopinn.api.GeopinnException("face " + (f + 1) + " of the polyhedron has " + face.length + " vertices; at least 3");
            }
            String name = faceNames == null ? TriangleMesh.BOUNDARY : faceNames.get(f);
            if (!names.contains(name)) {
                names.add(name);
            }
            for (int i : face) {
                if (i < 0 || i >= vertices) {
                    throw new org.geopinn.api.GeopinnException("face " + (f + 1) + " of the polyhedron names vertex " + i + "; there are "
                            + vertices + " (0 … " + (vertices - 1) + ")");
                }
            }
            for (int k = 1; k + 1 < face.length; k++) {
                int[] tri = {face[0], face[k], face[k + 1]};
                for (int m = 0; m < 3; m++) {
                    System.arraycopy(xyz, 3 * tri[m], w, 9 * count + 3 * m, 3);
                }
                part[count++] = names.indexOf(name);
            }
        }
        return TriangleMesh.of(w, part, names, faceNames == null ? "polyhedron" : "polyhedron " + names);
    }

    private static double[] flatten(double[][] points) {
        double[] out = new double[3 * points.length];
        for (int i = 0; i < points.length; i++) {
            System.arraycopy(points[i], 0, out, 3 * i, 3);
        }
        return out;
    }
}

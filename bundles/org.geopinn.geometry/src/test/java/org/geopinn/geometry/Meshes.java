package org.geopinn.geometry;

import java.util.ArrayList;
import java.util.List;

/**
 * Closed triangle meshes for the tests and the benchmark, as arrays of 9 numbers per triangle: a
 * sphere-like icosphere, a cube and an L-shaped prism (flat faces split by midpoint subdivision, so
 * edges and vertices lie in line with many points), and a torus (non-convex, genus one).
 */
final class Meshes {
    private Meshes() {
    }

    /** An outward-wound icosahedron subdivided {@code levels} times, its vertices pushed onto the unit sphere: 20·4^levels triangles. */
    static double[] icosphere(int levels) {
        double g = (1 + Math.sqrt(5)) / 2;
        double[][] c = {{-1, g, 0}, {1, g, 0}, {-1, -g, 0}, {1, -g, 0}, {0, -1, g}, {0, 1, g}, {0, -1, -g}, {0, 1, -g},
            {g, 0, -1}, {g, 0, 1}, {-g, 0, -1}, {-g, 0, 1}};
        int[][] f = {{0, 11, 5}, {0, 5, 1}, {0, 1, 7}, {0, 7, 10}, {0, 10, 11}, {1, 5, 9}, {5, 11, 4}, {11, 10, 2}, {10, 7, 6},
            {7, 1, 8}, {3, 9, 4}, {3, 4, 2}, {3, 2, 6}, {3, 6, 8}, {3, 8, 9}, {4, 9, 5}, {2, 4, 11}, {6, 2, 10}, {8, 6, 7},
            {9, 8, 1}};
        List<double[][]> tris = new ArrayList<>();
        for (int[] t : f) {
            tris.add(new double[][] {unit(c[t[0]]), unit(c[t[1]]), unit(c[t[2]])});
        }
        return flatten(subdivide(tris, levels, true));
    }

    /** The unit cube [0, 1]³, each of its 12 triangles split into 4^levels. */
    static double[] cube(int levels) {
        int[][] faces = {{0, 2, 3}, {0, 3, 1}, {4, 5, 7}, {4, 7, 6}, {0, 1, 5}, {0, 5, 4}, {2, 6, 7}, {2, 7, 3}, {0, 4, 6}, {0, 6, 2},
            {1, 3, 7}, {1, 7, 5}};
        List<double[][]> tris = new ArrayList<>();
        for (int[] t : faces) {
            tris.add(new double[][] {corner(t[0]), corner(t[1]), corner(t[2])});
        }
        return flatten(subdivide(tris, levels, false));
    }

    private static double[] corner(int k) {
        return new double[] {k & 1, k >> 1 & 1, k >> 2 & 1};
    }

    /** The L-shaped prism ([0,2]² ∖ [1,2]²) × [0,1] (20 triangles), each split into 4^levels. */
    static double[] lPrism(int levels) {
        double[][] l = {{0, 0}, {2, 0}, {2, 1}, {1, 1}, {1, 2}, {0, 2}}; // counter-clockwise
        int[][] cap = {{0, 1, 2}, {0, 2, 3}, {0, 3, 4}, {0, 4, 5}};
        List<double[][]> tris = new ArrayList<>();
        for (int[] t : cap) {
            tris.add(new double[][] {at(l[t[0]], 1), at(l[t[1]], 1), at(l[t[2]], 1)}); // top, normal +z
            tris.add(new double[][] {at(l[t[0]], 0), at(l[t[2]], 0), at(l[t[1]], 0)}); // bottom, normal −z
        }
        for (int i = 0; i < l.length; i++) {
            double[] p = l[i];
            double[] q = l[(i + 1) % l.length];
            tris.add(new double[][] {at(p, 0), at(q, 0), at(q, 1)});
            tris.add(new double[][] {at(p, 0), at(q, 1), at(p, 1)});
        }
        return flatten(subdivide(tris, levels, false));
    }

    private static double[] at(double[] xy, double z) {
        return new double[] {xy[0], xy[1], z};
    }

    /** The torus of radii 1 and 0.4 about the z axis, n × m quads: 2nm triangles. */
    static double[] torus(int n, int m) {
        double[][] p = new double[n * m][];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                double u = 2 * Math.PI * i / n;
                double w = 2 * Math.PI * j / m;
                double rho = 1 + 0.4 * Math.cos(w);
                p[i * m + j] = new double[] {rho * Math.cos(u), rho * Math.sin(u), 0.4 * Math.sin(w)};
            }
        }
        List<double[][]> tris = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                double[] a = p[i * m + j];
                double[] b = p[(i + 1) % n * m + j];
                double[] c = p[(i + 1) % n * m + (j + 1) % m];
                double[] d = p[i * m + (j + 1) % m];
                tris.add(new double[][] {a, b, c});
                tris.add(new double[][] {a, c, d});
            }
        }
        return flatten(tris);
    }

    /** @return the mesh without the triangles whose centroid lies within {@code radius} of {@code centre} */
    static double[] withHole(double[] mesh, double[] centre, double radius) {
        double[] out = new double[mesh.length];
        int kept = 0;
        for (int o = 0; o < mesh.length; o += 9) {
            double q = 0;
            for (int j = 0; j < 3; j++) {
                double c = (mesh[o + j] + mesh[o + 3 + j] + mesh[o + 6 + j]) / 3 - centre[j];
                q += c * c;
            }
            if (q > radius * radius) {
                System.arraycopy(mesh, o, out, kept, 9);
                kept += 9;
            }
        }
        return java.util.Arrays.copyOf(out, kept);
    }

    private static List<double[][]> subdivide(List<double[][]> tris, int levels, boolean project) {
        for (int l = 0; l < levels; l++) {
            List<double[][]> next = new ArrayList<>();
            for (double[][] t : tris) {
                double[] ab = mid(t[0], t[1], project);
                double[] bc = mid(t[1], t[2], project);
                double[] ca = mid(t[2], t[0], project);
                next.add(new double[][] {t[0], ab, ca});
                next.add(new double[][] {t[1], bc, ab});
                next.add(new double[][] {t[2], ca, bc});
                next.add(new double[][] {ab, bc, ca});
            }
            tris = next;
        }
        return tris;
    }

    private static double[] flatten(List<double[][]> tris) {
        double[] out = new double[9 * tris.size()];
        for (int i = 0; i < tris.size(); i++) {
            for (int k = 0; k < 3; k++) {
                System.arraycopy(tris.get(i)[k], 0, out, 9 * i + 3 * k, 3);
            }
        }
        return out;
    }

    /** The midpoint, the same whichever way round the edge is (a + b = b + a in floating point). */
    private static double[] mid(double[] a, double[] b, boolean project) {
        double[] m = {(a[0] + b[0]) / 2, (a[1] + b[1]) / 2, (a[2] + b[2]) / 2};
        return project ? unit(m) : m;
    }

    private static double[] unit(double[] a) {
        double r = Math.sqrt(a[0] * a[0] + a[1] * a[1] + a[2] * a[2]);
        return new double[] {a[0] / r, a[1] / r, a[2] / r};
    }
}

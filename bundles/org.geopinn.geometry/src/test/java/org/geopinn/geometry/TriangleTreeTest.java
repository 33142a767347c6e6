package org.geopinn.geometry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The spatial index of a triangle mesh finds the same least distance as trying every triangle, on a
 * sphere of 1280 triangles (an icosahedron subdivided three times), and tries far fewer triangles.
 */
class TriangleTreeTest {
    @Test
    void theNearestTriangleIsTheBruteForceOne() {
        double[] vertices = icosphere(3);
        TriangleMesh mesh = TriangleMesh.of(vertices, "icosphere");
        assertEquals(1280, mesh.triangles());
        TriangleTree tree = new TriangleTree(vertices);
        Random random = new Random(7);
        int[] calls = new int[1];
        TriangleTree.Distance counted = (x, t, nearest) -> {
            calls[0]++;
            return mesh.distanceSquared(x, t, nearest);
        };
        int points = 2000;
        for (int i = 0; i < points; i++) {
            // half anywhere around the sphere, half within 1e-3 of its surface (where neighbours nearly tie)
            double[] x = new double[3];
            for (int j = 0; j < 3; j++) {
                x[j] = -2 + 4 * random.nextDouble();
            }
            if (i % 2 == 1) {
                double r = Math.sqrt(x[0] * x[0] + x[1] * x[1] + x[2] * x[2]);
                double s = (1 + 1e-3 * (2 * random.nextDouble() - 1)) / r;
                for (int j = 0; j < 3; j++) {
                    x[j] *= s;
                }
            }
            double[] byTree = new double[3];
            double[] byAll = new double[3];
            int t = tree.nearest(x, counted, byTree);
            int u = mesh.nearestTriangleByEveryTriangle(x, byAll);
            double[] p = new double[3];
            double dTree = mesh.distanceSquared(x, t, p);
            double dAll = mesh.distanceSquared(x, u, p);
            assertEquals(dAll, dTree, 0.0, "least squared distance at point " + i);
            assertEquals(Math.sqrt(dAll), Math.sqrt(dist2(x, byTree)), 1e-15);
        }
        double perPoint = calls[0] / (double) points;
        System.out.println("triangle tree: " + perPoint + " triangle distances per point of 1280 triangles");
        assertTrue(perPoint < 1280 / 10.0, "the index tries " + perPoint + " triangles per point");
        // the mesh's own answers go through the index and agree with the sphere
        assertTrue(Math.abs(mesh.signedDistance(new double[] {0, 0, 2}) - 1) < 1e-2);
        assertTrue(mesh.signedDistance(new double[] {0.1, 0.2, 0.3}) < 0);
    }

    private static double dist2(double[] x, double[] p) {
        return (x[0] - p[0]) * (x[0] - p[0]) + (x[1] - p[1]) * (x[1] - p[1]) + (x[2] - p[2]) * (x[2] - p[2]);
    }

    /** An outward-wound icosahedron subdivided {@code levels} times, its vertices pushed onto the unit sphere. */
    private static double[] icosphere(int levels) {
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
        for (int l = 0; l < levels; l++) {
            List<double[][]> next = new ArrayList<>();
            for (double[][] t : tris) {
                double[] ab = unit(mid(t[0], t[1]));
                double[] bc = unit(mid(t[1], t[2]));
                double[] ca = unit(mid(t[2], t[0]));
                next.add(new double[][] {t[0], ab, ca});
                next.add(new double[][] {t[1], bc, ab});
                next.add(new double[][] {t[2], ca, bc});
                next.add(new double[][] {ab, bc, ca});
            }
            tris = next;
        }
        double[] out = new double[9 * tris.size()];
        for (int i = 0; i < tris.size(); i++) {
            for (int k = 0; k < 3; k++) {
                System.arraycopy(tris.get(i)[k], 0, out, 9 * i + 3 * k, 3);
            }
        }
        return out;
    }

    private static double[] mid(double[] a, double[] b) {
        return new double[] {(a[0] + b[0]) / 2, (a[1] + b[1]) / 2, (a[2] + b[2]) / 2};
    }

    private static double[] unit(double[] a) {
        double r = Math.sqrt(a[0] * a[0] + a[1] * a[1] + a[2] * a[2]);
        return new double[] {a[0] / r, a[1] / r, a[2] / r};
    }
}

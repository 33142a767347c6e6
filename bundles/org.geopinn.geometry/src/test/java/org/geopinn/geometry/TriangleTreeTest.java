package org.geopinn.geometry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The spatial index of a triangle mesh finds the same least distance as trying every triangle, on a
 * sphere of 1280 triangles (an icosahedron subdivided three times), and tries far fewer triangles.
 */
class TriangleTreeTest {
    @Test
    void theNearestTriangleIsTheBruteForceOne() {
        double[] vertices = Meshes.icosphere(3);
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
}

package org.geopinn.geometry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.geopinn.api.geometry.BoundarySample;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * The sub-linear inside test and signed distance of a triangle mesh (the fast winding number and the
 * nearest triangle by the hierarchy) give the brute-force answer (every triangle's solid angle and
 * distance) on closed meshes, convex and not, at random points around them, at points within 10⁻² to
 * 10⁻¹⁰ of the surface on either side, and at points next to vertices and edges (where a ray's parity
 * would need special cases); and the fast winding number follows the exact one on a surface with a hole.
 */
class FastWindingNumberTest {
    /** Largest difference allowed between the fast and the exact winding number. */
    private static final double WINDING_TOLERANCE = 5e-3;

    @ParameterizedTest
    @ValueSource(strings = {"icosphere", "cube", "l-prism", "torus"})
    void theSignedDistanceIsTheBruteForceOne(String name) {
        TriangleMesh mesh = TriangleMesh.of(mesh(name), name);
        SplittableRandom random = new SplittableRandom(11);
        double[] lo = mesh.lower();
        double[] hi = mesh.upper();
        int checked = 0;
        int inside = 0;
        double worst = 0;
        double[] x = new double[3];
        // anywhere in the box grown by a quarter on each side
        for (int i = 0; i < 3000; i++) {
            for (int j = 0; j < 3; j++) {
                double w = hi[j] - lo[j];
                x[j] = lo[j] - w / 4 + 1.5 * w * random.nextDouble();
            }
            worst = Math.max(worst, compare(mesh, x, name + " random point " + i));
            inside += mesh.signedDistanceByEveryTriangle(x) < 0 ? 1 : 0;
            checked++;
        }
        // just off the surface on either side, at every scale down to 1e-10
        BoundarySample s = mesh.sampleBoundary(java.util.List.of(), 600, 5);
        double[] offsets = {1e-2, -1e-2, 1e-4, -1e-4, 1e-7, -1e-7, 1e-10, -1e-10};
        for (int i = 0; i < 600; i++) {
            double h = offsets[i % offsets.length];
            for (int j = 0; j < 3; j++) {
                x[j] = s.points()[3 * i + j] + h * s.normals()[3 * i + j];
            }
            double sd = compare(mesh, x, name + " point " + h + " off the surface");
            worst = Math.max(worst, sd);
            assertEquals(Math.signum(h), Math.signum(mesh.signedDistance(x)), name + ": side of a point " + h + " along the normal");
            checked++;
        }
        // next to vertices and edge midpoints, in random directions (in line with edges and faces)
        double[] v = mesh(name);
        for (int i = 0; i < 600; i++) {
            int t = random.nextInt(v.length / 9);
            int k = random.nextInt(3);
            double along = i % 2 == 0 ? 0 : 0.5; // a vertex, or the midpoint of an edge
            double h = Math.pow(10, -2 - random.nextInt(8));
            double[] dir = {random.nextDouble() - 0.5, random.nextDouble() - 0.5, random.nextDouble() - 0.5};
            if (i % 6 == 1) { // exactly along an axis: in the plane of the flat faces
                dir = new double[] {0, 0, 0};
                dir[random.nextInt(3)] = random.nextBoolean() ? 1 : -1;
            }
            for (int j = 0; j < 3; j++) {
                double a = v[9 * t + 3 * k + j];
                double b = v[9 * t + 3 * ((k + 1) % 3) + j];
                x[j] = a + along * (b - a) + h * dir[j];
            }
            worst = Math.max(worst, compare(mesh, x, name + " point near a vertex or an edge"));
            checked++;
        }
        System.out.println(name + " (" + mesh.triangles() + " triangles): " + checked + " points, " + inside
                + " of the random ones inside; largest |fast − exact winding number| " + worst);
        assertTrue(inside > 100 && inside < 2900, name + ": " + inside + " random points inside");
    }

    /** Same distance, same sign, winding numbers within the tolerance; returns their difference. */
    private static double compare(TriangleMesh mesh, double[] x, String what) {
        double fast = mesh.signedDistance(x);
        double exact = mesh.signedDistanceByEveryTriangle(x);
        assertEquals(exact, fast, 0.0, what + " at " + java.util.Arrays.toString(x));
        assertEquals(exact < 0, mesh.contains(x) && fast != 0, what + ": contains");
        double w = mesh.windingNumber(x);
        double we = mesh.windingNumberByEveryTriangle(x);
        assertEquals(we, w, WINDING_TOLERANCE, what + ": winding number at " + java.util.Arrays.toString(x));
        return Math.abs(w - we);
    }

    private static double[] mesh(String name) {
        return switch (name) {
            case "icosphere" -> Meshes.icosphere(4); // 5120 triangles
            case "cube" -> Meshes.cube(3); // 768
            case "l-prism" -> Meshes.lPrism(3); // 1280
            case "torus" -> Meshes.torus(60, 30); // 3600
            default -> throw new IllegalArgumentException(name);
        };
    }

    /** On a closed mesh the exact winding number is 0 or 1 off the surface; the fast one stays within the tolerance of it. */
    @Test
    void interiorSamplesAreInsideByTheBruteForce() {
        TriangleMesh mesh = TriangleMesh.of(Meshes.torus(40, 20), "torus");
        double[] points = mesh.sampleInterior(500, 3);
        for (int i = 0; i < 500; i++) {
            double[] x = {points[3 * i], points[3 * i + 1], points[3 * i + 2]};
            assertTrue(mesh.signedDistanceByEveryTriangle(x) < 0, "interior sample " + i);
            double rho = Math.hypot(x[0], x[1]) - 1; // and inside the smooth torus it approximates, give or take the facets
            assertTrue(rho * rho + x[2] * x[2] < 0.41 * 0.41, "interior sample " + i + " in the torus");
        }
    }

    /** A sphere with a small hole (an open surface): the fast winding number follows the exact sum. */
    @Test
    void aSurfaceWithAHoleFollowsTheExactWindingNumber() {
        double[] open = Meshes.withHole(Meshes.icosphere(4), new double[] {0, 0, 1}, 0.15);
        int removed = 5120 - open.length / 9;
        assertTrue(removed > 10 && removed < 200, removed + " triangles removed");
        TriangleTree tree = new TriangleTree(open);
        FastWindingNumber fast = new FastWindingNumber(tree, open);
        SplittableRandom random = new SplittableRandom(2);
        double worst = 0;
        int between = 0;
        for (int i = 0; i < 3000; i++) {
            double[] x = new double[3];
            if (i % 2 == 0) { // anywhere
                for (int j = 0; j < 3; j++) {
                    x[j] = -1.5 + 3 * random.nextDouble();
                }
            } else { // near the hole, where the winding number passes through every value between 0 and 1
                x[0] = 0.3 * (random.nextDouble() - 0.5);
                x[1] = 0.3 * (random.nextDouble() - 0.5);
                x[2] = 0.8 + 0.4 * random.nextDouble();
            }
            double exact = 0;
            for (int t = 0; t < open.length / 9; t++) {
                exact += FastWindingNumber.solidAngle(open, 9 * t, x);
            }
            exact /= 4 * Math.PI;
            double w = fast.at(x);
            assertEquals(exact, w, WINDING_TOLERANCE, "winding number at " + java.util.Arrays.toString(x));
            worst = Math.max(worst, Math.abs(w - exact));
            if (exact > 0.1 && exact < 0.9) {
                between++;
            }
            if (Math.abs(exact - 0.5) > WINDING_TOLERANCE) {
                assertEquals(exact > 0.5, w > 0.5, "side at " + java.util.Arrays.toString(x));
            }
        }
        System.out.println("sphere with a hole of " + removed + " triangles: largest |fast − exact| " + worst + ", " + between
                + " points with a winding number between 0.1 and 0.9");
        assertTrue(between > 50, between + " points where the hole makes the winding number fractional");
    }

    /**
     * The cost of a query grows far slower than T: on tori of 10³ and 10⁴ triangles, the triangle
     * distances, exact solid angles and far-field expansions of one signed distance, averaged over
     * 2000 points in the bounding box, are under a twentieth of the brute force's 2T on the larger one
     * and grow by less than 3× for 10× the triangles.
     */
    @Test
    void aQueryCostsFarFewerThanTTriangles() {
        double[] perQuery = new double[2];
        int[][] sizes = {{20, 25}, {50, 100}};
        for (int k = 0; k < 2; k++) {
            TriangleMesh mesh = TriangleMesh.of(Meshes.torus(sizes[k][0], sizes[k][1]), "torus");
            SplittableRandom random = new SplittableRandom(4);
            double[] lo = mesh.lower();
            double[] hi = mesh.upper();
            long[] work = new long[3];
            for (int i = 0; i < 2000; i++) {
                double[] x = new double[3];
                for (int j = 0; j < 3; j++) {
                    x[j] = lo[j] + (hi[j] - lo[j]) * random.nextDouble();
                }
                assertEquals(mesh.signedDistance(x), mesh.signedDistanceCounted(x, work), 0.0);
            }
            perQuery[k] = (work[0] + work[1] + work[2]) / 2000.0;
            System.out.println("torus of " + mesh.triangles() + " triangles: " + work[0] / 2000.0 + " triangle distances, " + work[1] / 2000.0
                    + " solid angles, " + work[2] / 2000.0 + " expansions per query");
        }
        // the brute force takes 2T: a distance and a solid angle per triangle
        assertTrue(perQuery[1] < 2 * 10_000 / 20.0, perQuery[1] + " operations per query for 10⁴ triangles");
        assertTrue(perQuery[1] < 3 * perQuery[0], "10× the triangles cost " + perQuery[1] / perQuery[0] + "× the work");
    }
}

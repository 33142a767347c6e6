package org.geopinn.geometry;

import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;

/**
 * Queries per second of a triangle mesh's signed distance and inside test for T = 10² … 10⁵ triangles
 * (tori of 5×10 … 200×250 quads), by every triangle (the O(T) brute force), with the nearest triangle
 * from the tree but the winding number by every triangle (the mesh before the fast winding number),
 * and now (tree and fast winding number). Points uniform in the bounding box, as interior sampling
 * draws them, per second of the thread's CPU time; also the work per query that does not depend on the load (triangle distances, exact
 * solid angles and far-field expansions, over 10⁴ points). Not a test (timings depend on the machine's load); run after
 * {@code mvn -o -pl bundles/org.geopinn.geometry test-compile}:
 *
 * <pre>
 * java -cp bundles/org.geopinn.geometry/target/classes:bundles/org.geopinn.geometry/target/test-classes:bundles/org.geopinn.api/target/classes \
 *     org.geopinn.geometry.TriangleMeshBenchmark
 * </pre>
 */
public final class TriangleMeshBenchmark {
    private TriangleMeshBenchmark() {
    }

    /** @param args ignored */
    public static void main(String[] args) {
        int[][] sizes = {{5, 10}, {20, 25}, {50, 100}, {200, 250}};
        System.out.println("| T | build (ms CPU) | every triangle (q/s) | tree distance + every-triangle winding (q/s) | tree + fast winding (q/s) | inside test alone, fast (q/s) | speed-up | triangle distances / query | solid angles / query | expansions / query |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|");
        for (int[] s : sizes) {
            double[] v = Meshes.torus(s[0], s[1]);
            java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
            long t0 = cpu.getCurrentThreadCpuTime();
            TriangleMesh mesh = TriangleMesh.of(v, "torus");
            double build = (cpu.getCurrentThreadCpuTime() - t0) / 1e6;
            double brute = rate(mesh, mesh::signedDistanceByEveryTriangle);
            double before = rate(mesh, x -> {
                double[] p = new double[3];
                mesh.nearestTriangleByTree(x, p);
                double d = Math.sqrt((x[0] - p[0]) * (x[0] - p[0]) + (x[1] - p[1]) * (x[1] - p[1]) + (x[2] - p[2]) * (x[2] - p[2]));
                return mesh.windingNumberByEveryTriangle(x) > 0.5 ? -d : d;
            });
            double now = rate(mesh, mesh::signedDistance);
            double inside = rate(mesh, x -> mesh.strictlyInside(x) ? 1 : 0);
            long[] work = new long[3];
            SplittableRandom random = new SplittableRandom(3);
            int counted = 10_000;
            double[] lo = mesh.lower();
            double[] hi = mesh.upper();
            for (int i = 0; i < counted; i++) {
                double[] x = new double[3];
                for (int j = 0; j < 3; j++) {
                    x[j] = lo[j] + (hi[j] - lo[j]) * random.nextDouble();
                }
                mesh.signedDistanceCounted(x, work);
            }
            System.out.printf("| %d | %.0f | %.3g | %.3g | %.3g | %.3g | %.0f× | %.0f | %.0f | %.0f |%n", mesh.triangles(), build, brute,
                    before, now, inside, now / before, work[0] / (double) counted, work[1] / (double) counted,
                    work[2] / (double) counted);
        }
    }

    /**
     * Queries per second of this thread's CPU time (not wall-clock: on a loaded machine the thread
     * waits for a core, which CPU time leaves out), over at least 0.5 s of it, after a warm-up of the
     * same length.
     */
    private static double rate(TriangleMesh mesh, ToDoubleFunction<double[]> query) {
        java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
        double[] lo = mesh.lower();
        double[] hi = mesh.upper();
        double sink = 0;
        double result = 0;
        for (int round = 0; round < 2; round++) {
            SplittableRandom random = new SplittableRandom(1);
            double[] x = new double[3];
            long start = cpu.getCurrentThreadCpuTime();
            long n = 0;
            while (n < 20 || cpu.getCurrentThreadCpuTime() - start < 500_000_000L) {
                for (int j = 0; j < 3; j++) {
                    x[j] = lo[j] + (hi[j] - lo[j]) * random.nextDouble();
                }
                sink += query.applyAsDouble(x);
                n++;
            }
            result = n / ((cpu.getCurrentThreadCpuTime() - start) / 1e9);
        }
        if (sink == 42.4242) {
            System.out.println(); // keeps the queries from being optimised away
        }
        return result;
    }
}

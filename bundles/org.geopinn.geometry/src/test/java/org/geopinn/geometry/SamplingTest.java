package org.geopinn.geometry;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.geopinn.api.geometry.BoundarySample;
import org.geopinn.api.geometry.Geometry;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** Boundary samples on the boundary with unit outward normals; uniformity by chi-square on cells. */
class SamplingTest {
    static Stream<Arguments> shapes() {
        return Stream.of(
                Arguments.of("interval", Shapes.interval(-1, 2)),
                Arguments.of("rectangle", Shapes.rectangle(0, 0, 2, 1)),
                Arguments.of("cube", Shapes.box(new double[] {0, 0, 0}, new double[] {1, 2, 3})),
                Arguments.of("disk", Shapes.disk(0.3, -0.2, 0.7)),
                Arguments.of("ball", Shapes.ball(new double[] {0, 0, 0}, 1)),
                Arguments.of("ellipse", Shapes.ellipse(1, 1, 3, 0.5)),
                Arguments.of("L-shape", ShapesTest.lShape()),
                Arguments.of("triangle", Shapes.triangle(0, 0, 1, 0, 0.3, 0.8)),
                Arguments.of("plate with hole", ShapesTest.plateWithHole()),
                Arguments.of("union", Shapes.disk(0, 0, 1).union(Shapes.rectangle(0, -0.5, 2, 0.5))),
                Arguments.of("lens", Shapes.disk(0, 0, 1).intersect(Shapes.disk(1, 0, 1))),
                Arguments.of("rotated ellipse", Shapes.ellipse(0, 0, 2, 1).rotate(0.7, 1, 0).scale(1.5).translate(0.2, 0.1)),
                Arguments.of("space-time plate", ShapesTest.plateWithHole().overTime(0, 1)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shapes")
    void boundarySamplesLieOnTheBoundaryWithUnitOutwardNormals(String name, Shape shape) {
        int d = shape.dimension();
        BoundarySample s = shape.sampleBoundary(List.of(), 2000, 42);
        assertEquals(2000, s.size());
        double[] p = new double[d];
        double[] n = new double[d];
        double[] recomputed = new double[d];
        double h = 1e-6;
        for (int i = 0; i < s.size(); i++) {
            System.arraycopy(s.points(), i * d, p, 0, d);
            System.arraycopy(s.normals(), i * d, n, 0, d);
            assertTrue(Math.abs(shape.signedDistance(p)) <= 1e-12, name + ": |sd| = " + Math.abs(shape.signedDistance(p)));
            double norm = 0;
            for (double v : n) {
                norm += v * v;
            }
            assertEquals(1, Math.sqrt(norm), 1e-12, name + ": normal length");
            assertTrue(shape.signedDistance(shift(p, n, h)) > 0, name + ": the normal points out");
            assertTrue(shape.signedDistance(shift(p, n, -h)) < 0, name + ": minus the normal points in");
            shape.normal(p, recomputed);
            assertArrayEquals(n, recomputed, 1e-9, name + ": the carried normal is the shape's normal at the point");
        }
        double[] inside = shape.sampleInterior(500, 7);
        for (int i = 0; i < 500; i++) {
            System.arraycopy(inside, i * d, p, 0, d);
            assertTrue(shape.signedDistance(p) < 0, name + ": interior sample inside");
        }
        assertArrayEquals(inside, shape.sampleInterior(500, 7), 0, "same seed, same points");
        assertArrayEquals(s.points(), shape.sampleBoundary(List.of(), 2000, 42).points(), 0, "same seed, same points");
    }

    private static double[] shift(double[] p, double[] n, double h) {
        double[] q = p.clone();
        for (int j = 0; j < q.length; j++) {
            q[j] += h * n[j];
        }
        return q;
    }

    /** Pearson's statistic of counts against expected counts. */
    static double chiSquare(int[] counts, double[] expected) {
        double x = 0;
        for (int k = 0; k < counts.length; k++) {
            x += (counts[k] - expected[k]) * (counts[k] - expected[k]) / expected[k];
        }
        return x;
    }

    /** The 0.999 quantile of χ² with k degrees of freedom (Wilson–Hilferty, accurate to about 1 % here). */
    static double critical(int k) {
        double z = 3.090232; // Φ⁻¹(0.999)
        double a = 2.0 / (9 * k);
        return k * Math.pow(1 - a + z * Math.sqrt(a), 3);
    }

    /** Cells of the L-shape: the three unit squares each cut into 4×4, area 1/16 each. */
    static int lCell(double x, double y) {
        int i = (int) Math.min(7, Math.floor(x * 4));
        int j = (int) Math.min(7, Math.floor(y * 4));
        int square = i < 4 && j < 4 ? 0 : i >= 4 ? 1 : 2;
        return square * 16 + (i % 4) * 4 + j % 4;
    }

    @Test
    void interiorSamplesAreUniformByArea() {
        int n = 48_000;
        double[] p = ShapesTest.lShape().sampleInterior(n, 11);
        int[] counts = new int[48];
        for (int i = 0; i < n; i++) {
            counts[lCell(p[2 * i], p[2 * i + 1])]++;
        }
        double[] expected = new double[48];
        java.util.Arrays.fill(expected, n / 48.0);
        double x = chiSquare(counts, expected);
        assertTrue(x < critical(47), "chi-square " + x + " of 47 degrees of freedom");
        // The same test refuses a sample crowded toward the origin (u² instead of u per axis on the unit square).
        SplittableRandom r = new SplittableRandom(11);
        int[] biased = new int[16];
        for (int i = 0; i < 16_000; i++) {
            double a = Math.pow(r.nextDouble(), 1.1);
            double b = r.nextDouble();
            biased[lCell(a, b)]++;
        }
        double[] flat = new double[16];
        java.util.Arrays.fill(flat, 1000);
        assertTrue(chiSquare(biased, flat) > critical(15), "a 10 % density tilt is detected");
    }

    @Test
    void diskInteriorIsUniformInPolarCells() {
        int n = 40_000;
        double[] p = Shapes.disk(0, 0, 1).sampleInterior(n, 5);
        int rings = 5;
        int sectors = 8;
        int[] counts = new int[rings * sectors];
        for (int i = 0; i < n; i++) {
            double r2 = p[2 * i] * p[2 * i] + p[2 * i + 1] * p[2 * i + 1];
            int ring = (int) Math.min(rings - 1, r2 * rings); // equal-area rings: r² in [k/5, (k+1)/5)
            int sector = (int) Math.min(sectors - 1, (Math.atan2(p[2 * i + 1], p[2 * i]) + Math.PI) / (2 * Math.PI) * sectors);
            counts[ring * sectors + sector]++;
        }
        double[] expected = new double[rings * sectors];
        java.util.Arrays.fill(expected, (double) n / expected.length);
        double x = chiSquare(counts, expected);
        assertTrue(x < critical(expected.length - 1), "chi-square " + x);
    }

    @Test
    void boundarySamplesAreUniformByLength() {
        // Plate with a hole: four sides cut in four (length 0.25 each) and the hole in eight arcs.
        int n = 40_000;
        Shape plate = ShapesTest.plateWithHole();
        double[] p = plate.sampleBoundary(List.of(), n, 9).points();
        int[] counts = new int[24];
        double[] expected = new double[24];
        double hole = 2 * Math.PI * 0.2;
        double total = 4 + hole;
        for (int k = 0; k < 16; k++) {
            expected[k] = n * 0.25 / total;
        }
        for (int k = 16; k < 24; k++) {
            expected[k] = n * hole / 8 / total;
        }
        for (int i = 0; i < n; i++) {
            double x = p[2 * i];
            double y = p[2 * i + 1];
            int cell;
            if (Math.abs(Math.hypot(x - 0.5, y - 0.5) - 0.2) < 1e-9) {
                cell = 16 + (int) Math.min(7, (Math.atan2(y - 0.5, x - 0.5) + Math.PI) / (2 * Math.PI) * 8);
            } else if (x == 0 || x == 1) {
                cell = (x == 0 ? 0 : 4) + (int) Math.min(3, y * 4);
            } else {
                cell = (y == 0 ? 8 : 12) + (int) Math.min(3, x * 4);
            }
            counts[cell]++;
        }
        double x = chiSquare(counts, expected);
        assertTrue(x < critical(23), "chi-square " + x);
    }

    @Test
    void ellipseBoundaryIsUniformByArcLength() {
        // 16 cells by parameter angle; expected counts proportional to each cell's arc length.
        double a = 3;
        double b = 0.5;
        int cells = 16;
        double[] length = new double[cells];
        int m = 4096;
        for (int k = 0; k < cells * m; k++) {
            double t = 2 * Math.PI * (k + 0.5) / (cells * m);
            length[k / m] += Math.hypot(a * Math.sin(t), b * Math.cos(t)) * 2 * Math.PI / (cells * m);
        }
        double perimeter = java.util.Arrays.stream(length).sum();
        int n = 32_000;
        double[] p = Shapes.ellipse(0, 0, a, b).sampleBoundary(List.of(), n, 13).points();
        int[] counts = new int[cells];
        for (int i = 0; i < n; i++) {
            double t = Math.atan2(p[2 * i + 1] / b, p[2 * i] / a);
            counts[(int) Math.min(cells - 1, (t < 0 ? t + 2 * Math.PI : t) / (2 * Math.PI) * cells)]++;
        }
        double[] expected = new double[cells];
        for (int k = 0; k < cells; k++) {
            expected[k] = n * length[k] / perimeter;
        }
        double x = chiSquare(counts, expected);
        assertTrue(x < critical(cells - 1), "chi-square " + x);
        // Uniform in the parameter instead would crowd the ends of the major axis: refused.
        double[] byParameter = new double[cells];
        java.util.Arrays.fill(byParameter, (double) n / cells);
        assertTrue(chiSquare(counts, byParameter) > critical(cells - 1));
    }

    @Test
    void spaceTimeInitialFaceIsTheSpatialInterior() {
        Shape st = ShapesTest.plateWithHole().overTime(0, 1);
        BoundarySample s = st.sampleBoundary(List.of(Geometry.INITIAL), 300, 1);
        Shape plate = ShapesTest.plateWithHole();
        for (int i = 0; i < 300; i++) {
            assertEquals(0, s.points()[3 * i]);
            assertEquals(-1, s.normals()[3 * i]);
            assertTrue(plate.signedDistance(new double[] {s.points()[3 * i + 1], s.points()[3 * i + 2]}) < 0);
        }
    }
}

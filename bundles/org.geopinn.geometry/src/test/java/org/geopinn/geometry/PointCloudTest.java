package org.geopinn.geometry;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.geopinn.api.GeopinnException;
import org.geopinn.api.geometry.BoundarySample;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The unit disk as a cloud: 400 interior points on a polar grid, 200 boundary points, two parts. */
class PointCloudTest {
    private static final int B = 200;

    static String interiorCsv() {
        StringBuilder s = new StringBuilder("x,y,ignored\n");
        for (int r = 1; r <= 10; r++) {
            for (int k = 0; k < 40; k++) {
                double a = 2 * Math.PI * k / 40;
                double rho = 0.095 * r;
                s.append(rho * Math.cos(a)).append(',').append(rho * Math.sin(a)).append(",7\n");
            }
        }
        return s.toString();
    }

    static String boundaryCsv() {
        StringBuilder s = new StringBuilder("# the unit circle\nx,y,n_x,n_y,part\n");
        for (int k = 0; k < B; k++) {
            double a = 2 * Math.PI * (k + 0.5) / B;
            double c = Math.cos(a);
            double sn = Math.sin(a);
            // normals written with length 2: the cloud normalises them
            s.append(c).append(',').append(sn).append(',').append(2 * c).append(',').append(2 * sn).append(',')
                    .append(c > 0 ? "outlet" : "wall").append('\n');
        }
        return s.toString();
    }

    static PointCloud disk(Path dir) throws Exception {
        Path in = Files.writeString(dir.resolve("in.csv"), interiorCsv());
        Path b = Files.writeString(dir.resolve("b.csv"), boundaryCsv());
        return PointCloud.read(List.of("x", "y"), in, b);
    }

    @Test
    void insideOutsideDistanceAndNormalsOfTheDisk(@TempDir Path dir) throws Exception {
        PointCloud g = disk(dir);
        assertEquals(2, g.dimension());
        assertEquals(List.of("outlet", "wall"), g.boundaryParts());
        assertTrue(g.contains(new double[] {0, 0}));
        assertTrue(g.contains(new double[] {0.9, 0.1}));
        assertFalse(g.contains(new double[] {1.1, 0}));
        assertFalse(g.contains(new double[] {-0.8, -0.8}));
        // distances are to the nearest cloud point, at most half a spacing δ = π/200 along the circle from the
        // nearest point of the curve: |x − b| exceeds the true distance r by about ρδ²/(2r) ≤ 4e-4 here
        assertEquals(-1.0, g.signedDistance(new double[] {0, 0}), 1e-12);
        assertEquals(0.5, g.signedDistance(new double[] {1.5, 0}), 5e-4);
        assertEquals(-0.5, g.signedDistance(new double[] {0, -0.5}), 5e-4);
        double[] n = new double[2];
        g.normal(new double[] {0.7, 0.7}, n);
        assertEquals(1.0, Math.hypot(n[0], n[1]), 1e-14);
        assertEquals(Math.PI / 4, Math.atan2(n[1], n[0]), Math.PI / B + 1e-12);
        assertArrayEquals(new double[] {-1, -1}, g.lower(), 1e-3);
        assertArrayEquals(new double[] {1, 1}, g.upper(), 1e-3);
        // volume π and the two half circles π each, to the resolution of the cloud
        assertEquals(Math.PI, g.volume(), 0.02 * Math.PI);
        assertEquals(Math.PI, g.boundaryMeasure("outlet"), 1e-3 * Math.PI);
        assertEquals(Math.PI, g.boundaryMeasure("wall"), 1e-3 * Math.PI);
    }

    @Test
    void samplesComeFromTheCloudAndAreReproducible(@TempDir Path dir) throws Exception {
        PointCloud g = disk(dir);
        double[] a = g.sampleInterior(300, 5);
        assertArrayEquals(a, g.sampleInterior(300, 5));
        assertFalse(java.util.Arrays.equals(a, g.sampleInterior(300, 6)));
        Set<String> distinct = new HashSet<>();
        for (int i = 0; i < 300; i++) {
            double r = Math.hypot(a[2 * i], a[2 * i + 1]);
            assertEquals(0, Math.round(r / 0.095 * 1e6) % 1_000_000, "a point of the polar grid: r = " + r);
            distinct.add(a[2 * i] + "," + a[2 * i + 1]);
        }
        assertEquals(300, distinct.size(), "no point twice while the cloud has enough");
        BoundarySample s = g.sampleBoundary(List.of("outlet"), 50, 3);
        assertEquals(50, s.size());
        for (int i = 0; i < 50; i++) {
            double x = s.points()[2 * i];
            double y = s.points()[2 * i + 1];
            assertTrue(x > 0, "outlet points have x > 0");
            assertEquals(1.0, Math.hypot(x, y), 1e-12);
            assertEquals(x, s.normals()[2 * i], 1e-12, "the normal of a circle point is the point");
        }
        assertEquals(100, g.boundaryCount(List.of("wall")));
        assertEquals(B, g.boundaryCount(List.of()));
        assertEquals(B, g.sampleBoundary(List.of(), B, 1).size());
    }

    @Test
    void badFilesAreOneLine(@TempDir Path dir) throws Exception {
        Path in = Files.writeString(dir.resolve("in.csv"), interiorCsv());
        Path noNormals = Files.writeString(dir.resolve("nn.csv"), "x,y\n1,0\n0,1\n-1,0\n0,-1\n");
        GeopinnException e = assertThrows(GeopinnException.class, () -> PointCloud.read(List.of("x", "y"), in, noNormals));
        assertEquals("point cloud " + noNormals + ": the header [x, y] has no column 'n_x'; it needs [n_x, n_y]", e.getMessage());
        Path badNumber = Files.writeString(dir.resolve("bn.csv"), "x,y,n_x,n_y\n1,0,1,0\n0,one,0,1\n");
        e = assertThrows(GeopinnException.class, () -> PointCloud.read(List.of("x", "y"), in, badNumber));
        assertEquals("point cloud " + badNumber + " line 3: column 2 is 'one', not a finite number", e.getMessage());
        Path zero = Files.writeString(dir.resolve("z.csv"), "x,y,n_x,n_y\n1,0,1,0\n0,1,0,0\n-1,0,-1,0\n0,-1,0,-1\n");
        e = assertThrows(GeopinnException.class, () -> PointCloud.read(List.of("x", "y"), in, zero));
        assertEquals("point cloud: the normal of boundary point 2 is [0.0, 0.0]; it must be a finite non-zero vector", e.getMessage());
        Path few = Files.writeString(dir.resolve("f.csv"), "x,y,n_x,n_y\n1,0,1,0\n");
        e = assertThrows(GeopinnException.class, () -> PointCloud.read(List.of("x", "y"), in, few));
        assertTrue(e.getMessage().startsWith("point cloud: needs at least 4 interior and 4 boundary points"), e.getMessage());
        e = assertThrows(GeopinnException.class, () -> PointCloud.read(List.of("x", "y"), dir.resolve("missing.csv"), few));
        assertTrue(e.getMessage().startsWith("cannot read point cloud " + dir.resolve("missing.csv")), e.getMessage());
        PointCloud g = disk(dir);
        e = assertThrows(GeopinnException.class, () -> g.boundaryMeasure("hole"));
        assertEquals("the point cloud has no boundary part 'hole'; its parts are [outlet, wall]", e.getMessage());
    }
}

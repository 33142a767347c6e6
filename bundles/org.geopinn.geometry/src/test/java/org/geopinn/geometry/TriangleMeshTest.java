package org.geopinn.geometry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.geopinn.api.GeopinnException;
import org.geopinn.api.geometry.BoundarySample;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Triangulated surfaces (STL) as 3-D domains: a hand-written unit cube and tetrahedron, ASCII and
 * binary, against hand values of inside/outside, distance, volume and area; boundary samples on the
 * surface with unit outward normals and uniform by area; one-line refusals of open or damaged files.
 */
class TriangleMeshTest {
    /** The unit cube's corners, corner k at (k & 1, k >> 1 & 1, k >> 2 & 1). */
    private static double[] corner(int k) {
        return new double[] {k & 1, k >> 1 & 1, k >> 2 & 1};
    }

    /** Its 12 triangles, counter-clockwise seen from outside. */
    private static final int[][] CUBE = {
        {0, 2, 3}, {0, 3, 1}, // z = 0, normal −z
        {4, 5, 7}, {4, 7, 6}, // z = 1, +z
        {0, 1, 5}, {0, 5, 4}, // y = 0, −y
        {2, 6, 7}, {2, 7, 3}, // y = 1, +y
        {0, 4, 6}, {0, 6, 2}, // x = 0, −x
        {1, 3, 7}, {1, 7, 5}, // x = 1, +x
    };

    private static String asciiCube(boolean reversed) {
        StringBuilder b = new StringBuilder("solid cube\n");
        for (int[] t : CUBE) {
            b.append("  facet normal 0 0 0\n    outer loop\n");
            int[] order = reversed ? new int[] {t[0], t[2], t[1]} : t;
            for (int k : order) {
                double[] c = corner(k);
                b.append("      vertex ").append(c[0]).append(' ').append(c[1]).append(' ').append(c[2]).append('\n');
            }
            b.append("    endloop\n  endfacet\n");
        }
        return b.append("endsolid cube\n").toString();
    }

    private static byte[] binaryCube() {
        ByteBuffer b = ByteBuffer.allocate(84 + 50 * CUBE.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put(new byte[80]).putInt(CUBE.length);
        for (int[] t : CUBE) {
            b.putFloat(0).putFloat(0).putFloat(0);
            for (int k : t) {
                for (double c : corner(k)) {
                    b.putFloat((float) c);
                }
            }
            b.putShort((short) 0);
        }
        return b.array();
    }

    private static final String TETRAHEDRON = """
            solid tetra
              facet normal 0 0 -1
                outer loop
                  vertex 0 0 0
                  vertex 0 1 0
                  vertex 1 0 0
                endloop
              endfacet
              facet normal 0 -1 0
                outer loop
                  vertex 0 0 0
                  vertex 1 0 0
                  vertex 0 0 1
                endloop
              endfacet
              facet normal -1 0 0
                outer loop
                  vertex 0 0 0
                  vertex 0 0 1
                  vertex 0 1 0
                endloop
              endfacet
              facet normal 0.577 0.577 0.577
                outer loop
                  vertex 1 0 0
                  vertex 0 1 0
                  vertex 0 0 1
                endloop
              endfacet
            endsolid tetra
            """;

    private static Path write(Path dir, String name, byte[] bytes) throws Exception {
        Path f = dir.resolve(name);
        Files.write(f, bytes);
        return f;
    }

    @Test
    void theCubeInAsciiAndBinaryHasItsHandValues(@TempDir Path dir) throws Exception {
        for (Path file : List.of(write(dir, "cube.stl", asciiCube(false).getBytes(StandardCharsets.US_ASCII)),
                write(dir, "cube-binary.stl", binaryCube()), write(dir, "cube-inward.stl", asciiCube(true).getBytes(StandardCharsets.US_ASCII)))) {
            TriangleMesh cube = TriangleMesh.read(file);
            assertEquals(12, cube.triangles());
            assertEquals(1, cube.volume(), 1e-15, file.toString());
            assertEquals(6, cube.boundaryMeasure("boundary"), 1e-15);
            assertEquals(-0.5, cube.signedDistance(new double[] {0.5, 0.5, 0.5}), 1e-15);
            assertEquals(-0.1, cube.signedDistance(new double[] {0.9, 0.5, 0.4}), 1e-15);
            assertEquals(1, cube.signedDistance(new double[] {2, 0.5, 0.5}), 1e-15);
            assertEquals(Math.sqrt(3), cube.signedDistance(new double[] {2, 2, 2}), 1e-15);
            assertEquals(Math.sqrt(2) * 0.5, cube.signedDistance(new double[] {-0.5, 0.3, 1.5}), 1e-15);
            assertTrue(cube.contains(new double[] {0.01, 0.99, 0.5}));
            assertTrue(!cube.contains(new double[] {1.01, 0.5, 0.5}));
            assertEquals(1, cube.windingNumber(new double[] {0.2, 0.7, 0.1}), 1e-12);
            assertEquals(0, cube.windingNumber(new double[] {0.2, 0.7, -0.1}), 1e-12);
            double[] normal = new double[3];
            cube.normal(new double[] {0.5, 0.5, 1.2}, normal);
            assertEquals(List.of(0.0, 0.0, 1.0), List.of(normal[0], normal[1], normal[2]), "outward, also for a file wound inward");
        }
    }

    @Test
    void boundarySamplesLieOnTheSurfaceWithUnitOutwardNormalsUniformByArea(@TempDir Path dir) throws Exception {
        TriangleMesh cube = TriangleMesh.read(write(dir, "cube.stl", asciiCube(false).getBytes(StandardCharsets.US_ASCII)));
        int count = 6000;
        BoundarySample s = cube.sampleBoundary(List.of(), count, 4);
        int[] perFace = new int[6];
        for (int i = 0; i < count; i++) {
            double[] x = {s.points()[3 * i], s.points()[3 * i + 1], s.points()[3 * i + 2]};
            double[] n = {s.normals()[3 * i], s.normals()[3 * i + 1], s.normals()[3 * i + 2]};
            assertTrue(Math.abs(cube.signedDistance(x)) <= 1e-12, "on the surface: " + cube.signedDistance(x));
            assertEquals(1, Math.sqrt(n[0] * n[0] + n[1] * n[1] + n[2] * n[2]), 1e-14);
            int axis = Math.abs(n[0]) == 1 ? 0 : Math.abs(n[1]) == 1 ? 1 : 2;
            assertEquals(n[axis] > 0 ? 1 : 0, x[axis], 1e-15, "the normal is the face's outward one");
            perFace[2 * axis + (n[axis] > 0 ? 1 : 0)]++;
            double[] out = {x[0] + 1e-6 * n[0], x[1] + 1e-6 * n[1], x[2] + 1e-6 * n[2]};
            assertTrue(!cube.contains(out), "a step along the normal leaves the solid");
        }
        // chi-square against 1000 per face, 5 degrees of freedom: 20.5 is the 0.1 % quantile
        double chi2 = 0;
        for (int f : perFace) {
            chi2 += (f - 1000.0) * (f - 1000.0) / 1000.0;
        }
        assertTrue(chi2 < 20.5, "uniform by area: chi² " + chi2);
        double[] inside = cube.sampleInterior(500, 2);
        double mean = 0;
        for (int i = 0; i < 500; i++) {
            assertTrue(cube.contains(new double[] {inside[3 * i], inside[3 * i + 1], inside[3 * i + 2]}));
            mean += inside[3 * i] / 500;
        }
        assertEquals(0.5, mean, 0.05);
    }

    @Test
    void theTetrahedronInTheShapeText(@TempDir Path dir) throws Exception {
        write(dir, "tetra.stl", TETRAHEDRON.getBytes(StandardCharsets.US_ASCII));
        Shape t = ShapeText.parse("stl(\"tetra.stl\") - ball(0, 0, 0, 0.1) as corner", dir);
        assertEquals(List.of("boundary", "corner"), t.boundaryParts());
        TriangleMesh tetra = TriangleMesh.read(dir.resolve("tetra.stl"));
        assertEquals(1.0 / 6, tetra.volume(), 1e-15);
        assertEquals(1.5 + Math.sqrt(3) / 2, tetra.boundaryMeasure("boundary"), 1e-14);
        assertEquals(-0.1, tetra.signedDistance(new double[] {0.1, 0.2, 0.3}), 1e-15);
        assertEquals((1 - 0.9) / Math.sqrt(3) * -1, tetra.signedDistance(new double[] {0.3, 0.3, 0.3}), 1e-15);
        assertEquals((1.5 - 1) / Math.sqrt(3), tetra.signedDistance(new double[] {0.5, 0.5, 0.5}), 1e-15);
        assertTrue(t.contains(new double[] {0.2, 0.2, 0.2}));
        assertTrue(!t.contains(new double[] {0.03, 0.03, 0.03}), "the ball is cut out");
        BoundarySample s = tetra.sampleBoundary(List.of("boundary"), 400, 9);
        for (int i = 0; i < 400; i++) {
            double[] x = {s.points()[3 * i], s.points()[3 * i + 1], s.points()[3 * i + 2]};
            assertTrue(Math.abs(tetra.signedDistance(x)) <= 1e-12);
            double[] n = {s.normals()[3 * i], s.normals()[3 * i + 1], s.normals()[3 * i + 2]};
            // outward: pointing away from the centroid (¼, ¼, ¼)
            assertTrue((x[0] - 0.25) * n[0] + (x[1] - 0.25) * n[1] + (x[2] - 0.25) * n[2] > 0);
        }
    }

    @Test
    void openOrDamagedFilesAreRefusedOnOneLine(@TempDir Path dir) throws Exception {
        String cube = asciiCube(false);
        String open = cube.substring(0, cube.lastIndexOf("  facet normal")) + "endsolid cube\n"; // the last triangle left out
        GeopinnException e = assertThrows(GeopinnException.class, () -> TriangleMesh.read(write(dir, "open.stl",
                open.getBytes(StandardCharsets.US_ASCII))));
        assertTrue(e.getMessage().startsWith("open.stl: the surface is not closed: the edge "), e.getMessage());
        String threeAndOneTwice = TETRAHEDRON.replace("vertex 1 0 0\n      vertex 0 1 0\n      vertex 0 0 1",
                "vertex 1 0 0\n      vertex 0 0 1\n      vertex 0 1 0");
        assertTrue(!threeAndOneTwice.equals(TETRAHEDRON));
        e = assertThrows(GeopinnException.class, () -> TriangleMesh.read(write(dir, "wound.stl",
                threeAndOneTwice.getBytes(StandardCharsets.US_ASCII))));
        assertTrue(e.getMessage().contains("used twice in the same direction"), e.getMessage());
        e = assertThrows(GeopinnException.class, () -> TriangleMesh.read(write(dir, "bad.stl",
                TETRAHEDRON.replace("vertex 0 0 1\n", "vertex 0 zero 1\n").getBytes(StandardCharsets.US_ASCII))));
        assertTrue(e.getMessage().startsWith("bad.stl line "), e.getMessage());
        e = assertThrows(GeopinnException.class, () -> TriangleMesh.read(write(dir, "junk.stl", "hello".getBytes(StandardCharsets.US_ASCII))));
        assertTrue(e.getMessage().contains("not an STL file"), e.getMessage());
        e = assertThrows(GeopinnException.class, () -> ShapeText.parse("stl(\"missing.stl\")", dir));
        assertTrue(e.getMessage().contains("cannot read the STL file"), e.getMessage());
        assertEquals(-1, e.getMessage().indexOf('\n'));
    }
}

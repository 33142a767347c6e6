package org.geopinn.geometry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.geopinn.api.GeopinnException;
import org.geopinn.api.geometry.BoundarySample;
import org.geopinn.api.model.TaylorJet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 3-D primitives beyond boxes and balls: the tetrahedron and the polyhedron (with named faces) against
 * hand values and the box they equal; rotations about an axis in 3-D against the rotated box; STL
 * files of several named solids as named boundary parts.
 */
class Solids3DTest {
    private static final double[] O = {0, 0, 0};
    private static final double[] X = {1, 0, 0};
    private static final double[] Y = {0, 1, 0};
    private static final double[] Z = {0, 0, 1};

    @Test
    void theTetrahedronHasItsHandValues() {
        for (Shape t : List.of(Shapes.tetrahedron(O, X, Y, Z), Shapes.tetrahedron(O, Y, X, Z),
                ShapeText.parse("tetrahedron(0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 1)"))) {
            assertEquals(1.0 / 6, t.volume(), 1e-15);
            assertEquals(-0.1, t.signedDistance(new double[] {0.1, 0.1, 0.1}), 1e-15);
            assertEquals(2 / Math.sqrt(3), t.signedDistance(new double[] {1, 1, 1}), 1e-15); // nearest (⅓, ⅓, ⅓)
            assertEquals(1, t.signedDistance(new double[] {-1, 0, 0}), 1e-15); // nearest the corner O
            assertEquals(1.5 + Math.sqrt(3) / 2, t.boundaryMeasure("boundary"), 1e-14); // three right triangles and an equilateral one of side √2
            double[] n = new double[3];
            t.normal(new double[] {0.2, 0.2, 0.2}, n); // nearest the face x = 0, y = 0 or z = 0: a unit axis, pointing out
            assertEquals(-1, n[0] + n[1] + n[2], 1e-15);
            t.normal(new double[] {0.5, 0.5, 0.5}, n);
            assertEquals(1 / Math.sqrt(3), n[0], 1e-15);
        }
        GeopinnException flat = assertThrows(GeopinnException.class, () -> Shapes.tetrahedron(O, X, Y, new double[] {1, 1, 0}));
        assertTrue(flat.getMessage().contains("no volume"), flat.getMessage());
        assertThrows(GeopinnException.class, () -> ShapeText.parse("tetrahedron(0, 0, 0, 1, 0, 0, 0, 1, 0)"));
    }

    /** The unit cube as six named quadrilaterals equals the box, part by part. */
    @Test
    void aPolyhedronWithNamedFacesIsTheBox() {
        double[] xyz = new double[24];
        for (int k = 0; k < 8; k++) {
            xyz[3 * k] = k & 1;
            xyz[3 * k + 1] = k >> 1 & 1;
            xyz[3 * k + 2] = k >> 2 & 1;
        }
        int[][] faces = {{0, 2, 3, 1}, {4, 5, 7, 6}, {0, 1, 5, 4}, {2, 6, 7, 3}, {0, 4, 6, 2}, {1, 3, 7, 5}};
        List<String> names = List.of("bottom", "top", "front", "back", "sides", "sides");
        TriangleMesh cube = Shapes.polyhedron(xyz, faces, names);
        Shape box = Shapes.box(new double[] {0, 0, 0}, new double[] {1, 1, 1});
        assertEquals(List.of("bottom", "top", "front", "back", "sides"), cube.boundaryParts());
        assertEquals(1, cube.boundaryMeasure("top"), 1e-15);
        assertEquals(2, cube.boundaryMeasure("sides"), 1e-15);
        assertEquals(1, cube.volume(), 1e-15);
        SplittableRandom random = new SplittableRandom(8);
        for (int i = 0; i < 500; i++) {
            double[] x = {-0.5 + 2 * random.nextDouble(), -0.5 + 2 * random.nextDouble(), -0.5 + 2 * random.nextDouble()};
            assertEquals(box.signedDistance(x), cube.signedDistance(x), 1e-14, "at point " + i);
        }
        BoundarySample top = cube.sampleBoundary(List.of("top"), 200, 1);
        BoundarySample sides = cube.sampleBoundary(List.of("sides"), 200, 1);
        int left = 0;
        for (int i = 0; i < 200; i++) {
            assertEquals(1, top.points()[3 * i + 2], 1e-14);
            assertEquals(1, top.normals()[3 * i + 2], 1e-15);
            double x = sides.points()[3 * i];
            assertTrue(Math.abs(x) < 1e-14 || Math.abs(x - 1) < 1e-14, "a side point at x = " + x);
            assertEquals(x < 0.5 ? -1 : 1, sides.normals()[3 * i], 1e-15);
            left += x < 0.5 ? 1 : 0;
        }
        assertTrue(left > 70 && left < 130, left + " of 200 side points on x = 0 (the faces have equal areas)");
        assertThrows(GeopinnException.class, () -> Shapes.polyhedron(xyz, new int[][] {{0, 1, 9}}, null));
        assertThrows(GeopinnException.class, () -> Shapes.polyhedron(xyz, faces, List.of("a")));
        GeopinnException open = assertThrows(GeopinnException.class,
                () -> Shapes.polyhedron(xyz, java.util.Arrays.copyOf(faces, 5), null));
        assertTrue(open.getMessage().contains("not closed"), open.getMessage());
    }

    /** A quarter turn about z, and a third of a turn about (1, 1, 1) that permutes the axes. */
    @Test
    void rotationsAboutAnAxisIn3D() {
        Shape slab = Shapes.box(new double[] {0, 0, 0}, new double[] {2, 1, 0.5});
        Shape quarter = slab.rotateAbout(Math.PI / 2, Z);
        Shape third = ShapeText.parse("rotate(box(0, 0, 0, 2, 1, 0.5), " + 2 * Math.PI / 3 + ", 1, 1, 1)");
        Shape aroundCentre = slab.rotateAbout(Math.PI, X, 0, 0.5, 0.25); // half a turn about its own axis: itself
        Shape quarterBox = Shapes.box(new double[] {-1, 0, 0}, new double[] {0, 2, 0.5});
        Shape thirdBox = Shapes.box(new double[] {0, 0, 0}, new double[] {0.5, 2, 1}); // (x, y, z) → (z, x, y)
        SplittableRandom random = new SplittableRandom(9);
        double[] n = new double[3];
        double[] m = new double[3];
        for (int i = 0; i < 500; i++) {
            double[] x = {-2 + 4 * random.nextDouble(), -1 + 4 * random.nextDouble(), -1 + 3 * random.nextDouble()};
            assertEquals(quarterBox.signedDistance(x), quarter.signedDistance(x), 1e-14, "quarter turn at point " + i);
            assertEquals(thirdBox.signedDistance(x), third.signedDistance(x), 1e-14, "third of a turn at point " + i);
            assertEquals(slab.signedDistance(x), aroundCentre.signedDistance(x), 1e-14, "half turn at point " + i);
            quarter.normal(x, n);
            quarterBox.normal(x, m);
            for (int j = 0; j < 3; j++) {
                assertEquals(m[j], n[j], 1e-14, "normal at point " + i);
            }
        }
        assertEquals(1, quarter.volume(), 1e-14);
        assertEquals(List.of("xmin", "xmax", "ymin", "ymax", "zmin", "zmax"), quarter.boundaryParts());
        assertThrows(GeopinnException.class, () -> Shapes.disk(0, 0, 1).rotateAbout(1, Z));
        assertThrows(GeopinnException.class, () -> slab.rotateAbout(1, O));
        assertThrows(GeopinnException.class, () -> ShapeText.parse("rotate(box(0, 0, 0, 1, 1, 1), 0.5)"));
    }

    /** An ASCII STL of several solids: one boundary part per solid name. */
    @Test
    void severalSolidsInAnStlFileAreNamedParts(@TempDir Path dir) throws Exception {
        int[][] cube = {{0, 2, 3}, {0, 3, 1}, {4, 5, 7}, {4, 7, 6}, {0, 1, 5}, {0, 5, 4}, {2, 6, 7}, {2, 7, 3}, {0, 4, 6}, {0, 6, 2},
            {1, 3, 7}, {1, 7, 5}};
        StringBuilder b = new StringBuilder();
        String[] solid = {"bottom", "lid", "walls", "walls", "walls", "walls"}; // per pair of triangles (a face)
        for (int f = 0; f < 6; f++) {
            if (f == 0 || !solid[f].equals(solid[f - 1])) {
                if (f > 0) {
                    b.append("endsolid ").append(solid[f - 1]).append('\n');
                }
                b.append("solid ").append(solid[f]).append('\n');
            }
            for (int h = 0; h < 2; h++) {
                b.append(" facet normal 0 0 0\n  outer loop\n");
                for (int k : cube[2 * f + h]) {
                    b.append("   vertex ").append(k & 1).append(' ').append(k >> 1 & 1).append(' ').append(k >> 2 & 1).append('\n');
                }
                b.append("  endloop\n endfacet\n");
            }
        }
        b.append("endsolid walls\n");
        Path file = dir.resolve("parts.stl");
        Files.writeString(file, b.toString(), StandardCharsets.US_ASCII);
        Shape mesh = ShapeText.parse("stl(\"parts.stl\")", dir);
        assertEquals(List.of("bottom", "lid", "walls"), mesh.boundaryParts());
        assertEquals(4, mesh.boundaryMeasure("walls"), 1e-15);
        BoundarySample lid = mesh.sampleBoundary(List.of("lid"), 100, 2);
        for (int i = 0; i < 100; i++) {
            assertEquals(1, lid.points()[3 * i + 2], 1e-7);
            assertEquals(1, lid.normals()[3 * i + 2], 1e-15);
        }
        assertEquals(-0.25, mesh.signedDistance(new double[] {0.5, 0.5, 0.75}), 1e-15);
        Shape renamed = ShapeText.parse("rename(stl(\"parts.stl\"), lid, inlet)", dir);
        assertEquals(List.of("bottom", "inlet", "walls"), renamed.boundaryParts());
        // one solid, named or not: the part is "boundary"
        Files.writeString(file, b.toString().replaceAll("(end)?solid \\w+\\n", "").replaceFirst("^", "solid cube\n") + "endsolid cube\n",
                StandardCharsets.US_ASCII);
        assertEquals(List.of("boundary"), TriangleMesh.read(file).boundaryParts());
        Files.writeString(file, b.toString().replace("solid lid", "solid lid-2").replace("endsolid lid-2", "endsolid lid"),
                StandardCharsets.US_ASCII);
        GeopinnException bad = assertThrows(GeopinnException.class, () -> TriangleMesh.read(file));
        assertTrue(bad.getMessage().contains("'lid-2'") && !bad.getMessage().contains("\n"), bad.getMessage());
    }

    /** φ of hard conditions on convex solids: hand values, zero on the faces, positive inside, exact derivatives. */
    @Test
    void convexSolidsGiveDistanceFunctions() {
        TriangleMesh tetra = Shapes.tetrahedron(O, X, Y, Z);
        assertEquals(0.001 * 0.7 / Math.sqrt(3), phi(tetra, java.util.Set.of("boundary"), 0.1, 0.1, 0.1), 1e-15);
        double[] xyz = new double[24];
        for (int k = 0; k < 8; k++) {
            xyz[3 * k] = k & 1;
            xyz[3 * k + 1] = k >> 1 & 1;
            xyz[3 * k + 2] = k >> 2 & 1;
        }
        int[][] faces = {{0, 2, 3, 1}, {4, 5, 7, 6}, {0, 1, 5, 4}, {2, 6, 7, 3}, {0, 4, 6, 2}, {1, 3, 7, 5}};
        TriangleMesh cube = Shapes.polyhedron(xyz, faces, List.of("bottom", "top", "front", "back", "sides", "sides"));
        assertEquals(0.75, phi(cube, java.util.Set.of("top"), 0.3, 0.4, 0.25), 1e-15);
        assertEquals(0.21, phi(cube, java.util.Set.of("sides"), 0.3, 0.4, 0.25), 1e-15);
        // derivatives of the jet against central differences of its value
        TaylorJet[] jets = TaylorJet.coordinates(new double[] {0.3, 0.4, 0.25}, 2);
        TaylorJet f = cube.smoothDistance(jets, java.util.Set.of("sides", "top")).orElseThrow();
        double h = 1e-5;
        double dx = (phi(cube, java.util.Set.of("sides", "top"), 0.3 + h, 0.4, 0.25) - phi(cube, java.util.Set.of("sides", "top"), 0.3 - h, 0.4, 0.25)) / (2 * h);
        assertEquals(dx, f.derivative(new int[] {1, 0, 0}), 1e-9);
        assertEquals(-2 * 0.75, f.derivative(new int[] {2, 0, 0}), 1e-12); // ∂²/∂x² of x(1 − x)(1 − z)
        // a sphere of 320 planes: the R-conjunction, zero on its faces, positive inside
        TriangleMesh sphere = TriangleMesh.of(Meshes.icosphere(2), "icosphere");
        BoundarySample on = sphere.sampleBoundary(List.of(), 100, 3);
        double[] in = sphere.sampleInterior(100, 3);
        for (int i = 0; i < 100; i++) {
            assertEquals(0, phi(sphere, java.util.Set.of("boundary"), on.points()[3 * i], on.points()[3 * i + 1], on.points()[3 * i + 2]), 1e-12);
            double inside = phi(sphere, java.util.Set.of("boundary"), in[3 * i], in[3 * i + 1], in[3 * i + 2]);
            assertTrue(inside > 0 && inside <= -sphere.signedDistance(new double[] {in[3 * i], in[3 * i + 1], in[3 * i + 2]}) + 1e-12,
                    "φ inside " + inside);
        }
        GeopinnException concave = assertThrows(GeopinnException.class,
                () -> phi(TriangleMesh.of(Meshes.lPrism(0), "l-prism"), java.util.Set.of("boundary"), 0.5, 0.5, 0.5));
        assertTrue(concave.getMessage().contains("not convex"), concave.getMessage());
        // the top face split into two parts: selecting one would zero φ on the other
        int[][] split = {{0, 2, 3, 1}, {4, 5, 7}, {4, 7, 6}, {0, 1, 5, 4}, {2, 6, 7, 3}, {0, 4, 6, 2}, {1, 3, 7, 5}};
        TriangleMesh halves = Shapes.polyhedron(xyz, split, List.of("bottom", "lidA", "lidB", "front", "back", "sides", "sides"));
        GeopinnException partly = assertThrows(GeopinnException.class, () -> phi(halves, java.util.Set.of("lidA"), 0.5, 0.5, 0.5));
        assertTrue(partly.getMessage().contains("partly selected"), partly.getMessage());
        assertEquals(0.5 * 0.5, phi(halves, java.util.Set.of("lidA", "lidB", "bottom"), 0.5, 0.5, 0.5), 1e-15);
    }

    private static double phi(Shape shape, java.util.Set<String> parts, double x, double y, double z) {
        return shape.smoothDistance(TaylorJet.coordinates(new double[] {x, y, z}, 0), parts).orElseThrow().value();
    }
}

package org.geopinn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.xml.parsers.DocumentBuilderFactory;
import org.geopinn.api.expr.Symbols;
import org.geopinn.api.geometry.Geometry;
import org.geopinn.api.model.DerivativeRequest;
import org.geopinn.api.model.Model;
import org.geopinn.api.model.ModelSpec;
import org.geopinn.api.problem.Condition;
import org.geopinn.api.problem.Domain;
import org.geopinn.api.problem.Problem;
import org.geopinn.api.problem.ReferenceSolution;
import org.geopinn.api.solution.TrainedSolution;
import org.geopinn.cli.export.TestBall;
import org.geopinn.models.StandardModels;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The solution file of a results directory: on a geometry, {@code solution.vtu} holds only grid points
 * inside the domain (read back and checked with the domain's own inside test) and the grid cells whose
 * corners are all inside; on a box, {@code solution.vtk} is the legacy grid over the whole box.
 */
class SolutionFileTest {
    @TempDir
    Path dir;

    /** u = x − y everywhere: the reference, so the error arrays are the network's error. */
    private static final ReferenceSolution REFERENCE = (points, n, out) -> {
        int d = points.length / n;
        for (int i = 0; i < n; i++) {
            out[i] = points[i * d] - points[i * d + Math.min(1, d - 1)];
        }
    };

    private static Problem problem(Domain domain) {
        return new Problem() {
            public String id() { return "p"; }
            public String description() { return "a test"; }
            public Symbols vocabulary() { return null; }
            public Domain domain() { return domain; }
            public List<Condition> conditions() { return List.of(); }
            public Optional<ReferenceSolution> reference() { return Optional.of(REFERENCE); }
        };
    }

    private static TrainedSolution solution(Domain domain) {
        int d = domain.dimension();
        double[] lo = new double[d];
        double[] hi = new double[d];
        for (int j = 0; j < d; j++) {
            lo[j] = domain.lower(j);
            hi[j] = domain.upper(j);
        }
        ModelSpec spec = new ModelSpec(lo, hi, List.of("u"), new int[] {5}, "tanh", "xavier", false, true, Map.of());
        Model model = StandardModels.create("mlp", spec);
        return TrainedSolution.of("p", domain.variables(), model, model.initialParameters(3));
    }

    @Test
    void onAGeometryOnlyPointsAndCellsInsideAreWritten() throws Exception {
        Geometry disk = new TestBall(new double[] {1, 1}, 1);
        Domain domain = new Domain(List.of("x", "y"), disk, List.of());
        TrainedSolution solution = solution(domain);
        int per = 41;
        String name = SolutionFile.write(FieldGrid.sample(problem(domain), solution, per), "disk run", dir::resolve);
        assertEquals("solution.vtu", name);
        assertFalse(Files.exists(dir.resolve("solution.vtk")), "no grid over the bounding box");
        Written w = read(dir.resolve(name));

        int insideOfGrid = 0;
        int cellsInside = 0;
        double h = 2.0 / (per - 1);
        for (int iy = 0; iy < per; iy++) {
            for (int ix = 0; ix < per; ix++) {
                insideOfGrid += disk.contains(new double[] {ix * h, iy * h}) ? 1 : 0;
                if (ix < per - 1 && iy < per - 1 && disk.contains(new double[] {ix * h, iy * h})
                        && disk.contains(new double[] {ix * h + h, iy * h}) && disk.contains(new double[] {ix * h, iy * h + h})
                        && disk.contains(new double[] {ix * h + h, iy * h + h})) {
                    cellsInside++;
                }
            }
        }
        assertTrue(insideOfGrid > 1000 && insideOfGrid < per * per, "the disk leaves part of its box: " + insideOfGrid);
        assertEquals(insideOfGrid, w.points(), "every grid point inside, and no other");
        for (int i = 0; i < w.points(); i++) {
            double[] x = {w.xyz[3 * i], w.xyz[3 * i + 1]};
            assertTrue(domain.contains(x), "point " + Arrays.toString(x) + " lies outside the domain");
            assertEquals(0, w.xyz[3 * i + 2]);
        }
        long quads = Arrays.stream(w.types).filter(t -> t == 9).count();
        assertEquals(cellsInside, quads, "the grid cells with all four corners inside");
        boolean[] covered = new boolean[w.points()];
        for (int c = 0, start = 0; c < w.types.length; start = w.offsets[c++]) {
            assertTrue(w.types[c] == 9 ? w.offsets[c] - start == 4 : w.types[c] == 1 && w.offsets[c] - start == 1, "cell " + c);
            for (int k = start; k < w.offsets[c]; k++) {
                covered[w.connectivity[k]] = true;
            }
        }
        for (int i = 0; i < covered.length; i++) {
            assertTrue(covered[i], "point " + i + " is in a cell");
        }
        // the arrays are the solution's and the reference's values at the written points
        double[] expected = new double[w.points()];
        double[] xy = new double[2 * w.points()];
        for (int i = 0; i < w.points(); i++) {
            xy[2 * i] = w.xyz[3 * i];
            xy[2 * i + 1] = w.xyz[3 * i + 1];
        }
        solution.evaluate(xy, w.points(), DerivativeRequest.valuesOnly(2), expected);
        double[] u = w.array("u");
        double[] reference = w.array("u_reference");
        double[] error = w.array("u_error");
        for (int i = 0; i < w.points(); i++) {
            double exact = w.xyz[3 * i] - w.xyz[3 * i + 1];
            assertEquals(expected[i], u[i], 1e-12 * (1 + Math.abs(expected[i])));
            assertEquals(exact, reference[i], 1e-12);
            assertEquals(Math.abs(u[i] - exact), error[i], 1e-12);
        }
    }

    @Test
    void aSliceOfABallKeepsItsDepthAndAnIntervalGetsSegments() throws Exception {
        Geometry ball = new TestBall(new double[] {0, 0, 0.5}, 1);
        Domain domain = new Domain(List.of("x", "y", "z"), ball, List.of());
        String name = SolutionFile.write(FieldGrid.sample(problem(domain), solution(domain), 21), "ball", dir::resolve);
        Written w = read(dir.resolve(name));
        assertTrue(w.points() > 200, "the disk of the mid-plane: " + w.points());
        for (int i = 0; i < w.points(); i++) {
            double[] x = Arrays.copyOfRange(w.xyz, 3 * i, 3 * i + 3);
            assertEquals(0.5, x[2], "the slice at mid-range of z");
            assertTrue(domain.contains(x), "point " + Arrays.toString(x) + " lies outside the domain");
        }

        Path line = dir.resolve("line");
        Files.createDirectory(line);
        Geometry segment = new TestBall(new double[] {2}, 1, new double[] {0}, new double[] {4}); // [1, 3] in the box [0, 4]
        Domain interval = new Domain(List.of("x"), segment, List.of());
        name = SolutionFile.write(FieldGrid.sample(problem(interval), solution(interval), 11), "segment", line::resolve);
        w = read(line.resolve(name));
        assertEquals(5, w.points(), "x = 1.2, 1.6, 2, 2.4, 2.8 of the grid 0, 0.4, …, 4");
        for (int i = 0; i < w.points(); i++) {
            assertTrue(interval.contains(new double[] {w.xyz[3 * i]}), "inside: " + w.xyz[3 * i]);
        }
        assertEquals(4, w.types.length, "segments between neighbours");
        assertTrue(Arrays.stream(w.types).allMatch(t -> t == 3));
    }

    @Test
    void onABoxTheLegacyGridCoversTheBox() throws Exception {
        Domain box = new Domain(List.of("x", "y"), new double[] {0, 0}, new double[] {2, 2}, List.of());
        TrainedSolution solution = solution(box);
        String name = SolutionFile.write(FieldGrid.sample(problem(box), solution, 41), "box run", dir::resolve);
        assertEquals("solution.vtk", name);
        assertFalse(Files.exists(dir.resolve("solution.vtu")));
        List<String> lines = Files.readAllLines(dir.resolve(name));
        assertEquals(List.of("# vtk DataFile Version 3.0", "box run", "ASCII", "DATASET STRUCTURED_POINTS", "DIMENSIONS 41 41 1",
                "ORIGIN 0.0 0.0 0", "SPACING 0.05 0.05 1", "POINT_DATA 1681", "SCALARS u double 1", "LOOKUP_TABLE default"),
                lines.subList(0, 10));
        double[] corner = new double[1];
        solution.evaluate(new double[] {2, 2}, 1, DerivativeRequest.valuesOnly(2), corner);
        assertEquals(corner[0], Double.parseDouble(lines.get(10 + 1680)), 1e-12 * (1 + Math.abs(corner[0])), "the box's far corner");
        assertTrue(lines.contains("SCALARS u_reference double 1") && lines.contains("SCALARS u_error double 1"));
    }

    /** A .vtu read back: coordinates, cells and point arrays. */
    private record Written(double[] xyz, int[] connectivity, int[] offsets, int[] types, Document doc) {
        int points() {
            return xyz.length / 3;
        }

        double[] array(String name) {
            return numbers(named(doc, name).getTextContent());
        }
    }

    private static Written read(Path file) throws Exception {
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile());
        Element piece = (Element) doc.getElementsByTagName("Piece").item(0);
        Element points = (Element) ((Element) doc.getElementsByTagName("Points").item(0)).getElementsByTagName("DataArray").item(0);
        double[] xyz = numbers(points.getTextContent());
        assertEquals(Integer.parseInt(piece.getAttribute("NumberOfPoints")) * 3, xyz.length);
        Written w = new Written(xyz, ints(doc, "connectivity"), ints(doc, "offsets"), ints(doc, "types"), doc);
        assertEquals(Integer.parseInt(piece.getAttribute("NumberOfCells")), w.types.length);
        return w;
    }

    private static int[] ints(Document doc, String name) {
        return Arrays.stream(numbers(named(doc, name).getTextContent())).mapToInt(v -> (int) v).toArray();
    }

    private static Element named(Document doc, String name) {
        NodeList all = doc.getElementsByTagName("DataArray");
        for (int k = 0; k < all.getLength(); k++) {
            if (((Element) all.item(k)).getAttribute("Name").equals(name)) {
                return (Element) all.item(k);
            }
        }
        throw new AssertionError("no array " + name);
    }

    private static double[] numbers(String text) {
        String t = text.trim();
        return t.isEmpty() ? new double[0] : Arrays.stream(t.split("\\s+")).mapToDouble(Double::parseDouble).toArray();
    }
}

package org.geopinn.cli.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import javax.xml.parsers.DocumentBuilderFactory;
import org.geopinn.api.GeopinnException;
import org.geopinn.api.model.DerivativeRequest;
import org.geopinn.api.model.Model;
import org.geopinn.api.model.ModelSpec;
import org.geopinn.api.problem.Domain;
import org.geopinn.api.problem.ReferenceSolution;
import org.geopinn.api.solution.TrainedSolution;
import org.geopinn.models.StandardModels;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The exported ONNX model, run by ONNX Runtime, gives Geopinn's own values; the VTK XML files are
 * well-formed XML whose arrays have the sizes their headers declare.
 */
class ExportFormatsTest {
    private static ModelSpec spec(int d, int fields, String hidden, String activation, boolean separate, boolean normalize, String factor) {
        double[] lo = new double[d];
        double[] hi = new double[d];
        for (int j = 0; j < d; j++) {
            lo[j] = -0.5 - j;
            hi[j] = 1.5 + 0.25 * j;
        }
        List<String> names = List.of("u", "v", "w").subList(0, fields);
        int[] widths = java.util.Arrays.stream(hidden.split("-")).mapToInt(Integer::parseInt).toArray();
        Map<String, String> options = new java.util.HashMap<>();
        if (factor.endsWith("+map")) { // the output map u = shift + scale·N, one number per field
            options.put("output-shift", String.join(",", List.of("300", "-2", "0.5").subList(0, fields)));
            options.put("output-scale", String.join(",", List.of("50", "0.25", "2").subList(0, fields)));
            factor = factor.substring(0, factor.length() - "+map".length());
        }
        if (factor.contains(";")) {
            options.put("output-factor", "box-zero");
            options.put("output-factor-inputs", factor.substring(factor.indexOf(';') + 1).replace(' ', ','));
        } else if (!factor.isEmpty()) {
            options.put("output-factor", factor);
        }
        return new ModelSpec(lo, hi, names, widths, activation, "xavier", separate, normalize, options);
    }

    @ParameterizedTest(name = "d={0} F={1} hidden={2} {3} separate={4} normalize={5} factor={6}")
    @CsvSource({
        "2, 1, 32,    tanh,     false, true,  ''",
        "2, 1, 16-16, tanh,     false, true,  box-zero",
        "3, 2, 8-8,   sin,      true,  true,  box-zero;0 2",
        "1, 3, 12,    swish,    false, false, ''",
        "4, 2, 10-6,  softplus, true,  false, ''",
        "2, 1, 7,     cos,      false, true,  ''",
        "2, 2, 5,     identity, false, true,  box-zero",
        "2, 1, 16-16, tanh,     false, true,  +map",
        "3, 2, 8-8,   tanh,     true,  true,  box-zero;0 2+map"})
    void onnxRuntimeComputesWhatGeopinnComputes(int d, int fields, String hidden, String activation, boolean separate, boolean normalize,
            String factor) throws Exception {
        ModelSpec spec = spec(d, fields, hidden, activation, separate, normalize, factor);
        Model model = StandardModels.create("mlp", spec);
        SplittableRandom random = new SplittableRandom(17);
        double[] theta = model.initialParameters(3);
        for (int i = 0; i < theta.length; i++) {
            theta[i] += 0.3 * (random.nextDouble() - 0.5); // a trained net has no zero biases
        }
        List<String> variables = List.of("x", "y", "z", "t").subList(0, d);
        byte[] onnx = MlpOnnx.write("mlp", spec, model.layout(), theta, "test-problem", variables);

        int n = 257;
        double[] points = new double[n * d];
        for (int i = 0; i < points.length; i++) {
            int j = i % d;
            points[i] = spec.inputLower()[j] + random.nextDouble() * (spec.inputUpper()[j] - spec.inputLower()[j]) * 1.2 - 0.1;
        }
        double[] expected = new double[n * fields];
        TrainedSolution.of("test-problem", variables, model, theta).evaluate(points, n, DerivativeRequest.valuesOnly(d), expected);

        double[][] x = new double[n][d];
        for (int i = 0; i < n; i++) {
            System.arraycopy(points, i * d, x[i], 0, d);
        }
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OrtSession session = env.createSession(onnx, new OrtSession.SessionOptions());
                OnnxTensor input = OnnxTensor.createTensor(env, x);
                OrtSession.Result result = session.run(Map.of(MlpOnnx.INPUT, input))) {
            assertEquals("test-problem", session.getMetadata().getGraphName());
            assertEquals(String.join(",", spec.fields()), session.getMetadata().getCustomMetadata().get("geopinn.fields"));
            double[][] u = (double[][]) result.get(MlpOnnx.OUTPUT).get().getValue();
            assertEquals(n, u.length);
            double worst = 0;
            for (int i = 0; i < n; i++) {
                assertEquals(fields, u[i].length);
                for (int f = 0; f < fields; f++) {
                    double e = expected[f * n + i];
                    worst = Math.max(worst, Math.abs(u[i][f] - e) / Math.max(1.0, Math.abs(e)));
                }
            }
            assertTrue(worst <= 1e-12, "largest difference " + worst);
            assertTrue(java.util.Arrays.stream(expected).anyMatch(v -> Math.abs(v) > 1e-3), "the values are not all zero");
        }
    }

    @Test
    void modelsTheExportCannotDescribeAreRefusedWithOneLine() {
        ModelSpec spec = spec(2, 1, "4", "tanh", false, true, "");
        Model model = StandardModels.create("mlp", spec);
        GeopinnException e = assertThrows(GeopinnException.class,
                () -> MlpOnnx.write("random-features", spec, model.layout(), model.initialParameters(0), "p", List.of("x", "y")));
        assertEquals("--onnx exports model kind 'mlp'; this run's model is 'random-features'", e.getMessage());
    }

    @Test
    void vtkXmlFilesDeclareTheSizesTheyHold() throws Exception {
        for (int d : new int[] {1, 2, 3, 4}) {
            double[] lo = new double[d];
            double[] hi = new double[d];
            java.util.Arrays.fill(hi, 2.0);
            List<String> variables = List.of("x", "y", "z", "t").subList(0, d);
            Domain domain = new Domain(variables, lo, hi, List.of());
            ModelSpec spec = new ModelSpec(lo, hi, List.of("u", "v"), new int[] {6}, "tanh", "xavier", false, true, Map.of());
            Model model = StandardModels.create("mlp", spec);
            TrainedSolution s = TrainedSolution.of("p", variables, model, model.initialParameters(1));
            ReferenceSolution ref = (points, n, out) -> {
                for (int i = 0; i < n; i++) {
                    out[2 * i] = points[i * d];
                    out[2 * i + 1] = -points[i * d];
                }
            };
            SampledBox grid = SampledBox.sample(domain, s, ref, 5);
            int axes = Math.min(d, 3);
            assertEquals((int) Math.pow(5, axes), grid.count());
            assertEquals(List.of("u", "u_reference", "u_error", "v", "v_reference", "v_error"), List.copyOf(grid.arrays().keySet()));

            Document vti = parse(VtkXml.imageData(grid, "p -- test"));
            Element image = (Element) vti.getElementsByTagName("ImageData").item(0);
            String[] extent = image.getAttribute("WholeExtent").split(" ");
            int declared = 1;
            for (int a = 0; a < 3; a++) {
                declared *= Integer.parseInt(extent[2 * a + 1]) - Integer.parseInt(extent[2 * a]) + 1;
            }
            assertEquals(grid.count(), declared);
            assertArrays(vti, declared, 6);

            Document vtu = parse(VtkXml.unstructured(grid, "p"));
            Element piece = (Element) vtu.getElementsByTagName("Piece").item(0);
            int points = Integer.parseInt(piece.getAttribute("NumberOfPoints"));
            assertEquals(grid.count(), points);
            assertEquals(points, Integer.parseInt(piece.getAttribute("NumberOfCells")));
            NodeList arrays = vtu.getElementsByTagName("DataArray");
            assertEquals(3 * points, values(arrays.item(0)).length, "three coordinates per point");
            for (int k = 1; k <= 3; k++) {
                assertEquals(points, values(arrays.item(k)).length, ((Element) arrays.item(k)).getAttribute("Name"));
            }
            assertArrays(vtu, points, 6);
            // the error array is the difference of the two others
            double[] u = values(named(vtu, "u"));
            double[] r = values(named(vtu, "u_reference"));
            double[] e = values(named(vtu, "u_error"));
            for (int i = 0; i < points; i++) {
                assertEquals(Math.abs(u[i] - r[i]), e[i], 1e-15);
            }
        }
    }

    @Test
    void onAGeometryTheVtuHoldsTheInsidePointsAndTheVtiBlanksTheOthers() throws Exception {
        Domain domain = new Domain(List.of("x", "y"), new TestBall(new double[] {1, 1}, 1), List.of());
        ModelSpec spec = new ModelSpec(new double[] {0, 0}, new double[] {2, 2}, List.of("u"), new int[] {4}, "tanh", "xavier", false,
                true, Map.of());
        Model model = StandardModels.create("mlp", spec);
        SampledBox grid = SampledBox.sample(domain, TrainedSolution.of("p", List.of("x", "y"), model, model.initialParameters(1)),
                null, 21);
        SampledBox inside = grid.insideOnly(domain);
        int expected = 0;
        for (int i = 0; i < grid.count(); i++) {
            double x = grid.points()[2 * i];
            double y = grid.points()[2 * i + 1];
            expected += Math.hypot(x - 1, y - 1) - 1 <= 0 ? 1 : 0; // closed: the circle belongs to the disk
        }
        assertTrue(expected > 250 && expected < grid.count(), "a disk in its box: " + expected);
        assertEquals(expected, inside.count());
        for (int i = 0; i < inside.count(); i++) {
            assertTrue(Math.hypot(inside.points()[2 * i] - 1, inside.points()[2 * i + 1] - 1) - 1 <= 0, "inside only");
        }
        Document vtu = parse(VtkXml.unstructured(inside, "disk"));
        Element piece = (Element) vtu.getElementsByTagName("Piece").item(0);
        assertEquals(expected, Integer.parseInt(piece.getAttribute("NumberOfPoints")));
        assertArrays(vtu, expected, 1);
        SampledBox masked = grid.maskedOutside(domain);
        assertEquals(grid.count(), masked.count());
        long blanks = java.util.Arrays.stream(masked.arrays().get("u")).filter(Double::isNaN).count();
        assertEquals(grid.count() - expected, blanks);
        Document vti = parse(VtkXml.imageData(masked, "disk"));
        assertArrays(vti, grid.count(), 1);
    }

    private static void assertArrays(Document doc, int count, int arrays) {
        NodeList pointData = ((Element) doc.getElementsByTagName("PointData").item(0)).getElementsByTagName("DataArray");
        assertEquals(arrays, pointData.getLength());
        for (int k = 0; k < pointData.getLength(); k++) {
            assertEquals(count, values(pointData.item(k)).length, ((Element) pointData.item(k)).getAttribute("Name"));
        }
    }

    private static org.w3c.dom.Node named(Document doc, String name) {
        NodeList all = doc.getElementsByTagName("DataArray");
        for (int k = 0; k < all.getLength(); k++) {
            if (((Element) all.item(k)).getAttribute("Name").equals(name)) {
                return all.item(k);
            }
        }
        throw new AssertionError("no array " + name);
    }

    private static double[] values(org.w3c.dom.Node array) {
        return java.util.Arrays.stream(array.getTextContent().trim().split("\\s+"))
                .mapToDouble(v -> v.equals("nan") ? Double.NaN : Double.parseDouble(v)).toArray(); // VTK writes NaN as nan
    }

    private static Document parse(String xml) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.US_ASCII)));
    }
}

package org.geopinn.reporting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.geopinn.api.GeopinnException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shared result files: JSON text, PNG charts and heat maps, VTK grids. */
class ReportingTest {
    @TempDir
    Path dir;

    @Test
    void jsonWritesNestedValuesWithEscapesAndNullForNonFiniteNumbers() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", "a \"quoted\"\nline");
        m.put("x", 0.1);
        m.put("nan", Double.NaN);
        m.put("list", List.of(1, 2.5, true));
        m.put("array", new double[] {1e-300, Double.POSITIVE_INFINITY});
        m.put("empty", Map.of());
        assertEquals("{\n  \"name\": \"a \\\"quoted\\\"\\nline\",\n  \"x\": 0.1,\n  \"nan\": null,\n"
                + "  \"list\": [1, 2.5, true],\n  \"array\": [1.0E-300, null],\n  \"empty\": {}\n}\n", Json.write(m));
    }

    @Test
    void aLineChartWithARightAxisIsAPngWhoseCurvesAreDrawn() throws IOException {
        Path file = dir.resolve("chart.png");
        double[] t = {0, 0.25, 0.5, 0.75, 1};
        LineChart.write(new LineChart.Axes("error and CG", "t", "error", true, "CG iterations"),
                List.of(LineChart.Series.line("error", t, new double[] {1e-3, 2e-3, Double.NaN, 8e-3, 1e-2}),
                        new LineChart.Series("CG", t, new double[] {0, 50, 90, 300, 900}, LineChart.Style.LINE, true),
                        new LineChart.Series("restart", new double[] {0.5}, new double[] {90}, LineChart.Style.MARKERS, true)),
                file);
        BufferedImage image = ImageIO.read(file.toFile());
        assertEquals(800, image.getWidth());
        assertTrue(distinctColours(image) > 5, "a chart with three series has more than a few colours");
        assertThrows(GeopinnException.class, () -> LineChart.Series.line("bad", t, new double[] {1}));
    }

    @Test
    void heatMapsStandSideBySideInOnePng() throws IOException {
        int n = 21;
        double[] bump = new double[n * n];
        for (int j = 0; j < n; j++) {
            for (int i = 0; i < n; i++) {
                double x = -1 + 2.0 * i / (n - 1);
                double y = -1 + 2.0 * j / (n - 1);
                bump[i + n * j] = Math.exp(-4 * (x * x + y * y));
            }
        }
        Path file = dir.resolve("maps.png");
        HeatMaps.write(List.of(new HeatMaps.Panel("a", bump, n, n, -1, 1, -1, 1, -1, 1),
                new HeatMaps.Panel("flat", new double[n * n], n, n, -1, 1, -1, 1, 0, 0)), "x", "y", file);
        BufferedImage image = ImageIO.read(file.toFile());
        assertEquals(2 * 460, image.getWidth());
        assertNotEquals(image.getRGB(230, 200), image.getRGB(690, 200), "the bump's centre differs from the flat map");
    }

    @Test
    void vtkListsEveryFieldOnTheGrid() throws IOException {
        Path file = dir.resolve("f.vtk");
        Map<String, double[]> fields = new LinkedHashMap<>();
        fields.put("u", new double[] {1, 2, 3, 4, 5, 6});
        fields.put("u reference", new double[] {0, 0, 0, 0, 0, 0});
        Vtk.structuredPoints(file, "t=1", 3, 2, new double[] {-1, 0}, new double[] {1, 0.5}, fields);
        List<String> lines = Files.readAllLines(file);
        assertTrue(lines.contains("DIMENSIONS 3 2 1"));
        assertTrue(lines.contains("POINT_DATA 6"));
        assertTrue(lines.contains("SCALARS u_reference double 1"));
        assertEquals(8 + 2 * (2 + 6), lines.size());
        assertThrows(GeopinnException.class, () -> Vtk.structuredPoints(file, "t", 2, 2, new double[] {0, 0},
                new double[] {1, 1}, Map.of("u", new double[3])));
    }

    private static int distinctColours(BufferedImage image) {
        java.util.Set<Integer> seen = new java.util.HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 3) {
            for (int x = 0; x < image.getWidth(); x += 3) {
                seen.add(image.getRGB(x, y));
            }
        }
        return seen.size();
    }
}

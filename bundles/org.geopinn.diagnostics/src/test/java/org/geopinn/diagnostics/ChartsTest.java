package org.geopinn.diagnostics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.geopinn.api.GeopinnException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChartsTest {
    @BeforeAll
    static void headless() {
        System.setProperty("java.awt.headless", "true");
    }

    @Test
    void logChartsLeaveOutValuesTheyCannotDraw(@TempDir Path dir) throws Exception {
        Map<String, double[]> spectra = new LinkedHashMap<>();
        spectra.put("with zeros", new double[] {10, 1, 0, Double.NaN, 1e-3});
        spectra.put("all zero", new double[] {0, 0});
        List<Charts.Series> series = Charts.indexed(spectra);
        assertEquals(List.of(1.0, 2.0, 3.0, 4.0, 5.0), java.util.Arrays.stream(series.get(0).x()).boxed().toList());
        Path file = Charts.lineChart(dir.resolve("sub/spectrum.png"), "t", "index", "value", false, true, series);
        BufferedImage image = ImageIO.read(file.toFile());
        assertEquals(800, image.getWidth());
        Path empty = Charts.lineChart(dir.resolve("empty.png"), "t", "x", "y", true, true, List.of(new Charts.Series("none", new double[] {-1}, new double[] {1})));
        assertTrue(ImageIO.read(empty.toFile()).getHeight() > 0);
    }

    @Test
    void mismatchedSeriesAndEmptyHeatMapsAreRejected(@TempDir Path dir) {
        assertThrows(GeopinnException.class, () -> new Charts.Series("s", new double[2], new double[3]));
        assertThrows(GeopinnException.class, () -> Charts.heatMap(dir.resolve("h.png"), "t", new double[0], 0, 0));
    }
}

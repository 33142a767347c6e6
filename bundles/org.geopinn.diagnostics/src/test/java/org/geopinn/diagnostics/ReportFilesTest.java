package org.geopinn.diagnostics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.geopinn.api.diagnostic.DiagnosticReport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportFilesTest {
    @BeforeAll
    static void headless() {
        System.setProperty("java.awt.headless", "true");
    }

    @Test
    void writesScalarsTablesAndPictures(@TempDir Path dir) throws Exception {
        DiagnosticReport report = new DiagnosticReport("ntk", "test kernel", Map.of("lambda_max", 3.0, "rank", 2.0),
                Map.of("spectrum", new DiagnosticReport.Table(List.of("index", "eigenvalue"),
                        List.of(new double[] {1, 3}, new double[] {2, 0.5}, new double[] {3, 0})),
                        "kernel", new DiagnosticReport.Table(List.of("k0", "k1"), List.of(new double[] {1, -0.5}, new double[] {-0.5, 2}))));
        List<Path> files = ReportFiles.write(report, dir, "step10-");
        assertEquals(5, files.size(), files.toString());
        assertEquals("name,value\nlambda_max,3.0\nrank,2.0\n", Files.readString(dir.resolve("step10-scalars.csv")));
        assertEquals("index,eigenvalue\n1.0,3.0\n2.0,0.5\n3.0,0.0\n", Files.readString(dir.resolve("step10-spectrum.csv")));
        BufferedImage spectrum = ImageIO.read(dir.resolve("step10-spectrum.png").toFile());
        assertTrue(spectrum.getWidth() > 100 && spectrum.getHeight() > 100);
        BufferedImage heat = ImageIO.read(dir.resolve("step10-kernel.png").toFile());
        // Entry (0,1) is negative (blue), (1,1) the largest positive (pure red): cells of 256 px from (20, 40).
        int negative = heat.getRGB(20 + 256 + 10, 40 + 10);
        int positive = heat.getRGB(20 + 256 + 10, 40 + 256 + 10);
        assertEquals(0xFFFF0000, positive);
        assertTrue((negative & 0xFF) == 0xFF && ((negative >> 16) & 0xFF) < 0xFF, Integer.toHexString(negative));
    }
}

package org.geopinn.problem.builder;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.geopinn.api.GeopinnException;
import org.geopinn.api.problem.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Observations from NumPy {@code .npz} files: named 1-D arrays are the columns. The fixtures
 * {@code probe.npz} and {@code probe-compressed.npz} were written by NumPy 2.4 ({@code np.savez} of
 * u, note (int64, not a column), y, weight, x in float64; {@code np.savez_compressed} of x, y, u in
 * float32), the others here byte by byte.
 */
class NpzObservationsTest {
    @TempDir
    Path dir;

    /** The table of the fixtures: u = x + 10 y at 10 points, weight 1 or 4. */
    private static Problem expected(boolean weighted) {
        double[] points = new double[20];
        double[] values = new double[10];
        double[] weights = new double[10];
        for (int i = 0; i < 10; i++) {
            points[2 * i] = i / 10.0;
            points[2 * i + 1] = (i % 3) / 3.0;
            values[i] = points[2 * i] + 10 * points[2 * i + 1];
            weights[i] = i % 2 == 0 ? 1 : 4;
        }
        return observed(b -> b.observe("probe", Observations.of(points, values, weighted ? weights : null, "u", 0.3)));
    }

    private static Problem observed(java.util.function.UnaryOperator<ProblemBuilder> observe) {
        return observe.apply(ProblemBuilder.problem("obs", "observed").variable("x", 0, 1).variable("y", 0, 1).field("u")
                .condition("pde", "interior", "lap(u)", 100)).build();
    }

    private static Problem read(Path file) {
        return observed(b -> b.observe("probe", file, "u", 0.3));
    }

    private static Path fixture(String name) throws URISyntaxException {
        return Path.of(NpzObservationsTest.class.getResource(name).toURI());
    }

    @Test
    void numpysSavezGivesTheTableByName() throws Exception {
        Problem want = expected(true);
        Problem got = read(fixture("probe.npz"));
        assertArrayEquals(want.conditions().get(1).data(), got.conditions().get(1).data(), 0);
        assertArrayEquals(want.reference().orElseThrow().points(), got.reference().orElseThrow().points(), 0);
        // the residual's source √w·u at every training point: the values and weights came from their own arrays
        double[] points = got.conditions().get(1).data();
        for (int i = 0; i < points.length / 2; i++) {
            double[] x = {points[2 * i], points[2 * i + 1]};
            double w = Math.round(x[0] * 10) % 2 == 0 ? 1 : 4;
            assertEquals(Math.sqrt(w) * (x[0] + 10 * x[1]), got.conditions().get(1).source().value(x), 1e-12);
            assertEquals(want.conditions().get(1).source().value(x), got.conditions().get(1).source().value(x), 0);
        }
    }

    @Test
    void compressedFloat32ArraysWithoutWeights() throws Exception {
        Problem want = expected(false);
        Problem got = read(fixture("probe-compressed.npz"));
        assertArrayEquals(want.conditions().get(1).data(), got.conditions().get(1).data(), 1e-6); // float32 rounding
        assertArrayEquals(want.reference().orElseThrow().points(), got.reference().orElseThrow().points(), 1e-6);
    }

    @Test
    void aFortranOrderedNpyReadsAsItsRows() throws IOException {
        // the 2-D .npy form: rows (x, y, u); stored column by column
        double[][] rows = {{0.1, 0.2, 2.1}, {0.3, 0.4, 4.3}, {0.5, 0.6, 6.5}};
        ByteBuffer data = ByteBuffer.allocate(9 * 8).order(ByteOrder.LITTLE_ENDIAN);
        for (int c = 0; c < 3; c++) {
            for (double[] row : rows) {
                data.putDouble(row[c]);
            }
        }
        Path f = dir.resolve("rows.npy");
        Files.write(f, npy("<f8", true, "(3, 3)", data.array()));
        Problem p = observed(b -> b.observe("probe", f, "u", 0));
        Problem want = observed(b -> b.observe("probe", Observations.of(new double[] {0.1, 0.2, 0.3, 0.4, 0.5, 0.6},
                new double[] {2.1, 4.3, 6.5}, null, "u", 0)));
        assertArrayEquals(want.conditions().get(1).data(), p.conditions().get(1).data(), 0);
    }

    @Test
    void mistakesAreOneLineNamingTheArray() throws IOException {
        Map<String, byte[]> arrays = new LinkedHashMap<>();
        arrays.put("x", npy("<f8", false, "(3,)", doubles(0, 0.5, 1)));
        arrays.put("y", npy("<f8", false, "(3,)", doubles(0, 0.5, 1)));
        assertTrue(refusal(arrays).contains("has no array 'u'; it holds [x, y] and needs [x, y, u] and optionally 'weight'"));

        arrays.put("u", npy("<i8", false, "(3,)", new byte[24]));
        assertTrue(refusal(arrays).contains("array 'u' has dtype '<i8'; observations are read as little-endian float64 or float32"));

        arrays.put("u", npy("<f8", false, "(2,)", doubles(1, 2)));
        assertTrue(refusal(arrays).contains("array 'u' has 2 values, array 'x' has 3; every column needs one value per observation"));

        arrays.put("u", npy("<f8", false, "(3, 2)", doubles(1, 2, 3, 4, 5, 6)));
        assertTrue(refusal(arrays).contains("array 'u': shape [3, 2]; each column is a 1-D array"));

        arrays.put("u", npy("<f8", false, "(3,)", doubles(1, Double.NaN, 3)));
        assertTrue(refusal(arrays).contains("row 1 holds NaN"));

        arrays.put("u", npy("<f8", false, "(4,)", doubles(1, 2, 3))); // a shape the data do not fill
        assertTrue(refusal(arrays).contains("array 'u': an array of shape [4] does not fill the file"));

        arrays.put("u", npy(">f8", false, "(3,)", doubles(1, 2, 3)));
        assertTrue(refusal(arrays).contains("array 'u' has dtype '>f8'"));

        arrays.put("u", "no numpy".getBytes(StandardCharsets.US_ASCII));
        assertTrue(refusal(arrays).contains("array 'u' is not a NumPy .npy file"));

        Path notZip = dir.resolve("plain.npz");
        Files.writeString(notZip, "x, y, u\n");
        GeopinnException e = assertThrows(GeopinnException.class, () -> read(notZip));
        assertTrue(e.getMessage().contains("is not a NumPy .npz file (a zip of .npy arrays)"), e.getMessage());
        assertTrue(!e.getMessage().contains("\n"), "one line");
    }

    /** @return the message refusing an .npz of these arrays, checked to be one line naming the file */
    private String refusal(Map<String, byte[]> arrays) throws IOException {
        Path f = dir.resolve("bad.npz");
        try (OutputStream out = Files.newOutputStream(f); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> a : arrays.entrySet()) {
                zip.putNextEntry(new ZipEntry(a.getKey() + ".npy"));
                zip.write(a.getValue());
                zip.closeEntry();
            }
        }
        GeopinnException e = assertThrows(GeopinnException.class, () -> read(f));
        assertTrue(e.getMessage().contains("observations " + f) && !e.getMessage().contains("\n"), e.getMessage());
        return e.getMessage();
    }

    private static byte[] doubles(double... v) {
        ByteBuffer b = ByteBuffer.allocate(8 * v.length).order(ByteOrder.LITTLE_ENDIAN);
        for (double x : v) {
            b.putDouble(x);
        }
        return b.array();
    }

    /** The .npy format 1.0: magic, version, header length, the dict padded to 64 bytes, the data. */
    private static byte[] npy(String descr, boolean fortran, String shape, byte[] data) {
        String header = "{'descr': '" + descr + "', 'fortran_order': " + (fortran ? "True" : "False") + ", 'shape': " + shape + ", }";
        header = header + " ".repeat(64 - (10 + header.length() + 1) % 64) + "\n";
        ByteBuffer b = ByteBuffer.allocate(10 + header.length() + data.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 0x93).put("NUMPY".getBytes(StandardCharsets.US_ASCII)).put((byte) 1).put((byte) 0);
        b.putShort((short) header.length()).put(header.getBytes(StandardCharsets.US_ASCII)).put(data);
        return b.array();
    }
}

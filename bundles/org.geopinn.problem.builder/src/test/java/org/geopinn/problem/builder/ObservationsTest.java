package org.geopinn.problem.builder;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.geopinn.api.GeopinnException;
import org.geopinn.api.expr.Expr;
import org.geopinn.api.problem.Condition;
import org.geopinn.api.problem.Problem;
import org.geopinn.api.problem.ReferenceSolution;
import org.geopinn.expr.ExprPrinter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Observations from CSV and .npy: fixed points, weighted residuals, a reproducible held-out part as the reference. */
class ObservationsTest {
    @TempDir
    Path dir;

    /** u = x + 10 y at 10 points; the header lists the columns in another order, with an extra one. */
    private Path csv() throws IOException {
        StringBuilder b = new StringBuilder("# probe readings\nnote, y, u, x, weight\n");
        for (int i = 0; i < 10; i++) {
            double x = i / 10.0;
            double y = (i % 3) / 3.0;
            b.append("p").append(i).append(", ").append(y).append(", ").append(x + 10 * y).append(", ").append(x).append(", ")
                    .append(i % 2 == 0 ? 1 : 4).append('\n');
        }
        Path f = dir.resolve("probe.csv");
        Files.writeString(f, b.toString());
        return f;
    }

    private Path npy() throws IOException {
        String header = "{'descr': '<f8', 'fortran_order': False, 'shape': (10, 4), }";
        int pad = 64 - (10 + header.length() + 1) % 64;
        header = header + " ".repeat(pad) + "\n";
        ByteBuffer b = ByteBuffer.allocate(10 + header.length() + 10 * 4 * 8).order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 0x93).put("NUMPY".getBytes(StandardCharsets.US_ASCII)).put((byte) 1).put((byte) 0);
        b.putShort((short) header.length()).put(header.getBytes(StandardCharsets.US_ASCII));
        for (int i = 0; i < 10; i++) {
            double x = i / 10.0;
            double y = (i % 3) / 3.0;
            b.putDouble(x).putDouble(y).putDouble(x + 10 * y).putDouble(i % 2 == 0 ? 1 : 4);
        }
        Path f = dir.resolve("probe.npy");
        Files.write(f, b.array());
        return f;
    }

    private static Problem problem(Path data, double fraction) {
        return ProblemBuilder.problem("obs", "observed").variable("x", 0, 1).variable("y", 0, 1).field("u")
                .condition("pde", "interior", "lap(u)", 100)
                .observe("probe", data, "u", fraction)
                .build();
    }

    @Test
    void csvRowsBecomeFixedPointsWithWeightedResiduals() throws IOException {
        Problem p = problem(csv(), 0.3);
        Condition probe = p.conditions().get(1);
        double[] points = probe.data();
        assertEquals(7, points.length / 2, "3 of 10 held out");
        assertEquals(7, probe.points());
        // Residual √w (u − y): the operator is √w·u and the source √w·y, both looked up at the point.
        Expr.Coefficient root = (Expr.Coefficient) ((Expr.Product) probe.operator()).factors().get(0);
        for (int i = 0; i < 7; i++) {
            double[] x = {points[2 * i], points[2 * i + 1]};
            int row = (int) Math.round(x[0] * 10);
            double w = row % 2 == 0 ? 1 : 4;
            assertEquals(Math.sqrt(w), root.function().value(x), 0);
            assertEquals(Math.sqrt(w) * (x[0] + 10 * x[1]), probe.source().value(x), 1e-12);
        }
        ReferenceSolution validation = p.reference().orElseThrow();
        double[] held = validation.points();
        assertEquals(3, held.length / 2);
        double[] values = new double[3];
        validation.evaluate(held, 3, values);
        for (int i = 0; i < 3; i++) {
            assertEquals(held[2 * i] + 10 * held[2 * i + 1], values[i], 1e-12);
        }
        assertArrayEquals(held, problem(csv(), 0.3).reference().orElseThrow().points(), 0, "the same rows are held out every time");
        GeopinnException e = assertThrows(GeopinnException.class, () -> probe.source().value(new double[] {0.55, 0.5}));
        assertTrue(e.getMessage().startsWith("no observation at [0.55, 0.5]"), e.getMessage());
    }

    @Test
    void npyGivesTheSameTableAsCsv() throws IOException {
        Problem a = problem(csv(), 0.3);
        Problem b = problem(npy(), 0.3);
        assertArrayEquals(a.conditions().get(1).data(), b.conditions().get(1).data(), 0);
        assertArrayEquals(a.reference().orElseThrow().points(), b.reference().orElseThrow().points(), 0);
    }

    @Test
    void withoutHoldOutAnExactReferenceStays() throws IOException {
        Problem p = ProblemBuilder.problem("obs", "observed").variable("x", 0, 1).variable("y", 0, 1).field("u")
                .condition("pde", "interior", "lap(u)", 100).observe("probe", csv(), "u", 0).reference("x + 10*y").build();
        assertEquals(null, p.reference().orElseThrow().points());
        assertEquals(10, p.conditions().get(1).data().length / 2);
    }

    @Test
    void mistakesAreOneLine() throws IOException {
        Path bad = dir.resolve("bad.csv");
        Files.writeString(bad, "x, y, v\n0, 0, 1\n");
        GeopinnException e = assertThrows(GeopinnException.class, () -> problem(bad, 0));
        assertTrue(e.getMessage().contains("has no column 'u'; it needs [x, y, u] and optionally 'weight'"), e.getMessage());
        Files.writeString(bad, "x, y, u\n0, 0, 1\n0.5, zero, 1\n");
        e = assertThrows(GeopinnException.class, () -> problem(bad, 0));
        assertTrue(e.getMessage().contains("bad.csv, line 3: 'zero' is not a finite number"), e.getMessage());
        Files.writeString(bad, "x, y, u\n0, 0, 1\n0, 0, 2\n");
        e = assertThrows(GeopinnException.class, () -> problem(bad, 0));
        assertTrue(e.getMessage().contains("appears twice"), e.getMessage());
        e = assertThrows(GeopinnException.class, () -> problem(csv(), 1));
        assertTrue(e.getMessage().contains("must be in [0, 1)"), e.getMessage());
        Files.write(bad, new byte[] {1, 2, 3});
        Path npy = dir.resolve("bad.npy");
        Files.write(npy, new byte[] {1, 2, 3});
        e = assertThrows(GeopinnException.class, () -> problem(npy, 0));
        assertTrue(e.getMessage().contains("is not a NumPy .npy file"), e.getMessage());
        e = assertThrows(GeopinnException.class, () -> problem(dir.resolve("missing.csv"), 0));
        assertTrue(e.getMessage().startsWith("problem 'obs': cannot read observations"), e.getMessage());
    }

    @Test
    void observationsOfOneFieldAmongSeveral() {
        Observations o = Observations.of(new double[] {0, 0, 1, 1}, new double[] {2, 3}, null, "v", 0);
        Problem p = ProblemBuilder.problem("two", "two fields").variable("x", 0, 1).variable("y", 0, 1).field("u", "v")
                .condition("pde", "interior", "lap(u) + v", 50).observe("v-data", o).build();
        assertEquals(List.of("pde", "v-data"), p.conditions().stream().map(Condition::name).toList());
        assertEquals("v", ExprPrinter.print(p.conditions().get(1).operator(), p.vocabulary().variables()));
    }
}

package org.geopinn.clitest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A hard Dirichlet condition (examples/hard, plate-hard: u = φ·N on the plate with a hole) through
 * the command line: the run records the hard field, the reloaded solution is the transformed one
 * (zero on the boundary to rounding, the solve's own values inside), loading it without its problem
 * is one line with exit code 2, and ONNX (the network alone) is refused.
 */
class HardConditionProcessTest {
    private static final String EXAMPLES = Path.of("../../examples/hard").toAbsolutePath().normalize().toString();
    private static final Pattern VALUE = Pattern.compile("u = (\\S+)");

    private static List<Double> values(String out) {
        List<Double> v = new ArrayList<>();
        Matcher m = VALUE.matcher(out);
        while (m.find()) {
            v.add(Double.parseDouble(m.group(1)));
        }
        return v;
    }

    @Test
    void theSavedSolutionIsTheConstrainedOne(@TempDir Path home) throws Exception {
        Path run = home.resolve("run");
        Geopinn.Result r = Geopinn.run(home, "solve", "--plugin", EXAMPLES, "plate-hard", "--steps", "2", "--hidden", "8",
                "--quiet", "--out", run.toString());
        assertEquals(0, r.exit(), r.out() + r.err());
        assertFalse(r.err().contains("registered declared problem"), "a command does not list the plugin's problems: " + r.err());
        assertTrue(Files.readAllLines(run.resolve("run.properties")).contains("hard=u"), "run.properties names the hard field");

        // On the outer edges and the hole u = 0 whatever the network.
        Geopinn.Result boundary = Geopinn.run(home, "load", "--plugin", EXAMPLES, run.toString(), "--at",
                "0,0.5;0.3,0;1,0.77;0.41,1;0.7,0.5;0.5,0.3");
        assertEquals(0, boundary.exit(), boundary.out() + boundary.err());
        List<Double> zero = values(boundary.out());
        assertEquals(6, zero.size(), boundary.out());
        for (double u : zero) {
            assertTrue(Math.abs(u) <= 1e-12, "u on the boundary: " + u);
        }

        // Inside, the reloaded solution gives the values the solve wrote: solution.vtu, the points of the 101×101 grid
        // inside the plate (a geometry, so no grid over its bounding box and nothing in the hole).
        assertFalse(Files.exists(run.resolve("solution.vtk")), "no grid over the bounding box");
        Vtu vtu = Vtu.read(run.resolve("solution.vtu"));
        for (int i = 0; i < vtu.points(); i++) {
            double x = vtu.xyz()[3 * i];
            double y = vtu.xyz()[3 * i + 1];
            assertTrue(Math.hypot(x - 0.5, y - 0.5) >= 0.2 && x >= 0 && x <= 1 && y >= 0 && y <= 1, "outside the plate: " + x + ", " + y);
        }
        assertTrue(vtu.points() > 0.8 * 101 * 101 && vtu.points() < 101 * 101, "the plate's grid points: " + vtu.points());
        double written = vtu.value("u", 0.2, 0.2);
        double writtenToo = vtu.value("u", 0.1, 0.85);
        Geopinn.Result inside = Geopinn.run(home, "load", "--plugin", EXAMPLES, run.toString(), "--at", "0.2,0.2;0.1,0.85");
        List<Double> loaded = values(inside.out());
        assertEquals(written, loaded.get(0), 1e-9 * Math.abs(written) + 1e-15, inside.out());
        assertEquals(writtenToo, loaded.get(1), 1e-9 * Math.abs(writtenToo) + 1e-15, inside.out());
        assertTrue(Math.abs(written) > 1e-6, "a value that is not the boundary's: " + written);

        Geopinn.Result without = Geopinn.run(home, "load", run.toString());
        assertEquals(2, without.exit(), without.out() + without.err());
        assertTrue(without.err().contains("holds the hard conditions of problem 'plate-hard'"), without.err());
        assertFalse(without.err().contains("\tat "), "no stack trace: " + without.err());

        Geopinn.Result onnx = Geopinn.run(home, "export", "--plugin", EXAMPLES, run.toString(), "--onnx",
                home.resolve("u.onnx").toString());
        assertEquals(2, onnx.exit(), onnx.out() + onnx.err());
        assertTrue(onnx.err().contains("ONNX carries the network N only"), onnx.err());
        assertFalse(Files.exists(home.resolve("u.onnx")));
    }
}

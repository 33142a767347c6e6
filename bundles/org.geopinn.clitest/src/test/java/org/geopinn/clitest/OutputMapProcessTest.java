package org.geopinn.clitest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A PDE in physical units, declared by a user: heat in kelvin, u ≈ 300 + 50 sin. The default
 * strategy maps the network's outputs to the field (u = 325 + 25·N), says so on its first line and
 * in the results, trains it where the unmapped network stalled (relative error 3.9e-2, every step
 * rejected), and the saved solution reloads in kelvin.
 */
class OutputMapProcessTest {
    private static final String HEAT_IN_KELVIN = String.join("\n",
            "id = heat-kelvin",
            "description = 1-D heat in kelvin on 100 m over 500 s",
            "variables = t, x",
            "fields = u",
            "lower = 0, 0",
            "upper = 500, 100",
            "conditions = pde, initial, boundary",
            "condition.pde.part = interior",
            "condition.pde.operator = u_t - 2*u_xx",
            "condition.pde.points = 400",
            "condition.initial.part = initial",
            "condition.initial.operator = u",
            "condition.initial.source = 300 + 50*sin(pi*x/100)",
            "condition.initial.points = 60",
            "condition.boundary.part = boundary",
            "condition.boundary.operator = u",
            "condition.boundary.source = 300",
            "condition.boundary.points = 60",
            "exact.u = 300 + 50*exp(-2*(pi/100)^2*t)*sin(pi*x/100)",
            "");

    @Test
    void aFieldInKelvinTrainsThroughTheOutputMap(@TempDir Path home) throws Exception {
        Path plugin = Files.createDirectories(home.resolve("problems"));
        Files.writeString(plugin.resolve("org.geopinn.problems.declared-heat-kelvin.cfg"), HEAT_IN_KELVIN);
        Path run = home.resolve("run");
        Geopinn.Result r = Geopinn.run(home, "solve", "--plugin", plugin.toString(), "heat-kelvin", "--steps", "40",
                "--error-every", "40", "--out", run.toString());
        assertEquals(0, r.exit(), r.out() + r.err());
        assertTrue(r.out().contains("(outputs u = 325 + 25·N)"), "the first line names the map: " + r.out());
        String summary = Files.readString(run.resolve("summary.json"));
        double error = Double.parseDouble(SolveProcessTest.number(summary, "rel_l2"));
        assertTrue(error < 1e-4, "40 damped Gauss-Newton steps through the map: relative error " + error);
        List<String> recorded = Files.readAllLines(run.resolve("run.properties"));
        assertTrue(recorded.contains("model.output-shift=325") && recorded.contains("model.output-scale=25"), recorded.toString());

        Geopinn.Result load = Geopinn.run(home, "load", "--plugin", plugin.toString(), run.toString(), "--at", "0,50");
        assertEquals(0, load.exit(), load.out() + load.err());
        assertTrue(load.out().contains("u = 349.9") || load.out().contains("u = 350.0"), "the reloaded field in kelvin: " + load.out());

        Geopinn.Result none = Geopinn.run(home, "solve", "--plugin", plugin.toString(), "heat-kelvin", "--steps", "1",
                "--output-map", "none", "--out", home.resolve("none").toString());
        assertEquals(0, none.exit(), none.out() + none.err());
        assertFalse(none.out().contains("(outputs"), none.out());
        assertTrue(Files.readAllLines(home.resolve("none").resolve("run.properties")).contains("model.output-scale=1"));

        Geopinn.Result bad = Geopinn.run(home, "solve", "--plugin", plugin.toString(), "heat-kelvin", "--steps", "1",
                "--output-map", "kelvin", "--out", home.resolve("bad").toString());
        assertEquals(2, bad.exit(), bad.out() + bad.err());
        assertTrue(bad.err().contains("--output-map: 'kelvin' is neither auto nor none"), bad.err());
    }
}

package org.geopinn.clitest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs that cannot succeed: a diverging optimizer ends failed with the last good parameters; sizes beyond the heap are bad input. */
class FailureProcessTest {
    @Test
    void aDivergingStageEndsFailedAndKeepsTheLastGoodParameters(@TempDir Path home) throws Exception {
        Path out = home.resolve("diverged");
        Geopinn.Result r = Geopinn.run(home, "solve", "laplace2d", "--optimizer", "adam:20,adam(lr=1e6)", "--steps", "40", "--quiet",
                "--out", out.toString());
        assertEquals(1, r.exit(), r.out() + r.err());
        assertEquals(1, r.errorLines().size(), r.err());
        assertTrue(r.errorLines().get(0).startsWith("geopinn solve: diverged at step 21: the loss rose to "), r.err());
        String summary = Files.readString(out.resolve("summary.json"));
        assertEquals("\"failed\"", SolveProcessTest.field(summary, "state"));
        assertEquals("20", SolveProcessTest.number(summary, "steps"));
        List<String> history = Files.readAllLines(out.resolve("history.csv"));
        assertEquals(21, history.size(), "20 good steps, the diverged one is not recorded");
        double good = Double.parseDouble(history.get(20).split(",")[2]);
        assertEquals(Double.toString(good), SolveProcessTest.number(summary, "loss"));

        // The written parameters are the good ones: a step of size 1e-300 from them (far below one ulp) has their loss.
        Path check = home.resolve("check");
        Geopinn.Result again = Geopinn.run(home, "solve", "laplace2d", "--resume", out.toString(), "--optimizer", "adam(lr=1e-300)",
                "--steps", "1", "--quiet", "--out", check.toString());
        assertEquals(0, again.exit(), again.out() + again.err());
        List<String> continued = Files.readAllLines(check.resolve("history.csv"));
        assertEquals(22, continued.size());
        assertEquals(good, Double.parseDouble(continued.get(21).split(",")[2]), 1e-12 * good, "the loss of the written parameters");
        assertEquals("\"failed\"", SolveProcessTest.field(Files.readString(out.resolve("summary.json")), "state"),
                "the failed run's own folder is untouched by a resume written elsewhere");
    }

    @Test
    void sizesBeyondTheHeapAreOneLineOfBadInput(@TempDir Path home) throws Exception {
        for (List<String> args : List.of(List.of("--hidden", "2147483647"), List.of("--hidden", "100000,100000"),
                List.of("--points", "2000000000"))) {
            long t0 = System.nanoTime();
            List<String> cmd = new java.util.ArrayList<>(List.of("solve", "laplace2d", "--steps", "1"));
            cmd.addAll(args); // without --out: the default runs/laplace2d-TIMESTAMP is not created either
            Geopinn.Result r = Geopinn.run(home, cmd.toArray(String[]::new));
            assertEquals(2, r.exit(), args + ": " + r.out() + r.err());
            List<String> lines = r.errorLines();
            assertEquals(1, lines.size(), args + ": " + lines);
            assertTrue(lines.get(0).contains("this Java heap holds at most") || lines.get(0).contains("more than a Java array holds"),
                    lines.get(0));
            assertFalse(r.err().contains("Error") || r.err().contains("Exception") || r.err().contains("\tat "), r.err());
            try (var left = Files.list(home.resolve("runs"))) {
                assertEquals(List.of(), left.toList(), "bad input found after parsing leaves no folder (and no lock) in runs/");
            }
            assertTrue(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - t0) < 170, "refused before any allocation");
        }
    }
}

package org.geopinn.clitest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code evolve} stopped by a signal: it ends between two time steps with exit 130 and results to resume from. */
class EvolveInterruptProcessTest {
    private static final List<String> SMALL = List.of("--hidden", "12,12", "--samples", "200", "--rank", "20", "--error-points", "200",
            "--fit-iterations", "20");

    @Test
    void sigtermStopsBetweenStepsAndTheResultsResume(@TempDir Path home) throws Exception {
        Path out = home.resolve("evolved");
        List<String> args = new java.util.ArrayList<>(List.of("evolve", "heat2d", "--out", out.toString()));
        args.addAll(SMALL);
        Process p = Geopinn.start(home, args);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (!Files.readString(home.resolve("stdout.txt")).contains("\nstep ") && System.nanoTime() < deadline && p.isAlive()) {
            Thread.sleep(50);
        }
        assertTrue(p.isAlive(), "still evolving after its first step: " + Files.readString(home.resolve("stdout.txt")));
        new ProcessBuilder("kill", "-TERM", Long.toString(p.pid())).start().waitFor();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "ends after SIGTERM");
        Geopinn.Result r = Geopinn.finished(home, p);
        assertEquals(143, r.exit(), "128 + SIGTERM: " + r.out() + r.err());
        assertTrue(r.out().contains("interrupted: t="), r.out());
        assertTrue(Files.isRegularFile(out.resolve("summary.json")) && Files.isRegularFile(out.resolve("history.csv")), r.out());
        List<String> state = Files.readAllLines(out.resolve("state.txt"));
        int steps = Integer.parseInt(state.stream().filter(l -> l.startsWith("steps=")).findFirst().orElseThrow().substring(6));
        assertTrue(steps >= 1, "at least the step seen was saved: " + steps);

        List<String> more = new java.util.ArrayList<>(List.of("evolve", "heat2d", "--resume", out.toString(), "--out",
                home.resolve("more").toString(), "--max-steps", Integer.toString(steps + 1)));
        more.addAll(SMALL);
        Geopinn.Result resumed = Geopinn.run(home, more.toArray(String[]::new));
        assertEquals(0, resumed.exit(), resumed.out() + resumed.err());
        assertTrue(resumed.out().contains("done: "), resumed.out());
    }

    @Test
    void aRunKilledWithoutWarningResumesFromItsLastOutputTime(@TempDir Path home) throws Exception {
        Path out = home.resolve("killed");
        List<String> args = new java.util.ArrayList<>(List.of("evolve", "heat2d", "--out", out.toString(), "--output-times",
                "0.01,0.02,0.03,0.04,0.05,0.06,0.07,0.08,0.09,0.1"));
        args.addAll(SMALL);
        Process p = Geopinn.start(home, args);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (!Files.isRegularFile(out.resolve("state.txt")) && System.nanoTime() < deadline && p.isAlive()) {
            Thread.sleep(20);
        }
        assertTrue(p.isAlive(), "still evolving after its first output time: " + Files.readString(home.resolve("stdout.txt")));
        p.destroyForcibly(); // SIGKILL: nothing runs at the end
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        List<String> state = Files.readAllLines(out.resolve("state.txt"));
        double t = Double.parseDouble(state.stream().filter(l -> l.startsWith("time=")).findFirst().orElseThrow().substring(5));
        assertTrue(List.of(0.01, 0.02, 0.03, 0.04, 0.05, 0.06, 0.07, 0.08, 0.09, 0.1).stream().anyMatch(o -> Math.abs(o - t) < 1e-12),
                "the state is at an output time: " + t);
        List<String> history = Files.readAllLines(out.resolve("history.csv"));
        assertTrue(history.stream().anyMatch(l -> l.startsWith("SNAPSHOT,") && Math.abs(Double.parseDouble(l.split(",")[2]) - t) < 1e-8),
                "the history so far reaches the state's time: " + history);

        List<String> more = new java.util.ArrayList<>(List.of("evolve", "heat2d", "--resume", out.toString(), "--out",
                home.resolve("more").toString(), "--t-end", "0.12"));
        more.addAll(SMALL);
        Geopinn.Result resumed = Geopinn.run(home, more.toArray(String[]::new));
        assertEquals(0, resumed.exit(), resumed.out() + resumed.err());
        assertTrue(resumed.out().contains("done: t=0.1200"), resumed.out());
    }
}

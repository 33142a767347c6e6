package org.geopinn.clitest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Results folders survive {@code kill -9} at any moment: a folder that reads as complete is
 * complete, an interrupted switch is finished or undone by the next run, resume refuses what is
 * incomplete, and two writers of one folder never both run.
 */
class CrashSafetyProcessTest {
    /** Kills per scenario in CI; the benchmark script runs the same loop 50 times. */
    static final int KILLS = Integer.getInteger("geopinn.test.kills", 3);

    @Test
    void killNineWhileRewritingOrResumingNeverLeavesAMixedFolder(@TempDir Path home) throws Exception {
        Path r = home.resolve("r");
        long t0 = System.nanoTime();
        Geopinn.Result first = Geopinn.run(home, "solve", "laplace2d", "--optimizer", "adam", "--steps", "5", "--seed", "1", "--quiet",
                "--out", r.toString());
        assertEquals(0, first.exit(), first.err());
        long runMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
        assertTrue(ResultCheck.complete(r) == null, ResultCheck.complete(r));
        Random random = new Random(20261201L);
        for (int k = 0; k < 2 * KILLS; k++) {
            boolean resume = k % 2 == 1;
            List<String> args = resume ? List.of("solve", "laplace2d", "--resume", r.toString(), "--steps", "3", "--quiet")
                    : List.of("solve", "laplace2d", "--optimizer", "adam", "--steps", Integer.toString(6 + k), "--seed", Integer.toString(2 + k),
                            "--quiet", "--out", r.toString());
            Process p = Geopinn.start(home, args, "-kill");
            // Half the kills at a random moment of the whole run, half once the new results are being written.
            boolean duringWriting = random.nextBoolean();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            if (duringWriting) {
                while (p.isAlive() && !ResultCheck.staging(r) && System.nanoTime() < deadline) {
                    Thread.sleep(5);
                }
                Thread.sleep(random.nextInt(300));
            } else {
                Thread.sleep((long) (random.nextDouble() * runMillis));
            }
            p.destroyForcibly(); // SIGKILL
            assertTrue(p.waitFor(30, TimeUnit.SECONDS));
            String verdict = ResultCheck.afterCrash(r);
            assertTrue(verdict == null, "after kill " + k + " (" + (resume ? "resume" : "rewrite") + "): " + verdict);
        }
        // The next run puts things in order (finishes or undoes an interrupted switch) and resumes.
        Geopinn.Result resumed = Geopinn.run(home, "solve", "laplace2d", "--resume", r.toString(), "--steps", "2", "--quiet");
        assertEquals(0, resumed.exit(), resumed.out() + resumed.err());
        assertEquals(null, ResultCheck.complete(r));
        try (Stream<Path> s = Files.list(home)) {
            assertEquals(List.of(), s.map(f -> f.getFileName().toString()).filter(n -> n.startsWith(".r.")).toList(),
                    "no lock or staged folder is left beside the results");
        }

        // A folder that is not complete is refused, and says why.
        Files.writeString(r.resolve("history.csv"), "step,seconds\n1,0.1\n", StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
        Geopinn.Result refused = Geopinn.run(home, "solve", "laplace2d", "--resume", r.toString(), "--steps", "2");
        assertEquals(2, refused.exit(), refused.out() + refused.err());
        assertEquals(List.of("geopinn solve: --resume " + r + " is incomplete: history.csv does not match manifest.sha256 (it was changed "
                + "or only partly written); it cannot be used (run the solve again)"), refused.errorLines());
    }

    @Test
    void aRunKilledWithoutWarningLeavesItsLastCheckpointToResume(@TempDir Path home) throws Exception {
        Path r = home.resolve("long");
        Process p = Geopinn.start(home, List.of("solve", "laplace2d", "--optimizer", "adam", "--steps", "1000000", "--time-budget", "120",
                "--checkpoint-every", "1", "--quiet", "--out", r.toString()), "-long");
        // Wait for a checkpoint that is not the first (the folder is rewritten while training goes on).
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        String firstRun = null;
        String secondRun = null;
        while (secondRun == null && p.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(100);
            try {
                if (Files.isRegularFile(r.resolve("manifest.sha256")) && ResultCheck.complete(r) == null) {
                    String run = SolveProcessTest.field(Files.readString(r.resolve("summary.json")), "run_id");
                    if (firstRun == null) {
                        firstRun = run;
                    } else if (!run.equals(firstRun)) {
                        secondRun = run;
                    }
                }
            } catch (IOException switched) {
                // the folder was being switched to the next checkpoint while it was read: look again
            }
        }
        assertTrue(secondRun != null, "two checkpoints within 90 s; stderr: " + Files.readString(home.resolve("stderr-long.txt")));
        p.destroyForcibly(); // SIGKILL: no shutdown hook runs, nothing is written at the end
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        assertEquals(null, ResultCheck.afterCrash(r));
        // (A kill during a switch leaves a complete folder beside it, which the resume below switches in.)
        Geopinn.Result resumed = Geopinn.run(home, "solve", "--resume", r.toString(), "--steps", "2", "--quiet");
        assertEquals(0, resumed.exit(), resumed.out() + resumed.err());
        assertEquals(null, ResultCheck.complete(r));
        String summary = Files.readString(r.resolve("summary.json"));
        assertEquals("false", SolveProcessTest.field(summary, "checkpoint"), "the resume's own results are complete ones");
        long steps = Long.parseLong(SolveProcessTest.number(summary, "steps"));
        long from = Long.parseLong(SolveProcessTest.number(summary, "resumed_from_step"));
        assertTrue(from >= 2, "the checkpoint held trained steps: " + from);
        assertEquals(from + 2, steps);
        List<String> history = Files.readAllLines(r.resolve("history.csv"));
        for (int i = 1; i < history.size(); i++) {
            assertEquals(Integer.toString(i), history.get(i).split(",")[0], "history rows 1.." + steps + " with no gap or repeat");
        }
        assertTrue(Files.isRegularFile(r.resolve("solution.png")), "the final results have their pictures again");
    }

    @Test
    void aSecondWriterIsRefusedAndAStateFileClaimingAHugeArrayIsOneLine(@TempDir Path home) throws Exception {
        Path out = home.resolve("shared");
        Process a = Geopinn.start(home, List.of("solve", "laplace2d", "--optimizer", "adam", "--steps", "1000000", "--time-budget", "120",
                "--out", out.toString()), "-a");
        Path lock = home.resolve(".shared.lock");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (!Files.readString(home.resolve("stdout-a.txt")).contains("step ") && System.nanoTime() < deadline && a.isAlive()) {
            Thread.sleep(50);
        }
        assertTrue(Files.isRegularFile(lock), "the first writer holds " + lock);
        Geopinn.Result b = Geopinn.run(home, "solve", "laplace2d", "--optimizer", "adam", "--steps", "3", "--out", out.toString());
        assertEquals(2, b.exit(), b.out() + b.err());
        List<String> lines = b.errorLines();
        assertEquals(1, lines.size(), lines.toString());
        assertTrue(lines.get(0).startsWith("geopinn solve: --out " + out + " is being written by another Geopinn run (pid " + a.pid()),
                lines.get(0));
        new ProcessBuilder("kill", "-INT", Long.toString(a.pid())).start().waitFor();
        assertTrue(a.waitFor(60, TimeUnit.SECONDS));
        assertEquals(130, a.exitValue(), Files.readString(home.resolve("stderr-a.txt")));
        assertEquals(null, ResultCheck.complete(out), "the first writer's results are complete");
        assertFalse(Files.exists(lock), "the lock is removed");

        // A state file whose array claims 2^31 - 1 numbers (manifest rewritten to match, as if written so).
        Path state = out.resolve("optimizer.state");
        damageFirstArrayLength(state);
        ResultCheck.rewriteManifest(out);
        Geopinn.Result r = Geopinn.run(home, "solve", "laplace2d", "--resume", out.toString(), "--steps", "2");
        assertEquals(2, r.exit(), r.out() + r.err());
        assertEquals(1, r.errorLines().size(), r.err());
        assertTrue(r.errorLines().get(0).contains("the optimizer state is damaged: array 'm' claims 2147483647 numbers"), r.err());
        assertFalse(r.err().contains("Exception") || r.err().contains("\tat "), r.err());
        assertEquals("\"stopped\"", SolveProcessTest.field(Files.readString(out.resolve("summary.json")), "state"),
                "a refused resume leaves the run's summary alone");
    }

    /** Sets the length of the first array of an optimizer state (format 1) to Integer.MAX_VALUE. */
    static void damageFirstArrayLength(Path state) throws IOException {
        try (RandomAccessFile f = new RandomAccessFile(state.toFile(), "rw")) {
            f.readInt(); // magic
            f.readInt(); // format
            f.readUTF(); // optimizer id
            f.readInt(); // parameter count
            int scalars = f.readInt();
            for (int i = 0; i < scalars; i++) {
                f.readUTF();
                f.readDouble();
            }
            f.readInt(); // arrays
            f.readUTF(); // first array's name
            f.writeInt(Integer.MAX_VALUE);
        }
    }
}

package org.geopinn.clitest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ./geopinn solve} as a user runs it: files written, numbers consistent, resume, Ctrl-C. */
class SolveProcessTest {
    static final List<String> FILES = List.of("summary.json", "history.csv", "parameters.txt", "optimizer.state", "run.properties",
            "solution.vtk", "solution.png", "error.png", "loss.png");

    @BeforeAll
    static void hostIsAssembled() {
        assertTrue(Files.isRegularFile(Geopinn.LAUNCHER), "no assembled host at " + Geopinn.HOST + " (build the features module first)");
    }

    @Test
    void shortSolveWritesEveryFileAndTheSummaryAgreesWithTheHistory(@TempDir Path home) throws Exception {
        Path out = home.resolve("run");
        Geopinn.Result r = Geopinn.run(home, "solve", "laplace2d", "--optimizer", "adam", "--steps", "12", "--error-every", "4",
                "--out", out.toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("results in " + out), r.out());
        for (String f : FILES) {
            assertTrue(Files.size(out.resolve(f)) > 0, f + " missing or empty");
        }
        try (Stream<Path> s = Files.list(out)) {
            assertEquals(List.of(), s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".tmp")).toList(), "temporary files left");
        }
        byte[] png = Files.readAllBytes(out.resolve("solution.png"));
        assertEquals(0x89, png[0] & 0xff);
        assertEquals("PNG", new String(png, 1, 3, StandardCharsets.US_ASCII));
        List<String> vtk = Files.readAllLines(out.resolve("solution.vtk"));
        assertEquals("# vtk DataFile Version 3.0", vtk.get(0));
        assertTrue(vtk.contains("SCALARS u double 1") && vtk.contains("SCALARS u_error double 1"));

        String summary = Files.readString(out.resolve("summary.json"));
        List<String> history = Files.readAllLines(out.resolve("history.csv"));
        List<String> header = List.of(history.get(0).split(","));
        assertEquals(13, history.size(), "header and one row per step");
        String[] last = history.get(history.size() - 1).split(",", -1);
        assertEquals("12", last[0]);
        assertEquals(number(summary, "steps"), last[header.indexOf("step")]);
        assertEquals(number(summary, "loss"), last[header.indexOf("loss")]);
        assertEquals(number(summary, "seconds"), last[header.indexOf("seconds")]);
        assertEquals(number(summary, "rel_l2"), last[header.indexOf("rel_l2")]);
        assertEquals(number(summary, "u"), last[header.indexOf("error_u")], "per-field error");
        assertEquals(number(summary, "pde"), last[header.indexOf("loss_pde")]);
        double sum = Double.parseDouble(last[header.indexOf("loss_pde")]) + Double.parseDouble(last[header.indexOf("loss_boundary")]);
        assertEquals(Double.parseDouble(last[header.indexOf("loss")]), sum, 1e-12 * sum, "loss = sum of the condition losses");
        assertTrue(Double.parseDouble(number(summary, "rel_l2")) > 0);
        assertEquals("\"laplace2d\"", field(summary, "problem"));
        assertEquals("\"adam\"", field(summary, "optimizer"));
        assertEquals("0", number(summary, "seed"));
        assertTrue(summary.contains("\"versions\"") && summary.contains("org.geopinn.engine"));

        // A new host loads the trained solution without training: its value at the centre is the VTK file's.
        Geopinn.Result load = Geopinn.run(home, "load", out.toString(), "--at", "0.5,0.5");
        assertEquals(0, load.exit(), load.err());
        Matcher m = Pattern.compile("u = (\\S+)").matcher(load.out());
        assertTrue(m.find(), load.out());
        int u = vtk.indexOf("SCALARS u double 1") + 2; // after the LOOKUP_TABLE line
        double centre = Double.parseDouble(vtk.get(u + 50 + 101 * 50));
        assertEquals(centre, Double.parseDouble(m.group(1)), 1e-9 * Math.max(1, Math.abs(centre)));
    }

    @Test
    void theReadmesFirstSolveTrainsWithTheDefaultStrategy(@TempDir Path home) throws Exception {
        Path out = home.resolve("first");
        Geopinn.Result r = Geopinn.run(home, "solve", "laplace2d", "--steps", "100", "--out", out.toString());
        assertEquals(0, r.exit(), r.err());
        String summary = Files.readString(out.resolve("summary.json"));
        String chain = field(summary, "optimizer");
        assertTrue(r.out().contains("solving laplace2d with " + chain.replace("\"", "")), r.out());
        assertTrue(Double.parseDouble(number(summary, "rel_l2")) < 1e-3, "100 steps of the default chain (lm: 4.3e-4 measured on seed 0): " + summary);
    }

    @Test
    void timeMarchingShowsItsWindowInTheHistoryAndTheSummary(@TempDir Path home) throws Exception {
        Path out = home.resolve("marching");
        Geopinn.Result r = Geopinn.run(home, "solve", "heat", "--optimizer", "adam", "--steps", "6", "--time-marching", "2",
                "--out", out.toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("time window 2/2: t ∈ [0, 1] at step 3"), r.out());
        List<String> history = Files.readAllLines(out.resolve("history.csv"));
        List<String> header = List.of(history.get(0).split(","));
        int w = header.indexOf("window");
        assertTrue(w >= 0, history.get(0));
        List<String> windows = history.subList(1, history.size()).stream().map(l -> l.split(",", -1)[w]).toList();
        assertEquals(List.of("1", "1", "1", "2", "2", "2"), windows);
        String summary = Files.readString(out.resolve("summary.json"));
        assertEquals("2", number(summary, "time_windows"));
        assertEquals("2", number(summary, "window"));
        assertEquals(2, Geopinn.run(home, "solve", "laplace2d", "--time-marching", "2").exit(), "no time variable: bad input");
    }

    @Test
    void resumeContinuesTheStepCountAndTheLossCurveExactly(@TempDir Path home) throws Exception {
        Path first = home.resolve("first");
        Path straight = home.resolve("straight");
        assertEquals(0, Geopinn.run(home, "solve", "laplace2d", "--optimizer", "adam", "--steps", "8", "--seed", "3", "--quiet",
                "--out", first.toString()).exit());
        Geopinn.Result resumed = Geopinn.run(home, "solve", "laplace2d", "--resume", first.toString(), "--steps", "6", "--quiet");
        assertEquals(0, resumed.exit(), resumed.err());
        assertEquals(0, Geopinn.run(home, "solve", "laplace2d", "--optimizer", "adam", "--steps", "14", "--seed", "3", "--quiet",
                "--out", straight.toString()).exit());

        List<String> a = Files.readAllLines(first.resolve("history.csv"));
        List<String> b = Files.readAllLines(straight.resolve("history.csv"));
        assertEquals(15, a.size(), "8 steps, then 6 more, in one history");
        for (int i = 1; i < a.size(); i++) {
            String[] ra = a.get(i).split(",", -1);
            String[] rb = b.get(i).split(",", -1);
            assertEquals(Integer.toString(i), ra[0], "steps continue without a gap");
            assertEquals(Double.parseDouble(rb[2]), Double.parseDouble(ra[2]), 1e-9 * Math.abs(Double.parseDouble(rb[2])),
                    "loss at step " + i + " is the loss of an uninterrupted run");
        }
        double before = Double.parseDouble(a.get(8).split(",")[1]);
        double after = Double.parseDouble(a.get(9).split(",")[1]);
        assertTrue(after > before, "seconds continue too");
        assertEquals("14", number(Files.readString(first.resolve("summary.json")), "steps"));
    }

    @Test
    void ctrlCStopsBetweenStepsAndLeavesCompleteResults(@TempDir Path home) throws Exception {
        Path out = home.resolve("interrupted");
        Process p = Geopinn.start(home, List.of("solve", "laplace2d", "--optimizer", "adam", "--steps", "1000000", "--time-budget", "120",
                "--out", out.toString()));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (!Files.readString(home.resolve("stdout.txt")).contains("step ") && System.nanoTime() < deadline && p.isAlive()) {
            Thread.sleep(100);
        }
        Thread.sleep(1000); // a few steps
        new ProcessBuilder("kill", "-INT", Long.toString(leafPid(p))).start().waitFor();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the process ends after Ctrl-C");
        Geopinn.Result r = Geopinn.finished(home, p);
        assertEquals(130, r.exit(), r.out() + r.err());
        for (String f : FILES) {
            assertTrue(Files.isRegularFile(out.resolve(f)), f + " missing after Ctrl-C");
        }
        String summary = Files.readString(out.resolve("summary.json"));
        assertEquals("\"stopped\"", field(summary, "state"));
        List<String> history = Files.readAllLines(out.resolve("history.csv"));
        long steps = Long.parseLong(number(summary, "steps"));
        assertTrue(steps > 0 && steps < 1_000_000);
        assertEquals(steps + 1, history.size());
        assertFalse(summary.contains("not drawn"), "pictures are drawn during the shutdown too: " + summary);
    }

    /** The java process itself (the launcher may run under /usr/bin/env, which execs it: same pid). */
    private static long leafPid(Process p) {
        return p.pid();
    }

    static String number(String json, String key) {
        Matcher m = Pattern.compile("\"" + Pattern.quote(key) + "\": (-?[0-9][0-9.eE+-]*)").matcher(json);
        assertTrue(m.find(), key + " in " + json);
        return m.group(1);
    }

    static String field(String json, String key) {
        Matcher m = Pattern.compile("\"" + Pattern.quote(key) + "\": (\"[^\"]*\"|[^,\\n]*)").matcher(json);
        assertTrue(m.find(), key + " in " + json);
        return m.group(1);
    }

    static void write(Path file, String text) throws IOException {
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}

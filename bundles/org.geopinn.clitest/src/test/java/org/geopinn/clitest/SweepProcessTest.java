package org.geopinn.clitest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./geopinn sweep FILE} through the assembled launcher, without a cluster: every
 * combination of the file's grids is one run, each run's results folder and one table are
 * gathered in one folder, and running the command again resumes (complete runs kept, missing or
 * incomplete ones run again, nothing counted twice).
 */
class SweepProcessTest {
    private static final String SWEEP = String.join("\n",
            "# a problem-settings grid × two seeds, two runs at once",
            "name = coupling-check",
            "problems = thermoelastic1d",
            "problem.thermoelastic1d.gamma = 0.1, 10",
            "optimizers = adam",
            "seeds = 0-1",
            "steps = 2",
            "hidden = 8",
            "parallel = 2", "");

    @Test
    void everyRunIsWrittenOnceAndASecondRunResumes(@TempDir Path home) throws Exception {
        Path file = home.resolve("coupling.properties");
        Files.writeString(file, SWEEP);
        Geopinn.Result r = Geopinn.run(home, "sweep", file.toString());
        assertEquals(0, r.exit(), r.out() + r.err());
        Path root = home.resolve("runs/sweep-coupling-check");
        Set<String> runs = Set.of("thermoelastic1d-gamma=0.1-adam-h8-s0", "thermoelastic1d-gamma=0.1-adam-h8-s1",
                "thermoelastic1d-gamma=10-adam-h8-s0", "thermoelastic1d-gamma=10-adam-h8-s1");
        assertEquals(runs, folders(root), r.out());
        for (String run : runs) {
            String summary = Files.readString(root.resolve(run).resolve("summary.json"));
            String gamma = run.contains("gamma=10") ? "10.0" : "0.1";
            assertTrue(summary.contains("\"gamma\": \"" + gamma + "\""), run + ": " + summary);
            assertTrue(summary.contains("\"seed\": " + run.charAt(run.length() - 1)), run + ": " + summary);
            assertTrue(summary.contains("\"steps\": 2,"), run + ": " + summary);
            assertTrue(Files.isRegularFile(root.resolve(run).resolve("history.csv")));
            assertTrue(Files.isRegularFile(root.resolve(run).resolve("manifest.sha256")));
        }
        assertEquals(4, r.out().lines().filter(l -> l.matches("\\[\\d/4\\] thermoelastic1d.*2 steps.*")).count(), r.out());
        assertEquals(runs, csvRuns(root), "one row per run");
        assertTrue(Files.readString(root.resolve("sweep.md")).contains("4 of 4 runs written"));
        // The coupling reached the runs: same seed and network, other γ, other loss.
        assertFalse(firstLoss(root, "thermoelastic1d-gamma=0.1-adam-h8-s0").equals(firstLoss(root, "thermoelastic1d-gamma=10-adam-h8-s0")));

        // One run lost, one left incomplete (its manifest gone): both run again, the others are kept as they were.
        String keptManifest = Files.readString(root.resolve("thermoelastic1d-gamma=10-adam-h8-s1/manifest.sha256"));
        deleteTree(root.resolve("thermoelastic1d-gamma=0.1-adam-h8-s0"));
        Files.delete(root.resolve("thermoelastic1d-gamma=10-adam-h8-s0/manifest.sha256"));
        Geopinn.Result again = Geopinn.run(home, "sweep", file.toString());
        assertEquals(0, again.exit(), again.out() + again.err());
        assertTrue(again.out().contains("4 runs (2 already written, kept; 2 to run)"), again.out());
        assertEquals(2, again.out().lines().filter(l -> l.matches("\\[\\d/4\\] .*")).count(), again.out());
        assertEquals(runs, folders(root));
        assertEquals(runs, csvRuns(root), "still one row per run");
        assertEquals(keptManifest, Files.readString(root.resolve("thermoelastic1d-gamma=10-adam-h8-s1/manifest.sha256")), "kept as written");
        assertTrue(Files.isRegularFile(root.resolve("thermoelastic1d-gamma=10-adam-h8-s0/manifest.sha256")), "the incomplete run is complete now");

        Geopinn.Result nothing = Geopinn.run(home, "sweep", file.toString());
        assertEquals(0, nothing.exit(), nothing.err());
        assertTrue(nothing.out().contains("(4 already written, kept; 0 to run)"), nothing.out());
    }

    @Test
    void mistakesInTheSweepFileAreOneLine(@TempDir Path home) throws Exception {
        expectError(home, "problems = laplace2d\nseed = 1\n", "unknown key 'seed'", "seeds");
        expectError(home, "problems = nosuchproblem\nsteps = 1\n", "problem 'nosuchproblem', which is not installed", "laplace2d");
        expectError(home, "problems = laplace2d\noptimizers = adam | nosuchopt\nsteps = 1\n", "optimizer 'nosuchopt'");
        Geopinn.Result none = Geopinn.run(home, "sweep", home.resolve("absent.properties").toString());
        assertEquals(2, none.exit());
        assertTrue(none.err().contains("absent.properties does not exist"), none.err());
    }

    private static void expectError(Path home, String text, String... fragments) throws Exception {
        Path file = home.resolve("bad.properties");
        Files.writeString(file, text);
        Geopinn.Result r = Geopinn.run(home, "sweep", file.toString());
        assertEquals(2, r.exit(), r.out() + r.err());
        List<String> lines = r.errorLines();
        assertEquals(1, lines.size(), "one line: " + lines);
        for (String f : fragments) {
            assertTrue(lines.get(0).contains(f), "'" + f + "' in: " + lines.get(0));
        }
        assertFalse(r.err().contains("\tat "), "no stack trace: " + r.err());
    }

    private static Set<String> folders(Path root) throws Exception {
        try (Stream<Path> s = Files.list(root)) {
            return s.filter(Files::isDirectory).map(p -> p.getFileName().toString()).filter(n -> !n.startsWith("."))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
    }

    private static Set<String> csvRuns(Path root) throws Exception {
        List<String> lines = Files.readAllLines(root.resolve("sweep.csv"));
        Set<String> runs = new TreeSet<>();
        for (String l : lines.subList(1, lines.size())) {
            assertTrue(runs.add(l.split(",")[0]), "twice: " + l);
        }
        return runs;
    }

    private static String firstLoss(Path root, String run) throws Exception {
        List<String> rows = Files.readAllLines(root.resolve(run).resolve("history.csv"));
        return rows.get(1).split(",", -1)[List.of(rows.get(0).split(",")).indexOf("loss")];
    }

    private static void deleteTree(Path dir) throws Exception {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}

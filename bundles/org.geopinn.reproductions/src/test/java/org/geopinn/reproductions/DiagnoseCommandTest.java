package org.geopinn.reproductions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiagnoseCommandTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeAll
    static void headless() {
        System.setProperty("java.awt.headless", "true");
    }

    @Test
    void userMistakesGiveOneLineAndExitCodeTwo() {
        assertEquals(2, run());
        assertTrue(err().startsWith("diagnose: say which reproduction to run; usage: diagnose ad-vs-fd"), err());
        assertEquals(0, run("--help"));
        assertTrue(out.toString(StandardCharsets.UTF_8).startsWith("usage: diagnose ad-vs-fd"));
        assertEquals(2, run("nonsense"));
        assertEquals("diagnose: unknown reproduction 'nonsense'; use ad-vs-fd, coupling, collocation or green", err().strip());
        assertEquals(2, run("coupling", "--width", "two"));
        assertTrue(err().contains("--width must be a number"), err());
        assertEquals(2, run("coupling", "--colour", "red"));
        assertTrue(err().contains("unknown option '--colour'"), err());
        assertEquals(2, run("collocation", "--problem", "poisson9d"));
        assertTrue(err().startsWith("diagnose: --problem: use laplace2d"), err());
        assertEquals(2, run("green", "--cases", "poisson3d"));
        assertEquals("diagnose: --cases: unknown case 'poisson3d'; use poisson1d, laplace2d", err().strip());
        assertEquals(2, run("green", "--steps", "0,5,2"));
        assertTrue(err().contains("--steps must be increasing"), err());
        assertEquals(2, run("ad-vs-fd", "--sizes", "0"));
        assertEquals(1, err().strip().lines().count());
    }

    @Test
    void couplingWritesItsTableAndPlot(@TempDir Path dir) throws Exception {
        assertEquals(0, run("coupling", "--width", "6", "--points", "10", "--gammas", "1,10", "--out", dir.toString()), err());
        String md = Files.readString(dir.resolve("coupling.md"));
        assertTrue(md.contains("| 10 |"), md);
        assertTrue(Files.size(dir.resolve("coupling-lambda-max.png")) > 1000);
        assertEquals(3, Files.readAllLines(dir.resolve("coupling.csv")).size());
    }

    @Test
    void greenWritesDistancesAndPictures(@TempDir Path dir) throws Exception {
        assertEquals(0, run("green", "--cases", "poisson1d", "--widths", "4,8", "--train-width", "4", "--steps", "0,3", "--out", dir.toString()), err());
        String md = Files.readString(dir.resolve("green.md"));
        assertTrue(md.contains("| 8 | 25 | 0 |"), md);
        assertTrue(md.contains("| 4 | 13 | 3 |"), md);
        assertTrue(Files.size(dir.resolve("green-poisson1d-step3.png")) > 1000);
    }

    @Test
    void collocationWritesItsPicturesAndTable(@TempDir Path dir) throws Exception {
        assertEquals(0, run("collocation", "--points", "16", "--width", "4", "--learning-steps", "2", "--seeds", "1", "--steps", "0,2", "--every", "1",
                "--round-steps", "1", "--out", dir.toString()), err());
        String md = Files.readString(dir.resolve("collocation-laplace2d.md"));
        assertTrue(md.contains("| learned |") && md.contains("| rad |") && md.contains("| grid |") && md.contains("| sobol |")
                && md.contains("| chosen |") && md.contains("empirical natural-gradient error"), md);
        java.util.regex.Matcher learned = java.util.regex.Pattern.compile("learned from the grid (\\S+)\n").matcher(md);
        assertTrue(learned.find(), md);
        double learnedError = Double.parseDouble(learned.group(1));
        assertTrue(learnedError >= 0 && Double.isFinite(learnedError), md);
        assertTrue(Files.size(dir.resolve("collocation-laplace2d-tangent-points.png")) > 1000);
        assertTrue(Files.size(dir.resolve("collocation-laplace2d-chosen-points.png")) > 1000);
        assertTrue(Files.size(dir.resolve("collocation-laplace2d-tangent-projection-residual.png")) > 1000);
    }

    @Test
    void adVsFdWritesTablesForEveryCase(@TempDir Path dir) throws Exception {
        assertEquals(0, run("ad-vs-fd", "--sizes", "40,60", "--side", "12", "--features2d", "30", "--biharmonic", "60", "--out", dir.toString()), err());
        List<String> summary = Files.readAllLines(dir.resolve("ad-vs-fd-summary.csv"));
        assertEquals(5, summary.size(), "header + 2 Poisson sizes + 2-D Poisson + biharmonic");
        assertTrue(Files.exists(dir.resolve("ad-vs-fd-poisson1d-entropy.png")));
        assertTrue(Files.exists(dir.resolve("ad-vs-fd-biharmonic-singular-values.png")));
        assertTrue(Files.readString(dir.resolve("ad-vs-fd.md")).contains("1-D biharmonic, M = N = 60"));
    }

    private int run(String... args) {
        out.reset();
        err.reset();
        return new DiagnoseCommand().run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }
}

package org.geopinn.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Plugins in command mode, through the assembled launcher as a user runs it: a command loads the
 * home's plugins/ (jars and .cfg files) before it runs, {@code --plugin} adds a jar or a folder, and
 * a plugin that cannot be used is one line naming the jar and the reason while the command goes on.
 */
class PluginCommandTest {
    private Path home;

    @BeforeEach
    void home() throws IOException {
        home = Files.createTempDirectory("geopinn-plugin-command-");
    }

    @AfterEach
    void clean() throws IOException {
        try (var walk = Files.walk(home)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    record Run(int code, String out, String err) {
    }

    private Run launch(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-Djava.awt.headless=true", "-Dgeopinn.home=" + home,
                "-jar", TestHost.hostDir().resolve("geopinn-launcher.jar").toString()));
        command.addAll(List.of(args));
        Path out = Files.createTempFile("geopinn-out", ".txt");
        Path err = Files.createTempFile("geopinn-err", ".txt");
        try {
            Process p = new ProcessBuilder(command).directory(home.toFile()).redirectOutput(out.toFile())
                    .redirectError(err.toFile()).start();
            p.getOutputStream().close();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("the launcher did not exit; output:\n" + Files.readString(out) + Files.readString(err));
            }
            return new Run(p.exitValue(), Files.readString(out), Files.readString(err));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    @Test
    void aSolveLoadsThePluginsFolderWithItsConfigurationAndReportsAJarThatIsNoBundle() throws Exception {
        Path plugins = Files.createDirectories(home.resolve("plugins"));
        Files.copy(TestBundles.examplePlugin(), plugins.resolve("poisson-sine.jar"));
        Files.writeString(plugins.resolve("org.example.geopinn.poisson.cfg"), "frequency=2\n");
        TestBundles.plainJar(plugins.resolve("library.jar"));

        Run r = launch("solve", "poisson-sine", "--steps", "5", "--hidden", "6", "--quiet", "--out", "run");
        assertEquals(0, r.code(), r.out() + r.err());
        List<String> about = r.err().lines().filter(l -> l.contains("library.jar")).toList();
        assertEquals(1, about.size(), r.err());
        assertTrue(about.get(0).contains("plugins/library.jar is not an OSGi bundle"), about.get(0));
        String summary = Files.readString(home.resolve("run/summary.json"));
        assertTrue(summary.contains("sin(2πy)"), "the .cfg beside the jar set the frequency:\n" + summary);
        assertTrue(summary.contains("\"org.example.geopinn.poisson\": \"1.0.0\""), "the summary names the plugin's version:\n" + summary);
    }

    @Test
    void aDeclarationFileWithoutItsFactoryPidInTheNameIsOneLineSayingHowToNameIt() throws Exception {
        Path plugins = Files.createDirectories(home.resolve("plugins"));
        Files.writeString(plugins.resolve("my-pde.cfg"), "id = my-pde\nvariables = x\nfields = u\n");

        Run list = launch("list");
        assertEquals(0, list.code(), list.out() + list.err());
        List<String> about = list.err().lines().filter(l -> l.contains("my-pde.cfg")).toList();
        assertEquals(1, about.size(), list.err());
        assertTrue(about.get(0).contains("PID 'my'") && about.get(0).contains("org.geopinn.problems.declared-my-pde.cfg"), about.get(0));
        assertFalse(list.err().contains("\tat "), "no stack trace:\n" + list.err());
    }

    @Test
    void pluginOptionAddsJarsAndFoldersAndAPluginThatDoesNotResolveIsOneLine() throws Exception {
        Path folder = Files.createDirectories(home.resolve("mine"));
        Files.copy(TestBundles.generatedPlugin("momentum"), folder.resolve("momentum.jar"));
        Path broken = home.resolve("broken.jar");
        TestBundles.unresolvablePlugin(broken);

        Run list = launch("list", "--plugin", TestBundles.generatedPlugin("sine-problem").toString(),
                "--plugin", "mine", "--plugin=" + broken);
        assertEquals(0, list.code(), list.out() + list.err());
        assertTrue(list.out().lines().anyMatch(l -> l.contains("sine-problem") && l.contains("[org.example.geopinn.sineproblem 1.0.0]")),
                list.out());
        assertTrue(list.out().lines().anyMatch(l -> l.contains("momentum") && l.contains("[org.example.geopinn.momentum 1.0.0]")),
                list.out());
        assertTrue(list.out().lines().anyMatch(l -> l.contains("laplace2d") && l.contains("[org.geopinn.problems ")), list.out());
        List<String> about = list.err().lines().filter(l -> l.contains("broken.jar")).toList();
        assertEquals(1, about.size(), list.err());
        assertTrue(about.get(0).contains("org.geopinn.itest.unresolvable 1.0.0") && about.get(0).contains("did not start")
                && about.get(0).contains("org.example.nowhere"), about.get(0));
        assertFalse(list.err().contains("\tat "), "no stack trace:\n" + list.err());

        Run solve = launch("--plugin", "mine", "solve", "sine-problem", "--plugin", TestBundles.generatedPlugin("sine-problem").toString(),
                "--optimizer", "momentum(lr=1e-3)", "--steps", "5", "--quiet", "--out", "run");
        assertEquals(0, solve.code(), solve.out() + solve.err());
        String summary = Files.readString(home.resolve("run/summary.json"));
        assertTrue(summary.contains("\"problem\": \"sine-problem\"") && summary.contains("\"state\": \"finished\"")
                && summary.contains("momentum"), summary);
    }

    @Test
    void aSolveWhoseProblemGoesAwayStopsAfterItsWaitAndKeepsItsResults() throws Exception {
        Path stopper = home.resolve("stopper.jar");
        TestBundles.problemsStopperPlugin(stopper);
        Path stdout = home.resolve("solve-out.txt");
        Path stderr = home.resolve("solve-err.txt");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                "-Djava.awt.headless=true", "-Dgeopinn.home=" + home, "-jar", TestHost.hostDir().resolve("geopinn-launcher.jar").toString(),
                "solve", "laplace2d", "--plugin", stopper.toString(), "--optimizer", "adam", "--steps", "100000000", "--hidden", "8",
                "--lost-service-wait", "2", "--out", "run").directory(home.toFile()).redirectOutput(stdout.toFile())
                .redirectError(stderr.toFile()).start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (!Files.readString(stdout).contains("solving laplace2d") && p.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertTrue(p.isAlive(), "the solve ended before its problem went away:\n" + Files.readString(stdout) + Files.readString(stderr));
            Files.writeString(home.resolve(org.geopinn.itest.plugin.ProblemsStopper.TRIGGER), "now");
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                throw new AssertionError("the solve still waits for its lost problem:\n" + Files.readString(stdout) + Files.readString(stderr));
            }
        } finally {
            p.destroyForcibly();
        }
        String err = Files.readString(stderr);
        assertEquals(1, p.exitValue(), Files.readString(stdout) + err);
        List<String> said = err.lines().filter(l -> l.startsWith("geopinn solve:")).toList();
        assertEquals(1, said.size(), err);
        assertTrue(said.get(0).startsWith("geopinn solve: stopped after waiting 2 s for what went away: problem 'laplace2d' went away"),
                said.get(0));
        assertTrue(said.get(0).contains("--resume"), said.get(0));
        assertFalse(err.contains("\tat "), "no stack trace:\n" + err);
        String summary = Files.readString(home.resolve("run/summary.json"));
        assertTrue(summary.contains("\"state\": \"stopped\""), summary);
        assertTrue(Files.readAllLines(home.resolve("run/history.csv")).size() > 1, "the steps before the loss are kept");
    }

    @Test
    void aMissingPluginPathIsBadInputBeforeAnythingStarts() throws Exception {
        Run r = launch("list", "--plugin", "no/such.jar");
        assertEquals(2, r.code(), r.out() + r.err());
        // (Lines the JVM itself prints when JAVA_TOOL_OPTIONS is set are not the launcher's.)
        assertEquals(List.of("geopinn: --plugin no/such.jar: no such jar or folder"),
                r.err().lines().filter(l -> !l.startsWith("Picked up ")).toList());
    }
}

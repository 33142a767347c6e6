package org.geopinn.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The assembled launcher as a user runs it ({@code java -jar geopinn-launcher.jar ARGS}, what
 * ./geopinn does): a command host runs the CLI bundle's command and exits with its code; the
 * interactive host takes geopinn:* commands on the Gogo shell and exits when the shell does.
 */
class LauncherTest {
    private static Path home;

    @BeforeAll
    static void home() throws IOException {
        home = Files.createTempDirectory("geopinn-launcher-");
    }

    @AfterAll
    static void clean() throws IOException {
        try (var walk = Files.walk(home)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    record Run(int code, String out, String err) {
    }

    static Run launch(String stdin, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-Djava.awt.headless=true", "-Dgeopinn.home=" + home,
                "-jar", TestHost.hostDir().resolve("geopinn-launcher.jar").toString()));
        command.addAll(List.of(args));
        Path out = Files.createTempFile(home, "out", ".txt");
        Path err = Files.createTempFile(home, "err", ".txt");
        Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        try (var in = p.getOutputStream()) {
            in.write(stdin.getBytes(StandardCharsets.UTF_8));
        }
        if (!p.waitFor(90, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("the launcher did not exit; output:\n" + Files.readString(out) + Files.readString(err));
        }
        return new Run(p.exitValue(), Files.readString(out), Files.readString(err));
    }

    @Test
    void listPrintsWhatTheFrameworkFoundAndExitsZero() throws Exception {
        Run r = launch("", "list");
        assertEquals(0, r.code(), r.err());
        for (String id : List.of("laplace2d", "mlp", "autodiff", "adam", "lbfgs")) {
            assertTrue(r.out().contains(id), id + " missing from:\n" + r.out());
        }
    }

    @Test
    void anUnknownProblemIsBadInputWithOneLine() throws Exception {
        Run r = launch("", "solve", "no-such-problem");
        assertEquals(2, r.code(), r.out() + r.err());
        List<String> about = r.err().lines().filter(l -> l.contains("no-such-problem")).toList();
        assertEquals(1, about.size(), r.err());
        assertFalse(r.err().contains("\tat "), "no stack trace:\n" + r.err());
    }

    @Test
    void theInteractiveHostRunsShellCommandsAndStopsWithTheShell() throws Exception {
        Run r = launch("geopinn:list\ngeopinn:status s42\nexit 0\n", "host");
        assertEquals(0, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("problems (") && r.out().contains("laplace2d"), r.out());
        assertTrue((r.out() + r.err()).contains("geopinn: no session 's42'"), r.out() + r.err());
        assertTrue(Files.isDirectory(home.resolve("plugins")), "the host makes plugins/");
    }
}

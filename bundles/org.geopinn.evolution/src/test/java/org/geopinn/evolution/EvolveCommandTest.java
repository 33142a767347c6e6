package org.geopinn.evolution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.geopinn.api.evolution.EvolutionState;
import org.geopinn.api.evolution.InitialValueProblem;
import org.geopinn.evolution.problems.Advection2d;
import org.geopinn.evolution.problems.Heat2d;
import org.geopinn.evolution.problems.Wave2d;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The evolve command: a tiny run writes its results and a resumable state; user mistakes get one line and code 2. */
class EvolveCommandTest {
    private final NeuralIvpService service = TestPoints.service();
    private final List<InitialValueProblem> problems = List.of(new Heat2d(), new Advection2d(), new Wave2d());
    private final EvolveCommand command = new EvolveCommand(service, problems);
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return command.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private static final String[] TINY = {"--samples", "150", "--hidden", "6,6", "--model.frequencies", "2",
        "--rank", "10", "--fit-iterations", "5", "--error-points", "100", "--first-step", "0.005"};

    @Test
    void aTinyRunWritesResultsAndResumesFromItsState(@TempDir Path dir) throws Exception {
        String[] args = concat(new String[] {"wave2d", "--t-end", "0.01", "--out", dir.toString(), "--frames", "2"}, TINY);
        assertEquals(0, run(args), err.toString(StandardCharsets.UTF_8));
        String printed = out.toString(StandardCharsets.UTF_8);
        assertTrue(printed.contains("step") && printed.contains("done: t=0.0100"), printed);
        for (String f : List.of("history.csv", "summary.json", "error.png", "state.txt", "snapshot-t0.0100.png",
                "snapshot-t0.0100.vtk", "snapshot-t0.0050.csv", "snapshot-t0.0000.png")) {
            assertTrue(Files.size(dir.resolve(f)) > 0, f);
        }
        assertTrue(Files.readString(dir.resolve("summary.json")).contains("\"problem\": \"wave2d\""));
        EvolutionState saved = service.load(dir.resolve("state.txt"));
        assertEquals(0.01, saved.time(), 1e-12);

        Path later = dir.resolve("later");
        String[] resume = concat(new String[] {"wave2d", "--t-end", "0.02", "--out", later.toString(), "--resume",
            dir.toString()}, TINY);
        assertEquals(0, run(resume), err.toString(StandardCharsets.UTF_8));
        EvolutionState resumed = service.load(later.resolve("state.txt"));
        assertEquals(0.02, resumed.time(), 1e-12);
        assertTrue(resumed.steps() > saved.steps(), "step count continues");
    }

    @Test
    void aResumeContinuesWithTheSavedNetworkAndRefusesAnotherOne(@TempDir Path dir) throws Exception {
        assertEquals(0, run(concat(new String[] {"wave2d", "--t-end", "0.005", "--out", dir.toString()}, TINY)),
                err.toString(StandardCharsets.UTF_8));
        String saved = Files.readString(dir.resolve(SavedModel.FILE));
        assertTrue(saved.contains("hidden=6,6\n") && saved.contains("model.frequencies=2\n"), saved);

        // Without the model options: the saved 6,6 network with 2 frequencies, not the default 32,32.
        String[] solverOnly = {"--samples", "150", "--rank", "10", "--error-points", "100"};
        Path later = dir.resolve("later");
        assertEquals(0, run(concat(new String[] {"wave2d", "--t-end", "0.01", "--out", later.toString(), "--resume",
            dir.toString()}, solverOnly)), err.toString(StandardCharsets.UTF_8));
        assertEquals(0.01, service.load(later.resolve("state.txt")).time(), 1e-12);
        assertEquals(saved, Files.readString(later.resolve(SavedModel.FILE)));

        // Another smoothness keeps the parameter count, so only the saved settings can tell.
        err.reset();
        assertEquals(2, run(concat(new String[] {"wave2d", "--t-end", "0.01", "--out", dir.resolve("other").toString(),
            "--resume", dir.toString(), "--model.smoothness", "0.5"}, solverOnly)));
        String message = err.toString(StandardCharsets.UTF_8);
        assertTrue(message.contains("--model.smoothness 0.5 (saved: (default))"), message);
        assertEquals(1, message.lines().count(), message);
    }

    @Test
    void mistakesAreReportedOnOneLine() {
        assertEquals(2, run("heat3d"));
        assertEquals(2, run("heat2d", "--rtoll", "1e-3"));
        assertEquals(2, run("heat2d", "--rank", "many"));
        assertEquals(2, run("heat2d", "--rank"));
        assertEquals(2, run("heat2d", "--solver", "qr"));
        String messages = err.toString(StandardCharsets.UTF_8);
        assertTrue(messages.contains("unknown initial-value problem 'heat3d'; available: [advection2d, heat2d, wave2d]"), messages);
        assertTrue(messages.contains("unknown evolution setting 'rtoll'"), messages);
        assertTrue(messages.contains("evolution setting solver is cg or dense, got 'qr'"), messages);
        assertEquals(5, messages.lines().count(), messages);
    }

    @Test
    void resumingAnotherProblemsStateIsRefused(@TempDir Path dir) {
        service.save(new EvolutionState("heat2d", 0.5, new double[] {1, 2}, 0.01, 3, 0), dir.resolve("state.txt"));
        assertEquals(1, run(concat(new String[] {"advection2d", "--resume", dir.toString(), "--out", dir.toString()}, TINY)));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("the saved state is for problem 'heat2d'"));
    }

    private static String[] concat(String[] a, String[] b) {
        String[] c = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }
}

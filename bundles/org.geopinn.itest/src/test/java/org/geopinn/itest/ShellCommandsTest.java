package org.geopinn.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import org.geopinn.api.session.Session;
import org.geopinn.api.session.TrainingService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.osgi.framework.ServiceReference;

/**
 * The geopinn:* shell commands against the real services, called as the Gogo shell calls them
 * (public methods of the command service, which lives in the framework): solve in the background,
 * status, swap, diagnose, stop, export; bad input is one line.
 */
class ShellCommandsTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static TestHost host;
    private static Object commands;

    @BeforeAll
    static void start() throws Exception {
        host = TestHost.start();
        assertTrue(TestHost.waitUntil(() -> reference() != null, WAIT), "no geopinn commands");
        commands = host.context().getService(reference());
    }

    @AfterAll
    static void stop() {
        host.close();
    }

    @Test
    void solveStatusSwapDiagnoseStopExport() throws Exception {
        String started = call("solve", (Object) new String[] {"laplace2d", "--optimizer", "adam", "--hidden", "6",
            "--points", "pde=16,boundary=16", "--steps", "100000"});
        assertTrue(started.startsWith("session "), started);
        String id = started.split(" ")[1];
        Session session = host.service(TrainingService.class, null, WAIT).session(id).orElseThrow();
        Sessions.awaitSteps(session, 3, WAIT);

        String status = call("status", (Object) new String[0]);
        assertTrue(status.lines().anyMatch(l -> l.startsWith(id + " ") && l.contains("RUNNING") && l.contains("laplace2d")), status);

        assertTrue(call("swap", id, "gd").contains("optimizer gd takes over"));
        assertTrue(TestHost.waitUntil(() -> "gd".equals(session.optimizerId()), WAIT), session.optimizerId());

        String report = call("diagnose", id, "ntk", new String[0]);
        assertTrue(report.lines().count() >= 2, report);

        call("stop", id);
        assertTrue(session.await(WAIT).isTerminal());
        String exported = call("export", (Object) new String[] {id, "runs/shell-" + id});
        Path dir = host.home().resolve("runs/shell-" + id);
        assertTrue(exported.endsWith(dir.toString()), exported);
        assertTrue(Files.isRegularFile(dir.resolve("summary.json")), Arrays.toString(dir.toFile().list()));

        // the command line's export of a results directory, with its options and its one-line errors
        String files = call("export", (Object) new String[] {"runs/shell-" + id, "--onnx", "runs/shell.onnx", "--vtk-xml",
            "runs/shell.vtu", "--resolution", "5"});
        assertTrue(files.contains("ONNX") && files.contains("25 points"), files);
        assertTrue(Files.size(host.home().resolve("runs/shell.onnx")) > 0);
        assertTrue(Files.readString(host.home().resolve("runs/shell.vtu")).contains("NumberOfPoints=\"25\""));
        assertEquals("geopinn: --vtk-xml " + host.home().resolve("runs/shell.txt")
                + ": the file name must end in .vti (grid on the box) or .vtu (point set)",
                failure("export", (Object) new String[] {"runs/shell-" + id, "--vtk-xml", "runs/shell.txt"}));
    }

    @Test
    void badInputIsOneLine() {
        assertEquals("geopinn: no session 'nope'; sessions are " + sessionIds(), failure("stop", "nope"));
        assertEquals("geopinn: --steps: 'many' is not a whole number", failure("solve", (Object) new String[] {"laplace2d", "--steps", "many"}));
        assertTrue(failure("swap", "s1", "adam:10,gd").startsWith("geopinn: "));
        assertTrue(failure("solve", (Object) new String[] {"no-such-problem"}).contains("no-such-problem"));
    }

    @Test
    void settingsOutOfRangeAreRejectedWithTheirRange() {
        assertEquals("geopinn: setting 'tolerance' of anagram is -1; allowed: a number ≥ 0",
                failure("solve", (Object) new String[] {"laplace2d", "--optimizer", "anagram(tolerance=-1)"}));
        assertEquals("geopinn: setting 'kappa' of thermoelastic1d is 0; allowed: a number > 0",
                failure("solve", (Object) new String[] {"thermoelastic1d", "--problem-config", "kappa=0"}));
        assertEquals("geopinn: setting 'momentum' of gradnorm is 2; allowed: a number in [0, 1]",
                failure("solve", (Object) new String[] {"laplace2d", "--weighting", "gradnorm(momentum=2)"}));
    }

    @Test
    void theShellTakesTheOptionsOfTheCommandLine() throws Exception {
        String started = call("solve", (Object) new String[] {"laplace2d", "--optimizer", "adam(lr=1e-3)", "--hidden", "6",
            "--points", "pde=16,boundary=16", "--steps", "6", "--error-every", "3", "--resample-every", "4",
            "--weighting", "gradnorm(interval=2)", "--out", "runs/shell-options"});
        String id = started.split(" ")[1];
        Session s = host.service(TrainingService.class, null, WAIT).session(id).orElseThrow();
        assertEquals(3, s.spec().errorEvery());
        assertEquals(4, s.spec().resampleEvery());
        assertEquals("gradnorm", s.spec().weightingId());
        assertEquals(java.util.Map.of("interval", "2"), s.spec().weightingSettings());
        Path summary = host.home().resolve("runs/shell-options/summary.json");
        assertTrue(TestHost.waitUntil(() -> Files.isRegularFile(summary), WAIT), "--out written when the session ended");
        assertTrue(Files.readString(summary).contains("\"steps\": 6"), Files.readString(summary));
        assertTrue(call("solve", (Object) new String[] {"--help"}).contains("--problem-config"));
    }

    @Test
    void theShellAnnouncesPausesAndEndsAndSwapsASessionThatLostItsOptimizer() throws Exception {
        java.io.ByteArrayOutputStream console = new java.io.ByteArrayOutputStream();
        java.io.PrintStream old = System.out;
        System.setOut(new java.io.PrintStream(console, true, java.nio.charset.StandardCharsets.UTF_8));
        org.osgi.framework.Bundle adam = host.bundle("org.geopinn.optimizer.adam");
        try {
            String started = call("solve", (Object) new String[] {"laplace2d", "--optimizer", "adam", "--hidden", "6",
                "--points", "pde=16,boundary=16", "--steps", "100000"});
            String id = started.split(" ")[1];
            Session session = host.service(TrainingService.class, null, WAIT).session(id).orElseThrow();
            Sessions.awaitSteps(session, 3, WAIT);

            adam.stop(); // the optimizer's bundle goes away under the running session
            assertTrue(TestHost.waitUntil(() -> session.state() == org.geopinn.api.session.SessionState.PAUSED, WAIT), session.message());
            String paused = "geopinn: session " + id + " (laplace2d) paused: optimizer 'adam' went away at step ";
            assertTrue(TestHost.waitUntil(() -> console.toString().contains(paused), WAIT), console.toString());
            String row = call("status", (Object) new String[] {id}).lines().skip(1).findFirst().orElseThrow();
            String[] cells = row.trim().split("\\s+");
            assertTrue(row.contains("went away at step " + cells[4] + ";"), "the message names the STEP beside it: " + row);

            // The session may already have resumed with the new optimizer when the answer is worded:
            // the answer says "takes over" either way; what happened is checked below.
            String swapped = call("swap", id, "gd");
            assertTrue(swapped.contains("optimizer gd takes over"), swapped);
            long before = Sessions.steps(session);
            Sessions.awaitSteps(session, (int) before + 2, WAIT);
            assertEquals("gd", session.optimizerId());
            assertEquals(org.geopinn.api.session.SessionState.RUNNING, session.state(), session.message());
            // It resumes where it paused: no step is taken while paused (the session may have taken
            // more since, before 'before' was read).
            assertTrue(console.toString().contains("geopinn: session " + id + " (laplace2d) resumed at step " + cells[4]), console.toString());

            call("stop", id);
            assertTrue(session.await(WAIT).isTerminal());
            String stopped = "geopinn: session " + id + " (laplace2d) stopped at step ";
            assertTrue(TestHost.waitUntil(() -> console.toString().contains(stopped), WAIT), console.toString());
        } finally {
            System.setOut(old);
            adam.start();
        }
    }

    @Test
    void aSessionStartedFromTheShellWritesCheckpointsWhileItTrains() throws Exception {
        // Enough points that a step takes a millisecond or more: the history a checkpoint writes stays small.
        String started = call("solve", (Object) new String[] {"laplace2d", "--optimizer", "adam", "--hidden", "16",
            "--points", "pde=4096,boundary=256", "--steps", "100000000", "--checkpoint-every", "1", "--out", "runs/shell-checkpoints"});
        String id = started.split(" ")[1];
        Session s = host.service(TrainingService.class, null, WAIT).session(id).orElseThrow();
        Path summary = host.home().resolve("runs/shell-checkpoints/summary.json");
        try {
            assertTrue(TestHost.waitUntil(() -> Files.isRegularFile(summary), WAIT), "a checkpoint within seconds of training");
            String checkpoint = Files.readString(summary);
            assertTrue(checkpoint.contains("\"checkpoint\": true") && checkpoint.contains("\"state\": \"running\""), checkpoint);
            assertTrue(Files.isRegularFile(host.home().resolve("runs/shell-checkpoints/parameters.txt")));
            assertEquals(org.geopinn.api.session.SessionState.RUNNING, s.state(), "written while the session trains");
        } finally {
            call("stop", id);
        }
        assertTrue(TestHost.waitUntil(() -> readOrEmpty(summary).contains("\"checkpoint\": false"), WAIT.multipliedBy(4)),
                "the final results replace the checkpoint when the session ends");
        assertTrue(Files.readString(summary).contains("\"state\": \"stopped\""), Files.readString(summary));
    }

    /** @return the file's text, empty while it is being replaced */
    private static String readOrEmpty(Path file) {
        try {
            return Files.readString(file);
        } catch (java.io.IOException e) {
            return "";
        }
    }

    @Test
    void aConfigurationChangedDuringASessionIsRecordedWithItsStep() throws Exception {
        String started = call("solve", (Object) new String[] {"thermoelastic1d", "--optimizer", "adam", "--hidden", "6",
            "--points", "pde-T=16,pde-u=16", "--steps", "100000", "--out", "runs/reconfigured"});
        String id = started.split(" ")[1];
        Session s = host.service(TrainingService.class, null, WAIT).session(id).orElseThrow();
        Sessions.awaitSteps(s, 3, WAIT);
        Path cfg = host.plugins().resolve("org.geopinn.problems.thermoelastic1d.cfg");
        Files.writeString(cfg, "gamma=10\n"); // FileInstall gives it to Configuration Admin: the problem is re-created
        try {
            assertTrue(TestHost.waitUntil(() -> s.problemConfigurations().size() == 2
                    && s.state() == org.geopinn.api.session.SessionState.RUNNING, WAIT), s.state() + ": " + s.message());
            long at = s.problemConfigurations().get(1).fromStep();
            Sessions.awaitSteps(s, (int) at + 2, WAIT);
            call("stop", id);
            Path dir = host.home().resolve("runs/reconfigured");
            assertTrue(TestHost.waitUntil(() -> Files.isRegularFile(dir.resolve("summary.json")), WAIT));
            java.util.List<String> history = Files.readAllLines(dir.resolve("history.csv"));
            assertTrue(history.get(0).endsWith(",optimizer,problem_config,points"), history.get(0));
            assertTrue(history.get(1).endsWith(",adam,defaults,"), "the first step names the configuration: " + history.get(1));
            String changed = history.stream().filter(l -> l.startsWith((at + 1) + ",")).findFirst().orElseThrow();
            assertTrue(changed.endsWith(",adam,gamma=10,"), "the first step with the new value: " + changed);
            assertEquals(2, history.stream().filter(l -> !l.endsWith(",adam,,")).count() - 1, "marked twice, nowhere else");
            String summary = Files.readString(dir.resolve("summary.json"));
            assertTrue(summary.contains("\"problem_config\": {},"), "the configuration the run started with: " + summary);
            assertTrue(summary.contains("\"after_step\": " + at + ","), summary);
            assertTrue(summary.contains("\"gamma\": \"10\""), summary);
        } finally {
            Files.delete(cfg);
        }
    }

    private static String sessionIds() {
        return host.service(TrainingService.class, null, WAIT).sessions().stream().map(Session::id).toList().toString();
    }

    @Test
    void aSweepRunsInTheBackgroundIntoOneFolder() throws Exception {
        Files.writeString(host.home().resolve("shell-sweep.properties"),
                "problems = poisson1d\noptimizers = adam | gd\nseeds = 0-1\nsteps = 3\nhidden = 4\n");
        String started = call("sweep", (Object) new String[] {"shell-sweep.properties", "--parallel", "2"});
        assertTrue(started.startsWith("sweep ") && started.contains("started in the background"), started);
        Path csv = host.home().resolve("runs/sweep-shell-sweep/sweep.csv");
        assertTrue(TestHost.waitUntil(() -> lines(csv) == 5, Duration.ofSeconds(120)), "four runs and a header: " + lines(csv));
        assertTrue(Files.isRegularFile(host.home().resolve("runs/sweep-shell-sweep/poisson1d-gd-h4-s1/summary.json")));
        assertEquals("geopinn: sweep file " + host.home().resolve("nope.properties") + " does not exist",
                failure("sweep", (Object) new String[] {"nope.properties"}));
    }

    private static long lines(Path file) {
        try {
            return Files.isRegularFile(file) ? Files.readAllLines(file).size() : -1;
        } catch (java.io.IOException e) {
            return -1;
        }
    }

    private static String call(String name, Object... args) throws Exception {
        try {
            return (String) method(name).invoke(commands, args);
        } catch (InvocationTargetException e) {
            throw new AssertionError("geopinn:" + name + " failed: " + e.getCause(), e.getCause());
        }
    }

    private static String failure(String name, Object... args) {
        try {
            method(name).invoke(commands, args);
        } catch (InvocationTargetException e) {
            String line = e.getCause().toString();
            assertEquals(1, line.lines().count(), line);
            return line;
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
        throw new AssertionError("geopinn:" + name + " accepted bad input");
    }

    private static Method method(String name) {
        return Arrays.stream(commands.getClass().getMethods()).filter(m -> m.getName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no command " + name));
    }

    private static ServiceReference<?> reference() {
        try {
            ServiceReference<?>[] refs = host.context().getServiceReferences((String) null,
                    "(&(osgi.command.scope=geopinn)(geopinn.id=shell))");
            return refs == null ? null : refs[0];
        } catch (org.osgi.framework.InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}

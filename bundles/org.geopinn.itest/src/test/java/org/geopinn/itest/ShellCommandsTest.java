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
        String exported = call("export", id, "runs/shell-" + id);
        Path dir = host.home().resolve("runs/shell-" + id);
        assertTrue(exported.endsWith(dir.toString()), exported);
        assertTrue(Files.isRegularFile(dir.resolve("summary.json")), Arrays.toString(dir.toFile().list()));
    }

    @Test
    void badInputIsOneLine() {
        assertEquals("geopinn: no session 'nope'; sessions are " + sessionIds(), failure("stop", "nope"));
        assertTrue(failure("solve", (Object) new String[] {"laplace2d", "--steps", "many"})
                .equals("geopinn: --steps takes a whole number, not 'many'"));
        assertTrue(failure("swap", "s1", "adam:10,gd").startsWith("geopinn: "));
        assertTrue(failure("solve", (Object) new String[] {"no-such-problem"}).contains("no-such-problem"));
    }

    private static String sessionIds() {
        return host.service(TrainingService.class, null, WAIT).sessions().stream().map(Session::id).toList().toString();
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

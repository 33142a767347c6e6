package org.geopinn.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.geopinn.api.problem.Problem;
import org.geopinn.api.session.Catalog;
import org.geopinn.api.session.Session;
import org.geopinn.api.session.SessionState;
import org.geopinn.api.session.TrainingService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Hot loading: with a host running, the example plugin's jar dropped into plugins/ makes its
 * problem usable at once; deleting the jar removes it, and a session using it pauses cleanly while
 * the host and the other sessions go on.
 */
class HotLoadTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static TestHost host;

    @BeforeAll
    static void start() {
        host = TestHost.start();
    }

    @AfterAll
    static void stop() {
        host.close();
    }

    @Test
    void aDroppedPluginIsUsableAtOnceAndItsRemovalPausesTheSessionUsingIt() throws Exception {
        TrainingService training = host.service(TrainingService.class, null, WAIT);
        Catalog catalog = host.service(Catalog.class, null, WAIT);
        Problem laplace = host.service(Problem.class, "laplace2d", WAIT);
        Session other = training.start(Sessions.quick(laplace, "adam"));

        Path jar = TestBundles.drop(TestBundles.examplePlugin(), host.plugins());
        Problem poisson = host.service(Problem.class, "poisson-sine", WAIT);
        assertTrue(TestHost.waitUntil(() -> catalog.entries().get("problems").stream()
                .anyMatch(e -> e.id().equals("poisson-sine") && e.bundle().equals("org.example.geopinn.poisson")), WAIT),
                "the catalog lists the plugin's problem");
        Session session = training.start(Sessions.quick(poisson, "adam"));
        Sessions.awaitSteps(session, 3, WAIT);

        Files.delete(jar);
        assertTrue(TestHost.waitUntil(() -> host.find(Problem.class, "poisson-sine") == null, WAIT), "the problem went away");
        assertTrue(TestHost.waitUntil(() -> session.state() == SessionState.PAUSED, WAIT),
                "the session using it pauses; it is " + session.state() + ": " + session.message());
        assertTrue(session.message().contains("poisson-sine"), "the pause says why: " + session.message());
        assertTrue(catalog.entries().get("problems").stream().noneMatch(e -> e.id().equals("poisson-sine")));

        Sessions.awaitSteps(other, Sessions.steps(other) + 3, WAIT);
        assertEquals(SessionState.RUNNING, other.state());
        assertTrue(host.host().isRunning());
        other.stop();
        session.stop();
        assertTrue(other.await(WAIT).isTerminal());
        assertTrue(session.await(WAIT).isTerminal());
    }
}

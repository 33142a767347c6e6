package org.geopinn.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.geopinn.api.problem.Problem;
import org.geopinn.api.session.Catalog;
import org.geopinn.api.session.Session;
import org.geopinn.api.session.SessionState;
import org.geopinn.api.session.TrainingService;
import org.geopinn.itest.plugin.ExplodingProblem;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;

/**
 * Bad input dropped into plugins/ of a running host: each case gives a clear one-line message and
 * leaves the host, and a session training meanwhile, running.
 */
class BadInputTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static TestHost host;
    /** A session training through every bad input, to show that it is not disturbed. */
    private static Session bystander;

    @BeforeAll
    static void start() {
        host = TestHost.start();
        Problem laplace = host.service(Problem.class, "laplace2d", WAIT);
        bystander = host.service(TrainingService.class, null, WAIT).start(Sessions.quick(laplace, "adam"));
        Sessions.awaitSteps(bystander, 1, WAIT);
    }

    @AfterAll
    static void stop() {
        bystander.stop();
        host.close();
    }

    @Test
    void aComponentThatThrowsOnActivationIsReportedAndIsolated() throws Exception {
        TestBundles.explodingPlugin(host.plugins().resolve("exploding.jar"));
        assertTrue(TestHost.waitUntil(() -> host.report().contains(ExplodingProblem.MESSAGE), WAIT),
                "no message about the failing component; report:\n" + host.report());
        String line = host.report().lines().filter(l -> l.contains(ExplodingProblem.MESSAGE)).findFirst().orElseThrow();
        assertTrue(line.startsWith("geopinn: error [org.geopinn.itest.exploding]"), line);
        Bundle exploding = host.bundle("org.geopinn.itest.exploding");
        assertEquals(Bundle.ACTIVE, exploding.getState(), "the bundle itself is installed and started");
        assertNull(host.find(Problem.class, "exploding"), "the failed component offers no service");
        assertTrue(host.service(Catalog.class, null, WAIT).entries().get("problems").stream()
                .noneMatch(e -> e.id().equals("exploding")));
        assertHostAlive();
    }

    @Test
    void aJarThatIsNotABundleIsReportedAndIgnored() throws Exception {
        TestBundles.plainJar(host.plugins().resolve("not-a-bundle.jar"));
        assertTrue(TestHost.waitUntil(() -> host.report().contains("not-a-bundle.jar"), WAIT),
                "no message about the plain jar; report:\n" + host.report());
        assertHostAlive();
    }

    @Test
    void aConfigurationWithAWrongValueIsReportedAndACorrectedOneApplies() throws Exception {
        Path cfg = host.plugins().resolve("org.example.geopinn.poisson.cfg");
        TestBundles.write(cfg, "frequency=99\n");
        TestBundles.drop(TestBundles.examplePlugin(), host.plugins());
        assertTrue(TestHost.waitUntil(() -> host.report().contains("frequency must be an integer from 1 to 8, got 99"), WAIT),
                "no message about the bad frequency; report:\n" + host.report());
        assertNull(host.find(Problem.class, "poisson-sine"), "a badly configured problem is not offered");
        assertHostAlive();

        TestBundles.write(cfg, "frequency=2\n");
        Problem fixed = host.service(Problem.class, "poisson-sine", WAIT);
        assertTrue(fixed.description().contains("sin(2πy)"), fixed.description());
        Files.delete(cfg);
        Files.delete(host.plugins().resolve(TestBundles.examplePlugin().getFileName()));
        assertTrue(TestHost.waitUntil(() -> host.find(Problem.class, "poisson-sine") == null, WAIT));
    }

    private static void assertHostAlive() {
        assertTrue(host.host().isRunning(), "the framework stopped");
        Sessions.awaitSteps(bystander, Sessions.steps(bystander) + 2, WAIT);
        assertEquals(SessionState.RUNNING, bystander.state(), bystander.message());
        assertEquals(Bundle.ACTIVE, host.bundle("org.apache.felix.scr").getState());
        assertEquals(Bundle.ACTIVE, host.bundle("org.apache.felix.fileinstall").getState());
    }
}

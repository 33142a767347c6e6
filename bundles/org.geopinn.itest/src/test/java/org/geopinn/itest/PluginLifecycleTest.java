package org.geopinn.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.geopinn.api.ServiceProperties;
import org.geopinn.api.optimizer.OptimizerFactory;
import org.geopinn.api.problem.Problem;
import org.geopinn.api.session.Catalog;
import org.geopinn.api.session.Session;
import org.geopinn.api.session.TrainingService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;

/**
 * Plugins written on the problem builder, in a running host: the example plugin solved, replaced by
 * a new version of its jar and removed; the problem and optimizer projects that
 * {@code ./geopinn new-plugin} writes (built unchanged by the reactor) hot-loaded and trained
 * together.
 */
class PluginLifecycleTest {
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
    void theBuilderBasedExampleIsSolvedReplacedByANewVersionAndRemoved() throws Exception {
        TrainingService training = host.service(TrainingService.class, null, WAIT);
        Path jar = TestBundles.drop(TestBundles.examplePlugin(), host.plugins());
        Problem first = host.service(Problem.class, "poisson-sine", WAIT);
        Catalog catalog = host.service(Catalog.class, null, WAIT);
        assertTrue(TestHost.waitUntil(() -> catalog.entries().get("problems").stream()
                .anyMatch(e -> e.id().equals("poisson-sine")), WAIT), "the catalog lists the plugin's problem");
        assertEquals("1.0.0", providerVersion("poisson-sine"));
        Session session = training.start(Sessions.quick(first, "adam"));
        Sessions.awaitSteps(session, 3, WAIT);
        session.stop();
        assertTrue(session.await(WAIT).isTerminal());

        // A new release under the same file name: FileInstall updates the bundle in place.
        Path release = Files.createTempDirectory("geopinn-release-").resolve(jar.getFileName());
        TestBundles.withVersion(TestBundles.examplePlugin(), "1.0.1", release);
        TestBundles.drop(release, host.plugins());
        assertTrue(TestHost.waitUntil(() -> "1.0.1".equals(providerVersion("poisson-sine")), WAIT),
                "the problem now comes from version 1.0.1; host report:\n" + host.report());
        Problem second = host.service(Problem.class, "poisson-sine", WAIT);
        assertTrue(TestHost.waitUntil(() -> catalog.entries().get("problems").stream()
                .anyMatch(e -> e.id().equals("poisson-sine")), WAIT), "the catalog lists the new version's problem");
        Session again = startWhenKnown(training, Sessions.quick(second, "adam"));
        Sessions.awaitSteps(again, 3, WAIT);
        again.stop();
        assertTrue(again.await(WAIT).isTerminal());

        Files.delete(jar);
        assertTrue(TestHost.waitUntil(() -> host.find(Problem.class, "poisson-sine") == null, WAIT), "the problem went away");
        assertTrue(TestHost.waitUntil(() -> host.bundle("org.example.geopinn.poisson") == null, WAIT), "the bundle went away");
    }

    @Test
    void theGeneratedProblemAndOptimizerPluginsHotLoadAndTrainTogether() throws Exception {
        TrainingService training = host.service(TrainingService.class, null, WAIT);
        TestBundles.drop(TestBundles.generatedPlugin("sine-problem"), host.plugins());
        TestBundles.drop(TestBundles.generatedPlugin("momentum"), host.plugins());
        Problem problem = host.service(Problem.class, "sine-problem", WAIT);
        host.service(OptimizerFactory.class, "momentum", WAIT);
        // The engine tracks services on its own; start once its catalog lists both.
        Catalog catalog = host.service(Catalog.class, null, WAIT);
        assertTrue(TestHost.waitUntil(() -> catalog.entries().get("problems").stream().anyMatch(e -> e.id().equals("sine-problem"))
                && catalog.entries().get("optimizers").stream().anyMatch(e -> e.id().equals("momentum")), WAIT), "the catalog lists both");
        // The problem's own collocation points (a 1-D boundary has two).
        Session session = training.start(org.geopinn.api.session.SessionSpec.builder(problem.id()).hidden(6)
                .optimizers("momentum").maxSteps(1_000_000).seed(7).build());
        Sessions.awaitSteps(session, 5, WAIT);
        assertTrue(session.state().toString().equals("RUNNING"), session.state() + ": " + session.message());
        session.stop();
        assertTrue(session.await(WAIT).isTerminal());
    }

    /**
     * Starts a session, retrying while the engine has not yet seen a service that was just
     * re-registered (it tracks services on its own thread).
     */
    private static Session startWhenKnown(TrainingService training, org.geopinn.api.session.SessionSpec spec) {
        long end = System.nanoTime() + WAIT.toNanos();
        while (true) {
            try {
                return training.start(spec);
            } catch (org.geopinn.api.GeopinnException e) {
                if (!e.getMessage().startsWith("unknown problem") || System.nanoTime() > end) {
                    throw e;
                }
                TestHost.waitUntil(() -> false, Duration.ofMillis(100));
            }
        }
    }

    /** @return the version of the bundle registering the problem with that id, or null */
    private static String providerVersion(String id) {
        try {
            for (ServiceReference<Problem> ref : host.context().getServiceReferences(Problem.class,
                    "(" + ServiceProperties.ID + "=" + id + ")")) {
                if (ref.getBundle() != null) {
                    return ref.getBundle().getVersion().toString();
                }
            }
            return null;
        } catch (InvalidSyntaxException e) {
            throw new IllegalArgumentException(e);
        }
    }
}

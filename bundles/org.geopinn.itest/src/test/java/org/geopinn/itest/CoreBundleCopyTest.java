package org.geopinn.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import org.geopinn.api.optimizer.OptimizerFactory;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;

/**
 * A copy of a core bundle's jar in plugins/ (here the Adam optimizer's) is refused with one line,
 * and deleting it leaves the core bundle installed and untouched: FileInstall would otherwise
 * update the core bundle from the copy and uninstall it with the copy.
 */
class CoreBundleCopyTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String ADAM = "org.geopinn.optimizer.adam";

    @Test
    void aCopyDroppedIntoARunningHostIsRefusedAndItsDeletionLeavesTheCoreBundle() throws Exception {
        try (TestHost host = TestHost.start()) {
            Bundle core = host.bundle(ADAM);
            assertNotNull(core);
            long id = core.getBundleId();
            long modified = core.getLastModified();
            String location = core.getLocation();

            Path copy = TestBundles.drop(Path.of(URI.create(location)), host.plugins());
            assertTrue(TestHost.waitUntil(() -> refusal(host, copy) != null, WAIT), "no refusal line; report:\n" + host.report());
            String line = refusal(host, copy);
            assertTrue(line.contains(ADAM) && line.contains("core bundle"), line);
            assertUntouched(host, id, modified, location);

            Files.delete(copy);
            assertTrue(TestHost.waitUntil(() -> host.report().contains(copy.getFileName() + " was removed"), WAIT),
                    "the removal is seen; report:\n" + host.report());
            // a few more scans of plugins/ (polled every 250 ms in tests)
            Thread.sleep(1000);
            assertUntouched(host, id, modified, location);
            assertNotNull(host.service(OptimizerFactory.class, "adam", WAIT), "Adam is still offered");
        }
    }

    @Test
    void aCopyPresentWhenTheHostStartsIsRefusedToo() throws Exception {
        Path home = Files.createTempDirectory("geopinn-itest-copy-");
        Path plugins = Files.createDirectories(home.resolve("plugins"));
        Path repositoryJar;
        // The core jar as the launcher installs it: from a first host's bundle location.
        try (TestHost first = TestHost.start()) {
            repositoryJar = Path.of(URI.create(first.bundle(ADAM).getLocation()));
        }
        Path copy = TestBundles.drop(repositoryJar, plugins);
        try (TestHost host = TestHost.start(b -> b.home(home))) {
            assertTrue(TestHost.waitUntil(() -> refusal(host, copy) != null, WAIT), "no refusal line; report:\n" + host.report());
            Bundle core = host.bundle(ADAM);
            assertEquals(repositoryJar.toUri().toString(), core.getLocation());
            assertFalse(host.report().contains("Updating this bundle instead"), host.report());
            long id = core.getBundleId();
            long modified = core.getLastModified();
            Files.delete(copy);
            assertTrue(TestHost.waitUntil(() -> host.report().contains(copy.getFileName() + " was removed"), WAIT), host.report());
            Thread.sleep(1000);
            assertUntouched(host, id, modified, core.getLocation());
        } finally {
            Files.deleteIfExists(copy);
            Files.deleteIfExists(plugins);
            Files.deleteIfExists(home);
        }
    }

    private static String refusal(TestHost host, Path copy) {
        return host.report().lines().filter(l -> l.contains("plugins/" + copy.getFileName() + " is refused")).findFirst().orElse(null);
    }

    private static void assertUntouched(TestHost host, long id, long modified, String location) {
        Bundle[] adams = Arrays.stream(host.context().getBundles()).filter(b -> ADAM.equals(b.getSymbolicName())).toArray(Bundle[]::new);
        assertEquals(1, adams.length, "exactly one Adam bundle");
        Bundle core = adams[0];
        assertEquals(id, core.getBundleId(), "the same bundle, never uninstalled and reinstalled");
        assertEquals(location, core.getLocation());
        assertEquals(modified, core.getLastModified(), "never updated from the copy");
        assertEquals(Bundle.ACTIVE, core.getState());
    }
}

package org.geopinn.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.geopinn.launcher.BundleRepository;
import org.geopinn.launcher.HostFeature;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.service.feature.ID;

/** The host holds exactly the bundles its features name, all started. */
class HostAssemblyTest {
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
    void theFeaturesAreWhatIsInstalledAndEveryBundleIsActive() throws Exception {
        BundleRepository repository = BundleRepository.forHost(TestHost.hostDir());
        Set<String> expected = new TreeSet<>();
        for (String name : TestHost.FEATURES) {
            for (ID id : HostFeature.read(TestHost.hostDir().resolve("features"), name).bundles()) {
                try (var jar = new java.util.jar.JarFile(repository.locate(id).toFile())) {
                    expected.add(jar.getManifest().getMainAttributes().getValue(Constants.BUNDLE_SYMBOLICNAME).split(";")[0]);
                }
            }
        }
        expected.remove("org.geopinn.api"); // exported by the system bundle from the test's class path
        Set<String> installed = new TreeSet<>();
        for (Bundle b : host.context().getBundles()) {
            if (b.getBundleId() == 0) {
                continue;
            }
            installed.add(b.getSymbolicName());
            assertEquals(Bundle.ACTIVE, b.getState(), b.getSymbolicName() + " is not active");
        }
        assertEquals(expected, installed);
        assertTrue(host.host().problems().isEmpty(), "problems while starting: " + host.host().problems());
    }

    @Test
    void theShellCommandsRegisterWithTheirScopeAndFunctions() throws Exception {
        assertTrue(TestHost.waitUntil(() -> commands() != null, Duration.ofSeconds(10)), "no geopinn commands");
        List<String> functions = Arrays.asList((String[]) commands().getProperty("osgi.command.function"));
        assertTrue(functions.containsAll(List.of("list", "solve", "status", "swap", "stop", "export", "diagnose")),
                functions.toString());
        Object commands = host.context().getService(commands());
        assertNotNull(commands);
        String list = (String) commands.getClass().getMethod("list").invoke(commands);
        assertTrue(list.contains("problems (") && list.contains("laplace2d"), list);
        Exception bad = org.junit.jupiter.api.Assertions.assertThrows(java.lang.reflect.InvocationTargetException.class,
                () -> commands.getClass().getMethod("stop", String.class).invoke(commands, "s404"));
        assertEquals("geopinn: no session 's404'; sessions are []", bad.getCause().toString());
    }

    private static ServiceReference<?> commands() {
        try {
            ServiceReference<?>[] refs = host.context().getServiceReferences((String) null, "(&(osgi.command.scope=geopinn)(geopinn.id=shell))");
            return refs == null ? null : refs[0];
        } catch (org.osgi.framework.InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}

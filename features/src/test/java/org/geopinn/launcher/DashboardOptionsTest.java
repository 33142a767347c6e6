package org.geopinn.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.osgi.service.feature.ID;

/** The launcher's dashboard options and the dashboard feature. */
class DashboardOptionsTest {
    @Test
    void theOptionsLeaveTheLineAndBecomeFrameworkProperties() {
        DashboardOptions o = new DashboardOptions();
        List<String> rest = DashboardOptions.extract(List.of("solve", "--dashboard-port", "9123", "laplace2d", "--dashboard-token=abc",
                "--steps", "5"), o);
        assertEquals(List.of("solve", "laplace2d", "--steps", "5"), rest);
        assertTrue(o.wanted(), "a dashboard option implies --dashboard");
        Map<String, String> p = o.properties();
        assertEquals("9123", p.get("org.osgi.service.http.port"));
        assertEquals("abc", p.get("geopinn.dashboard.token"));
        assertFalse(p.containsKey("org.apache.felix.http.host"), "127.0.0.1 from the feature unless an address is given");

        DashboardOptions none = new DashboardOptions();
        assertEquals(List.of("list"), DashboardOptions.extract(List.of("list"), none));
        assertFalse(none.wanted());

        DashboardOptions elsewhere = new DashboardOptions();
        DashboardOptions.extract(List.of("--dashboard-address", "0.0.0.0", "--dashboard-port", "9124"), elsewhere);
        assertEquals("0.0.0.0", elsewhere.properties().get("org.apache.felix.http.host"));
    }

    @Test
    void badValuesAreOneLine() {
        assertEquals("--dashboard-port 0: a port from 1 to 65535", assertThrows(LaunchException.class,
                () -> DashboardOptions.extract(List.of("--dashboard-port", "0"), new DashboardOptions())).getMessage());
        assertEquals("--dashboard-port x: a port from 1 to 65535", assertThrows(LaunchException.class,
                () -> DashboardOptions.extract(List.of("--dashboard-port=x"), new DashboardOptions())).getMessage());
        assertEquals("--dashboard-address needs a value", assertThrows(LaunchException.class,
                () -> DashboardOptions.extract(List.of("--dashboard-address", "--steps"), new DashboardOptions())).getMessage());
        assertTrue(assertThrows(LaunchException.class, () -> DashboardOptions.extract(List.of("--dashboard=1"), new DashboardOptions()))
                .getMessage().startsWith("--dashboard takes no value"));
    }

    @Test
    void aTakenDefaultPortGivesWayToAFreeOne() throws Exception {
        try (ServerSocket taken = new ServerSocket()) {
            try {
                taken.bind(new java.net.InetSocketAddress("127.0.0.1", DashboardOptions.DEFAULT_PORT));
            } catch (java.io.IOException alreadyInUse) {
                // someone else holds it: the same situation
            }
            DashboardOptions o = new DashboardOptions();
            DashboardOptions.extract(List.of("--dashboard"), o);
            int port = Integer.parseInt(o.properties().get("org.osgi.service.http.port"));
            assertTrue(port != DashboardOptions.DEFAULT_PORT && port > 0, "port " + port);
        }
    }

    @Test
    void theDashboardFeatureListensOnLoopbackAndItsBundlesAreInTheHost() {
        Path host = Path.of("target", "host");
        HostFeature feature = HostFeature.read(host.resolve("features"), DashboardOptions.FEATURE);
        assertEquals("127.0.0.1", feature.launchProperties().get("org.apache.felix.http.host"));
        BundleRepository repository = new BundleRepository(List.of(host.resolve("repository")));
        for (ID id : feature.bundles()) {
            assertTrue(repository.find(id).isPresent(), id + " is not copied into the host repository");
        }
        assertTrue(feature.bundles().stream().anyMatch(id -> id.getArtifactId().equals("org.geopinn.dashboard")));
    }
}

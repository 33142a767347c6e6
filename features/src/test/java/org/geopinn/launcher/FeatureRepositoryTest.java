package org.geopinn.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.osgi.service.feature.ID;

/** The assembled host holds every bundle its features name, in the reactor's version. */
class FeatureRepositoryTest {
    private static final Path HOST = Path.of("target", "host");

    @Test
    void everyBundleOfEveryFeatureIsInTheHostRepository() {
        BundleRepository repository = new BundleRepository(List.of(HOST.resolve("repository")));
        for (String name : HostBuilder.HOST_FEATURES) {
            HostFeature feature = HostFeature.read(HOST.resolve("features"), name);
            assertFalse(feature.bundles().isEmpty(), name);
            for (ID id : feature.bundles()) {
                assertTrue(repository.find(id).isPresent(), "feature " + name + " names " + id
                        + ", which features/pom.xml does not copy into the host repository");
            }
        }
    }

    @Test
    void geopinnBundlesCarryTheReactorVersion() {
        String version = System.getProperty("project.version", "0.1.0-SNAPSHOT");
        HostFeature core = HostFeature.read(HOST.resolve("features"), "core");
        List<ID> ours = core.bundles().stream().filter(id -> id.getGroupId().equals("org.geopinn")).toList();
        assertTrue(ours.size() >= 10, "core names the Geopinn bundles");
        ours.forEach(id -> assertEquals(version, id.getVersion(), id.toString()));
    }

    @Test
    void launchPropertiesOfFeaturesArePlaceholdersFilledAtStart() {
        Map<String, String> p = HostFeature.read(HOST.resolve("features"), "plugins").launchProperties();
        assertEquals("${geopinn.home}/plugins", p.get("felix.fileinstall.dir"));
        assertEquals("/h/plugins", HostBuilder.substitute(p.get("felix.fileinstall.dir"), Map.of("geopinn.home", "/h")));
        LaunchException e = assertThrows(LaunchException.class, () -> HostBuilder.substitute("${nope}/x", Map.of()));
        assertTrue(e.getMessage().contains("${nope}"), e.getMessage());
    }

    @Test
    void aMissingFeatureIsOneClearMessage() {
        LaunchException e = assertThrows(LaunchException.class, () -> HostFeature.read(HOST.resolve("features"), "nope"));
        assertTrue(e.getMessage().startsWith("feature 'nope' not found"), e.getMessage());
    }
}

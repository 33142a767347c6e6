package org.geopinn.itest;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Portability: the core feature starts in Eclipse Equinox as well as in Felix, through the same
 * launcher code and the standard OSGi launch API. Equinox runs in a class loader of its own (its
 * jar carries its own org.osgi.framework classes, so it cannot share the test's class path with
 * Felix); the Felix framework jar is left out of that loader.
 */
class EquinoxTest {
    @Test
    void theCoreFeatureStartsInEquinoxAndItsServicesAreThere(@TempDir Path home) throws Exception {
        Path equinox = Path.of(System.getProperty("geopinn.equinox.jar", "target/equinox/org.eclipse.osgi.jar"));
        assertTrue(Files.isRegularFile(equinox), "Equinox jar missing: " + equinox);
        List<URL> urls = new ArrayList<>();
        urls.add(equinox.toUri().toURL());
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            String name = Path.of(entry).getFileName().toString();
            // Not Felix, and not the API: in Equinox the API is the real bundle of the core feature.
            if (!name.startsWith("org.apache.felix.framework") && !entry.contains("org.geopinn.api")
                    && !entry.replace('\\', '/').contains("bundles/org.geopinn.api/")) {
                urls.add(Path.of(entry).toUri().toURL());
            }
        }
        String report;
        try (URLClassLoader loader = new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader())) {
            report = (String) loader.loadClass(EquinoxProbe.class.getName())
                    .getMethod("probe", String.class, String.class)
                    .invoke(null, TestHost.hostDir().toAbsolutePath().toString(), home.toString());
        }
        System.out.println(report);
        assertTrue(report.startsWith("framework org.eclipse.osgi"), report);
        assertFalse(report.contains("problem "), report);
        assertFalse(report.lines().anyMatch(l -> l.startsWith("bundle ") && !l.endsWith("ACTIVE")), report);
        assertFalse(report.contains("UNAVAILABLE"), report);
        for (String kind : List.of("Catalog", "TrainingService", "ModelFactory", "OperatorEngine", "Sampler")) {
            assertTrue(report.contains("service org.geopinn.api." ) && report.lines().anyMatch(
                    l -> l.startsWith("service ") && l.contains("." + kind + " ") && l.endsWith(" OK")), kind + " missing:\n" + report);
        }
        assertTrue(report.contains("catalog {") && report.contains("mlp"), report);
    }
}

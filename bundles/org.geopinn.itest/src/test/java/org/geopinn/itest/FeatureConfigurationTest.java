package org.geopinn.itest;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.geopinn.api.problem.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A feature of one's own (here: the example plugin with a configuration) added to a host: its
 * bundle is installed from an extra repository and its configuration reaches the component through
 * Configuration Admin.
 */
class FeatureConfigurationTest {
    @Test
    void aFeaturesConfigurationConfiguresItsComponent(@TempDir Path dir) throws Exception {
        Path repository = dir.resolve("repository");
        Path jar = repository.resolve("org/example/geopinn/poisson-sine-plugin/1.0.0/poisson-sine-plugin-1.0.0.jar");
        Files.createDirectories(jar.getParent());
        Files.copy(TestBundles.examplePlugin(), jar);
        Path feature = dir.resolve("example.json");
        Files.writeString(feature, """
                {
                  "feature-resource-version": "1.0",
                  "id": "org.example.geopinn:site:osgifeature:1.0.0",
                  "bundles": [{"id": "org.example.geopinn:poisson-sine-plugin:1.0.0"}],
                  "configurations": {"org.example.geopinn.poisson": {"frequency": 3}}
                }
                """);
        try (TestHost host = TestHost.start(b -> b.feature(feature).repository(repository))) {
            Problem p = host.service(Problem.class, "poisson-sine", Duration.ofSeconds(20));
            assertTrue(TestHost.waitUntil(() -> host.service(Problem.class, "poisson-sine", Duration.ofSeconds(5))
                    .description().contains("sin(3πy)"), Duration.ofSeconds(20)), p.description());
            assertTrue(host.host().problems().isEmpty(), host.host().problems().toString());
        }
    }
}

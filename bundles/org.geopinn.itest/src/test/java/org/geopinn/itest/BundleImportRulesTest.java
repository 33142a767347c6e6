package org.geopinn.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The import rules of docs/ARCHITECTURE.md, checked on the manifests of the built bundles
 * ({@code bundles/*}{@code /target/*.jar}): a bundle importing a package it must not fails the build.
 */
class BundleImportRulesTest {
    private static final Path BUNDLES = Path.of(System.getProperty("geopinn.bundles.dir", "../../bundles"));
    /** Modules under bundles/ that are tests, not bundles of the host. */
    private static final Set<String> TEST_MODULES = Set.of("org.geopinn.itest", "org.geopinn.clitest");

    /** What a built bundle imports and exports (package names, without attributes). */
    record Bundle(String name, List<String> imports, List<String> exports) {
    }

    @Test
    void everyBuiltBundleImportsOnlyWhatItsLayerAllows() throws IOException {
        List<Bundle> bundles = builtBundles();
        assertTrue(bundles.size() >= 20, "found only " + bundles.size() + " built bundles under " + BUNDLES.toAbsolutePath());
        List<String> violations = ImportRules.violations(bundles);
        assertEquals(List.of(), violations, "bundles importing packages docs/ARCHITECTURE.md does not allow");
    }

    @Test
    void theRulesRejectWhatTheArchitectureForbids() {
        List<Bundle> base = List.of(
                new Bundle("org.geopinn.api", List.of("org.geopinn.api.optimizer"), List.of("org.geopinn.api", "org.geopinn.api.optimizer")),
                new Bundle("org.geopinn.linalg", List.of("org.geopinn.api"), List.of("org.geopinn.linalg")),
                new Bundle("org.geopinn.settings", List.of("org.geopinn.api"), List.of("org.geopinn.settings")),
                new Bundle("org.geopinn.models", List.of("org.geopinn.api"), List.of("org.geopinn.models")),
                new Bundle("org.geopinn.operators", List.of("org.geopinn.api", "org.geopinn.linalg"), List.of("org.geopinn.operators")),
                new Bundle("org.geopinn.samplers", List.of("org.geopinn.api"), List.of("org.geopinn.samplers")),
                new Bundle("org.geopinn.cli", List.of("org.geopinn.api", "org.geopinn.models"), List.of("org.geopinn.cli.solve")),
                new Bundle("org.geopinn.expr", List.of("org.geopinn.api"), List.of("org.geopinn.expr")),
                new Bundle("org.geopinn.diagnostics", List.of("org.geopinn.expr", "org.geopinn.operators"), List.of("org.geopinn.diagnostics")),
                new Bundle("org.geopinn.reproductions", List.of("org.geopinn.models", "org.geopinn.operators", "org.geopinn.samplers",
                        "org.geopinn.diagnostics", "org.geopinn.expr"), List.of()),
                new Bundle("org.geopinn.engine", List.of("org.geopinn.api", "org.geopinn.samplers", "org.geopinn.models"), List.of()),
                new Bundle("org.geopinn.optimizer.adam", List.of("org.geopinn.api.optimizer", "org.geopinn.linalg", "org.geopinn.settings"),
                        List.of()),
                new Bundle("org.geopinn.dashboard", List.of("org.geopinn.api", "org.geopinn.cli.solve"), List.of()));
        assertEquals(List.of(), ImportRules.violations(base), "the allowed graph passes");

        assertOneViolation(base, new Bundle("org.geopinn.api", List.of("org.geopinn.linalg"),
                List.of("org.geopinn.api", "org.geopinn.api.optimizer")),
                "org.geopinn.api imports org.geopinn.linalg");
        assertOneViolation(base, new Bundle("org.geopinn.api", List.of("org.geopinn.expr"),
                List.of("org.geopinn.api", "org.geopinn.api.optimizer")),
                "org.geopinn.api imports org.geopinn.expr");
        assertOneViolation(base, new Bundle("org.geopinn.diagnostics", List.of("org.geopinn.models", "org.geopinn.operators"),
                List.of("org.geopinn.diagnostics")),
                "org.geopinn.diagnostics imports org.geopinn.models");
        assertOneViolation(base, new Bundle("org.geopinn.models", List.of("org.geopinn.diagnostics"), List.of("org.geopinn.models")),
                "org.geopinn.models imports org.geopinn.diagnostics");
        assertOneViolation(base, new Bundle("org.geopinn.optimizer.adam", List.of("org.geopinn.api", "org.geopinn.models"), List.of()),
                "org.geopinn.optimizer.adam imports org.geopinn.models");
        assertOneViolation(base, new Bundle("org.geopinn.optimizer.adam", List.of("org.geopinn.engine.internal"), List.of()),
                "exported by no bundle");
        assertOneViolation(base, new Bundle("org.geopinn.samplers", List.of("org.geopinn.operators"), List.of("org.geopinn.samplers")),
                "org.geopinn.samplers imports org.geopinn.operators");
        assertOneViolation(base, new Bundle("org.geopinn.linalg", List.of("org.geopinn.models"), List.of("org.geopinn.linalg")),
                "org.geopinn.linalg imports org.geopinn.models");
        assertOneViolation(base, new Bundle("org.geopinn.models", List.of("org.geopinn.cli.solve"), List.of("org.geopinn.models")),
                "org.geopinn.models imports org.geopinn.cli.solve");
    }

    private static void assertOneViolation(List<Bundle> base, Bundle replacement, String expected) {
        List<Bundle> changed = new ArrayList<>();
        for (Bundle b : base) {
            changed.add(b.name().equals(replacement.name()) ? replacement : b);
        }
        List<String> v = ImportRules.violations(changed);
        assertEquals(1, v.size(), v.toString());
        assertTrue(v.get(0).contains(expected), v.get(0));
    }

    private static List<Bundle> builtBundles() throws IOException {
        List<Bundle> out = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(BUNDLES)) {
            for (Path dir : dirs.filter(d -> Files.isRegularFile(d.resolve("bnd.bnd"))).sorted().toList()) {
                String name = dir.getFileName().toString();
                if (TEST_MODULES.contains(name)) {
                    continue;
                }
                Path jar = builtJar(dir, name);
                if (jar == null) {
                    missing.add(name);
                    continue;
                }
                try (JarFile f = new JarFile(jar.toFile())) {
                    Manifest m = f.getManifest();
                    String bsn = m.getMainAttributes().getValue("Bundle-SymbolicName");
                    assertTrue(bsn != null, jar + " has no Bundle-SymbolicName");
                    out.add(new Bundle(bsn.split(";")[0].trim(), packages(m.getMainAttributes().getValue("Import-Package")),
                            packages(m.getMainAttributes().getValue("Export-Package"))));
                }
            }
        }
        if (!missing.isEmpty()) {
            fail("no built jar under target/ for " + missing + ": build the bundles first (mvn -B install)");
        }
        return out;
    }

    private static Path builtJar(Path dir, String name) throws IOException {
        Path target = dir.resolve("target");
        if (!Files.isDirectory(target)) {
            return null;
        }
        try (Stream<Path> jars = Files.list(target)) {
            return jars.filter(j -> {
                String f = j.getFileName().toString();
                return f.startsWith(name + "-") && f.endsWith(".jar") && !f.endsWith("-tests.jar") && !f.endsWith("-sources.jar")
                        && !f.endsWith("-javadoc.jar");
            }).findFirst().orElse(null);
        }
    }

    /** @param header an Import-Package or Export-Package header, or null @return its package names */
    static List<String> packages(String header) {
        List<String> out = new ArrayList<>();
        if (header == null || header.isBlank()) {
            return out;
        }
        StringBuilder clause = new StringBuilder();
        boolean quoted = false;
        for (char c : (header + ",").toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            }
            if (c == ',' && !quoted) {
                String p = clause.toString().split(";")[0].trim();
                if (!p.isEmpty()) {
                    out.add(p);
                }
                clause.setLength(0);
            } else {
                clause.append(c);
            }
        }
        return out;
    }
}

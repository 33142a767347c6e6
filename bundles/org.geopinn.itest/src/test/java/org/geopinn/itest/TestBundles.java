package org.geopinn.itest;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.geopinn.itest.plugin.ExplodingProblem;
import org.geopinn.itest.plugin.ProblemsStopper;

/** Jars the bad-input tests drop into plugins/, written at test time. */
final class TestBundles {
    private TestBundles() {
    }

    /**
     * A bundle with one Declarative Services component, {@link ExplodingProblem}, that throws on
     * activation (immediate, so SCR activates it as soon as the bundle starts).
     */
    static void explodingPlugin(Path jar) throws IOException {
        Manifest m = bundleManifest("org.geopinn.itest.exploding", "org.geopinn.api;version=\"[1.0,2)\",org.geopinn.api.expr;version=\"[2.0,3)\","
                + "org.geopinn.expr;version=\"[1.0,2)\",org.geopinn.api.problem;version=\"[4.0,5)\"");
        m.getMainAttributes().putValue("Service-Component", "OSGI-INF/exploding.xml");
        String cls = ExplodingProblem.class.getName().replace('.', '/') + ".class";
        String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<scr:component xmlns:scr=\"http://www.osgi.org/xmlns/scr/v1.3.0\" name=\"exploding\" immediate=\"true\" activate=\"activate\">\n"
                + "  <implementation class=\"" + ExplodingProblem.class.getName() + "\"/>\n"
                + "  <service><provide interface=\"org.geopinn.api.problem.Problem\"/></service>\n"
                + "  <property name=\"geopinn.id\" value=\"exploding\"/>\n"
                + "</scr:component>\n";
        Path tmp = outside(jar);
        try (OutputStream out = Files.newOutputStream(tmp); JarOutputStream j = new JarOutputStream(out, m);
                InputStream classBytes = TestBundles.class.getClassLoader().getResourceAsStream(cls)) {
            j.putNextEntry(new JarEntry(cls));
            classBytes.transferTo(j);
            j.putNextEntry(new JarEntry("OSGI-INF/exploding.xml"));
            j.write(xml.getBytes(StandardCharsets.UTF_8));
        }
        moveInto(tmp, jar);
    }

    /**
     * A bundle whose activator stops the built-in problems bundle when the file
     * {@link ProblemsStopper#TRIGGER} appears in the Geopinn home.
     */
    static void problemsStopperPlugin(Path jar) throws IOException {
        Manifest m = bundleManifest("org.geopinn.itest.stopper", "org.osgi.framework;version=\"[1.8,2)\"");
        m.getMainAttributes().putValue("Bundle-Activator", ProblemsStopper.class.getName());
        String cls = ProblemsStopper.class.getName().replace('.', '/') + ".class";
        Path tmp = outside(jar);
        try (OutputStream out = Files.newOutputStream(tmp); JarOutputStream j = new JarOutputStream(out, m);
                InputStream classBytes = TestBundles.class.getClassLoader().getResourceAsStream(cls)) {
            j.putNextEntry(new JarEntry(cls));
            classBytes.transferTo(j);
        }
        moveInto(tmp, jar);
    }

    /** @return the main headers of a test bundle at version 1.0.0 with its imports */
    private static Manifest bundleManifest(String symbolicName, String imports) {
        Manifest m = new Manifest();
        Attributes a = m.getMainAttributes();
        a.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        a.putValue("Bundle-ManifestVersion", "2");
        a.putValue("Bundle-SymbolicName", symbolicName);
        a.putValue("Bundle-Version", "1.0.0");
        a.putValue("Import-Package", imports);
        return m;
    }

    /** A jar without any OSGi header: not a bundle. */
    static void plainJar(Path jar) throws IOException {
        Manifest m = new Manifest();
        m.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        Path tmp = outside(jar);
        try (OutputStream out = Files.newOutputStream(tmp); JarOutputStream j = new JarOutputStream(out, m)) {
            j.putNextEntry(new JarEntry("readme.txt"));
            j.write("just a library, not a bundle".getBytes(StandardCharsets.UTF_8));
        }
        moveInto(tmp, jar);
    }

    /**
     * A bundle that cannot resolve: it imports a package no bundle exports.
     *
     * @param jar where to write it
     */
    static void unresolvablePlugin(Path jar) throws IOException {
        Manifest m = bundleManifest("org.geopinn.itest.unresolvable", "org.example.nowhere");
        Path tmp = outside(jar);
        try (OutputStream out = Files.newOutputStream(tmp); JarOutputStream j = new JarOutputStream(out, m)) {
            j.putNextEntry(new JarEntry("readme.txt"));
            j.write("needs a package nobody exports".getBytes(StandardCharsets.UTF_8));
        }
        moveInto(tmp, jar);
    }

    /**
     * A copy of a bundle with another Bundle-Version (a "new release" of a plugin).
     *
     * @param jar the bundle
     * @param version the new version
     * @param copy where to write the copy (outside a watched folder)
     */
    static void withVersion(Path jar, String version, Path copy) throws IOException {
        try (java.util.jar.JarFile in = new java.util.jar.JarFile(jar.toFile())) {
            Manifest m = new Manifest(in.getManifest());
            m.getMainAttributes().putValue("Bundle-Version", version);
            try (OutputStream out = Files.newOutputStream(copy); JarOutputStream j = new JarOutputStream(out, m)) {
                for (var entries = in.entries(); entries.hasMoreElements();) {
                    JarEntry e = entries.nextElement();
                    if (e.getName().equals("META-INF/MANIFEST.MF")) {
                        continue;
                    }
                    j.putNextEntry(new JarEntry(e.getName()));
                    try (InputStream body = in.getInputStream(e)) {
                        body.transferTo(j);
                    }
                }
            }
        }
    }

    /** @return a plugin jar written by ./geopinn new-plugin and built by the reactor (examples/generated/NAME) */
    static Path generatedPlugin(String name) {
        Path jar = Path.of(System.getProperty("geopinn.generated.dir", "../../examples/generated"))
                .resolve(name + "/target/" + name + "-plugin-1.0.0.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("the generated plugin is not built: " + jar);
        }
        return jar;
    }

    /** @return the example plugin's jar, built by the reactor before this module */
    static Path examplePlugin() {
        Path jar = Path.of(System.getProperty("geopinn.example.jar",
                "../../examples/pde-plugin/target/poisson-sine-plugin-1.0.0.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("the example plugin is not built: " + jar);
        }
        return jar;
    }

    /** Copies a jar into a folder watched by FileInstall in one atomic step (no half-written jar is seen). */
    static Path drop(Path jar, Path folder) throws IOException {
        Path tmp = outside(folder.resolve(jar.getFileName()));
        Files.copy(jar, tmp, StandardCopyOption.REPLACE_EXISTING);
        Path target = folder.resolve(jar.getFileName());
        moveInto(tmp, target);
        return target;
    }

    /** Writes a text file (e.g. a .cfg) atomically. */
    static void write(Path file, String text) throws IOException {
        Path tmp = outside(file);
        Files.writeString(tmp, text);
        moveInto(tmp, file);
    }

    /** A temporary file beside the watched folder, never inside it (FileInstall would see it). */
    private static Path outside(Path target) {
        return target.getParent().resolveSibling(target.getFileName() + ".part");
    }

    private static void moveInto(Path tmp, Path target) throws IOException {
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}

package org.geopinn.launcher;

import java.io.IOException;
import java.io.Reader;
import java.lang.reflect.InvocationTargetException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Consumer;
import java.util.jar.Attributes;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;

/**
 * Installs the plugin jars a host loads at start (see {@link PluginFiles}) and applies the
 * {@code .cfg} files beside them. Every plugin that cannot be used is reported on one line naming
 * the jar and the reason, and the host goes on without it.
 */
final class PluginBundles {
    /** Property FileInstall puts on the configurations it creates; components use it to name their origin. */
    static final String FILENAME = "felix.fileinstall.filename";
    /** The factory PID of problems declared in a configuration file (docs/PROBLEMS.md). */
    static final String DECLARED_PROBLEMS = "org.geopinn.problems.declared";

    private final Path home;
    private final Consumer<String> problems;
    private final Map<Bundle, String> labels = new LinkedHashMap<>();

    /**
     * @param home the Geopinn home, to name jars inside it by their relative path
     * @param problems receives one line per plugin that cannot be used
     */
    PluginBundles(Path home, Consumer<String> problems) {
        this.home = home;
        this.problems = problems;
    }

    /**
     * Installs the jars (not yet started). A jar that is not a bundle or that the framework refuses
     * is reported and skipped; the same jar given twice is installed once.
     *
     * @param context the system bundle's context
     * @param jars the plugin jars, in order
     * @return the bundles installed
     */
    List<Bundle> install(BundleContext context, List<Path> jars) {
        for (Path jar : jars.stream().map(p -> p.toAbsolutePath().normalize()).distinct().toList()) {
            String name = name(jar);
            try {
                Attributes main = HostBuilder.readManifest(jar).getMainAttributes();
                if (main.getValue(Constants.BUNDLE_SYMBOLICNAME) == null) {
                    problems.accept("plugin " + name + " is not an OSGi bundle (its manifest has no Bundle-SymbolicName); skipped");
                    continue;
                }
                Bundle b = context.installBundle(jar.toUri().toString());
                labels.put(b, name + " (" + b.getSymbolicName() + " " + b.getVersion() + ")");
            } catch (LaunchException e) {
                problems.accept("plugin " + name + " is not a readable jar: " + Host.oneLine(e.getCause() == null ? e : e.getCause()));
            } catch (BundleException | RuntimeException e) {
                problems.accept("plugin " + name + " was not installed: " + Host.oneLine(e));
            }
        }
        return List.copyOf(labels.keySet());
    }

    /**
     * @param bundle a bundle
     * @return how a report names it: "plugin JAR (bsn version)" for a plugin, else "bundle bsn"
     */
    String describe(Bundle bundle) {
        String label = labels.get(bundle);
        return label != null ? "plugin " + label : "bundle " + bundle.getSymbolicName();
    }

    /**
     * Hands the {@code .cfg} files to Configuration Admin as FileInstall would: {@code PID.cfg} is
     * the configuration PID, {@code FACTORYPID-NAME.cfg} a factory configuration named NAME; the
     * values are the file's properties as text.
     *
     * @param context the system bundle's context (after the framework has started)
     * @param files the configuration files
     */
    void configure(BundleContext context, List<Path> files) {
        if (files.isEmpty()) {
            return;
        }
        ServiceReference<?> ref = context.getServiceReference(FeatureConfigurations.CONFIGURATION_ADMIN);
        Object admin = ref == null ? null : context.getService(ref);
        if (admin == null) {
            problems.accept("the plugin configurations " + files.stream().map(this::name).toList()
                    + " were not applied: Configuration Admin is not running");
            return;
        }
        try {
            for (Path file : files) {
                apply(admin, file);
            }
        } finally {
            context.ungetService(ref);
        }
    }

    private void apply(Object admin, Path file) {
        String base = file.getFileName().toString();
        base = base.substring(0, base.length() - ".cfg".length());
        int dash = base.indexOf('-');
        Dictionary<String, Object> values = new Hashtable<>();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            Properties p = new Properties();
            p.load(in);
            p.stringPropertyNames().forEach(k -> values.put(k, p.getProperty(k).trim()));
        } catch (IOException | IllegalArgumentException e) {
            problems.accept("plugin configuration " + name(file) + " was not applied: " + Host.oneLine(e));
            return;
        }
        values.put(FILENAME, file.toUri().toString());
        String pid = dash > 0 ? base.substring(0, dash) : base;
        if (!pid.contains(".")) {
            // FileInstall's naming makes my-pde.cfg a factory configuration of PID "my": nothing
            // reads it, and a user who meant a declared problem would see it silently ignored.
            problems.accept("plugin configuration " + name(file) + " is applied to the PID '" + pid
                    + "', which has no dot: components read dotted PIDs (PID.cfg or FACTORYPID-NAME.cfg); a declared problem"
                    + " is named " + DECLARED_PROBLEMS + "-" + base + ".cfg (docs/PROBLEMS.md)");
        }
        try {
            if (dash > 0) {
                FeatureConfigurations.update(admin, base.substring(0, dash), base.substring(dash + 1), values);
            } else {
                FeatureConfigurations.update(admin, null, base, values);
            }
        } catch (InvocationTargetException e) {
            problems.accept("plugin configuration " + name(file) + " was not applied: " + Host.oneLine(e.getCause()));
        } catch (ReflectiveOperationException | RuntimeException e) {
            problems.accept("plugin configuration " + name(file) + " was not applied: " + Host.oneLine(e));
        }
    }

    /** @return the path relative to the home when inside it (plugins/x.jar), else as given */
    private String name(Path file) {
        Path abs = file.toAbsolutePath().normalize();
        return abs.startsWith(home) ? home.relativize(abs).toString() : abs.toString();
    }
}

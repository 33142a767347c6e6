package org.geopinn.launcher;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;
import org.osgi.service.feature.ID;

/**
 * A running OSGi framework holding the bundles of some features. Closing it stops the framework
 * and deletes its storage.
 */
public final class Host implements AutoCloseable {
    /** The Configuration Admin implementation the features name; it starts before the others. */
    static final String CONFIGURATION_ADMIN_BUNDLE = "org.apache.felix.configadmin";
    private final Framework framework;
    private final Path storage;
    private final Path home;
    private final List<String> problems;

    private Host(Framework framework, Path storage, Path home, List<String> problems) {
        this.framework = framework;
        this.storage = storage;
        this.home = home;
        this.problems = problems;
    }

    static Host launch(FrameworkFactory factory, Map<String, String> properties, Path storage, Path home,
            List<HostFeature> features, BundleRepository repository, Collection<String> provided, PrintStream report,
            List<Path> pluginJars, List<Path> pluginConfigurations) {
        List<String> problems = Collections.synchronizedList(new ArrayList<>());
        Framework framework = factory.newFramework(properties);
        try {
            framework.init();
        } catch (BundleException | RuntimeException e) {
            deleteTree(storage);
            throw new LaunchException("the OSGi framework did not start: " + oneLine(e), e);
        }
        Host host = new Host(framework, storage, home, problems);
        ConsoleLog.attach(framework.getBundleContext(), logLevel(properties), report);
        List<Bundle> installed = new ArrayList<>(host.install(features, repository, provided, report));
        // Plugins after the host's own bundles, started in the same pass (so a command waits for them).
        PluginBundles plugins = new PluginBundles(home, msg -> host.problem(report, msg));
        installed.addAll(plugins.install(framework.getBundleContext(), pluginJars));
        // Configuration Admin first, alone, and the configurations handed to it before any other
        // bundle starts: a component then activates with its configuration already there, instead
        // of starting with defaults and being reconfigured under a command that is already using it.
        List<Bundle> startable = new ArrayList<>(installed.stream()
                .filter(b -> b.getHeaders().get(Constants.FRAGMENT_HOST) == null).toList());
        List<Bundle> first = startable.stream().filter(b -> CONFIGURATION_ADMIN_BUNDLE.equals(b.getSymbolicName())).toList();
        startable.removeAll(first);
        first.forEach(b -> host.start(b, plugins, report));
        try {
            framework.start();
        } catch (BundleException e) {
            host.close();
            throw new LaunchException("the OSGi framework did not start: " + oneLine(e), e);
        }
        FeatureConfigurations.apply(framework.getBundleContext(), features, msg -> host.problem(report, msg));
        plugins.configure(framework.getBundleContext(), pluginConfigurations);
        // Then the others, one by one. A command waits until every bundle is active or has been
        // asked to start (and failed), so it sees the whole host.
        startable.forEach(b -> host.start(b, plugins, report));
        return host;
    }

    /** Starts a bundle now (the framework is active), reporting on one line why it could not. */
    private void start(Bundle bundle, PluginBundles plugins, PrintStream report) {
        try {
            bundle.start();
        } catch (BundleException | RuntimeException e) {
            problem(report, plugins.describe(bundle) + " did not start: " + oneLine(e));
        }
    }

    private static int logLevel(Map<String, String> properties) {
        try {
            return Integer.parseInt(properties.getOrDefault(ConsoleLog.LEVEL, "2").trim());
        } catch (NumberFormatException e) {
            return 2;
        }
    }

    private List<Bundle> install(List<HostFeature> features, BundleRepository repository, Collection<String> provided,
            PrintStream report) {
        BundleContext context = framework.getBundleContext();
        List<Bundle> installed = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        for (HostFeature feature : features) {
            for (ID id : feature.bundles()) {
                if (seen.contains(id.toString())) {
                    continue;
                }
                seen.add(id.toString());
                try {
                    Path jar = repository.locate(id);
                    String bsn = HostBuilder.readManifest(jar).getMainAttributes().getValue(Constants.BUNDLE_SYMBOLICNAME);
                    if (bsn != null && provided.contains(bsn.split(";")[0].trim())) {
                        continue;
                    }
                    installed.add(context.installBundle(jar.toUri().toString()));
                } catch (BundleException | LaunchException e) {
                    problem(report, "bundle " + id + " of feature " + feature.name() + " was not installed: " + oneLine(e));
                }
            }
        }
        return installed;
    }

    private void problem(PrintStream report, String message) {
        problems.add(message);
        report.println("geopinn: " + message);
    }

    /**
     * @param e a failure
     * @return its message and its causes' messages on one line, without the resolver's long
     *         "Unresolved requirements" repetition
     */
    static String oneLine(Throwable e) {
        StringBuilder b = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
            int cut = m.indexOf(" Unresolved requirements:");
            m = (cut > 0 ? m.substring(0, cut) : m).replace('\n', ' ').trim();
            if (b.indexOf(m) < 0) {
                b.append(b.length() == 0 ? "" : ": ").append(m);
            }
        }
        return b.toString();
    }

    /** @return the framework */
    public Framework framework() {
        return framework;
    }

    /** @return the system bundle's context, to find services and install bundles */
    public BundleContext context() {
        return framework.getBundleContext();
    }

    /** @return the Geopinn home of this host */
    public Path home() {
        return home;
    }

    /** @return the framework's storage folder */
    public Path storage() {
        return storage;
    }

    /** @return the one-line problems met while installing and starting the bundles */
    public List<String> problems() {
        return List.copyOf(problems);
    }

    /**
     * @param timeout how long to wait at most (zero: forever)
     * @return true if the framework has stopped
     * @throws InterruptedException if interrupted while waiting
     */
    public boolean awaitStop(Duration timeout) throws InterruptedException {
        FrameworkEvent event = framework.waitForStop(timeout.toMillis());
        return event.getType() != FrameworkEvent.WAIT_TIMEDOUT;
    }

    /** @return true while the framework is starting or active */
    public boolean isRunning() {
        return (framework.getState() & (Bundle.STARTING | Bundle.ACTIVE | Bundle.STOPPING)) != 0;
    }

    /** Stops the framework (waiting up to 30 s) and deletes its storage. */
    @Override
    public void close() {
        try {
            framework.stop();
            framework.waitForStop(30_000);
        } catch (BundleException e) {
            System.err.println("geopinn: the framework did not stop cleanly: " + oneLine(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            deleteTree(storage);
        }
    }

    static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                    Files.deleteIfExists(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            // A temporary folder left behind is harmless; the next start uses a new one.
        }
    }
}

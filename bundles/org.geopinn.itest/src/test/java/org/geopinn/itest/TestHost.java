package org.geopinn.itest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.geopinn.api.ServiceProperties;
import org.geopinn.api.session.Catalog;
import org.geopinn.launcher.Host;
import org.geopinn.launcher.HostBuilder;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;

/**
 * A real Felix framework started from the assembled host (features/target/host) for one test: the
 * command features plus hot deployment from a temporary home's plugins/ folder. The API bundle is
 * not installed: the system bundle exports the API packages from the test's class path
 * ({@link HostBuilder#provideFromClassPath}), so tests and bundles share the API classes and tests
 * call services through their interfaces. Everything the host reports (bundles that fail, component
 * errors, FileInstall problems) is kept and can be searched with {@link #report()}.
 */
final class TestHost implements AutoCloseable {
    /** The features of a test host: a command host without the CLI's command, plus hot deployment. */
    static final List<String> FEATURES = List.of("core", "optimizers", "problems", "plugins");

    private final Host host;
    private final Path home;
    private final ByteArrayOutputStream report;

    private TestHost(Host host, Path home, ByteArrayOutputStream report) {
        this.host = host;
        this.home = home;
        this.report = report;
    }

    /** @return a started host in a fresh temporary home */
    static TestHost start() {
        return start(builder -> { });
    }

    /**
     * @param customizer adds to the test host's set-up (more features, repositories, properties)
     * @return a started host in a fresh temporary home
     */
    static TestHost start(java.util.function.Consumer<HostBuilder> customizer) {
        try {
            Path home = Files.createTempDirectory("geopinn-itest-");
            ByteArrayOutputStream report = new ByteArrayOutputStream();
            PrintStream tee = new PrintStream(new Tee(report, System.err), true, StandardCharsets.UTF_8);
            HostBuilder builder = HostBuilder.forHost(hostDir()).home(home)
                    // "host" mode so that the CLI bundle runs no command; without the interactive shell feature.
                    .interactive().features(FEATURES)
                    .frameworkFactory(new org.apache.felix.framework.FrameworkFactory())
                    .provideFromClassPath(classPathLocation(Catalog.class))
                    .property("felix.fileinstall.poll", "250")
                    .reportTo(tee);
            customizer.accept(builder);
            Host host = builder.start();
            return new TestHost(host, home, report);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @return the assembled host folder */
    static Path hostDir() {
        return Path.of(System.getProperty("geopinn.host.dir", "../../features/target/host"));
    }

    /** @param type a class on the test class path @return the jar or folder it comes from */
    static Path classPathLocation(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    Host host() {
        return host;
    }

    BundleContext context() {
        return host.context();
    }

    Path home() {
        return home;
    }

    Path plugins() {
        return home.resolve("plugins");
    }

    /** @return everything the host reported so far */
    String report() {
        synchronized (report) {
            return report.toString(StandardCharsets.UTF_8);
        }
    }

    /**
     * @param type a service interface
     * @param id the service's {@code geopinn.id}, or null for any
     * @param timeout how long to wait
     * @return the service
     * @throws AssertionError if it does not appear in time
     */
    <T> T service(Class<T> type, String id, Duration timeout) {
        T[] found = newArray(1);
        boolean ok = waitUntil(() -> {
            found[0] = find(type, id);
            return found[0] != null;
        }, timeout);
        if (!ok) {
            throw new AssertionError("no " + type.getSimpleName() + (id == null ? "" : " '" + id + "'") + " within "
                    + timeout + "; host report:\n" + report());
        }
        return found[0];
    }

    /** @return the service now, or null */
    <T> T find(Class<T> type, String id) {
        try {
            String filter = id == null ? null : "(" + ServiceProperties.ID + "=" + id + ")";
            for (ServiceReference<T> ref : context().getServiceReferences(type, filter)) {
                T s = context().getService(ref);
                if (s != null) {
                    return s;
                }
            }
            return null;
        } catch (InvalidSyntaxException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** @return the geopinn.id values of the services registered under a type */
    List<String> ids(Class<?> type) {
        List<String> ids = new ArrayList<>();
        try {
            for (ServiceReference<?> ref : context().getServiceReferences(type, null)) {
                Object id = ref.getProperty(ServiceProperties.ID);
                if (id != null) {
                    ids.add(id.toString());
                }
            }
        } catch (InvalidSyntaxException e) {
            throw new IllegalArgumentException(e);
        }
        return ids.stream().sorted().distinct().toList();
    }

    /** @return the bundle with this symbolic name, or null */
    Bundle bundle(String symbolicName) {
        for (Bundle b : context().getBundles()) {
            if (symbolicName.equals(b.getSymbolicName())) {
                return b;
            }
        }
        return null;
    }

    static boolean waitUntil(BooleanSupplier condition, Duration timeout) {
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            if (condition.getAsBoolean()) {
                return true;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return condition.getAsBoolean();
    }

    /** @return true if the object was loaded by a bundle of this framework (not by the test) */
    static boolean fromFramework(Object o) {
        return FrameworkUtil.getBundle(o.getClass()) != null;
    }

    @SuppressWarnings("unchecked")
    private static <T> T[] newArray(int n) {
        return (T[]) new Object[n];
    }

    @Override
    public void close() {
        host.close();
        deleteQuietly(home);
    }

    private static void deleteQuietly(Path root) {
        try (var walk = Files.walk(root)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // A temporary folder left behind is harmless.
        }
    }

    /** Writes to two streams: the kept report and the test's console. */
    private static final class Tee extends OutputStream {
        private final ByteArrayOutputStream kept;
        private final OutputStream echo;

        Tee(ByteArrayOutputStream kept, OutputStream echo) {
            this.kept = kept;
            this.echo = echo;
        }

        @Override
        public void write(int b) throws IOException {
            synchronized (kept) {
                kept.write(b);
            }
            echo.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            synchronized (kept) {
                kept.write(b, off, len);
            }
            echo.write(b, off, len);
        }
    }
}

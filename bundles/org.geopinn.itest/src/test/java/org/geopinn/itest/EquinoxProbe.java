package org.geopinn.itest;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.ServiceLoader;
import java.util.TreeMap;
import org.geopinn.launcher.Host;
import org.geopinn.launcher.HostBuilder;
import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.launch.FrameworkFactory;

/**
 * Runs inside a class loader that sees Equinox instead of Felix (see {@link EquinoxTest}): starts
 * the core feature with whatever framework ServiceLoader finds, through the same launcher code, and
 * describes what it saw in plain text (only JDK types cross the class-loader boundary).
 */
public final class EquinoxProbe {
    private EquinoxProbe() {
    }

    /**
     * @param hostDir the assembled host
     * @param home a Geopinn home
     * @return lines "framework NAME", "bundle BSN STATE" and "service CLASS ID"
     * @throws Exception if the framework cannot start
     */
    public static String probe(String hostDir, String home) throws Exception {
        FrameworkFactory factory = ServiceLoader.load(FrameworkFactory.class, EquinoxProbe.class.getClassLoader())
                .findFirst().orElseThrow();
        StringBuilder out = new StringBuilder();
        try (Host host = HostBuilder.forHost(Path.of(hostDir)).home(Path.of(home)).interactive()
                .features(List.of("core")).frameworkFactory(factory).start()) {
            out.append("framework ").append(host.framework().getSymbolicName()).append('\n');
            for (String problem : host.problems()) {
                out.append("problem ").append(problem).append('\n');
            }
            TreeMap<String, String> states = new TreeMap<>();
            for (Bundle b : host.context().getBundles()) {
                states.put(b.getSymbolicName(), b.getState() == Bundle.ACTIVE ? "ACTIVE" : "STATE" + b.getState());
            }
            states.forEach((bsn, state) -> out.append("bundle ").append(bsn).append(' ').append(state).append('\n'));
            String[] kinds = {"org.geopinn.api.session.Catalog", "org.geopinn.api.session.TrainingService",
                "org.geopinn.api.model.ModelFactory", "org.geopinn.api.operator.OperatorEngine",
                "org.geopinn.api.sampler.Sampler"};
            long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            for (String kind : kinds) {
                ServiceReference<?>[] refs;
                while ((refs = host.context().getServiceReferences(kind, null)) == null && System.nanoTime() < end) {
                    Thread.sleep(50);
                }
                for (ServiceReference<?> ref : refs == null ? new ServiceReference<?>[0] : refs) {
                    Object service = host.context().getService(ref);
                    out.append("service ").append(kind).append(' ').append(ref.getProperty("geopinn.id"))
                            .append(service == null ? " UNAVAILABLE" : " OK").append('\n');
                }
            }
            ServiceReference<?> catalog = host.context().getServiceReference("org.geopinn.api.session.Catalog");
            if (catalog != null) {
                Object c = host.context().getService(catalog);
                Object entries = c.getClass().getClassLoader().loadClass("org.geopinn.api.session.Catalog")
                        .getMethod("entries").invoke(c);
                out.append("catalog ").append(entries).append('\n');
            }
        }
        return out.toString();
    }
}

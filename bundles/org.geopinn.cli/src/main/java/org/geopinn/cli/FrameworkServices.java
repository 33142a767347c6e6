package org.geopinn.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import org.geopinn.api.GeopinnException;
import org.geopinn.api.ServiceProperties;
import org.geopinn.api.model.ModelFactory;
import org.geopinn.api.problem.Problem;
import org.geopinn.api.session.Catalog;
import org.geopinn.api.session.Command;
import org.geopinn.api.session.TrainingService;
import org.geopinn.settings.SettingsDescription;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleListener;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceListener;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.startlevel.BundleStartLevel;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;

/**
 * {@link Services} from a running framework. The host counts as ready once the framework is active
 * and the launcher has asked every bundle to start (each is active, or marked to start and
 * failed), the training service is
 * registered, and neither bundles nor services have changed for a short quiet period (components
 * that wait for configuration or other services register a little later).
 */
final class FrameworkServices implements Services, AutoCloseable {
    /** Launch property: the Geopinn home. */
    static final String HOME = "geopinn.home";
    /** Without bundle or service changes for this long, the host has finished starting. */
    static final Duration QUIET = Duration.ofMillis(400);
    /**
     * How long a component not yet enabled, or a registered problem or optimizer the engine has not
     * taken up, may hold a command after the last change: a component someone disabled is never
     * enabled, and one that fails to activate (a broken plugin) never reaches the engine.
     */
    static final Duration UNBOUND_GRACE = Duration.ofSeconds(5);
    /** The service kinds a command names by id, with their catalog keys. */
    private static final Map<String, Class<?>> NAMED_KINDS = Map.of("problems", Problem.class, "optimizers",
            org.geopinn.api.optimizer.OptimizerFactory.class, "models", ModelFactory.class);

    private final BundleContext context;
    private final Duration timeout;
    private final AtomicLong lastChange = new AtomicLong(System.nanoTime());
    private final ServiceListener serviceListener = e -> lastChange.set(System.nanoTime());
    private final BundleListener bundleListener = e -> lastChange.set(System.nanoTime());
    private final ResultWriter results;
    private final ProblemSettings problemSettings;

    /**
     * @param context the CLI bundle's context
     * @param timeout how long to wait for the host to start
     */
    FrameworkServices(BundleContext context, Duration timeout) {
        this.context = context;
        this.timeout = timeout;
        context.addServiceListener(serviceListener);
        context.addBundleListener(bundleListener);
        this.problemSettings = new ProblemSettings(context);
        this.results = new ResultWriter(this::problem, this::problemSettings, this::versions, problemSettings::configured);
    }

    @Override
    public void close() {
        try {
            context.removeServiceListener(serviceListener);
            context.removeBundleListener(bundleListener);
        } catch (IllegalStateException stopped) {
            // the bundle is already stopping
        }
    }

    @Override
    public void awaitReady() {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            boolean engine = context.getServiceReference(TrainingService.class) != null
                    && context.getServiceReference(Catalog.class) != null;
            boolean quiet = System.nanoTime() - lastChange.get() >= QUIET.toNanos();
            // The launcher starts Configuration Admin with the framework, hands it the
            // configurations and then starts the other bundles one by one: anyStarting() covers those.
            boolean started = context.getBundle(0).getState() == Bundle.ACTIVE;
            if (engine && quiet && started && !anyStarting()
                    && (componentsEnabled() && catalogCoversServices()
                            || System.nanoTime() - lastChange.get() >= UNBOUND_GRACE.toNanos())) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new GeopinnException("timed out after " + timeout.toSeconds() + " s waiting for the host to start"
                        + (engine ? "" : ": no training service (is the org.geopinn.engine bundle installed and started?)"));
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new GeopinnException("interrupted while waiting for the host to start");
            }
        }
    }

    /**
     * @return whether the launcher has not yet started some bundle: one that is starting, or not
     *         active and not yet marked to start (a bundle whose start failed is marked and stays
     *         resolved or installed; it does not hold the command up)
     */
    private boolean anyStarting() {
        for (Bundle b : context.getBundles()) {
            if (b.getBundleId() == 0 || isFragment(b)) {
                continue;
            }
            if (b.getState() == Bundle.STARTING) {
                return true;
            }
            BundleStartLevel level = b.adapt(BundleStartLevel.class);
            if (b.getState() != Bundle.ACTIVE && level != null && !level.isPersistentlyStarted()) {
                return true;
            }
        }
        return false;
    }

    /**
     * The engine takes up a problem or optimizer service by instantiating it (a component of the
     * problems bundle builds its problem then), which under load may come seconds after the
     * service was registered, with no service event to show for it.
     *
     * @return whether the engine's catalog lists every registered problem, optimizer and model
     */
    private boolean catalogCoversServices() {
        ServiceReference<Catalog> ref = context.getServiceReference(Catalog.class);
        Catalog catalog = ref == null ? null : context.getService(ref);
        if (catalog == null) {
            return false;
        }
        try {
            Map<String, java.util.List<Catalog.Entry>> entries = catalog.entries();
            for (Map.Entry<String, Class<?>> kind : NAMED_KINDS.entrySet()) {
                java.util.Set<String> known = new java.util.HashSet<>();
                entries.getOrDefault(kind.getKey(), java.util.List.of()).forEach(e -> known.add(e.id()));
                ServiceReference<?>[] refs = context.getServiceReferences(kind.getValue().getName(), null);
                for (ServiceReference<?> r : refs == null ? new ServiceReference<?>[0] : refs) {
                    Object id = r.getProperty(ServiceProperties.ID);
                    if (id != null && !known.contains(id.toString())) {
                        return false;
                    }
                }
            }
            return true;
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e); // no filter is given
        } finally {
            context.ungetService(ref);
        }
    }

    /**
     * Declarative Services enables a started bundle's components on its own thread, under load
     * seconds after the bundle is active: until it has, the bundle's services are missing though
     * nothing is starting. Every enabled-by-default component of an active bundle must be enabled
     * and have a configuration (satisfied or not) in the component runtime.
     */
    private boolean componentsEnabled() {
        ServiceReference<ServiceComponentRuntime> ref = context.getServiceReference(ServiceComponentRuntime.class);
        ServiceComponentRuntime scr = ref == null ? null : context.getService(ref);
        if (scr == null) {
            return true;
        }
        try {
            for (Bundle b : context.getBundles()) {
                if (b.getState() != Bundle.ACTIVE || b.getHeaders().get("Service-Component") == null) {
                    continue;
                }
                var descriptions = scr.getComponentDescriptionDTOs(b);
                if (descriptions.isEmpty()) {
                    return false;
                }
                for (ComponentDescriptionDTO d : descriptions) {
                    if (!d.defaultEnabled || d.factory != null) {
                        continue;
                    }
                    if (!scr.isComponentEnabled(d)
                            || !"require".equals(d.configurationPolicy) && scr.getComponentConfigurationDTOs(d).isEmpty()) {
                        return false;
                    }
                }
            }
            return true;
        } finally {
            context.ungetService(ref);
        }
    }

    private static boolean isFragment(Bundle b) {
        BundleRevision r = b.adapt(BundleRevision.class);
        return r != null && (r.getTypes() & BundleRevision.TYPE_FRAGMENT) != 0;
    }

    private <T> T service(Class<T> kind) {
        ServiceReference<T> ref = context.getServiceReference(kind);
        T s = ref == null ? null : context.getService(ref);
        if (s == null) {
            throw new GeopinnException("no " + kind.getSimpleName() + " service in this host");
        }
        return s;
    }

    @Override
    public TrainingService training() {
        return service(TrainingService.class);
    }

    @Override
    public Catalog catalog() {
        return service(Catalog.class);
    }

    @Override
    public Optional<Problem> problem(String id) {
        return byId(Problem.class, id);
    }

    @Override
    public Problem configureProblem(String id, Map<String, String> settings) {
        return problemSettings.apply(id, settings);
    }

    @Override
    public Problem declareProblem(Path file) {
        return new DeclaredProblems(context).declare(file);
    }

    @Override
    public Problem parametricProblem(String id, Map<String, double[]> ranges) {
        return new DeclaredProblems(context).parametric(id, ranges);
    }

    @Override
    public Map<String, String> problemSettings(String id) {
        return problemSettings.current(id);
    }

    @Override
    public Optional<ModelFactory> modelFactory(String id) {
        return byId(ModelFactory.class, id);
    }

    private <T> Optional<T> byId(Class<T> kind, String id) {
        ServiceReference<T> ref = referenceById(context, kind, id);
        return ref == null ? Optional.empty() : Optional.ofNullable(context.getService(ref));
    }

    /**
     * @param context a bundle context
     * @param kind the service interface
     * @param id the {@link ServiceProperties#ID} looked for
     * @return the reference of the service of that kind with that id, null when there is none
     */
    static <T> ServiceReference<T> referenceById(BundleContext context, Class<T> kind, String id) {
        try {
            for (ServiceReference<T> ref : context.getServiceReferences(kind, null)) {
                if (id.equals(String.valueOf(ref.getProperty(ServiceProperties.ID)))) {
                    return ref;
                }
            }
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
        return null;
    }

    @Override
    public Optional<SettingsDescription> settingsDescription(Class<?> kind, String id) {
        ServiceReference<?> ref = referenceById(context, kind, id);
        if (ref == null) {
            throw new GeopinnException("unknown " + kind.getSimpleName() + " '" + id + "'; see ./geopinn list");
        }
        Object pid = ref.getProperty(ProblemSettings.CONFIG_PID);
        return pid == null ? Optional.empty() : ProblemSettings.description(ref, pid.toString());
    }

    @Override
    public Map<String, Command> commands() {
        Map<String, Command> m = new TreeMap<>();
        try {
            for (ServiceReference<Command> ref : context.getServiceReferences(Command.class, null)) {
                Command c = context.getService(ref);
                if (c != null) {
                    m.putIfAbsent(c.name(), c);
                }
            }
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
        return m;
    }

    @Override
    public Optional<org.geopinn.api.sweep.RunExecutor> runExecutor() {
        ServiceReference<org.geopinn.api.sweep.RunExecutor> ref = context.getServiceReference(org.geopinn.api.sweep.RunExecutor.class);
        return ref == null ? Optional.empty() : Optional.ofNullable(context.getService(ref));
    }

    @Override
    public ResultWriter results() {
        return results;
    }

    @Override
    public Path home() {
        String h = context.getProperty(HOME);
        return (h == null || h.isBlank() ? Path.of("") : Path.of(h)).toAbsolutePath();
    }

    @Override
    public boolean terminal() {
        return System.console() != null;
    }

    private static boolean providesGeopinnService(Bundle b) {
        ServiceReference<?>[] registered = b.getRegisteredServices();
        if (registered == null) {
            return false;
        }
        for (ServiceReference<?> ref : registered) {
            if (ref.getProperty(ServiceProperties.ID) != null) {
                return true;
            }
        }
        return false;
    }

    @Override
    public java.util.List<String> bundleVersions(String symbolicName) {
        return java.util.Arrays.stream(context.getBundles()).filter(b -> symbolicName.equals(b.getSymbolicName()))
                .map(Bundle::getVersion).sorted(java.util.Comparator.reverseOrder()).map(Object::toString).toList();
    }

    /**
     * The Geopinn bundles and every other bundle that provides a Geopinn service (a plugin), so a
     * run's summary names the plugin version it used.
     */
    @Override
    public Map<String, String> versions() {
        Map<String, String> v = new TreeMap<>();
        for (Bundle b : context.getBundles()) {
            String name = b.getSymbolicName();
            if (name != null && (name.startsWith("org.geopinn.") || providesGeopinnService(b))) {
                v.put(name, b.getVersion().toString());
            }
        }
        v.put("java", System.getProperty("java.version"));
        return v;
    }
}

package org.geopinn.cli;

import java.nio.file.Path;
import java.util.Hashtable;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.geopinn.api.GeopinnException;
import org.geopinn.api.ServiceProperties;
import org.geopinn.api.model.ModelFactory;
import org.geopinn.api.solution.TrainedSolution;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Publishes the trained solution of a results directory as a {@link TrainedSolution} service,
 * without retraining: one factory configuration per directory, e.g. a file
 * {@code plugins/org.geopinn.solution-laplace.cfg} with {@code directory=/path/to/runs/laplace2d-…}.
 * The solution appears as soon as its model kind is installed (and, for a run with hard
 * conditions, u = g + φ·N, its problem, whose g and φ it needs; a problem configured with other
 * settings than its defaults is not looked up, so such a run is not published).
 */
@Component(configurationPid = SolutionLoaderComponent.PID, configurationPolicy = ConfigurationPolicy.REQUIRE, service = {})
@Designate(ocd = SolutionLoaderComponent.Config.class, factory = true)
public final class SolutionLoaderComponent {
    /** The factory PID of the configurations. */
    public static final String PID = "org.geopinn.solution";

    /** A results directory to publish. */
    @ObjectClassDefinition(name = "Geopinn trained solution", description = "Publishes the solution of a results directory as a service")
    public @interface Config {
        /** @return the results directory (holding run.properties and parameters.txt) */
        @AttributeDefinition(description = "Results directory written by ./geopinn solve")
        String directory();
    }

    private final Map<String, ModelFactory> factories = new ConcurrentHashMap<>();
    private final Map<String, org.geopinn.api.problem.Problem> problems = new ConcurrentHashMap<>();
    /** The problem whose hard conditions the published solution holds, or null. */
    private volatile org.geopinn.api.problem.Problem loadedProblem;
    private volatile BundleContext context;
    private volatile Path directory;
    private volatile ServiceRegistration<TrainedSolution> registration;
    private volatile String loadedModelId = "";

    /**
     * @param ctx the bundle context
     * @param config the directory
     */
    @Activate
    void activate(BundleContext ctx, Config config) {
        if (config.directory() == null || config.directory().isBlank()) {
            throw new GeopinnException(PID + ": 'directory' is not set");
        }
        this.context = ctx;
        this.directory = Path.of(config.directory()).toAbsolutePath();
        RunRecord.read(directory); // fails at once (logged by SCR) if the directory holds no result
        tryPublish();
    }

    /** Withdraws the solution. */
    @Deactivate
    synchronized void deactivate() {
        unregister();
        context = null;
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    void bindModelFactory(ModelFactory f, Map<String, Object> props) {
        factories.put(String.valueOf(props.getOrDefault(ServiceProperties.ID, f.id())), f);
        tryPublish();
    }

    void unbindModelFactory(ModelFactory f, Map<String, Object> props) {
        factories.values().remove(f);
        synchronized (this) {
            if (registration != null && !factories.containsKey(loadedModelId)) {
                unregister(); // its model's code may be gone
                tryPublish();
            }
        }
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    void bindProblem(org.geopinn.api.problem.Problem p, Map<String, Object> props) {
        problems.put(String.valueOf(props.getOrDefault(ServiceProperties.ID, p.id())), p);
        tryPublish();
    }

    void unbindProblem(org.geopinn.api.problem.Problem p, Map<String, Object> props) {
        problems.values().remove(p);
        synchronized (this) {
            if (registration != null && loadedProblem == p) {
                unregister(); // the solution's g and φ are that problem's code
                tryPublish();
            }
        }
    }

    private synchronized void tryPublish() {
        BundleContext ctx = context;
        if (ctx == null || registration != null) {
            return;
        }
        SavedSolution.Loaded loaded;
        try {
            loaded = SavedSolution.load(directory, id -> Optional.ofNullable(factories.get(id)),
                    r -> r.problemSettings().isEmpty() ? Optional.ofNullable(problems.get(r.problem())) : Optional.empty());
        } catch (GeopinnException e) {
            return; // its model kind, or the problem of its hard conditions, is not installed yet
        }
        loadedModelId = loaded.record().modelId();
        loadedProblem = loaded.record().hard().isEmpty() ? null : problems.get(loaded.record().problem());
        Hashtable<String, Object> props = new Hashtable<>();
        props.put("geopinn.problem", loaded.record().problem());
        props.put("geopinn.session", "loaded:" + directory.getFileName());
        props.put("geopinn.directory", directory.toString());
        registration = ctx.registerService(TrainedSolution.class, loaded.solution(), props);
    }

    private void unregister() {
        ServiceRegistration<TrainedSolution> r = registration;
        registration = null;
        if (r != null) {
            try {
                r.unregister();
            } catch (IllegalStateException gone) {
                // already unregistered with the bundle
            }
        }
    }
}

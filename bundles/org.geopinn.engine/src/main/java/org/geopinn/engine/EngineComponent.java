package org.geopinn.engine;

import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.geopinn.api.ServiceProperties;
import org.geopinn.api.diagnostic.Diagnostic;
import org.geopinn.api.model.ModelFactory;
import org.geopinn.api.operator.OperatorEngine;
import org.geopinn.api.optimizer.OptimizerFactory;
import org.geopinn.api.problem.Problem;
import org.geopinn.api.sampler.Sampler;
import org.geopinn.api.session.Catalog;
import org.geopinn.api.session.Command;
import org.geopinn.api.session.Session;
import org.geopinn.api.session.SessionSpec;
import org.geopinn.api.session.TrainingListener;
import org.geopinn.api.session.TrainingService;
import org.geopinn.api.solution.TrainedSolution;
import org.geopinn.api.weighting.LossWeightingFactory;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * The training service and catalog of a host: tracks every Geopinn service as it comes and goes
 * (multiple, dynamic, greedy references) and adapts {@link Sessions} to OSGi. Ended sessions'
 * solutions are registered as {@link TrainedSolution} services.
 */
@Component(service = {TrainingService.class, Catalog.class}, immediate = true, property = ServiceProperties.ID + "=engine")
public final class EngineComponent implements TrainingService, Catalog {
    /** Service property of a published solution: the problem solved. */
    public static final String PROBLEM_PROPERTY = "geopinn.problem";
    /** Service property of a published solution: the session that trained it. */
    public static final String SESSION_PROPERTY = "geopinn.session";

    private final ServiceRegistry registry = new ServiceRegistry();
    private final Map<String, ServiceRegistration<TrainedSolution>> published = new ConcurrentHashMap<>();
    private final Sessions sessions = new Sessions(registry, new Publisher());
    private volatile BundleContext context;

    /** @param ctx the bundle context, used to publish solutions */
    @Activate
    void activate(BundleContext ctx) {
        this.context = ctx;
    }

    /** Stops every session, then withdraws the published solutions. */
    @Deactivate
    void deactivate() {
        sessions.shutdown();
        published.keySet().forEach(this::withdraw);
        context = null;
    }

    private final class Publisher implements Sessions.SolutionPublisher {
        @Override
        public void publish(Session session, TrainedSolution solution) {
            BundleContext ctx = context;
            if (ctx == null) {
                return;
            }
            Hashtable<String, Object> props = new Hashtable<>();
            props.put(PROBLEM_PROPERTY, solution.problemId());
            props.put(SESSION_PROPERTY, session.id());
            props.put(ServiceProperties.ID, session.id());
            published.put(session.id(), ctx.registerService(TrainedSolution.class, solution, props));
        }

        @Override
        public void withdraw(String sessionId) {
            EngineComponent.this.withdraw(sessionId);
        }
    }

    private void withdraw(String sessionId) {
        ServiceRegistration<TrainedSolution> r = published.remove(sessionId);
        if (r != null) {
            try {
                r.unregister();
            } catch (IllegalStateException alreadyGone) {
                // the framework removed it with the bundle
            }
        }
    }

    private void add(Class<?> kind, Object service, ServiceReference<?> ref) {
        Object id = ref.getProperty(ServiceProperties.ID);
        Object description = ref.getProperty(ServiceProperties.DESCRIPTION);
        String bundle = ref.getBundle() == null ? "?" : ref.getBundle().getSymbolicName();
        registry.add(kind, id == null ? null : id.toString(), description == null ? null : description.toString(), bundle, service,
                configuration(ref));
    }

    /**
     * The configured values among a service's properties: Declarative Services copies a
     * component's configuration into them, beside properties that are no settings (the framework's,
     * Declarative Services', Configuration Admin's, FileInstall's and Geopinn's own).
     */
    static Map<String, String> configuration(ServiceReference<?> ref) {
        Map<String, String> m = new java.util.TreeMap<>();
        for (String key : ref.getPropertyKeys()) {
            boolean setting = !key.startsWith(".") && !key.startsWith("service.") && !key.startsWith("component.")
                    && !key.startsWith("felix.") && !key.startsWith("geopinn.") && !key.startsWith("osgi.") && !key.equals("objectClass");
            if (setting) {
                Object v = ref.getProperty(key);
                m.put(key, v != null && v.getClass().isArray() ? java.util.Arrays.deepToString(new Object[] {v}) : String.valueOf(v));
            }
        }
        return m;
    }

    @Override
    public Session start(SessionSpec spec) {
        return sessions.start(spec);
    }

    @Override
    public List<Session> sessions() {
        return sessions.sessions();
    }

    @Override
    public Optional<Session> session(String id) {
        return sessions.session(id);
    }

    @Override
    public Map<String, List<Entry>> entries() {
        return registry.entries();
    }

    // One bind/unbind pair per service kind: DS needs a method per reference.

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    void bindProblem(Problem s, ServiceReference<Problem> ref) { add(Problem.class, s, ref); }
    void unbindProblem(Problem s) { registry.remove(Problem.class, s); }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    void bindModelFactory(ModelFactory s, ServiceReference<ModelFactory> ref) { add(ModelFactory.class, s, ref); }
    void unbindModelFactory(ModelFactory s) { registry.remove(ModelFactory.class, s); }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    void bindOperatorEngine(OperatorEngine s, ServiceReference<OperatorEngine> ref) { add(OperatorEngine.class, s, ref); }
    void unbindOperatorEngine(OperatorEngine s) { registry.remove(OperatorEngine.class, s); }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    void bindSampler(Sampler s, ServiceReference<Sampler> ref) { add(Sampler.class, s, ref); }
    void unbindSampler(Sampler s) { registry.remove(Sampler.class, s); }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    void bindOptimizerFactory(OptimizerFactory s, ServiceReference<OptimizerFactory> ref) { add(OptimizerFactory.class, s, ref); }
    void unbindOptimizerFactory(OptimizerFactory s) { registry.remove(OptimizerFactory.class, s); }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    void bindLossWeightingFactory(LossWeightingFactory s, ServiceReference<LossWeightingFactory> ref) { add(LossWeightingFactory.class, s, ref); }
    void unbindLossWeightingFactory(LossWeightingFactory s) { registry.remove(LossWeightingFactory.class, s); }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    void bindDiagnostic(Diagnostic s, ServiceReference<Diagnostic> ref) { add(Diagnostic.class, s, ref); }
    void unbindDiagnostic(Diagnostic s) { registry.remove(Diagnostic.class, s); }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    void bindCommand(Command s, ServiceReference<Command> ref) { add(Command.class, s, ref); }
    void unbindCommand(Command s) { registry.remove(Command.class, s); }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    void bindTrainingListener(TrainingListener s) { registry.addListener(s); }
    void unbindTrainingListener(TrainingListener s) { registry.removeListener(s); }
}

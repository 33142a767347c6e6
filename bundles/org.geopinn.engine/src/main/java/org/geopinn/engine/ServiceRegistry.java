package org.geopinn.engine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.geopinn.api.diagnostic.Diagnostic;
import org.geopinn.api.model.ModelFactory;
import org.geopinn.api.operator.OperatorEngine;
import org.geopinn.api.optimizer.OptimizerFactory;
import org.geopinn.api.problem.Problem;
import org.geopinn.api.sampler.Sampler;
import org.geopinn.api.session.Catalog;
import org.geopinn.api.session.Command;
import org.geopinn.api.session.TrainingListener;
import org.geopinn.api.weighting.LossWeightingFactory;

/**
 * The services the engine knows of, by kind and id, in registration order (the first registered
 * of two with the same id wins until it leaves). Thread-safe: services come and go on framework
 * threads while sessions look them up on their worker threads.
 */
final class ServiceRegistry implements ServiceDirectory, Catalog {
    /** The kinds the catalog lists, with their catalog names, in listing order. */
    static final Map<Class<?>, String> KINDS = kinds();

    private record Registered(String id, String description, String bundle, Object service, Map<String, String> configuration) {
    }

    private final Map<Class<?>, List<Registered>> services = new LinkedHashMap<>();
    private final List<TrainingListener> listeners = new CopyOnWriteArrayList<>();
    private final List<ChangeListener> changeListeners = new CopyOnWriteArrayList<>();

    private static Map<Class<?>, String> kinds() {
        Map<Class<?>, String> m = new LinkedHashMap<>();
        m.put(Problem.class, "problems");
        m.put(ModelFactory.class, "models");
        m.put(OperatorEngine.class, "engines");
        m.put(Sampler.class, "samplers");
        m.put(OptimizerFactory.class, "optimizers");
        m.put(LossWeightingFactory.class, "weightings");
        m.put(Diagnostic.class, "diagnostics");
        m.put(Command.class, "commands");
        return m;
    }

    /**
     * Adds a service.
     *
     * @param kind its interface
     * @param id its id; null to ask the service itself
     * @param description its description; null to ask the service itself
     * @param bundle the symbolic name of the providing bundle
     * @param service the service object
     */
    void add(Class<?> kind, String id, String description, String bundle, Object service) {
        add(kind, id, description, bundle, service, Map.of());
    }

    /**
     * Adds a service with its configured values.
     *
     * @param kind its interface
     * @param id its id; null to ask the service itself
     * @param description its description; null to ask the service itself
     * @param bundle the symbolic name of the providing bundle
     * @param service the service object
     * @param configuration its configured values by name (see {@link ServiceDirectory#configuration})
     */
    void add(Class<?> kind, String id, String description, String bundle, Object service, Map<String, String> configuration) {
        String realId = id != null ? id : ServiceNames.id(service);
        String realDescription = description != null ? description : ServiceNames.description(service);
        synchronized (services) {
            services.computeIfAbsent(kind, k -> new ArrayList<>()).add(new Registered(realId, realDescription, bundle, service,
                    Map.copyOf(configuration)));
        }
        changeListeners.forEach(l -> l.serviceChanged(kind, realId, service, true));
    }

    /** @param kind its interface @param service a service object added before (by identity) */
    void remove(Class<?> kind, Object service) {
        Registered gone = null;
        synchronized (services) {
            List<Registered> list = services.getOrDefault(kind, List.of());
            for (Registered r : list) {
                if (r.service() == service) {
                    gone = r;
                }
            }
            if (gone != null) {
                list.remove(gone);
            }
        }
        if (gone != null) {
            String id = gone.id();
            changeListeners.forEach(l -> l.serviceChanged(kind, id, service, false));
        }
    }

    /** @param listener a whiteboard listener to add */
    void addListener(TrainingListener listener) {
        listeners.add(listener);
    }

    /** @param listener a whiteboard listener to remove */
    void removeListener(TrainingListener listener) {
        listeners.remove(listener);
    }

    @Override
    public <T> Optional<T> find(Class<T> kind, String id) {
        synchronized (services) {
            for (Registered r : services.getOrDefault(kind, List.of())) {
                if (r.id().equals(id)) {
                    return Optional.of(kind.cast(r.service()));
                }
            }
        }
        return Optional.empty();
    }

    @Override
    public List<String> ids(Class<?> kind) {
        synchronized (services) {
            return services.getOrDefault(kind, List.of()).stream().map(Registered::id).distinct().sorted().toList();
        }
    }

    @Override
    public Map<String, String> configuration(Object service) {
        synchronized (services) {
            for (List<Registered> list : services.values()) {
                for (Registered r : list) {
                    if (r.service() == service) {
                        return r.configuration();
                    }
                }
            }
        }
        return Map.of();
    }

    @Override
    public List<TrainingListener> listeners() {
        return listeners;
    }

    @Override
    public void addChangeListener(ChangeListener listener) {
        changeListeners.add(listener);
    }

    @Override
    public Map<String, List<Entry>> entries() {
        Map<String, List<Entry>> out = new LinkedHashMap<>();
        synchronized (services) {
            KINDS.forEach((kind, name) -> {
                Map<String, Entry> byId = new LinkedHashMap<>();
                for (Registered r : services.getOrDefault(kind, List.of())) {
                    byId.putIfAbsent(r.id(), new Entry(r.id(), r.description(), r.bundle()));
                }
                List<Entry> list = new ArrayList<>(byId.values());
                list.sort(Comparator.comparing(Entry::id));
                out.put(name, List.copyOf(list));
            });
        }
        return out;
    }
}

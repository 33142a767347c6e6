package org.geopinn.engine;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.geopinn.api.model.ModelFactory;
import org.geopinn.api.session.Session;
import org.geopinn.api.session.SessionSpec;
import org.geopinn.api.session.TrainingService;
import org.geopinn.api.solution.TrainedSolution;

/**
 * The sessions of a host: starts them from specs, tells them when services come and go, and
 * publishes each one's trained solution when it ends. Plain Java: the OSGi component adapts it.
 */
final class Sessions implements TrainingService, ServiceDirectory.ChangeListener {
    /** Where ended sessions' solutions go (the OSGi service registry, or a test's list). */
    interface SolutionPublisher {
        /**
         * @param session the ended session
         * @param solution its trained solution
         */
        void publish(Session session, TrainedSolution solution);

        /** @param sessionId a session whose solution must no longer be offered */
        void withdraw(String sessionId);
    }

    private final ServiceDirectory directory;
    private final SolutionPublisher publisher;
    private final Map<String, TrainingSession> sessions = new LinkedHashMap<>();
    /** The model factory behind each published solution: its solutions go when it goes. */
    private final Map<String, ModelFactory> publishedWith = new LinkedHashMap<>();
    private final AtomicInteger counter = new AtomicInteger();

    /**
     * @param directory where services are found
     * @param publisher where solutions are published
     */
    Sessions(ServiceDirectory directory, SolutionPublisher publisher) {
        this.directory = directory;
        this.publisher = publisher;
        directory.addChangeListener(this);
    }

    @Override
    public Session start(SessionSpec spec) {
        ResolvedSpec resolved = new SpecResolver(directory).resolve(spec);
        String id = "s" + counter.incrementAndGet();
        TrainingSession session = new TrainingSession(id, resolved, directory, this::ended);
        synchronized (sessions) {
            sessions.put(id, session);
        }
        session.begin();
        return session;
    }

    private void ended(TrainingSession session) {
        TrainedSolution solution = session.solution();
        ModelFactory factory = session.modelFactory();
        if (solution != null) {
            synchronized (sessions) {
                publishedWith.put(session.id(), factory);
            }
            publisher.publish(session, solution);
        }
    }

    @Override
    public List<Session> sessions() {
        synchronized (sessions) {
            return List.copyOf(sessions.values());
        }
    }

    @Override
    public Optional<Session> session(String id) {
        synchronized (sessions) {
            return Optional.ofNullable(sessions.get(id));
        }
    }

    @Override
    public void serviceChanged(Class<?> kind, String id, Object service, boolean added) {
        List<TrainingSession> all;
        List<String> withdrawn = new ArrayList<>();
        synchronized (sessions) {
            all = List.copyOf(sessions.values());
            if (!added) {
                publishedWith.entrySet().removeIf(e -> {
                    boolean gone = e.getValue() == service;
                    if (gone) {
                        withdrawn.add(e.getKey());
                    }
                    return gone;
                });
            }
        }
        withdrawn.forEach(publisher::withdraw);
        String kindName = kindName(kind);
        for (TrainingSession s : all) {
            if (added) {
                s.serviceArrived();
            } else {
                s.serviceGone(kindName, id, service);
            }
        }
    }

    private static String kindName(Class<?> kind) {
        String plural = ServiceRegistry.KINDS.getOrDefault(kind, kind.getSimpleName());
        return switch (plural) {
            case "problems" -> "problem";
            case "models" -> "model factory";
            case "engines" -> "operator engine";
            case "optimizers" -> "optimizer";
            default -> plural;
        };
    }

    /** Stops every session and waits a little for each to end. */
    void shutdown() {
        for (Session s : sessions()) {
            s.stop();
        }
        for (Session s : sessions()) {
            try {
                s.await(Duration.ofSeconds(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}

package org.geopinn.dashboard;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.geopinn.api.session.Session;
import org.geopinn.api.session.TrainingEvent;
import org.geopinn.api.session.TrainingService;

/**
 * The loss and error curves of every session the dashboard has seen. A session that started before the
 * dashboard is filled from its history the first time it is asked for.
 */
final class Feeds {
    /** The two curves of a session. @param loss the loss curve @param error the error curve */
    record Curves(SessionFeed loss, SessionFeed error) {
        void add(TrainingEvent e) {
            loss.add(e);
            error.add(e);
        }
    }

    private final Map<String, Curves> feeds = new ConcurrentHashMap<>();
    private final TrainingService training;

    Feeds(TrainingService training) {
        this.training = training;
    }

    /** @param e an event of any session (called on its worker thread: cheap) */
    void onEvent(TrainingEvent e) {
        if (e.kind() == TrainingEvent.Kind.STEP) {
            feed(e.sessionId()).ifPresent(f -> f.add(e));
        }
    }

    /** @param sessionId a session @return its curves, empty when the training service has no such session */
    Optional<Curves> feed(String sessionId) {
        Curves f = feeds.get(sessionId);
        if (f != null) {
            return Optional.of(f);
        }
        Optional<Session> session = training.session(sessionId);
        if (session.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(feeds.computeIfAbsent(sessionId, id -> {
            Curves fresh = new Curves(new SessionFeed(false), new SessionFeed(true));
            session.get().history().forEach(fresh::add);
            return fresh;
        }));
    }
}

package org.geopinn.itest;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.geopinn.api.problem.Condition;
import org.geopinn.api.problem.Problem;
import org.geopinn.api.session.Session;
import org.geopinn.api.session.SessionSpec;
import org.geopinn.api.session.TrainingEvent;

/** Small, quick training sessions for the tests, and a recorder of their events. */
final class Sessions {
    private Sessions() {
    }

    /**
     * A session that would run for a long time on a tiny network and few points (tests stop it).
     *
     * @param problem the problem to solve
     * @param optimizer the optimizer chain
     * @return the spec
     */
    static SessionSpec quick(Problem problem, String optimizer) {
        Map<String, Integer> points = problem.conditions().stream()
                .collect(Collectors.toMap(Condition::name, c -> 16));
        return SessionSpec.builder(problem.id()).hidden(6).points(points).optimizers(optimizer)
                .maxSteps(1_000_000).seed(7).build();
    }

    /** Keeps every event of a session. */
    static final class Recorder {
        final List<TrainingEvent> events = new CopyOnWriteArrayList<>();

        Recorder(Session session) {
            session.addListener(events::add);
        }

        TrainingEvent await(Predicate<TrainingEvent> which, Duration timeout) {
            TrainingEvent[] found = new TrainingEvent[1];
            boolean ok = TestHost.waitUntil(() -> {
                found[0] = events.stream().filter(which).findFirst().orElse(null);
                return found[0] != null;
            }, timeout);
            if (!ok) {
                throw new AssertionError("no such event within " + timeout + "; last events: "
                        + events.subList(Math.max(0, events.size() - 5), events.size()));
            }
            return found[0];
        }
    }

    /**
     * Waits until a session has taken some steps; fails at once, with the session's message, if it
     * ends before.
     *
     * @param s the session
     * @param steps the step count to reach
     * @param timeout how long to wait at most
     */
    static void awaitSteps(Session s, long steps, Duration timeout) {
        TestHost.waitUntil(() -> steps(s) >= steps || s.state().isTerminal(), timeout);
        if (steps(s) < steps) {
            throw new AssertionError("session " + s.id() + " (" + s.spec().problemId() + ", " + s.optimizerId()
                    + ") did not reach step " + steps + ": " + s.state() + ": " + s.message());
        }
    }

    /** @return the steps of a session so far (0 before its first step) */
    static long steps(Session s) {
        TrainingEvent e = s.lastEvent();
        return e == null ? 0 : e.step();
    }
}

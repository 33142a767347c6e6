package org.geopinn.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.geopinn.api.session.Session;
import org.geopinn.api.session.SessionSpec;
import org.geopinn.api.session.SessionState;
import org.geopinn.api.session.TrainingEvent;
import org.geopinn.api.session.TrainingService;
import org.junit.jupiter.api.Test;

/** The parts of the dashboard that need no server: the curve buffer, the token, the controls' answers, JSON. */
class DashboardPartsTest {
    private static TrainingEvent step(long step, double loss) {
        return new TrainingEvent(TrainingEvent.Kind.STEP, "s1", step, step * 0.01, loss, new double[] {loss / 2, loss / 2},
                new double[] {1, 1}, step % 10 == 0 ? 0.5 : Double.NaN, new double[0], "adam", "", null);
    }

    @Test
    void theCurveStaysBoundedAndEvenlySpreadOverALongRun() {
        SessionFeed feed = new SessionFeed(false);
        SessionFeed errors = new SessionFeed(true);
        int steps = 5 * SessionFeed.LIMIT + 123;
        for (int k = 1; k <= steps; k++) {
            feed.add(step(k, 1.0 / k));
            errors.add(step(k, 1.0 / k));
        }
        feed.add(step(7, 1.0)); // an old step again: ignored
        SessionFeed.Slice all = feed.since(-1, 0);
        assertTrue(all.reset());
        List<double[]> rows = all.rows();
        assertTrue(rows.size() <= SessionFeed.LIMIT && rows.size() > SessionFeed.LIMIT / 4, "rows " + rows.size());
        assertEquals(1.0, rows.get(0)[0], "the first step is kept");
        double gap = rows.get(1)[0] - rows.get(0)[0];
        for (int i = 1; i < rows.size(); i++) {
            assertEquals(gap, rows.get(i)[0] - rows.get(i - 1)[0], "evenly spread, at row " + i);
        }
        assertTrue(rows.get(rows.size() - 1)[0] > steps - 2 * gap, "reaches the end");
        double[] r = rows.get(3);
        assertEquals(4, r.length, "step, loss, two conditions");
        assertEquals(r[1] / 2, r[2]);

        // the error curve holds the steps where the error was measured (every tenth), evenly spread too
        List<double[]> measured = errors.since(-1, 0).rows();
        assertTrue(measured.size() > SessionFeed.LIMIT / 4 && measured.size() <= SessionFeed.LIMIT, "rows " + measured.size());
        for (double[] m : measured) {
            assertEquals(2, m.length);
            assertEquals(0, m[0] % 10, "a measured step");
            assertEquals(0.5, m[1]);
        }

        // a reader that holds everything gets nothing new; after one more kept step, just that row
        SessionFeed.Slice none = feed.since(all.generation(), all.end());
        assertFalse(none.reset());
        assertTrue(none.rows().isEmpty());
        long next = steps + 1;
        while (feed.since(all.generation(), all.end()).rows().isEmpty()) {
            feed.add(step(next++, 1e-9));
        }
        SessionFeed.Slice more = feed.since(all.generation(), all.end());
        assertEquals(1, more.rows().size());
        assertEquals(all.end(), more.start());
    }

    @Test
    void theTokenIsRandomUnlessConfiguredAndComparedExactly() {
        Token a = Token.of("");
        Token b = Token.of(null);
        assertEquals(32, a.value().length());
        assertNotEquals(a.value(), b.value());
        Token c = Token.of(" secret ");
        assertTrue(c.matches("secret"));
        assertFalse(c.matches("secret2"));
        assertFalse(c.matches(null));
        assertFalse(c.matches(""));
    }

    @Test
    void controlsRefuseRequestsWithoutTheTokenBeforeAnythingElse() {
        int[] pauses = new int[1];
        Session session = (Session) Proxy.newProxyInstance(Session.class.getClassLoader(), new Class<?>[] {Session.class}, (p, m, args) -> {
            switch (m.getName()) {
                case "id": return "s1";
                case "state": return SessionState.RUNNING;
                case "pause": pauses[0]++; return null;
                default: throw new UnsupportedOperationException(m.getName());
            }
        });
        TrainingService training = new TrainingService() {
            @Override
            public Session start(SessionSpec spec) {
                throw new UnsupportedOperationException();
            }

            @Override
            public List<Session> sessions() {
                return List.of(session);
            }

            @Override
            public Optional<Session> session(String id) {
                return "s1".equals(id) ? Optional.of(session) : Optional.empty();
            }
        };
        Controls controls = new Controls(training, Token.of("t0k"));
        assertEquals(403, controls.handle(null, "s1", "pause", null).status());
        assertEquals(403, controls.handle("t0K", "s1", "pause", null).status());
        assertEquals(403, controls.handle(null, "nope", "stop", null).status(), "not even whether a session exists");
        assertEquals(0, pauses[0], "nothing happened without the token");
        assertEquals(404, controls.handle("t0k", "nope", "pause", null).status());
        Controls.Answer bad = controls.handle("t0k", "s1", "explode", null);
        assertEquals(400, bad.status());
        assertEquals("unknown action 'explode'; actions are pause, resume, stop, swap", bad.body().get("error"));
        Controls.Answer chain = controls.handle("t0k", "s1", "swap", "adam:10,lbfgs");
        assertEquals(400, chain.status());
        assertEquals("swap takes one optimizer, not the chain 'adam:10,lbfgs'", chain.body().get("error"));
        assertEquals(200, controls.handle("t0k", "s1", "pause", null).status());
        assertEquals(1, pauses[0]);
    }

    @Test
    void jsonIsWellFormedAndSafeInsideAPage() {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("a", new double[] {1.0, Double.NaN});
        m.put("b", "</script>\"\n");
        m.put("c", List.of(1, true));
        assertEquals("{\"a\":[1.0,null],\"b\":\"\\u003c/script\\u003e\\\"\\n\",\"c\":[1,true]}", JsonText.of(m));
    }
}

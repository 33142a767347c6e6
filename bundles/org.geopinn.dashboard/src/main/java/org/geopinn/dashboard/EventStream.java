package org.geopinn.dashboard;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.geopinn.api.session.Session;
import org.geopinn.api.session.TrainingEvent;
import org.geopinn.api.session.TrainingService;

/**
 * Server-sent events for the page: {@code sessions} (the list, when it changes), and for the
 * chosen session {@code status} (state, optimizer, step …, when it changes), {@code points} and
 * {@code errors} (the loss and error curve rows the page does not have yet). Polls four times a second on the request's own
 * thread and ends when the browser goes away or the dashboard stops.
 */
final class EventStream {
    private static final long PERIOD_MILLIS = 250;
    private static final long KEEP_ALIVE_MILLIS = 10_000;

    private final TrainingService training;
    private final Feeds feeds;
    private final AtomicBoolean closed = new AtomicBoolean();

    EventStream(TrainingService training, Feeds feeds) {
        this.training = training;
        this.feeds = feeds;
    }

    /** Ends every open stream within one period. */
    void close() {
        closed.set(true);
    }

    /** @return one summary per session of the host, oldest first */
    List<Map<String, Object>> summaries() {
        List<Map<String, Object>> list = new ArrayList<>();
        for (Session s : training.sessions()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", s.id());
            m.put("problem", s.spec().problemId());
            m.put("state", s.state().name());
            m.put("optimizer", s.optimizerId());
            TrainingEvent last = s.lastEvent();
            m.put("step", last == null ? 0 : last.step());
            list.add(m);
        }
        return list;
    }

    private static Map<String, Object> status(Session s) {
        Map<String, Object> m = new LinkedHashMap<>();
        TrainingEvent last = s.lastEvent();
        m.put("id", s.id());
        m.put("problem", s.spec().problemId());
        m.put("state", s.state().name());
        m.put("optimizer", s.optimizerId());
        m.put("step", last == null ? 0 : last.step());
        m.put("seconds", last == null ? 0.0 : last.seconds());
        m.put("loss", last == null ? Double.NaN : last.loss());
        m.put("message", s.message() == null ? "" : s.message());
        m.put("conditions", s.conditionNames());
        m.put("fields", s.model().spec().fields());
        return m;
    }

    /**
     * @param sessionId the chosen session, or null for the list only
     * @param resp the response to stream into
     * @throws IOException when the stream cannot be started
     */
    void stream(String sessionId, HttpServletResponse resp) throws IOException {
        resp.setStatus(HttpServletResponse.SC_OK);
        resp.setContentType("text/event-stream");
        resp.setCharacterEncoding("UTF-8");
        resp.setHeader("Cache-Control", "no-store");
        PrintWriter w = resp.getWriter();
        w.write("retry: 2000\n\n");
        String lastSessions = null;
        String lastStatus = null;
        long[] generation = {-1, -1};
        int[] have = {0, 0};
        long lastWrite = System.currentTimeMillis();
        while (!closed.get()) {
            boolean wrote = false;
            String sessions = JsonText.of(summaries());
            if (!sessions.equals(lastSessions)) {
                send(w, "sessions", sessions);
                lastSessions = sessions;
                wrote = true;
            }
            Optional<Session> s = sessionId == null ? Optional.empty() : training.session(sessionId);
            if (s.isPresent()) {
                String status = JsonText.of(status(s.get()));
                if (!status.equals(lastStatus)) {
                    send(w, "status", status);
                    lastStatus = status;
                    wrote = true;
                }
                Optional<Feeds.Curves> curves = feeds.feed(sessionId);
                if (curves.isPresent()) {
                    wrote |= sendRows(w, "points", curves.get().loss(), generation, have, 0);
                    wrote |= sendRows(w, "errors", curves.get().error(), generation, have, 1);
                }
            }
            long now = System.currentTimeMillis();
            if (!wrote && now - lastWrite > KEEP_ALIVE_MILLIS) {
                w.write(": keep-alive\n\n");
                wrote = true;
            }
            if (wrote) {
                lastWrite = now;
                w.flush();
                if (w.checkError()) {
                    return; // the browser went away
                }
            }
            try {
                Thread.sleep(PERIOD_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Sends the rows of one curve the reader lacks; updates its cursor (generation[k], have[k]). */
    private static boolean sendRows(PrintWriter w, String event, SessionFeed feed, long[] generation, int[] have, int k) {
        SessionFeed.Slice slice = feed.since(generation[k], have[k]);
        if (!slice.reset() && slice.rows().isEmpty()) {
            return false;
        }
        Map<String, Object> points = new LinkedHashMap<>();
        points.put("reset", slice.reset());
        points.put("rows", slice.rows());
        send(w, event, JsonText.of(points));
        generation[k] = slice.generation();
        have[k] = slice.end();
        return true;
    }

    private static void send(PrintWriter w, String event, String data) {
        w.write("event: " + event + "\ndata: " + data + "\n\n");
    }
}

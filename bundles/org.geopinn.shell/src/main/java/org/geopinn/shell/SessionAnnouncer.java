package org.geopinn.shell;

import java.util.Locale;
import java.util.Optional;
import org.geopinn.api.session.Session;
import org.geopinn.api.session.SessionState;
import org.geopinn.api.session.TrainingEvent;
import org.geopinn.api.session.TrainingListener;
import org.geopinn.api.session.TrainingService;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * Tells the person at the shell what happens to the sessions of the host as it happens: one line
 * on the console when a session ends (finished, stopped or failed), pauses (by request or because
 * a service went away) or resumes (with the problem's configuration if it changed meanwhile).
 * Registered as a {@link TrainingListener} service, so the engine tells it about every session.
 * Silent in command mode ({@code ./geopinn solve} prints its own progress).
 */
@Component(service = TrainingListener.class)
public final class SessionAnnouncer implements TrainingListener {
    /** Launch property that is {@code command} when the framework runs one CLI command. */
    static final String MODE = "geopinn.mode";

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile TrainingService training;
    private volatile boolean quiet;

    /** @param context for the launch mode */
    @Activate
    void activate(BundleContext context) {
        quiet = "command".equals(context.getProperty(MODE));
    }

    @Override
    public void onEvent(TrainingEvent e) {
        TrainingEvent.Kind k = e.kind();
        if (quiet || k != TrainingEvent.Kind.ENDED && k != TrainingEvent.Kind.PAUSED && k != TrainingEvent.Kind.RESUMED) {
            return; // steps are not announced: nothing to do on the worker thread
        }
        TrainingService t = training;
        Optional<Session> s = t == null ? Optional.empty() : t.session(e.sessionId());
        String line = line(e, s.map(x -> x.spec().problemId()).orElse(null), s.map(Session::state).orElse(null));
        if (line != null) {
            say(line);
        }
    }

    /**
     * @param e an event
     * @param problem the session's problem id, null if unknown
     * @param state the session's state when the event is delivered, null if unknown
     * @return the line to announce, or null for events that are not announced (steps, swaps, diagnostics)
     */
    static String line(TrainingEvent e, String problem, SessionState state) {
        String who = "geopinn: session " + e.sessionId() + (problem == null ? "" : " (" + problem + ")");
        switch (e.kind()) {
            case ENDED: {
                String how = state == null ? "ended" : state.name().toLowerCase(Locale.ROOT);
                StringBuilder b = new StringBuilder(who).append(' ').append(how).append(" at step ").append(e.step())
                        .append(": ").append(e.message());
                if (!Double.isNaN(e.loss())) {
                    b.append(String.format(Locale.ROOT, "; loss %.4e", e.loss()));
                }
                if (!Double.isNaN(e.relativeL2())) {
                    b.append(String.format(Locale.ROOT, ", rel. L2 %.3e", e.relativeL2()));
                }
                return b.toString();
            }
            case PAUSED: {
                String hint = e.message().startsWith("optimizer '") && e.message().contains("went away")
                        ? " (or geopinn:swap " + e.sessionId() + " OPTIMIZER to continue with another)" : "";
                return who + " paused: " + e.message() + hint;
            }
            case RESUMED:
                return who + " " + e.message();
            default:
                return null;
        }
    }

    /** @param line printed on the console (the terminal the shell runs in) */
    static void say(String line) {
        System.out.println(line); // looked up each time: the console may be replaced
    }
}

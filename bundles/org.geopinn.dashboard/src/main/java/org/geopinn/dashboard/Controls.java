package org.geopinn.dashboard;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.geopinn.api.GeopinnException;
import org.geopinn.api.session.OptimizerStage;
import org.geopinn.api.session.Session;
import org.geopinn.api.session.SessionState;
import org.geopinn.api.session.TrainingService;

/**
 * The state-changing requests: pause, resume, stop and swap the optimizer of a session. Each
 * needs the token (else 403); a wrong optimizer text gets the one-line message the command line
 * and the shell give for it (400).
 */
final class Controls {
    private final TrainingService training;
    private final Token token;

    Controls(TrainingService training, Token token) {
        this.training = training;
        this.token = token;
    }

    /**
     * @param status the HTTP status
     * @param body the JSON body: {@code message} or {@code error}
     */
    record Answer(int status, Map<String, Object> body) {
        static Answer ok(String message) {
            return new Answer(200, Map.of("message", message));
        }

        static Answer error(int status, String error) {
            return new Answer(status, Map.of("error", error));
        }
    }

    /**
     * @param presented the token the request carried, may be null
     * @param sessionId the session
     * @param action pause, resume, stop or swap
     * @param optimizer for swap: {@code ID} or {@code ID(key=value;...)}
     * @return the answer
     */
    Answer handle(String presented, String sessionId, String action, String optimizer) {
        if (!token.matches(presented)) {
            return Answer.error(403, "this request needs the dashboard's token (header " + Token.HEADER
                    + "): open the address printed when the dashboard started");
        }
        Optional<Session> found = sessionId == null ? Optional.empty() : training.session(sessionId);
        if (found.isEmpty()) {
            return Answer.error(404, "no session '" + sessionId + "'");
        }
        Session s = found.get();
        try {
            switch (action == null ? "" : action) {
                case "pause":
                    s.pause();
                    return Answer.ok("session " + s.id() + " pauses after the current step");
                case "resume":
                    s.resume();
                    return Answer.ok("session " + s.id() + " resumes");
                case "stop":
                    s.stop();
                    return Answer.ok("session " + s.id() + " stops after the current step");
                case "swap":
                    return Answer.ok(swap(s, optimizer == null ? "" : optimizer.trim()));
                default:
                    return Answer.error(400, "unknown action '" + action + "'; actions are pause, resume, stop, swap");
            }
        } catch (GeopinnException e) {
            return Answer.error(400, oneLine(e.getMessage()));
        }
    }

    private static String swap(Session s, String text) {
        if (s.state().isTerminal()) {
            throw new GeopinnException("session " + s.id() + " has ended (" + s.state().name().toLowerCase(java.util.Locale.ROOT)
                    + "); its optimizer can no longer be swapped");
        }
        List<OptimizerStage> stages = OptimizerStage.parseChain(text);
        if (stages.size() != 1) {
            throw new GeopinnException("swap takes one optimizer, not the chain '" + text + "'");
        }
        s.swapOptimizer(stages.get(0).optimizerId(), stages.get(0).settings());
        return "session " + s.id() + ": optimizer " + stages.get(0).text()
                + (s.state() == SessionState.PAUSED ? " takes over when the session resumes" : " takes over after the current step");
    }

    /** @param message a message, maybe several lines @return its first line */
    static String oneLine(String message) {
        if (message == null || message.isBlank()) {
            return "failed";
        }
        String m = message.strip();
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }
}

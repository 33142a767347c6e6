package org.geopinn.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import org.geopinn.api.session.SessionState;
import org.geopinn.api.session.TrainingEvent;
import org.junit.jupiter.api.Test;

class AnnouncementsTest {
    private static TrainingEvent event(TrainingEvent.Kind kind, long step, double loss, double relL2, String message) {
        return new TrainingEvent(kind, "s3", step, 1.5, loss, new double[0], new double[0], relL2, new double[0], "adam", message, null);
    }

    @Test
    void endsPausesAndResumesAreOneLineEach() {
        assertEquals("geopinn: session s3 (laplace2d) finished at step 200: reached 200 steps; loss 1.2500e-03, rel. L2 4.000e-02",
                SessionAnnouncer.line(event(TrainingEvent.Kind.ENDED, 200, 1.25e-3, 0.04, "reached 200 steps"), "laplace2d",
                        SessionState.FINISHED));
        assertEquals("geopinn: session s3 (burgers) failed at step 7: optimizer 'adam' rejected 25 steps in a row",
                SessionAnnouncer.line(event(TrainingEvent.Kind.ENDED, 7, Double.NaN, Double.NaN,
                        "optimizer 'adam' rejected 25 steps in a row"), "burgers", SessionState.FAILED));
        assertEquals("geopinn: session s3 (heat) paused: optimizer 'anagram' went away at step 12; paused until it returns"
                + " (or geopinn:swap s3 OPTIMIZER to continue with another)",
                SessionAnnouncer.line(event(TrainingEvent.Kind.PAUSED, 12, 1, Double.NaN,
                        "optimizer 'anagram' went away at step 12; paused until it returns"), "heat", SessionState.PAUSED));
        assertEquals("geopinn: session s3 resumed at step 12",
                SessionAnnouncer.line(event(TrainingEvent.Kind.RESUMED, 12, 1, Double.NaN, "resumed at step 12"), null, null));
        assertNull(SessionAnnouncer.line(event(TrainingEvent.Kind.STEP, 13, 1, Double.NaN, ""), "heat", SessionState.RUNNING));
    }

    @Test
    void gogoFilePatternErrorsGetAQuotingHint() {
        assertEquals("geopinn: the shell read adam(lr=1e-4) as a file pattern because of its parentheses; put it in quotes, e.g."
                + " geopinn:swap s1 'adam(lr=1e-4)' or --optimizer 'adam(lr=1e-3):500,lbfgs'",
                ParenthesesHint.hint("geopinn:swap s1 adam(lr=1e-4)", new IOException("no matches found: adam(lr=1e-4)")));
        assertNull(ParenthesesHint.hint("ls *.txt", new IOException("no matches found: *.txt")));
        assertNull(ParenthesesHint.hint("geopinn:swap s1 adam(lr=1)", new IllegalStateException("other")));
    }
}

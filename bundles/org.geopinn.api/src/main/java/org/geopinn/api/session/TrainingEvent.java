package org.geopinn.api.session;

/**
 * Something that happened in a session. Step events carry the loss per condition, the weights and,
 * where the problem has a reference and the error was measured at this step, the errors.
 *
 * @param kind what happened
 * @param sessionId the session
 * @param step steps taken so far
 * @param seconds wall-clock seconds of training so far
 * @param loss the total loss ½‖r‖² after the step
 * @param groupLosses the loss per condition (names in {@link Session#conditionNames()})
 * @param weights the weight per condition
 * @param relativeL2 the relative L2 error over all fields, NaN when not measured
 * @param fieldErrors the relative L2 error per field, empty when not measured
 * @param optimizerId the optimizer that took the step
 * @param message a human note (the optimizer's step detail, the reason of a pause …)
 * @param report the diagnostic report of a {@link Kind#DIAGNOSTIC} event, null otherwise
 * @param window the time-marching window the session trains in (1 … K), 0 when it does not march
 *        in time (see {@link SessionSpec#timeWindows()})
 * @param coefficients the values of the trained coefficients after the step, in the order of the
 *        names of {@link SessionSpec#unknowns()} together with the problem's own unknowns, sorted by
 *        name (see {@link org.geopinn.api.problem.Problem#unknowns()}); empty when none is trained
 */
public record TrainingEvent(Kind kind, String sessionId, long step, double seconds, double loss, double[] groupLosses,
        double[] weights, double relativeL2, double[] fieldErrors, String optimizerId, String message,
        org.geopinn.api.diagnostic.DiagnosticReport report, int window, double[] coefficients) {

    /** Replaces a null coefficient array by an empty one. */
    public TrainingEvent {
        coefficients = coefficients == null ? new double[0] : coefficients;
    }

    /**
     * An event without trained coefficients (the form before {@code coefficients} existed).
     *
     * @param kind what happened
     * @param sessionId the session
     * @param step steps taken so far
     * @param seconds wall-clock seconds of training so far
     * @param loss the total loss
     * @param groupLosses the loss per condition
     * @param weights the weight per condition
     * @param relativeL2 the relative L2 error, NaN when not measured
     * @param fieldErrors the error per field
     * @param optimizerId the optimizer
     * @param message a human note
     * @param report the diagnostic report, or null
     * @param window the time-marching window, 0 when not marching
     */
    public TrainingEvent(Kind kind, String sessionId, long step, double seconds, double loss, double[] groupLosses,
            double[] weights, double relativeL2, double[] fieldErrors, String optimizerId, String message,
            org.geopinn.api.diagnostic.DiagnosticReport report, int window) {
        this(kind, sessionId, step, seconds, loss, groupLosses, weights, relativeL2, fieldErrors, optimizerId, message, report,
                window, null);
    }

    /**
     * An event of a session that does not march in time (window 0).
     *
     * @param kind what happened
     * @param sessionId the session
     * @param step steps taken so far
     * @param seconds wall-clock seconds of training so far
     * @param loss the total loss
     * @param groupLosses the loss per condition
     * @param weights the weight per condition
     * @param relativeL2 the relative L2 error, NaN when not measured
     * @param fieldErrors the error per field
     * @param optimizerId the optimizer
     * @param message a human note
     * @param report the diagnostic report, or null
     */
    public TrainingEvent(Kind kind, String sessionId, long step, double seconds, double loss, double[] groupLosses,
            double[] weights, double relativeL2, double[] fieldErrors, String optimizerId, String message,
            org.geopinn.api.diagnostic.DiagnosticReport report) {
        this(kind, sessionId, step, seconds, loss, groupLosses, weights, relativeL2, fieldErrors, optimizerId, message, report, 0);
    }

    /** Kinds of events. */
    public enum Kind {
        /** The session started. */ STARTED,
        /** A step was accepted. */ STEP,
        /** A step was rejected (non-finite loss or no decrease); parameters are unchanged. */ REJECTED,
        /** The optimizer was replaced. */ SWAPPED,
        /** The session paused. */ PAUSED,
        /** The session resumed. */ RESUMED,
        /** A diagnostic ran; the report is attached. */ DIAGNOSTIC,
        /** The session ended: finished, stopped or failed (see {@link Session#state()}). */ ENDED,
        /** A time-marching session moved on to its next window ({@link TrainingEvent#window()}). */ WINDOW,
        /**
         * Some conditions got new collocation points (residual-adaptive or fresh resampling); the
         * message names them and, where the renewal was checked, how much larger the residual is
         * between the old points than at them.
         */
        POINTS
    }
}

package org.geopinn.api.evolution;

/**
 * Something that happened in a Neural IVP run.
 *
 * @param kind what happened
 * @param step steps attempted so far (accepted and rejected)
 * @param time the time reached (for a rejected step: the time it started from)
 * @param stepSize the step size taken, or tried when rejected; 0 for fits
 * @param cgIterations the most CG iterations any linear solve of the step needed (for a fit: of its last iteration)
 * @param cgResidual the largest relative CG residual of the step's solves
 * @param residual the PDE residual: RMS of u_θ̇ − L[u_θ] over the samples relative to the RMS of L[u_θ], at
 *        the step's first stage; for a fit, its relative RMS misfit
 * @param errorEstimate the Runge–Kutta error estimate (scaled; ≤ 1 accepts); NaN for fits
 * @param relativeError the relative L2 error against the reference at {@code time}; NaN when there is none
 * @param restarts restarts so far
 * @param seconds wall-clock seconds since the run began
 * @param message a human note
 */
public record EvolutionEvent(Kind kind, int step, double time, double stepSize, int cgIterations, double cgResidual,
        double residual, double errorEstimate, double relativeError, int restarts, double seconds, String message) {

    /** Kinds of events. */
    public enum Kind {
        /** The network was fitted to the initial data. */ FITTED,
        /** A time step was accepted. */ STEP,
        /** A time step was rejected by the error control and will be retried smaller. */ REJECTED,
        /** A fresh network was fitted to the current solution. */ RESTARTED,
        /** A snapshot was kept at one of the output times. */ SNAPSHOT,
        /** The run reached its end time, its step limit, or was interrupted. */ ENDED
    }
}

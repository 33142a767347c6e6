package org.geopinn.api.session;

/** The life cycle of a training session. */
public enum SessionState {
    /** Being set up: sampling points, building the model. */ STARTING,
    /** Taking steps on its worker thread. */ RUNNING,
    /** Waiting between two steps: paused by a user, or because a service it uses went away. */ PAUSED,
    /** Stopped by a user; results are complete up to the last step. */ STOPPED,
    /** Reached its step count, time budget or convergence. */ FINISHED,
    /** Ended by an error it could not recover from; the message says which. */ FAILED;

    /** @return whether the session has ended and will take no more steps */
    public boolean isTerminal() {
        return this == STOPPED || this == FINISHED || this == FAILED;
    }
}

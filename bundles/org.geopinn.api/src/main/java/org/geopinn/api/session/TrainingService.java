package org.geopinn.api.session;

import java.util.List;
import java.util.Optional;

/** Starts and finds training sessions. Provided by the engine bundle. */
@org.osgi.annotation.versioning.ProviderType
public interface TrainingService {
    /**
     * Validates the spec (problem, model, optimizers, weighting present; problem consistent) and
     * starts training on a worker thread.
     *
     * @param spec what to train
     * @return the running session
     * @throws org.geopinn.api.GeopinnException with a one-line message for anything wrong in the spec,
     *         before any training starts
     */
    Session start(SessionSpec spec);

    /** @return all sessions of this host, running or ended */
    List<Session> sessions();

    /** @param id a session id @return the session, if any */
    Optional<Session> session(String id);
}

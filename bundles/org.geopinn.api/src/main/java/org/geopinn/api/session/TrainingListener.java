package org.geopinn.api.session;

/**
 * Receives the events of sessions. Add one to a session, or register it as a service to hear from
 * every session. Called on the session's worker thread: return quickly.
 */
@FunctionalInterface
@org.osgi.annotation.versioning.ConsumerType
public interface TrainingListener {
    /** @param event what happened */
    void onEvent(TrainingEvent event);
}

package org.geopinn.engine;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.geopinn.api.session.TrainingListener;

/**
 * Where sessions find the services they use, by kind and id. The OSGi component fills one from
 * dynamic references; tests fill one with plain objects.
 */
interface ServiceDirectory {
    /**
     * @param <T> the service kind
     * @param kind the service interface, e.g. {@code Problem.class}
     * @param id the service's {@code geopinn.id}
     * @return the service, if one with that id is registered
     */
    <T> Optional<T> find(Class<T> kind, String id);

    /** @param kind a service interface @return the ids registered for it, sorted */
    List<String> ids(Class<?> kind);

    /**
     * @param service a service object found here
     * @return its configured values (Configuration Admin properties, e.g. a problem's
     *         coefficients) by name, as text; empty when it runs on its defaults
     */
    default Map<String, String> configuration(Object service) {
        return Map.of();
    }

    /** @return the whiteboard listeners that hear every session's events */
    List<TrainingListener> listeners();

    /** @param listener told when services come and go */
    void addChangeListener(ChangeListener listener);

    /** Told when a service arrives or leaves. */
    interface ChangeListener {
        /**
         * @param kind the service interface
         * @param id its id
         * @param service the service object
         * @param added true when it arrived, false when it left
         */
        void serviceChanged(Class<?> kind, String id, Object service, boolean added);
    }
}

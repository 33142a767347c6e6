package org.geopinn.engine;

import org.geopinn.api.Identified;

/** The id and description a service gives of itself, for services registered without properties. */
final class ServiceNames {
    private ServiceNames() {
    }

    /** @param s a service @return its own id, or its class name if it has none */
    static String id(Object s) {
        return s instanceof Identified i ? i.id() : s.getClass().getName();
    }

    /** @param s a service @return its own one-line description, or "" */
    static String description(Object s) {
        return s instanceof Identified i ? i.description() : "";
    }
}

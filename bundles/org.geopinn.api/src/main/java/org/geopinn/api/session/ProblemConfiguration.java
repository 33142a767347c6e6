package org.geopinn.api.session;

import java.util.Map;
import java.util.TreeMap;

/**
 * The configuration a session's problem had from one step on (its Configuration Admin values,
 * e.g. a coupling coefficient). A configuration changed while a session runs (a {@code .cfg} file
 * edited in {@code plugins/}) re-creates the problem; the session records the new values with the
 * step from which they were used.
 *
 * @param fromStep the first step trained with these values (the session's start step for the first entry)
 * @param settings the configured values by name, as text; empty when the problem runs on its defaults
 */
public record ProblemConfiguration(long fromStep, Map<String, String> settings) {
    /** Copies the settings, sorted by name. */
    public ProblemConfiguration {
        settings = java.util.Collections.unmodifiableMap(new TreeMap<>(settings));
    }

    /** @return the settings as {@code name=value,name=value} ({@code defaults} when empty) */
    public String text() {
        if (settings.isEmpty()) {
            return "defaults";
        }
        StringBuilder b = new StringBuilder();
        settings.forEach((k, v) -> b.append(b.length() == 0 ? "" : ",").append(k).append('=').append(v));
        return b.toString();
    }
}

package org.geopinn.diagnostics.internal;

import java.util.Map;
import java.util.Set;
import org.geopinn.api.GeopinnException;

/** Reads a diagnostic's options (numbers or their text) with one-line errors for bad values. */
final class Options {
    private final String owner;
    private final Map<String, ?> values;

    Options(String owner, Map<String, ?> values, Set<String> allowed) {
        this.owner = owner;
        this.values = values == null ? Map.of() : values;
        for (String key : this.values.keySet()) {
            if (!allowed.contains(key)) {
                throw new GeopinnException("diagnostic '" + owner + "' has no option '" + key + "'; options are " + allowed);
            }
        }
    }

    double number(String key, double fallback) {
        Object v = values.get(key);
        if (v == null) {
            return fallback;
        }
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        try {
            return Double.parseDouble(v.toString().trim());
        } catch (NumberFormatException e) {
            throw new GeopinnException("option '" + key + "' of diagnostic '" + owner + "' must be a number, got '" + v + "'");
        }
    }

    int count(String key, int fallback) {
        double v = number(key, fallback);
        if (v < 0 || v != Math.rint(v) || v > Integer.MAX_VALUE) {
            throw new GeopinnException("option '" + key + "' of diagnostic '" + owner + "' must be a non-negative whole number, got " + v);
        }
        return (int) v;
    }

    /** A relative level in [0, 1), e.g. a cut-off. */
    double level(String key, double fallback) {
        double v = number(key, fallback);
        if (!(v >= 0 && v < 1)) {
            throw new GeopinnException("option '" + key + "' of diagnostic '" + owner + "' must satisfy 0 <= value < 1, got " + v);
        }
        return v;
    }
}

package org.geopinn.models.internal;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.geopinn.api.GeopinnException;
import org.geopinn.api.model.ModelSpec;

/** Reads the text options of a {@link ModelSpec}, rejecting unknown keys and malformed values. */
final class ModelOptions {
    private final String kind;
    private final Map<String, String> options;

    /**
     * @param kind the model kind (for messages)
     * @param spec the spec
     * @param allowed the option keys this kind understands
     * @throws GeopinnException for an option key not in {@code allowed}
     */
    ModelOptions(String kind, ModelSpec spec, Set<String> allowed) {
        this.kind = kind;
        this.options = spec.options();
        for (String key : options.keySet()) {
            if (!allowed.contains(key)) {
                throw new GeopinnException("model '" + kind + "' has no option '" + key + "'; known options: "
                        + String.join(", ", new TreeSet<>(allowed)));
            }
        }
    }

    String text(String key, String fallback) {
        String v = options.get(key);
        return v == null || v.isBlank() ? fallback : v.trim();
    }

    int positiveInt(String key, int fallback) {
        String v = options.get(key);
        if (v == null || v.isBlank()) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(v.trim());
            if (value > 0) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new GeopinnException("model '" + kind + "' option " + key + "=" + v + " must be a positive integer");
    }

    long integer(String key, long fallback) {
        String v = options.get(key);
        if (v == null || v.isBlank()) {
            return fallback;
        }
        try {
            return Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
            throw new GeopinnException("model '" + kind + "' option " + key + "=" + v + " must be an integer");
        }
    }

    double number(String key, double fallback) {
        String v = options.get(key);
        if (v == null || v.isBlank()) {
            return fallback;
        }
        try {
            double value = Double.parseDouble(v.trim());
            if (Double.isFinite(value)) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new GeopinnException("model '" + kind + "' option " + key + "=" + v + " must be a finite number");
    }

    /**
     * @param key the option
     * @param dimension the number of inputs
     * @return the listed 0-based input indices, or all inputs when the option is absent
     */
    int[] inputIndices(String key, int dimension) {
        String v = options.get(key);
        if (v == null || v.isBlank()) {
            int[] all = new int[dimension];
            for (int j = 0; j < dimension; j++) {
                all[j] = j;
            }
            return all;
        }
        String[] parts = v.split(",");
        int[] indices = new int[parts.length];
        for (int p = 0; p < parts.length; p++) {
            try {
                indices[p] = Integer.parseInt(parts[p].trim());
            } catch (NumberFormatException e) {
                indices[p] = -1;
            }
            if (indices[p] < 0 || indices[p] >= dimension) {
                throw new GeopinnException("model '" + kind + "' option " + key + "=" + v
                        + " must list input indices between 0 and " + (dimension - 1) + ", separated by commas");
            }
        }
        return indices;
    }
}

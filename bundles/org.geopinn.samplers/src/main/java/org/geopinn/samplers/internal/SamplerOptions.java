package org.geopinn.samplers.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.geopinn.api.GeopinnException;

/**
 * Typed, validated access to a sampler's text options: a key the sampler does not know, or a
 * value that does not parse, is a one-line {@link GeopinnException} naming what is allowed.
 */
final class SamplerOptions {
    private final String sampler;
    private final Map<String, String> options;

    /**
     * @param sampler the sampler id, for messages
     * @param options the options given (may be null)
     * @param allowed the keys this sampler understands
     */
    SamplerOptions(String sampler, Map<String, String> options, Set<String> allowed) {
        this.sampler = sampler;
        this.options = options == null ? Map.of() : options;
        for (String key : this.options.keySet()) {
            if (!allowed.contains(key)) {
                throw new GeopinnException("unknown option '" + key + "' for sampler '" + sampler + "'; options are "
                        + new TreeSet<>(allowed));
            }
        }
    }

    boolean has(String key) {
        return options.containsKey(key);
    }

    String text(String key, String fallback) {
        String v = options.get(key);
        return v == null ? fallback : v.trim();
    }

    String choice(String key, String fallback, List<String> allowed) {
        String v = text(key, fallback).toLowerCase(Locale.ROOT);
        if (!allowed.contains(v)) {
            throw new GeopinnException("option " + key + "=" + options.get(key) + " of sampler '" + sampler
                    + "' must be one of " + allowed);
        }
        return v;
    }

    double positiveNumber(String key, double fallback) {
        String v = options.get(key);
        if (v == null) {
            return fallback;
        }
        try {
            double x = Double.parseDouble(v.trim());
            if (x > 0 && Double.isFinite(x)) {
                return x;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new GeopinnException("option " + key + "=" + v + " of sampler '" + sampler + "' must be a positive number");
    }

    int nonNegativeInteger(String key, int fallback) {
        String v = options.get(key);
        if (v == null) {
            return fallback;
        }
        try {
            int x = Integer.parseInt(v.trim());
            if (x >= 0) {
                return x;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new GeopinnException("option " + key + "=" + v + " of sampler '" + sampler + "' must be a non-negative integer");
    }

    boolean flag(String key, boolean fallback) {
        String v = options.get(key);
        if (v == null) {
            return fallback;
        }
        switch (v.trim().toLowerCase(Locale.ROOT)) {
            case "true": case "yes": case "on": case "1": return true;
            case "false": case "no": case "off": case "0": return false;
            default:
                throw new GeopinnException("option " + key + "=" + v + " of sampler '" + sampler + "' must be true or false");
        }
    }

    /** @return the given keys plus the clustering keys every sampler understands */
    static Set<String> withClustering(String... keys) {
        List<String> all = new ArrayList<>(List.of(keys));
        all.addAll(Clustering.KEYS);
        return Set.copyOf(all);
    }
}

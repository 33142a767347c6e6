package org.geopinn.problems.declared;

import java.lang.reflect.Array;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.geopinn.api.GeopinnException;
import org.geopinn.api.problem.ProblemDefaults;

/**
 * The keys of one problem declaration and their values (text, numbers, arrays or collections, as
 * ConfigAdmin or a properties file gives them), read as text, numbers and lists; every error is
 * one line naming the key.
 */
final class DeclarationKeys {
    /** Names of conditions and parts: they appear in keys, messages and results files. */
    private static final java.util.regex.Pattern NAME = java.util.regex.Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,63}");
    /** Prefixes of properties that ConfigAdmin, DS and FileInstall add; they are not part of a declaration. */
    private static final List<String> FOREIGN_PREFIXES = List.of("service.", "component.", "felix.", "osgi.", ".");

    private static final Set<String> TOP_LEVEL = Set.of("id", "description", "variables", "fields", "lower", "upper",
            "conditions", "geometry", "time", "cloud.interior", "cloud.boundary");
    private static final Set<String> CONDITION_KEYS = Set.of("part", "operator", "source", "points", "sampler", "weight",
            "data", "field", "validation", "periodic", "hard");
    @SuppressWarnings("deprecation") // default.optimizer is still read for declarations that name one
    private static final Set<String> DEFAULT_KEYS = Set.of(ProblemDefaults.MODEL, ProblemDefaults.HIDDEN,
            ProblemDefaults.ACTIVATION, ProblemDefaults.OPTIMIZER, ProblemDefaults.STEPS, ProblemDefaults.TIME_BUDGET,
            ProblemDefaults.SEPARATE_NETWORKS, ProblemDefaults.WEIGHTING);

    private final Map<String, Object> props = new LinkedHashMap<>();
    private final Path base;

    /**
     * @param properties the declaration's properties (not modified); those the framework adds are left out
     * @param base the folder relative data paths are read from, null for the working directory
     */
    DeclarationKeys(Map<String, ?> properties, Path base) {
        this.base = base;
        properties.forEach((k, v) -> {
            if (FOREIGN_PREFIXES.stream().noneMatch(k::startsWith) && !k.equals("objectClass")) {
                props.put(k.trim(), v);
            }
        });
    }

    /** @return the folder relative data paths are read from, null for the working directory */
    Path base() {
        return base;
    }

    /** @param key a key @return whether the declaration has it */
    boolean containsKey(String key) {
        return props.containsKey(key);
    }

    /** @param key a key @return its value as given, null when absent */
    Object get(String key) {
        return props.get(key);
    }

    /** @return the keys in their order */
    Set<String> keySet() {
        return props.keySet();
    }

    /** @return the key's value, trimmed @throws GeopinnException when it is missing or blank */
    String required(String key) {
        Object value = props.get(key);
        if (value == null || text(value).isBlank()) {
            throw new GeopinnException("missing key '" + key + "'");
        }
        return text(value).trim();
    }

    /** @return the comma-separated finite numbers of a required key */
    double[] numbers(String key) {
        List<String> items = list(required(key), key);
        double[] out = new double[items.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = parseNumber(key, items.get(i));
        }
        return out;
    }

    /** @return the finite number of a key */
    double number(String key) {
        return parseNumber(key, text(props.get(key)).trim());
    }

    /** @return the whole number of a key */
    int integer(String key) {
        String s = text(props.get(key)).trim();
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            throw new GeopinnException(key + " = '" + abbreviate(s) + "' is not a whole number");
        }
    }

    private static double parseNumber(String key, String s) {
        double v;
        try {
            v = Double.parseDouble(s.trim());
        } catch (NumberFormatException e) {
            throw new GeopinnException(key + ": '" + abbreviate(s) + "' is not a number");
        }
        if (!Double.isFinite(v)) {
            throw new GeopinnException(key + ": '" + abbreviate(s) + "' is not a finite number");
        }
        return v;
    }

    /** @return the value as a non-empty list: a collection, an array or comma-separated text */
    static List<String> list(Object value, String key) {
        List<String> out = new ArrayList<>();
        if (value instanceof Collection<?> c) {
            c.forEach(x -> out.add(text(x).trim()));
        } else if (value != null && value.getClass().isArray()) {
            for (int i = 0; i < Array.getLength(value); i++) {
                out.add(text(Array.get(value, i)).trim());
            }
        } else {
            for (String s : text(value).split(",")) {
                out.add(s.trim());
            }
        }
        out.removeIf(String::isEmpty);
        if (out.isEmpty()) {
            throw new GeopinnException("'" + key + "' is empty");
        }
        return out;
    }

    /** @return the numbers of the keys {@code PREFIX NAME}, name → value */
    Map<String, Double> prefixedNumbers(String prefix) {
        Map<String, Double> values = new java.util.TreeMap<>();
        for (String key : props.keySet()) {
            if (key.startsWith(prefix)) {
                String text = text(props.get(key));
                try {
                    values.put(key.substring(prefix.length()), Double.parseDouble(text.trim()));
                } catch (NumberFormatException e) {
                    throw new GeopinnException(key + " = '" + abbreviate(text) + "' is not a number");
                }
            }
        }
        return values;
    }

    /** @throws GeopinnException when a condition or part name is not a valid name */
    static void checkName(String kind, String name) {
        if (!NAME.matcher(name).matches()) {
            throw new GeopinnException(kind + " name '" + abbreviate(name) + "' is not valid: use letters, digits, '-' and '_'"
                    + " (starting with a letter or digit), at most 64 characters");
        }
    }

    /** Quotes at most 80 characters of a value, so that a message stays one readable line. */
    static String abbreviate(String s) {
        return s.length() <= 80 ? s : s.substring(0, 60) + "…" + s.substring(s.length() - 15);
    }

    /** @return a value as text: arrays and collections joined by commas */
    static String text(Object value) {
        if (value == null) {
            return "";
        }
        if (value.getClass().isArray()) {
            List<String> items = new ArrayList<>();
            for (int i = 0; i < Array.getLength(value); i++) {
                items.add(String.valueOf(Array.get(value, i)));
            }
            return String.join(", ", items);
        }
        if (value instanceof Collection<?> c) {
            return String.join(", ", c.stream().map(String::valueOf).toList());
        }
        return String.valueOf(value);
    }

    /** @return the solver defaults ({@code default.KEY}) @throws GeopinnException for a key that is no default */
    Map<String, String> defaults() {
        Map<String, String> d = new LinkedHashMap<>();
        for (String key : props.keySet()) {
            if (key.startsWith("default.")) {
                String k = key.substring("default.".length());
                if (!DEFAULT_KEYS.contains(k)) {
                    throw new GeopinnException("unknown key " + key + "; solver defaults are " + new TreeSet<>(DEFAULT_KEYS));
                }
                d.put(k, text(props.get(key)).trim());
            }
        }
        return d;
    }

    /**
     * @param conditions the declared condition names
     * @throws GeopinnException naming the first key that is no key of a declaration
     */
    void requireKnown(List<String> conditions) {
        for (String key : props.keySet()) {
            if (TOP_LEVEL.contains(key) || key.startsWith("part.") || key.startsWith("exact.")
                    || key.startsWith("default.") || key.startsWith("coefficient.") || key.startsWith("unknown.")
                    || key.startsWith("parametric.")) {
                continue;
            }
            if (key.startsWith("condition.")) {
                String rest = key.substring("condition.".length());
                int dot = rest.indexOf('.');
                String name = dot < 0 ? rest : rest.substring(0, dot);
                String sub = dot < 0 ? "" : rest.substring(dot + 1);
                if (!conditions.contains(name)) {
                    throw new GeopinnException(key + " belongs to condition '" + name
                            + "', which is not listed in conditions = " + String.join(", ", conditions));
                }
                if (CONDITION_KEYS.contains(sub) || sub.startsWith("option.")) {
                    continue;
                }
                throw new GeopinnException("unknown key " + key + "; a condition has " + new TreeSet<>(CONDITION_KEYS)
                        + " and option.KEY");
            }
            throw new GeopinnException("unknown key '" + key + "'; keys are " + new TreeSet<>(TOP_LEVEL)
                    + ", part.NAME, condition.NAME.*, exact.FIELD, default.KEY, coefficient.NAME, unknown.NAME, parametric.NAME");
        }
    }
}

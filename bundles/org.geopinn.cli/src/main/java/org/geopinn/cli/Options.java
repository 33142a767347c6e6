package org.geopinn.cli;

import org.geopinn.api.model.ModelSpec;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.geopinn.api.GeopinnException;

/**
 * Parsed command-line arguments: positional words and {@code --name value} / {@code --name=value}
 * options, checked against the options a command accepts. Flags take no value.
 */
final class Options {
    private final List<String> positional = new ArrayList<>();
    private final Map<String, String> values = new LinkedHashMap<>();

    private Options() {
    }

    /**
     * @param args the arguments after the command word
     * @param valued the options that take a value
     * @param flags the options without value
     * @return the parsed options
     * @throws GeopinnException for an unknown option or a missing value
     */
    static Options parse(List<String> args, Set<String> valued, Set<String> flags) {
        Options o = new Options();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (!a.startsWith("--")) {
                o.positional.add(a);
                continue;
            }
            String name = a.substring(2);
            String value = null;
            int eq = name.indexOf('=');
            if (eq >= 0) {
                value = name.substring(eq + 1);
                name = name.substring(0, eq);
            }
            if (flags.contains(name)) {
                if (value != null) {
                    throw new GeopinnException("--" + name + " takes no value");
                }
                o.values.put(name, "true");
            } else if (valued.contains(name)) {
                if (value == null) {
                    if (i + 1 >= args.size() || args.get(i + 1).startsWith("--")) {
                        throw new GeopinnException("--" + name + " needs a value");
                    }
                    value = args.get(++i);
                }
                String before = o.values.put(name, value);
                if (before != null) {
                    throw new GeopinnException("--" + name + " is given twice ('" + Text.quote(before) + "' and '" + Text.quote(value)
                            + "'); give it once");
                }
            } else {
                List<String> all = new ArrayList<>(valued);
                all.addAll(flags);
                throw new GeopinnException("unknown option --" + Text.quote(name) + "; options are --" + String.join(", --", all.stream().sorted().toList()));
            }
        }
        return o;
    }

    /**
     * Adds the settings of a properties file (keys are option names without dashes) under the
     * options given on the command line.
     *
     * @param file the file
     * @param valued the options that take a value
     * @param flags the flags
     * @throws GeopinnException for an unreadable file or an unknown key
     */
    void addDefaults(Path file, Set<String> valued, Set<String> flags) {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException e) {
            throw new GeopinnException("cannot read the config file " + file + " (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")");
        }
        for (String key : new java.util.TreeSet<>(p.stringPropertyNames())) {
            if (!valued.contains(key) && !flags.contains(key) || key.equals("config")) {
                throw new GeopinnException("unknown key '" + key + "' in " + file + "; keys are the option names, e.g. steps, optimizer");
            }
            values.putIfAbsent(key, p.getProperty(key).trim());
        }
    }

    /** @return the positional words */
    List<String> positional() {
        return positional;
    }

    /** @param name an option @return its value or null */
    String get(String name) {
        return values.get(name);
    }

    /** @param name an option @return whether it was given */
    boolean has(String name) {
        return values.containsKey(name);
    }

    /** @param name a flag @return whether it is set */
    boolean flag(String name) {
        return Boolean.parseBoolean(values.getOrDefault(name, "false"));
    }

    /**
     * @param name an option whose value is true or false
     * @return its value
     * @throws GeopinnException if it is neither
     */
    boolean bool(String name) {
        String v = values.get(name);
        String t = v == null ? "" : v.trim().toLowerCase(java.util.Locale.ROOT);
        if (t.equals("true") || t.equals("false")) {
            return t.equals("true");
        }
        throw new GeopinnException("--" + name + ": '" + Text.quote(v) + "' is not true or false");
    }

    /**
     * @param name an option
     * @param fallback the value when absent
     * @param min the smallest value allowed
     * @return its value as a whole number
     * @throws GeopinnException if it is not one or too small
     */
    long longValue(String name, long fallback, long min) {
        String v = values.get(name);
        if (v == null) {
            return fallback;
        }
        long x;
        try {
            x = Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
            throw new GeopinnException("--" + name + ": '" + Text.quote(v) + "' is not a whole number");
        }
        if (x < min) {
            throw new GeopinnException("--" + name + ": " + x + " is too small (at least " + min + ")");
        }
        return x;
    }

    /**
     * @param name an option
     * @param fallback the value when absent
     * @return its value as a non-negative finite number
     * @throws GeopinnException if it is not one
     */
    double nonNegative(String name, double fallback) {
        String v = values.get(name);
        if (v == null) {
            return fallback;
        }
        double x;
        try {
            x = Double.parseDouble(v.trim());
        } catch (NumberFormatException e) {
            throw new GeopinnException("--" + name + ": '" + Text.quote(v) + "' is not a number");
        }
        if (!(x >= 0) || Double.isInfinite(x)) {
            throw new GeopinnException("--" + name + ": " + v + " must be a finite number ≥ 0");
        }
        return x;
    }

    /**
     * @param name an option whose value is widths such as 64,64,64
     * @return the widths, null when absent
     * @throws GeopinnException if malformed
     */
    int[] widths(String name) {
        String v = values.get(name);
        return v == null ? null : ModelSpec.parseHidden(Text.quote(v), "--" + name);
    }
}

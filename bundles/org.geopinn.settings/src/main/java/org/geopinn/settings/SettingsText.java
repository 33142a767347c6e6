package org.geopinn.settings;

import java.util.LinkedHashMap;
import java.util.Map;
import org.geopinn.api.GeopinnException;

/**
 * A component named with its per-run settings, in the text form {@code id} or
 * {@code id(key=value;key=value)}, e.g. {@code gradnorm(max_weight=100)}: the form of a weighting
 * on the command line and of one optimizer stage without its step count.
 *
 * @param id the component id
 * @param settings the settings by name, as text, in the order written
 */
public record SettingsText(String id, Map<String, String> settings) {
    /** Copies the settings, keeping their order. */
    public SettingsText {
        settings = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(settings));
    }

    /**
     * @param text {@code id} or {@code id(key=value;…)}
     * @param what where the text comes from, for messages ({@code --weighting})
     * @return the id and settings
     * @throws GeopinnException one line saying what is malformed and showing the form
     */
    public static SettingsText parse(String text, String what) {
        String s = text == null ? "" : text.trim();
        String form = "; write ID or ID(key=value;key=value), e.g. gradnorm(max_weight=100)";
        int open = s.indexOf('(');
        String id = open < 0 ? s : s.substring(0, open).trim();
        if (!id.matches("[a-z][a-z0-9-]*")) {
            throw new GeopinnException(what + ": '" + s + "' does not start with an id (lower-case letters, digits, '-')" + form);
        }
        Map<String, String> settings = new LinkedHashMap<>();
        if (open >= 0) {
            if (!s.endsWith(")") || s.indexOf(')') != s.length() - 1) {
                throw new GeopinnException(what + ": '" + s + "' must end with its only ')'" + form);
            }
            for (String kv : s.substring(open + 1, s.length() - 1).split(";")) {
                if (kv.isBlank()) {
                    continue;
                }
                int eq = kv.indexOf('=');
                if (eq <= 0 || kv.substring(eq + 1).isBlank()) {
                    throw new GeopinnException(what + ": '" + kv.trim() + "' is not key=value" + form);
                }
                if (settings.put(kv.substring(0, eq).trim(), kv.substring(eq + 1).trim()) != null) {
                    throw new GeopinnException(what + ": setting '" + kv.substring(0, eq).trim() + "' is given twice");
                }
            }
        }
        return new SettingsText(id, settings);
    }

    /** @return the text form */
    public String text() {
        if (settings.isEmpty()) {
            return id;
        }
        StringBuilder b = new StringBuilder(id).append('(');
        settings.forEach((k, v) -> b.append(k).append('=').append(v).append(';'));
        b.setLength(b.length() - 1);
        return b.append(')').toString();
    }
}

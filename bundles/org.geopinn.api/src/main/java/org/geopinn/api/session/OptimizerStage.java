package org.geopinn.api.session;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.geopinn.api.GeopinnException;

/**
 * One optimizer of a chain, with its settings and how many steps it takes.
 *
 * <p>Text form, used by the CLI: {@code id[(key=value;key=value)][:steps]}, stages separated by
 * commas, e.g. {@code adam(lr=1e-3):2000,anagram}. The last stage may omit its steps: it runs until
 * the session's step count or time budget ends.
 *
 * @param optimizerId the optimizer id
 * @param steps steps in this stage; 0 for "until the session ends"
 * @param settings settings overriding the optimizer's configured defaults
 */
public record OptimizerStage(String optimizerId, long steps, Map<String, String> settings) {
    /** Copies the settings. */
    public OptimizerStage {
        settings = Map.copyOf(settings);
    }

    /**
     * @param text a chain such as {@code adam:1000,anagram(cutoff=1e-6)}
     * @return its stages
     * @throws GeopinnException for malformed text
     */
    public static List<OptimizerStage> parseChain(String text) {
        List<OptimizerStage> stages = new ArrayList<>();
        if (text == null || text.isBlank()) {
            throw new GeopinnException("empty optimizer chain");
        }
        for (String part : splitTopLevel(text)) {
            String s = part.trim();
            Map<String, String> settings = new LinkedHashMap<>();
            long steps = 0;
            int colon = s.lastIndexOf(':');
            if (colon > s.lastIndexOf(')')) {
                String n = s.substring(colon + 1).trim();
                try {
                    steps = Long.parseLong(n);
                } catch (NumberFormatException e) {
                    throw new GeopinnException("optimizer stage '" + s + "': '" + n + "' is not a step count");
                }
                if (steps <= 0) {
                    throw new GeopinnException("optimizer stage '" + s + "': the step count must be positive");
                }
                s = s.substring(0, colon).trim();
            }
            int open = s.indexOf('(');
            String id = s;
            if (open >= 0) {
                if (!s.endsWith(")")) {
                    throw new GeopinnException("optimizer stage '" + part.trim() + "': missing ')'");
                }
                id = s.substring(0, open).trim();
                for (String kv : s.substring(open + 1, s.length() - 1).split(";")) {
                    if (kv.isBlank()) {
                        continue;
                    }
                    int eq = kv.indexOf('=');
                    if (eq <= 0) {
                        throw new GeopinnException("optimizer stage '" + part.trim() + "': setting '" + kv.trim() + "' is not key=value");
                    }
                    settings.put(kv.substring(0, eq).trim(), kv.substring(eq + 1).trim());
                }
            }
            if (!id.matches("[a-z][a-z0-9-]*")) {
                throw new GeopinnException("optimizer stage '" + part.trim() + "': '" + id + "' is not an optimizer id");
            }
            stages.add(new OptimizerStage(id, steps, settings));
        }
        return stages;
    }

    private static List<String> splitTopLevel(String text) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == ',' && depth == 0) {
                parts.add(text.substring(start, i));
                start = i + 1;
            }
        }
        parts.add(text.substring(start));
        return parts;
    }

    /** @return the text form of this stage */
    public String text() {
        StringBuilder b = new StringBuilder(optimizerId);
        if (!settings.isEmpty()) {
            b.append('(');
            settings.forEach((k, v) -> b.append(k).append('=').append(v).append(';'));
            b.setLength(b.length() - 1);
            b.append(')');
        }
        if (steps > 0) {
            b.append(':').append(steps);
        }
        return b.toString();
    }
}

package org.geopinn.evolution;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.geopinn.api.GeopinnException;
import org.geopinn.api.evolution.EvolutionSettings;

/**
 * The settings that define a run's network ({@code model}, {@code hidden}, {@code separate-networks},
 * {@code activation} and every {@code model.KEY}), kept as {@value #FILE} beside {@code state.txt}.
 * The saved parameters mean nothing without them: a 32,32 network with smoothness 0.5 and one with
 * smoothness 1 have the same parameter count and different functions. A resume therefore takes the
 * saved run's model settings, and a command line that gives another value for one of them is refused
 * before any work.
 */
final class SavedModel {
    /** The file's name, beside {@code state.txt}. */
    static final String FILE = "model.txt";
    private static final String MAGIC = "# geopinn neural-ivp model 1";
    private static final List<String> KEYS = List.of("model", "hidden", "separate-networks", "activation");

    private SavedModel() {
    }

    /**
     * @param settings a run's settings
     * @return its model settings as text, by key, in key order
     */
    static Map<String, String> of(EvolutionSettings settings) {
        Map<String, String> values = new TreeMap<>();
        Map<String, Object> all = settings.asMap();
        for (String key : KEYS) {
            Object v = all.get(key);
            values.put(key, v instanceof int[] widths
                    ? Arrays.stream(widths).mapToObj(Integer::toString).collect(Collectors.joining(",")) : String.valueOf(v));
        }
        settings.modelOptions().forEach((k, v) -> values.put("model." + k, v));
        return values;
    }

    /**
     * Writes the model settings into a results directory, creating it.
     *
     * @param settings the run's settings
     * @param directory the results directory
     */
    static void write(EvolutionSettings settings, Path directory) {
        Path file = directory.resolve(FILE);
        try {
            Files.createDirectories(directory);
            AtomicReplace.replace(file, tmp -> {
                try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                    w.write(MAGIC + "\n");
                    for (Map.Entry<String, String> e : of(settings).entrySet()) {
                        w.write(e.getKey() + "=" + e.getValue() + "\n");
                    }
                }
            });
        } catch (IOException e) {
            throw new GeopinnException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * @param stateFile the state a run resumes from
     * @return the model settings saved beside it, or an empty map for a run saved before they were
     *     kept (then only the parameter count is checked)
     */
    static Map<String, String> readBeside(Path stateFile) {
        Path file = stateFile.resolveSibling(FILE);
        if (!Files.isRegularFile(file)) {
            return Map.of();
        }
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            if (lines.isEmpty() || !MAGIC.equals(lines.get(0))) {
                throw new GeopinnException(file + " is not a Neural IVP model file");
            }
            Map<String, String> values = new TreeMap<>();
            for (String line : lines.subList(1, lines.size())) {
                int eq = line.indexOf('=');
                if (eq <= 0) {
                    throw new GeopinnException(file + ": malformed line '" + line + "'");
                }
                values.put(line.substring(0, eq), line.substring(eq + 1));
            }
            return values;
        } catch (IOException e) {
            throw new GeopinnException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * The settings of a resumed run: the saved model settings under the command line's.
     *
     * @param base the defaults with the problem's own
     * @param saved the saved model settings ({@link #readBeside}); empty to check nothing
     * @param given the command line's settings
     * @return the settings to run with
     * @throws GeopinnException when the command line gives a model setting other than the saved one
     */
    static EvolutionSettings resume(EvolutionSettings base, Map<String, String> saved, Map<String, String> given) {
        EvolutionSettings settings = base.with(saved).with(given);
        if (saved.isEmpty()) {
            return settings;
        }
        Map<String, String> now = of(settings);
        List<String> differences = new ArrayList<>();
        Set<String> keys = new TreeSet<>(saved.keySet());
        keys.addAll(now.keySet());
        for (String key : keys) {
            String before = saved.getOrDefault(key, "(default)");
            String after = now.getOrDefault(key, "(default)");
            if (!before.equals(after)) {
                differences.add("--" + key + " " + after + " (saved: " + before + ")");
            }
        }
        if (!differences.isEmpty()) {
            throw new GeopinnException("the saved run's network was built with other settings; a resume continues it with "
                    + "its own, so drop these options or give the saved values: " + String.join(", ", differences));
        }
        return settings;
    }
}

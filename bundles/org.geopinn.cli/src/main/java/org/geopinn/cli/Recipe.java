package org.geopinn.cli;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import org.geopinn.api.GeopinnException;
import org.geopinn.api.session.OptimizerStage;
import org.geopinn.api.session.SessionSpec;

/**
 * A per-problem benchmark recipe: a set-up that beats the engine's default strategy on one
 * benchmark, kept as data ({@code benchmarks/recipes/PROBLEM.properties}) and read by
 * {@code bench} only; {@code solve} never sees it. Keys: {@code optimizer} (a chain, as
 * {@code --optimizer}), {@code weighting} ({@code ID} or {@code ID(key=value;…)}),
 * {@code time-marching} (windows) and {@code why} (where the recipe comes from).
 *
 * @param problem the problem id
 * @param optimizer the chain, null when the recipe leaves it to the default strategy
 * @param weighting the weighting with its settings, null for the default
 * @param timeWindows time-marching windows, 0 for none
 * @param why one line: the measurement behind the recipe
 */
record Recipe(String problem, String optimizer, OptimizerStage weighting, int timeWindows, String why) {
    /** The folder under the Geopinn home. */
    static final String FOLDER = "benchmarks/recipes";
    private static final Set<String> KEYS = Set.of("optimizer", "weighting", "time-marching", "why");

    /**
     * @param home the Geopinn home
     * @param problem a problem id
     * @return its recipe, empty when there is none
     * @throws GeopinnException for an unreadable file, an unknown key or a bad value
     */
    static Optional<Recipe> read(Path home, String problem) {
        Path file = home.resolve(FOLDER).resolve(problem + ".properties");
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException | IllegalArgumentException e) {
            throw new GeopinnException("cannot read the recipe " + file + ": " + e.getMessage());
        }
        for (String key : p.stringPropertyNames()) {
            if (!KEYS.contains(key)) {
                throw new GeopinnException("recipe " + file + ": unknown key '" + key + "'; keys are " + List.copyOf(new java.util.TreeSet<>(KEYS)));
            }
        }
        String optimizer = blankToNull(p.getProperty("optimizer"));
        try {
            if (optimizer != null) {
                OptimizerStage.parseChain(optimizer);
            }
            String weighting = blankToNull(p.getProperty("weighting"));
            int windows = Integer.parseInt(p.getProperty("time-marching", "0").trim());
            return Optional.of(new Recipe(problem, optimizer, weighting == null ? null : SolveCommand.weighting(weighting), windows,
                    p.getProperty("why", "").trim()));
        } catch (GeopinnException | NumberFormatException e) {
            throw new GeopinnException("recipe " + file + ": " + e.getMessage());
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    /**
     * @param optimizerId an optimizer id
     * @return the settings this recipe's chain gives it (e.g. ANaGRAM's cut-off), empty when it names none
     */
    Map<String, String> settingsOf(String optimizerId) {
        if (optimizer == null) {
            return Map.of();
        }
        return OptimizerStage.parseChain(optimizer).stream().filter(s -> s.optimizerId().equals(optimizerId))
                .map(OptimizerStage::settings).findFirst().orElse(Map.of());
    }

    /**
     * @param b a spec being built
     * @return the builder with the whole recipe applied (chain, weighting, time marching)
     */
    SessionSpec.Builder apply(SessionSpec.Builder b) {
        if (optimizer != null) {
            b.optimizers(optimizer);
        }
        if (weighting != null) {
            b.weighting(weighting.optimizerId()).weightingSettings(weighting.settings());
        }
        return b.timeWindows(timeWindows);
    }
}

package org.geopinn.api.sweep;

import java.io.Serializable;
import java.util.Map;
import java.util.TreeMap;

/**
 * One run of a sweep as plain values (it travels to other cluster members by Java serialization).
 *
 * @param key the run's name, unique in its sweep; its results folder has this name
 * @param problem the problem id
 * @param problemSettings the problem's settings for this run by name (empty: its configured values)
 * @param optimizers the optimizer chain as text ({@code adam:1000,lbfgs}); empty for the engine's
 *        default strategy
 * @param weighting the loss weighting as text ({@code gradnorm(max_weight=100)}); empty for the
 *        problem's default
 * @param hidden the hidden widths ({@code 32,32}); empty for the problem's default model
 * @param seed the seed
 * @param maxSteps steps at most (0: the problem's default)
 * @param budgetSeconds training seconds at most (0: the problem's default)
 */
public record RunRequest(String key, String problem, Map<String, String> problemSettings, String optimizers, String weighting,
        String hidden, long seed, long maxSteps, double budgetSeconds) implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Copies the settings into a sorted map (serializable, and the same order wherever it is read). */
    public RunRequest {
        if (key == null || key.isBlank() || problem == null || problem.isBlank()) {
            throw new IllegalArgumentException("a run needs a key and a problem");
        }
        problemSettings = new TreeMap<>(problemSettings == null ? Map.of() : problemSettings);
        optimizers = optimizers == null ? "" : optimizers;
        weighting = weighting == null ? "" : weighting;
        hidden = hidden == null ? "" : hidden;
    }
}

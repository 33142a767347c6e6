package org.geopinn.api.problem;

/**
 * Keys of {@link Problem#defaults()}: the settings that make a plain {@code geopinn solve ID}
 * accurate and quick for that problem. Values are text, as on the command line.
 */
public final class ProblemDefaults {
    /** Model id, e.g. {@code mlp}. */
    public static final String MODEL = "model";
    /** Hidden layer widths, e.g. {@code 32} or {@code 64,64,64}. */
    public static final String HIDDEN = "hidden";
    /** Activation, e.g. {@code tanh}. */
    public static final String ACTIVATION = "activation";
    /** Optimizer chain, e.g. {@code anagram} or {@code adam:1000,anagram}. */
    public static final String OPTIMIZER = "optimizer";
    /** Number of optimizer steps. */
    public static final String STEPS = "steps";
    /** Wall-clock budget in seconds. */
    public static final String TIME_BUDGET = "time-budget";
    /** Whether each field has its own network ({@code true}/{@code false}). */
    public static final String SEPARATE_NETWORKS = "separate-networks";
    /** Loss weighting id, e.g. {@code fixed} or {@code gradnorm}. */
    public static final String WEIGHTING = "weighting";

    private ProblemDefaults() {
    }
}

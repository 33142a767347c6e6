package org.geopinn.api.problem;

/**
 * Keys of {@link Problem#defaults()}: the model and budget a plain {@code geopinn solve ID} uses for
 * that problem. Values are text, as on the command line. The optimizer chain is not among them:
 * the engine's default strategy chooses it from what it sees of the problem (docs/STRATEGY.md).
 */
public final class ProblemDefaults {
    /** Model id, e.g. {@code mlp}. */
    public static final String MODEL = "model";
    /** Hidden layer widths, e.g. {@code 32} or {@code 64,64,64}. */
    public static final String HIDDEN = "hidden";
    /** Activation, e.g. {@code tanh}. */
    public static final String ACTIVATION = "activation";
    /**
     * Optimizer chain, e.g. {@code anagram} or {@code adam:1000,anagram}.
     *
     * @deprecated a problem should not name an optimizer tuned to it: the engine's default
     *             strategy chooses one that transfers, and benchmark recipes live in data files
     *             read by {@code bench}. Still honoured when a third-party problem sets it.
     */
    @Deprecated
    public static final String OPTIMIZER = "optimizer";
    /** Number of optimizer steps. */
    public static final String STEPS = "steps";
    /** Wall-clock budget in seconds. */
    public static final String TIME_BUDGET = "time-budget";
    /** Whether each field has its own network ({@code true}/{@code false}). */
    public static final String SEPARATE_NETWORKS = "separate-networks";
    /** Loss weighting id, e.g. {@code fixed} or {@code gradnorm}; without it a time-dependent problem gets {@code causal}. */
    public static final String WEIGHTING = "weighting";

    private ProblemDefaults() {
    }
}

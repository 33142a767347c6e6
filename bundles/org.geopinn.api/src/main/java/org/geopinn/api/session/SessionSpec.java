package org.geopinn.api.session;

import java.util.List;
import java.util.Map;
import org.geopinn.api.operator.LossScaling;

/**
 * Everything a training session needs to know. Null or empty fields mean "the problem's default"
 * (see {@link org.geopinn.api.problem.ProblemDefaults}), then Geopinn's.
 *
 * @param problemId the problem to solve
 * @param modelId the model factory id ({@code mlp} by default)
 * @param hidden hidden widths, null for the problem's default
 * @param activation activation, null for the default
 * @param initialization initialisation, null for the default
 * @param separateNetworks one network per field; null for the problem's default
 * @param modelOptions further model settings
 * @param engineId operator engine id ({@code autodiff} by default)
 * @param scaling loss scaling, null for {@link LossScaling#MEAN}
 * @param samplerId sampler for every condition, null for each condition's own
 * @param points collocation points per condition name, overriding the problem's counts
 * @param resampleEvery draw fresh points every this many steps; 0 keeps them fixed;
 *        {@link #RESAMPLE_BY_STRATEGY} lets the engine's default strategy decide
 * @param optimizers the optimizer chain, empty for the problem's default
 * @param weightingId loss weighting id, null for the problem's default or {@code fixed}
 * @param weightingSettings its settings
 * @param maxSteps total step count; 0 for the problem's default
 * @param timeBudgetSeconds wall-clock budget; 0 for none
 * @param seed seed for initialisation and sampling
 * @param errorEvery measure the reference error every this many steps (0: only at the end)
 * @param initialParameters parameters to start from (resume), null to initialise
 * @param initialOptimizerState optimizer state to resume, null to start fresh
 * @param startStep the step count already taken (resume)
 * @param diagnostics ids of diagnostics to run during training
 * @param diagnosticEvery run them every this many steps (0: only at the end)
 * @param timeWindows time marching: K &ge; 2 trains on [t₀, t₀ + (T − t₀)/K] first, then widens the
 *        time range of the time-dependent conditions window by window to [t₀, T], carrying the
 *        parameters over; 0 or 1 trains on the whole range at once
 * @param unknowns coefficients of the problem trained with the network, name → initial value (added to
 *        those the problem itself marks unknown, see {@link org.geopinn.api.problem.Problem#unknowns()});
 *        empty for none
 * @param collocation learned collocation points (moved between optimizer steps), null for points as the
 *        samplers and the resampling give them
 * @param known coefficients the problem trains ({@link org.geopinn.api.problem.Problem#unknowns()}) that this
 *        session holds fixed instead, name → value (for example the field of an inverse problem at its
 *        estimated coefficient); empty for none
 * @param leftOut names of the problem's conditions this session leaves out (for example its observations);
 *        empty for none
 */
public record SessionSpec(String problemId, String modelId, int[] hidden, String activation, String initialization,
        Boolean separateNetworks, Map<String, String> modelOptions, String engineId, LossScaling scaling,
        String samplerId, Map<String, Integer> points, int resampleEvery, List<OptimizerStage> optimizers,
        String weightingId, Map<String, String> weightingSettings, long maxSteps, double timeBudgetSeconds, long seed,
        int errorEvery, double[] initialParameters, org.geopinn.api.optimizer.OptimizerState initialOptimizerState,
        long startStep, List<String> diagnostics, int diagnosticEvery, int timeWindows, Map<String, Double> unknowns,
        Collocation collocation, Map<String, Double> known, List<String> leftOut) {
    /**
     * {@code resampleEvery} value (the builder's default): the engine's default strategy decides
     * whether and how often the points are redrawn (residual-adaptive resampling for nonlinear
     * problems trained by damped Gauss–Newton, fixed points otherwise).
     */
    public static final int RESAMPLE_BY_STRATEGY = -1;


    /** Copies collections and arrays; replaces null collections by empty ones. */
    public SessionSpec {
        hidden = hidden == null ? null : hidden.clone();
        modelOptions = Map.copyOf(modelOptions == null ? Map.of() : modelOptions);
        points = Map.copyOf(points == null ? Map.of() : points);
        optimizers = List.copyOf(optimizers == null ? List.of() : optimizers);
        weightingSettings = Map.copyOf(weightingSettings == null ? Map.of() : weightingSettings);
        initialParameters = initialParameters == null ? null : initialParameters.clone();
        diagnostics = List.copyOf(diagnostics == null ? List.of() : diagnostics);
        unknowns = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(unknowns == null ? Map.of() : unknowns));
        known = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(known == null ? Map.of() : known));
        leftOut = List.copyOf(leftOut == null ? List.of() : leftOut);
    }

    /**
     * A spec that trains every coefficient the problem marks unknown and keeps all its conditions
     * (the form before {@code known} and {@code leftOut} existed).
     *
     * @param problemId the problem
     * @param modelId the model factory id
     * @param hidden hidden widths
     * @param activation activation
     * @param initialization initialisation
     * @param separateNetworks one network per field
     * @param modelOptions further model settings
     * @param engineId operator engine id
     * @param scaling loss scaling
     * @param samplerId sampler for every condition
     * @param points collocation points per condition
     * @param resampleEvery resampling period
     * @param optimizers the optimizer chain
     * @param weightingId loss weighting id
     * @param weightingSettings its settings
     * @param maxSteps total step count
     * @param timeBudgetSeconds wall-clock budget
     * @param seed seed
     * @param errorEvery error period
     * @param initialParameters parameters to start from
     * @param initialOptimizerState optimizer state to resume
     * @param startStep steps already taken
     * @param diagnostics diagnostic ids
     * @param diagnosticEvery diagnostic period
     * @param timeWindows time-marching windows
     * @param unknowns coefficients trained with the network
     * @param collocation learned collocation points, null for none
     */
    public SessionSpec(String problemId, String modelId, int[] hidden, String activation, String initialization,
            Boolean separateNetworks, Map<String, String> modelOptions, String engineId, LossScaling scaling,
            String samplerId, Map<String, Integer> points, int resampleEvery, List<OptimizerStage> optimizers,
            String weightingId, Map<String, String> weightingSettings, long maxSteps, double timeBudgetSeconds, long seed,
            int errorEvery, double[] initialParameters, org.geopinn.api.optimizer.OptimizerState initialOptimizerState,
            long startStep, List<String> diagnostics, int diagnosticEvery, int timeWindows, Map<String, Double> unknowns,
            Collocation collocation) {
        this(problemId, modelId, hidden, activation, initialization, separateNetworks, modelOptions, engineId, scaling, samplerId,
                points, resampleEvery, optimizers, weightingId, weightingSettings, maxSteps, timeBudgetSeconds, seed, errorEvery,
                initialParameters, initialOptimizerState, startStep, diagnostics, diagnosticEvery, timeWindows, unknowns,
                collocation, Map.of(), List.of());
    }

    /**
     * A spec without learned collocation (the form before {@code collocation} existed).
     *
     * @param problemId the problem
     * @param modelId the model factory id
     * @param hidden hidden widths
     * @param activation activation
     * @param initialization initialisation
     * @param separateNetworks one network per field
     * @param modelOptions further model settings
     * @param engineId operator engine id
     * @param scaling loss scaling
     * @param samplerId sampler for every condition
     * @param points collocation points per condition
     * @param resampleEvery resampling period
     * @param optimizers the optimizer chain
     * @param weightingId loss weighting id
     * @param weightingSettings its settings
     * @param maxSteps total step count
     * @param timeBudgetSeconds wall-clock budget
     * @param seed seed
     * @param errorEvery error period
     * @param initialParameters parameters to start from
     * @param initialOptimizerState optimizer state to resume
     * @param startStep steps already taken
     * @param diagnostics diagnostic ids
     * @param diagnosticEvery diagnostic period
     * @param timeWindows time-marching windows
     * @param unknowns trained coefficients
     */
    public SessionSpec(String problemId, String modelId, int[] hidden, String activation, String initialization,
            Boolean separateNetworks, Map<String, String> modelOptions, String engineId, LossScaling scaling,
            String samplerId, Map<String, Integer> points, int resampleEvery, List<OptimizerStage> optimizers,
            String weightingId, Map<String, String> weightingSettings, long maxSteps, double timeBudgetSeconds, long seed,
            int errorEvery, double[] initialParameters, org.geopinn.api.optimizer.OptimizerState initialOptimizerState,
            long startStep, List<String> diagnostics, int diagnosticEvery, int timeWindows, Map<String, Double> unknowns) {
        this(problemId, modelId, hidden, activation, initialization, separateNetworks, modelOptions, engineId, scaling, samplerId,
                points, resampleEvery, optimizers, weightingId, weightingSettings, maxSteps, timeBudgetSeconds, seed, errorEvery,
                initialParameters, initialOptimizerState, startStep, diagnostics, diagnosticEvery, timeWindows, unknowns, null);
    }

    /**
     * A spec without trained coefficients (the form before {@code unknowns} existed).
     *
     * @param problemId the problem
     * @param modelId the model factory id
     * @param hidden hidden widths
     * @param activation activation
     * @param initialization initialisation
     * @param separateNetworks one network per field
     * @param modelOptions further model settings
     * @param engineId operator engine id
     * @param scaling loss scaling
     * @param samplerId sampler for every condition
     * @param points collocation points per condition
     * @param resampleEvery resampling period
     * @param optimizers the optimizer chain
     * @param weightingId loss weighting id
     * @param weightingSettings its settings
     * @param maxSteps total step count
     * @param timeBudgetSeconds wall-clock budget
     * @param seed seed
     * @param errorEvery error period
     * @param initialParameters parameters to start from
     * @param initialOptimizerState optimizer state to resume
     * @param startStep steps already taken
     * @param diagnostics diagnostic ids
     * @param diagnosticEvery diagnostic period
     * @param timeWindows time-marching windows
     */
    public SessionSpec(String problemId, String modelId, int[] hidden, String activation, String initialization,
            Boolean separateNetworks, Map<String, String> modelOptions, String engineId, LossScaling scaling,
            String samplerId, Map<String, Integer> points, int resampleEvery, List<OptimizerStage> optimizers,
            String weightingId, Map<String, String> weightingSettings, long maxSteps, double timeBudgetSeconds, long seed,
            int errorEvery, double[] initialParameters, org.geopinn.api.optimizer.OptimizerState initialOptimizerState,
            long startStep, List<String> diagnostics, int diagnosticEvery, int timeWindows) {
        this(problemId, modelId, hidden, activation, initialization, separateNetworks, modelOptions, engineId, scaling, samplerId,
                points, resampleEvery, optimizers, weightingId, weightingSettings, maxSteps, timeBudgetSeconds, seed, errorEvery,
                initialParameters, initialOptimizerState, startStep, diagnostics, diagnosticEvery, timeWindows, Map.of());
    }

    /**
     * A spec without time marching (the form before {@code timeWindows} existed).
     *
     * @param problemId the problem
     * @param modelId the model factory id
     * @param hidden hidden widths
     * @param activation activation
     * @param initialization initialisation
     * @param separateNetworks one network per field
     * @param modelOptions further model settings
     * @param engineId operator engine id
     * @param scaling loss scaling
     * @param samplerId sampler for every condition
     * @param points collocation points per condition
     * @param resampleEvery resampling period
     * @param optimizers the optimizer chain
     * @param weightingId loss weighting id
     * @param weightingSettings its settings
     * @param maxSteps total step count
     * @param timeBudgetSeconds wall-clock budget
     * @param seed seed
     * @param errorEvery error period
     * @param initialParameters parameters to start from
     * @param initialOptimizerState optimizer state to resume
     * @param startStep steps already taken
     * @param diagnostics diagnostic ids
     * @param diagnosticEvery diagnostic period
     */
    public SessionSpec(String problemId, String modelId, int[] hidden, String activation, String initialization,
            Boolean separateNetworks, Map<String, String> modelOptions, String engineId, LossScaling scaling,
            String samplerId, Map<String, Integer> points, int resampleEvery, List<OptimizerStage> optimizers,
            String weightingId, Map<String, String> weightingSettings, long maxSteps, double timeBudgetSeconds, long seed,
            int errorEvery, double[] initialParameters, org.geopinn.api.optimizer.OptimizerState initialOptimizerState,
            long startStep, List<String> diagnostics, int diagnosticEvery) {
        this(problemId, modelId, hidden, activation, initialization, separateNetworks, modelOptions, engineId, scaling, samplerId,
                points, resampleEvery, optimizers, weightingId, weightingSettings, maxSteps, timeBudgetSeconds, seed, errorEvery,
                initialParameters, initialOptimizerState, startStep, diagnostics, diagnosticEvery, 0, Map.of());
    }

    /** @param problemId a problem id @return a builder with every other field at its default */
    public static Builder builder(String problemId) {
        return new Builder(problemId);
    }

    /** @return a builder starting from this spec */
    public Builder toBuilder() {
        Builder b = new Builder(problemId);
        b.modelId = modelId; b.hidden = hidden; b.activation = activation; b.initialization = initialization;
        b.separateNetworks = separateNetworks; b.modelOptions = modelOptions; b.engineId = engineId; b.scaling = scaling;
        b.samplerId = samplerId; b.points = points; b.resampleEvery = resampleEvery; b.optimizers = optimizers;
        b.weightingId = weightingId; b.weightingSettings = weightingSettings; b.maxSteps = maxSteps;
        b.timeBudgetSeconds = timeBudgetSeconds; b.seed = seed; b.errorEvery = errorEvery;
        b.initialParameters = initialParameters; b.initialOptimizerState = initialOptimizerState; b.startStep = startStep;
        b.diagnostics = diagnostics; b.diagnosticEvery = diagnosticEvery; b.timeWindows = timeWindows;
        b.unknowns = unknowns; b.collocation = collocation; b.known = known; b.leftOut = leftOut;
        return b;
    }

    /** Builds a {@link SessionSpec} field by field. */
    public static final class Builder {
        private final String problemId;
        private String modelId;
        private int[] hidden;
        private String activation;
        private String initialization;
        private Boolean separateNetworks;
        private Map<String, String> modelOptions = Map.of();
        private String engineId;
        private LossScaling scaling;
        private String samplerId;
        private Map<String, Integer> points = Map.of();
        private int resampleEvery = RESAMPLE_BY_STRATEGY;
        private List<OptimizerStage> optimizers = List.of();
        private String weightingId;
        private Map<String, String> weightingSettings = Map.of();
        private long maxSteps;
        private double timeBudgetSeconds;
        private long seed;
        private int errorEvery;
        private double[] initialParameters;
        private org.geopinn.api.optimizer.OptimizerState initialOptimizerState;
        private long startStep;
        private List<String> diagnostics = List.of();
        private int diagnosticEvery;
        private int timeWindows;
        private Map<String, Double> unknowns = Map.of();
        private Collocation collocation;
        private Map<String, Double> known = Map.of();
        private List<String> leftOut = List.of();

        private Builder(String problemId) {
            this.problemId = problemId;
        }

        /** @param v model id @return this */ public Builder model(String v) { modelId = v; return this; }
        /** @param v hidden widths @return this */ public Builder hidden(int... v) { hidden = v; return this; }
        /** @param v activation @return this */ public Builder activation(String v) { activation = v; return this; }
        /** @param v initialisation @return this */ public Builder initialization(String v) { initialization = v; return this; }
        /** @param v one network per field @return this */ public Builder separateNetworks(Boolean v) { separateNetworks = v; return this; }
        /** @param v model options @return this */ public Builder modelOptions(Map<String, String> v) { modelOptions = v; return this; }
        /** @param v engine id @return this */ public Builder engine(String v) { engineId = v; return this; }
        /** @param v loss scaling @return this */ public Builder scaling(LossScaling v) { scaling = v; return this; }
        /** @param v sampler id @return this */ public Builder sampler(String v) { samplerId = v; return this; }
        /** @param v points per condition @return this */ public Builder points(Map<String, Integer> v) { points = v; return this; }
        /** @param v resampling period (0: fixed points) @return this */ public Builder resampleEvery(int v) { resampleEvery = v; return this; }
        /** @param v optimizer chain @return this */ public Builder optimizers(List<OptimizerStage> v) { optimizers = v; return this; }
        /** @param chain optimizer chain as text @return this */ public Builder optimizers(String chain) { optimizers = OptimizerStage.parseChain(chain); return this; }
        /** @param v weighting id @return this */ public Builder weighting(String v) { weightingId = v; return this; }
        /** @param v weighting settings @return this */ public Builder weightingSettings(Map<String, String> v) { weightingSettings = v; return this; }
        /** @param v step count @return this */ public Builder maxSteps(long v) { maxSteps = v; return this; }
        /** @param v time budget in seconds @return this */ public Builder timeBudgetSeconds(double v) { timeBudgetSeconds = v; return this; }
        /** @param v seed @return this */ public Builder seed(long v) { seed = v; return this; }
        /** @param v error period @return this */ public Builder errorEvery(int v) { errorEvery = v; return this; }
        /** @param v initial parameters @return this */ public Builder initialParameters(double[] v) { initialParameters = v; return this; }
        /** @param v optimizer state @return this */ public Builder initialOptimizerState(org.geopinn.api.optimizer.OptimizerState v) { initialOptimizerState = v; return this; }
        /** @param v steps already taken @return this */ public Builder startStep(long v) { startStep = v; return this; }

        /** @param v diagnostic ids @return this */ public Builder diagnostics(List<String> v) { diagnostics = v; return this; }
        /** @param v diagnostic period @return this */ public Builder diagnosticEvery(int v) { diagnosticEvery = v; return this; }
        /** @param v time-marching windows (0 or 1: none) @return this */ public Builder timeWindows(int v) { timeWindows = v; return this; }
        /** @param v trained coefficients, name → initial value @return this */ public Builder unknowns(Map<String, Double> v) { unknowns = v; return this; }
        /** @param v learned collocation points, null for none @return this */ public Builder collocation(Collocation v) { collocation = v; return this; }
        /** @param v trained coefficients held fixed, name → value @return this */ public Builder known(Map<String, Double> v) { known = v; return this; }
        /** @param v names of conditions left out @return this */ public Builder leftOut(List<String> v) { leftOut = v; return this; }

        /** @return the spec */
        public SessionSpec build() {
            return new SessionSpec(problemId, modelId, hidden, activation, initialization, separateNetworks, modelOptions,
                    engineId, scaling, samplerId, points, resampleEvery, optimizers, weightingId, weightingSettings,
                    maxSteps, timeBudgetSeconds, seed, errorEvery, initialParameters, initialOptimizerState, startStep,
                    diagnostics, diagnosticEvery, timeWindows, unknowns, collocation, known, leftOut);
        }
    }
}

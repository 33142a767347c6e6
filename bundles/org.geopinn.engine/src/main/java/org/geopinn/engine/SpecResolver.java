package org.geopinn.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.geopinn.api.GeopinnException;
import org.geopinn.api.diagnostic.Diagnostic;
import org.geopinn.api.model.ModelFactory;
import org.geopinn.api.model.ModelSpec;
import org.geopinn.api.operator.LossScaling;
import org.geopinn.api.operator.OperatorEngine;
import org.geopinn.api.optimizer.Optimizer;
import org.geopinn.api.optimizer.OptimizerFactory;
import org.geopinn.api.problem.Condition;
import org.geopinn.api.problem.Problem;
import org.geopinn.api.problem.ProblemDefaults;
import org.geopinn.api.sampler.Sampler;
import org.geopinn.api.session.OptimizerStage;
import org.geopinn.api.session.SessionSpec;
import org.geopinn.api.weighting.LossWeighting;
import org.geopinn.api.weighting.LossWeightingFactory;

/**
 * Fills a {@link SessionSpec} from the problem's defaults, then Geopinn's, and checks every id
 * against the services present, so that a bad spec fails with one line before any training. The
 * optimizer chain and, for time-dependent problems, the weighting that neither the spec nor the
 * problem names come from {@link DefaultStrategy}.
 */
final class SpecResolver {
    /** Geopinn's defaults, used where neither the spec nor the problem says otherwise. */
    static final String DEFAULT_MODEL = "mlp";
    static final String DEFAULT_ACTIVATION = "tanh";
    static final String DEFAULT_INITIALIZATION = "xavier";
    static final String DEFAULT_ENGINE = "autodiff";
    static final String DEFAULT_WEIGHTING = "fixed";
    static final long DEFAULT_STEPS = 1000;
    /** Problem default key for the initialisation (not in {@link ProblemDefaults}, read if present). */
    static final String INITIALIZATION = "initialization";
    /** Problem default key for the loss scaling (MEAN, SUM, MEASURE), read if present. */
    static final String SCALING = "scaling";

    private final ServiceDirectory directory;

    SpecResolver(ServiceDirectory directory) {
        this.directory = directory;
    }

    /**
     * @param spec what the user asked for
     * @return the complete spec
     * @throws GeopinnException naming the first thing that is wrong
     */
    ResolvedSpec resolve(SessionSpec spec) {
        if (spec.problemId() == null || spec.problemId().isBlank()) {
            throw new GeopinnException("no problem given; known problems: " + known(Problem.class));
        }
        // the problem as the session trains it: conditions left out, coefficients held fixed or trained
        Problem problem = SessionProblem.of(require(Problem.class, spec.problemId(), "problem"), spec);
        Map<String, String> defaults = problem.defaults() == null ? Map.of() : problem.defaults();
        String modelId = first(spec.modelId(), defaults.get(ProblemDefaults.MODEL), DEFAULT_MODEL);
        ModelFactory models = require(ModelFactory.class, modelId, "model");
        int[] hidden = spec.hidden() != null ? spec.hidden()
                : DefaultStrategy.hidden(defaults.get(ProblemDefaults.HIDDEN), t -> ModelSpec.parseHidden(t, "problem default 'hidden'"));
        for (int w : hidden) {
            if (w <= 0) {
                throw new GeopinnException("hidden layer widths must be positive, got " + java.util.Arrays.toString(hidden));
            }
        }
        String activation = first(spec.activation(), defaults.get(ProblemDefaults.ACTIVATION), DEFAULT_ACTIVATION);
        String initialization = first(spec.initialization(), defaults.get(INITIALIZATION), DEFAULT_INITIALIZATION);
        boolean separate = spec.separateNetworks() != null ? spec.separateNetworks()
                : Boolean.parseBoolean(first(null, defaults.get(ProblemDefaults.SEPARATE_NETWORKS), "false"));
        String engineId = first(spec.engineId(), null, DEFAULT_ENGINE);
        require(OperatorEngine.class, engineId, "operator engine");
        LossScaling scaling = spec.scaling() != null ? spec.scaling() : parseScaling(defaults.get(SCALING));
        checkConditions(problem, spec); // before the output map draws the points of the value conditions
        // outputs mapped to fields whose given values are far from order one, as the inputs are to the domain
        ModelSpec modelSpec = OutputNormalization.apply(problem, spec, directory, models,
                new ModelSpec(problem.domain().lower(), problem.domain().upper(), problem.vocabulary().fields(),
                        hidden, activation, initialization, separate, true, spec.modelOptions()));
        @SuppressWarnings("deprecation")
        String problemChain = defaults.get(ProblemDefaults.OPTIMIZER); // third-party problems may still name one
        String problemWeighting = defaults.get(ProblemDefaults.WEIGHTING);
        DefaultStrategy.Choice choice = null;
        boolean chainGiven = !spec.optimizers().isEmpty() || problemChain != null && !problemChain.isBlank();
        boolean weightingGiven = spec.weightingId() != null && !spec.weightingId().isBlank()
                || problemWeighting != null && !problemWeighting.isBlank();
        boolean resamplingGiven = spec.resampleEvery() != SessionSpec.RESAMPLE_BY_STRATEGY;
        DefaultStrategy.Inputs inputs = !chainGiven || !weightingGiven || !resamplingGiven
                ? inputs(problem, spec, modelId, modelSpec) : null;
        if (!chainGiven || !weightingGiven) {
            choice = DefaultStrategy.choose(inputs,
                    id -> directory.find(OptimizerFactory.class, id).isPresent() || directory.find(LossWeightingFactory.class, id).isPresent());
        }
        List<OptimizerStage> stages = !spec.optimizers().isEmpty() ? spec.optimizers()
                : OptimizerStage.parseChain(chainGiven ? problemChain : choice.chain());
        if (spec.collocation() != null && resamplingGiven && spec.resampleEvery() != spec.collocation().every()) {
            throw new GeopinnException((spec.collocation().chosen() ? "chosen" : "learned") + " collocation points are renewed every " + spec.collocation().every()
                    + " steps (its 'every'); do not also give resampleEvery " + spec.resampleEvery());
        }
        // Learned or chosen points are renewed at their own period; the default strategy's resampling does not apply.
        int resampleEvery = spec.collocation() != null ? spec.collocation().every() : resamplingGiven ? spec.resampleEvery()
                : DefaultStrategy.resampleEvery(inputs, stages.stream().map(OptimizerStage::optimizerId).toList());
        List<Optimizer> optimizers = createChain(stages);
        // the weighting follows the chain the session runs (a given chain may not be the chosen one)
        String strategyWeighting = weightingGiven ? null : DefaultStrategy.weighting(inputs,
                stages.stream().map(OptimizerStage::optimizerId).toList(), id -> directory.find(LossWeightingFactory.class, id).isPresent());
        String weightingId = first(spec.weightingId(), problemWeighting, strategyWeighting != null ? strategyWeighting : DEFAULT_WEIGHTING);
        LossWeighting weighting = null;
        if (!DEFAULT_WEIGHTING.equals(weightingId) || directory.find(LossWeightingFactory.class, weightingId).isPresent()) {
            weighting = require(LossWeightingFactory.class, weightingId, "loss weighting").create(spec.weightingSettings(), problem);
        } else if (!spec.weightingSettings().isEmpty()) {
            throw new GeopinnException("weighting 'fixed' takes no settings without its service; got " + spec.weightingSettings());
        }
        TimeMarching.check(problem, spec.timeWindows());
        long steps = spec.maxSteps() > 0 ? spec.maxSteps()
                : parseLong(first(null, defaults.get(ProblemDefaults.STEPS), Long.toString(DEFAULT_STEPS)), "problem default 'steps'");
        double budget = spec.timeBudgetSeconds() > 0 ? spec.timeBudgetSeconds()
                : parseDouble(first(null, defaults.get(ProblemDefaults.TIME_BUDGET), "0"), "problem default 'time-budget'");
        if (steps <= spec.startStep()) {
            throw new GeopinnException("the step count " + steps + " must exceed the steps already taken (" + spec.startStep() + ")");
        }
        for (String d : spec.diagnostics()) {
            require(Diagnostic.class, d, "diagnostic");
        }
        if (resampleEvery < 0 || spec.errorEvery() < 0 || spec.diagnosticEvery() < 0) {
            throw new GeopinnException("resampleEvery, errorEvery and diagnosticEvery must not be negative");
        }
        SessionSpec full = spec.toBuilder().model(modelId).modelOptions(modelSpec.options()).hidden(hidden).activation(activation).initialization(initialization)
                .separateNetworks(separate).engine(engineId).scaling(scaling).optimizers(stages).weighting(weightingId)
                .maxSteps(steps).timeBudgetSeconds(budget).resampleEvery(resampleEvery).build();
        String resampling = spec.collocation() != null || resamplingGiven || resampleEvery == 0 ? ""
                : ", residual-adaptive resampling every " + resampleEvery + " steps ("
                        + DefaultStrategy.resamplingReason(inputs, stages.stream().map(OptimizerStage::optimizerId).toList()) + ")";
        String strategy = choice == null ? (resampling.isEmpty() ? null : "default strategy" + resampling)
                : choice.reason() + resampling + (chainGiven ? " (chain given: " + chainText(stages) + ")"
                        + (java.util.Objects.equals(strategyWeighting, choice.weighting()) || weightingGiven ? ""
                                : "; with it" + (strategyWeighting == null ? " the problem's weights" : DefaultStrategy.describeWeighting(strategyWeighting).substring(1))) : "")
                        + (weightingGiven ? " (weighting given: " + weightingId + ")" : "");
        return new ResolvedSpec(full, problem, modelSpec, stages, optimizers, weighting, strategy);
    }

    /**
     * @return what the default strategy sees: P of the model and the trained coefficients, S of the
     *         points, linearity in the fields and the trained coefficients, time
     */
    private DefaultStrategy.Inputs inputs(Problem problem, SessionSpec spec, String modelId, ModelSpec modelSpec) {
        // the coefficients trained with the network are unknowns of the residual like the fields
        java.util.Set<String> trained = Linearity.trained(problem, spec);
        ModelFactory models = require(ModelFactory.class, modelId, "model");
        int modelParameters = models.create(modelSpec).parameterCount();
        int parameters = modelParameters + trained.size();
        int fieldCount = modelSpec.fields().size();
        // One network per field: the parameters of one (the model built for a single field) and,
        // if the model is indeed F copies of it, the rows each network's parameters enter.
        int networkParameters = modelSpec.separateNetworks() && fieldCount > 1 ? oneFieldParameters(models, modelSpec) : 0;
        boolean blocks = networkParameters > 0 && (long) networkParameters * fieldCount == modelParameters;
        long[] networkRows = new long[blocks ? fieldCount : 0];
        long rows = 0;
        boolean linear = Linearity.affine(problem, spec);
        java.util.BitSet used = new java.util.BitSet();
        for (Condition c : problem.conditions()) {
            long n = spec.points().getOrDefault(c.name(), c.points());
            rows += n;
            if (blocks) {
                used.clear();
                Linearity.fields(c.operator(), used);
                used.stream().filter(f -> f < fieldCount).forEach(f -> networkRows[f] += n);
            }
        }
        boolean time = problem.vocabulary().variables().contains(org.geopinn.expr.Vocabulary.TIME);
        return new DefaultStrategy.Inputs(parameters, rows, linear, time, networkRows, blocks ? networkParameters : 0);
    }

    /**
     * @return the parameters of the model built for the first field alone, or 0 when the model
     *         cannot be built that way (its options name other fields): then the strategy counts
     *         the dense work
     */
    private static int oneFieldParameters(ModelFactory models, ModelSpec spec) {
        try {
            return models.create(new ModelSpec(spec.inputLower(), spec.inputUpper(), spec.fields().subList(0, 1), spec.hidden(),
                    spec.activation(), spec.initialization(), false, spec.normalizeInputs(), spec.options())).parameterCount();
        } catch (RuntimeException e) {
            return 0; // an estimate only: never fail a session over it
        }
    }

    private static String chainText(List<OptimizerStage> stages) {
        return String.join(",", stages.stream().map(OptimizerStage::text).toList());
    }

    /**
     * Creates the optimizer of every stage: the one place where the chain's settings are checked
     * (by each factory against its metatype description), before any training; the session then
     * trains with these very instances.
     */
    private List<Optimizer> createChain(List<OptimizerStage> stages) {
        List<Optimizer> created = new ArrayList<>();
        for (int i = 0; i < stages.size(); i++) {
            OptimizerStage s = stages.get(i);
            OptimizerFactory f = require(OptimizerFactory.class, s.optimizerId(), "optimizer");
            if (s.steps() == 0 && i < stages.size() - 1) {
                throw new GeopinnException("optimizer stage '" + s.text() + "' needs a step count (id:steps): only the last stage may run until the end");
            }
            created.add(f.create(s.settings()));
        }
        return created;
    }

    private void checkConditions(Problem problem, SessionSpec spec) {
        List<String> names = new ArrayList<>();
        for (Condition c : problem.conditions()) {
            problem.domain().part(c.part());
            names.add(c.name());
            String samplerId = spec.samplerId() != null ? spec.samplerId() : c.sampler();
            require(Sampler.class, samplerId, "sampler");
        }
        spec.points().forEach((name, n) -> {
            if (!names.contains(name)) {
                throw new GeopinnException("points given for unknown condition '" + name + "'; conditions are " + names);
            }
            if (n == null || n <= 0) {
                throw new GeopinnException("the number of points of condition '" + name + "' must be positive, got " + n);
            }
        });
    }

    /**
     * @param kind a service interface
     * @param id an id
     * @param noun what it is called in messages
     * @param <T> the kind
     * @return the service
     * @throws GeopinnException naming the known ids
     */
    <T> T require(Class<T> kind, String id, String noun) {
        return directory.find(kind, id).orElseThrow(() -> new GeopinnException(
                "unknown " + noun + " '" + id + "'; known: " + known(kind)));
    }

    private String known(Class<?> kind) {
        List<String> ids = directory.ids(kind);
        return ids.isEmpty() ? "(none installed)" : String.join(", ", ids);
    }

    private static String first(String a, String b, String c) {
        if (a != null && !a.isBlank()) {
            return a;
        }
        return b != null && !b.isBlank() ? b.trim() : c;
    }

    private static long parseLong(String text, String what) {
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            throw new GeopinnException(what + ": '" + text + "' is not a whole number");
        }
    }

    private static double parseDouble(String text, String what) {
        try {
            return Double.parseDouble(text.trim());
        } catch (NumberFormatException e) {
            throw new GeopinnException(what + ": '" + text + "' is not a number");
        }
    }

    private static LossScaling parseScaling(String text) {
        if (text == null || text.isBlank()) {
            return LossScaling.MEAN;
        }
        try {
            return LossScaling.valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new GeopinnException("problem default 'scaling': '" + text + "' is not one of MEAN, SUM, MEASURE");
        }
    }
}

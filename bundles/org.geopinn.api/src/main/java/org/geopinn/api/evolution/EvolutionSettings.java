package org.geopinn.api.evolution;

import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.geopinn.api.GeopinnException;

/**
 * Settings of a Neural IVP run. Every setting has a text key, so a run can be configured from the
 * command line ({@code --rank 100} sets {@code rank}), a problem's {@link InitialValueProblem#defaults()}
 * or a configuration file. Keys (defaults in brackets):
 * <ul>
 * <li>{@code t-end} end time [the problem's default]; {@code output-times} comma-separated times at
 * which snapshots are kept [5 evenly spaced up to t-end]</li>
 * <li>{@code rtol}, {@code atol} tolerances of the adaptive Runge–Kutta step [1e-3, rtol/10];
 * {@code error-norm} where the step's error estimate is measured [u]: {@code u} in function space, the
 * RMS over the step's samples of J·e (e the difference of the embedded solutions' θ) relative to the
 * RMS of u, rtol·max(RMS(u), atol); {@code theta} on the parameters, the RMS of e/(atol + rtol·|θ|);
 * {@code first-step} [1e-3]; {@code max-step} [t-end/10]; {@code max-steps} [10000]</li>
 * <li>{@code samples} fresh collocation points per time step [2000], drawn by the {@code sampler}
 * service of that id [uniform] with a new seed per draw; {@code error-points} fixed points
 * for the error against the reference [4096]; {@code importance} the fraction of each sample set drawn
 * where the solution is large (from a uniform pool, with probability ∝ Σ_f |u_f|), the rest uniform [0]</li>
 * <li>{@code rank} Nyström preconditioner rank ℓ [50]; {@code mu} regularisation μ̃ = mu·λ_max [1e-7];
 * {@code cg-tol} relative CG tolerance [1e-7]; {@code cg-max} CG iteration limit [1000];
 * {@code solver} how θ̇ is solved [cg]: {@code cg} by CG with the rank-ℓ Nyström preconditioner,
 * {@code dense} by the Cholesky factor of M + μ̃I formed densely at every Runge–Kutta stage (exact;
 * P forward tangents and O(nP² + P³) dense work per stage, P·F·n doubles of memory: for P up to a
 * few thousand); {@code field-weights} how the fields' rows of the projection are weighted [rate]:
 * {@code unit} alike, {@code rate} by 1/(RMS(u_f)·RMS(L_f)) on the step's samples (for a wave in
 * first-order form, the weighting of its energy norm; no change for a single field)</li>
 * <li>{@code model} model factory id [sinusoidal-mlp]; {@code hidden} widths [32,32];
 * {@code activation} [swish]; {@code separate-networks} one network per field (true) or one network
 * with an output per field (false) [false]; {@code model.KEY} passed to the model as option KEY</li>
 * <li>{@code fit-iterations} Gauss–Newton iterations of the initial fit and of each refit [200];
 * {@code fit-tol} relative RMS misfit at which a fit stops [1e-3]</li>
 * <li>{@code euler-start} when &gt; 0, the first step, to this time h, is a forward-Euler step in
 * function space: a fresh network is fitted to u_θ + h·L[u_θ]; this gives fields whose initial data
 * vanish (the velocity of a wave) a tangent space of their own [0, off]</li>
 * <li>{@code restart-residual} restart (refit a fresh network) after a step whose relative PDE
 * residual ‖Jθ̇ − L[u]‖/‖L[u]‖ exceeds this factor times its smallest value since the last fit,
 * 0 for never [4]; {@code restart-cg} also restart after a step needing more CG iterations than
 * this, 0 for never [0]; {@code restart-every} also restart every N accepted steps, 0 for never [0]</li>
 * <li>{@code seed} random seed of initialisation and sampling [0]</li>
 * </ul>
 *
 * @param endTime the end time; NaN for the problem's default
 * @param outputTimes times at which snapshots are kept; empty for 5 evenly spaced times
 * @param rtol relative tolerance of the step-size control
 * @param atol absolute tolerance of the step-size control
 * @param errorNorm {@code u} (function space) or {@code theta} (parameters): where the step's error is measured
 * @param firstStep the first step size tried
 * @param maxStep the largest step size; NaN for endTime/10
 * @param maxSteps the limit on accepted plus rejected steps
 * @param samples collocation points per step
 * @param errorPoints points on which the error against the reference is measured
 * @param sampler the id of the {@link org.geopinn.api.sampler.Sampler} service that draws the points
 * @param importance fraction of the samples drawn in proportion to the solution's magnitude, in [0, 1]
 * @param rank the Nyström rank ℓ (0 for plain CG)
 * @param mu the relative regularisation: μ̃ = mu·(largest Nyström eigenvalue)
 * @param cgTolerance the relative residual at which CG stops
 * @param cgMaxIterations the CG iteration limit
 * @param solver {@code cg} (Nyström-preconditioned CG) or {@code dense} (the dense factor, exact)
 * @param fieldWeights {@code unit} or {@code rate}: the weights of the fields' rows in the projection
 * @param model the model factory id
 * @param hidden hidden layer widths
 * @param separateNetworks one network per field rather than one network with F outputs
 * @param activation the activation
 * @param modelOptions further model options
 * @param fitIterations Gauss–Newton iterations per fit
 * @param fitTolerance relative RMS misfit at which a fit stops
 * @param eulerStart the time of the function-space Euler first step, 0 for none
 * @param restartResidual the factor of PDE-residual growth since the last fit above which the network is refitted; 0 for never
 * @param restartCgIterations CG iterations above which the network is refitted; 0 for never
 * @param restartEvery refit every this many accepted steps; 0 for never
 * @param seed the random seed
 */
public record EvolutionSettings(double endTime, double[] outputTimes, double rtol, double atol, String errorNorm, double firstStep,
        double maxStep, int maxSteps, int samples, int errorPoints, String sampler, double importance, int rank, double mu, double cgTolerance,
        int cgMaxIterations, String solver, String fieldWeights, String model, int[] hidden, boolean separateNetworks, String activation, Map<String, String> modelOptions,
        int fitIterations, double fitTolerance, double eulerStart, double restartResidual, int restartCgIterations, int restartEvery, long seed) {

    /** {@code error-norm} value: the error estimate measured on u at the samples. */
    public static final String ERROR_NORM_U = "u";
    /** {@code error-norm} value: the error estimate measured on the parameters θ. */
    public static final String ERROR_NORM_THETA = "theta";
    /** {@code solver} value: CG with the rank-ℓ Nyström preconditioner. */
    public static final String SOLVER_CG = "cg";
    /** {@code solver} value: the Cholesky factor of the densely formed M + μ̃I, at every stage. */
    public static final String SOLVER_DENSE = "dense";
    /** {@code field-weights} value: every field's rows alike. */
    public static final String FIELD_WEIGHTS_UNIT = "unit";
    /** {@code field-weights} value: field f's rows weighted by 1/(RMS(u_f)·RMS(L_f)). */
    public static final String FIELD_WEIGHTS_RATE = "rate";

    /** Copies arrays and maps. */
    public EvolutionSettings {
        outputTimes = outputTimes.clone();
        hidden = hidden.clone();
        modelOptions = Map.copyOf(modelOptions);
    }

    /** @return the default settings */
    public static EvolutionSettings defaults() {
        return new EvolutionSettings(Double.NaN, new double[0], 1e-3, 1e-4, ERROR_NORM_U, 1e-3, Double.NaN, 10000, 2000, 4096,
                "uniform", 0.0, 50, 1e-7, 1e-7, 1000, SOLVER_CG, FIELD_WEIGHTS_RATE, "sinusoidal-mlp", new int[] {32, 32}, false, "swish", Map.of(), 200, 1e-3,
                0.0, 4.0, 0, 0, 0L);
    }

    @Override
    public double[] outputTimes() {
        return outputTimes.clone();
    }

    @Override
    public int[] hidden() {
        return hidden.clone();
    }

    /**
     * Applies settings given as text.
     *
     * @param values keys as listed in the class comment and their values
     * @return the settings with those values
     * @throws GeopinnException for an unknown key or a malformed or out-of-range value
     */
    public EvolutionSettings with(Map<String, String> values) {
        Map<String, Object> v = asMap();
        Map<String, String> options = new HashMap<>(modelOptions);
        boolean atolGiven = false;
        for (Map.Entry<String, String> e : new TreeMap<>(values).entrySet()) {
            String key = e.getKey();
            String text = e.getValue().trim();
            if (key.startsWith("model.")) {
                options.put(key.substring("model.".length()), text);
                continue;
            }
            if (!v.containsKey(key)) {
                throw new GeopinnException("unknown evolution setting '" + key + "'; settings are " + v.keySet()
                        + " and model.KEY");
            }
            atolGiven |= key.equals("atol");
            v.put(key, parse(key, text, v.get(key)));
            if (key.equals("error-norm") && !text.equals(ERROR_NORM_U) && !text.equals(ERROR_NORM_THETA)) {
                throw new GeopinnException("evolution setting error-norm is " + ERROR_NORM_U + " or " + ERROR_NORM_THETA
                        + ", got '" + text + "'");
            }
            if (key.equals("solver") && !text.equals(SOLVER_CG) && !text.equals(SOLVER_DENSE)) {
                throw new GeopinnException("evolution setting solver is " + SOLVER_CG + " or " + SOLVER_DENSE
                        + ", got '" + text + "'");
            }
            if (key.equals("field-weights") && !text.equals(FIELD_WEIGHTS_UNIT) && !text.equals(FIELD_WEIGHTS_RATE)) {
                throw new GeopinnException("evolution setting field-weights is " + FIELD_WEIGHTS_UNIT + " or "
                        + FIELD_WEIGHTS_RATE + ", got '" + text + "'");
            }
            if (key.equals("restart-residual") && (Double) v.get(key) > 0 && (Double) v.get(key) <= 1) {
                throw new GeopinnException("evolution setting restart-residual is a growth factor > 1 (or 0 for never), got '"
                        + text + "'");
            }
            if (key.equals("importance") && (Double) v.get(key) > 1) {
                throw new GeopinnException("evolution setting importance is a fraction in [0, 1], got '" + text + "'");
            }
        }
        if (!atolGiven && values.containsKey("rtol")) {
            v.put("atol", (Double) v.get("rtol") / 10);
        }
        return new EvolutionSettings((Double) v.get("t-end"), (double[]) v.get("output-times"), (Double) v.get("rtol"),
                (Double) v.get("atol"), (String) v.get("error-norm"), (Double) v.get("first-step"), (Double) v.get("max-step"),
                (Integer) v.get("max-steps"), (Integer) v.get("samples"), (Integer) v.get("error-points"), (String) v.get("sampler"),
                (Double) v.get("importance"),
                (Integer) v.get("rank"), (Double) v.get("mu"), (Double) v.get("cg-tol"), (Integer) v.get("cg-max"),
                (String) v.get("solver"), (String) v.get("field-weights"), (String) v.get("model"), (int[]) v.get("hidden"),
                (Boolean) v.get("separate-networks"), (String) v.get("activation"), options,
                (Integer) v.get("fit-iterations"), (Double) v.get("fit-tol"), (Double) v.get("euler-start"),
                (Double) v.get("restart-residual"), (Integer) v.get("restart-cg"),
                (Integer) v.get("restart-every"), (Long) v.get("seed"));
    }

    /** @return every setting except the model options, by key */
    public Map<String, Object> asMap() {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("t-end", endTime);
        v.put("output-times", outputTimes.clone());
        v.put("rtol", rtol);
        v.put("atol", atol);
        v.put("error-norm", errorNorm);
        v.put("first-step", firstStep);
        v.put("max-step", maxStep);
        v.put("max-steps", maxSteps);
        v.put("samples", samples);
        v.put("error-points", errorPoints);
        v.put("sampler", sampler);
        v.put("importance", importance);
        v.put("rank", rank);
        v.put("mu", mu);
        v.put("cg-tol", cgTolerance);
        v.put("cg-max", cgMaxIterations);
        v.put("solver", solver);
        v.put("field-weights", fieldWeights);
        v.put("model", model);
        v.put("hidden", hidden.clone());
        v.put("separate-networks", separateNetworks);
        v.put("activation", activation);
        v.put("fit-iterations", fitIterations);
        v.put("fit-tol", fitTolerance);
        v.put("euler-start", eulerStart);
        v.put("restart-residual", restartResidual);
        v.put("restart-cg", restartCgIterations);
        v.put("restart-every", restartEvery);
        v.put("seed", seed);
        return v;
    }

    private static Object parse(String key, String text, Object current) {
        try {
            if (current instanceof Double) {
                double d = Double.parseDouble(text);
                if (!(d >= 0) && !key.equals("t-end") && !key.equals("max-step")) {
                    throw new GeopinnException("evolution setting " + key + " must be a number >= 0, got '" + text + "'");
                }
                return d;
            }
            if (current instanceof Integer) {
                int i = Integer.parseInt(text);
                if (i < 0) {
                    throw new GeopinnException("evolution setting " + key + " must be an integer >= 0, got '" + text + "'");
                }
                return i;
            }
            if (current instanceof Boolean) {
                if (!text.equals("true") && !text.equals("false")) {
                    throw new GeopinnException("evolution setting " + key + " is true or false, got '" + text + "'");
                }
                return Boolean.parseBoolean(text);
            }
            if (current instanceof Long) {
                return Long.parseLong(text);
            }
            if (current instanceof double[]) {
                return text.isEmpty() ? new double[0]
                        : Arrays.stream(text.split(",")).mapToDouble(s -> Double.parseDouble(s.trim())).toArray();
            }
            if (current instanceof int[]) {
                return org.geopinn.api.model.ModelSpec.parseHidden(text, "evolution setting " + key);
            }
            if (text.isEmpty()) {
                throw new GeopinnException("evolution setting " + key + " must not be empty");
            }
            return text;
        } catch (NumberFormatException ex) {
            throw new GeopinnException("evolution setting " + key + " has a malformed value '" + text + "'", ex);
        }
    }
}

package org.geopinn.cli;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.geopinn.api.GeopinnException;
import org.geopinn.api.model.ModelSpec;
import org.geopinn.api.operator.LossScaling;
import org.geopinn.api.session.Session;
import org.geopinn.api.session.SessionSpec;

/**
 * {@code run.properties} of a results directory: everything needed to rebuild the model (to load
 * the solution without retraining) and to resume the run with the same settings.
 *
 * @param problem the problem id
 * @param variables the input variables
 * @param problemSettings the problem's configured values (its coefficients), empty for its defaults
 * @param spec the model spec (bounds, fields, architecture)
 * @param modelId the model factory id
 * @param session the session settings (engine, scaling, chain, weighting, seed, points …)
 * @param steps the steps taken in total
 * @param seconds the training seconds in total
 * @param optimizerId the optimizer active at the last step (whose state optimizer.state holds)
 * @param hard the fields built as u = g + φ·N from the problem's hard conditions (empty when none):
 *        loading the solution then needs the problem, for g and φ
 */
record RunRecord(String problem, List<String> variables, Map<String, String> problemSettings, ModelSpec spec, String modelId, SessionSpec session, long steps,
        double seconds, String optimizerId, List<String> hard) {
    /** A record of a run without hard conditions. */
    RunRecord(String problem, List<String> variables, Map<String, String> problemSettings, ModelSpec spec, String modelId,
            SessionSpec session, long steps, double seconds, String optimizerId) {
        this(problem, variables, problemSettings, spec, modelId, session, steps, seconds, optimizerId, List.of());
    }

    /** The file name in a results directory. */
    static final String FILE = "run.properties";

    /**
     * @param s a session
     * @param variables the problem's input variables
     * @param problemSettings the problem's configured values
     * @param steps the steps taken in total
     * @param seconds the training seconds in total
     * @param optimizerId the current optimizer
     * @return its record
     */
    static RunRecord of(Session s, List<String> variables, Map<String, String> problemSettings, long steps, double seconds,
            String optimizerId) {
        SessionSpec sp = s.spec();
        List<String> hard = org.geopinn.models.HardConstraintModel.constraints(
                org.geopinn.api.problem.CoefficientModel.network(s.model())).stream()
                .map(org.geopinn.api.problem.HardConstraint::fieldName).toList();
        return new RunRecord(sp.problemId(), List.copyOf(variables), Map.copyOf(problemSettings), s.model().spec(), sp.modelId(), sp, steps, seconds,
                optimizerId, hard);
    }

    /** @return the properties text */
    String text() {
        Properties p = new Properties();
        p.setProperty("problem", problem);
        p.setProperty("variables", String.join(",", variables));
        problemSettings.forEach((k, v) -> p.setProperty("problem." + k, v));
        p.setProperty("fields", String.join(",", spec.fields()));
        p.setProperty("lower", join(spec.inputLower()));
        p.setProperty("upper", join(spec.inputUpper()));
        p.setProperty("model", modelId);
        p.setProperty("hidden", Arrays.stream(spec.hidden()).mapToObj(Integer::toString).collect(Collectors.joining(",")));
        p.setProperty("activation", spec.activation());
        p.setProperty("initialization", spec.initialization());
        p.setProperty("separate-networks", Boolean.toString(spec.separateNetworks()));
        p.setProperty("normalize-inputs", Boolean.toString(spec.normalizeInputs()));
        spec.options().forEach((k, v) -> p.setProperty("model." + k, v));
        p.setProperty("engine", session.engineId());
        p.setProperty("scaling", session.scaling().name());
        if (session.samplerId() != null) {
            p.setProperty("sampler", session.samplerId());
        }
        session.points().forEach((k, v) -> p.setProperty("points." + k, Integer.toString(v)));
        p.setProperty("resample-every", Integer.toString(session.resampleEvery()));
        if (session.collocation() != null) {
            p.setProperty("collocation", session.collocation().toString());
        }
        p.setProperty("optimizer", String.join(",", session.optimizers().stream().map(o -> o.text()).toList()));
        p.setProperty("weighting", session.weightingId());
        session.weightingSettings().forEach((k, v) -> p.setProperty("weighting." + k, v));
        p.setProperty("seed", Long.toString(session.seed()));
        p.setProperty("error-every", Integer.toString(session.errorEvery()));
        p.setProperty("max-steps", Long.toString(session.maxSteps()));
        if (session.timeWindows() > 1) {
            p.setProperty("time-marching", Integer.toString(session.timeWindows()));
        }
        // Coefficients the command line marked unknown, with their initial values (the trained values are in the parameters).
        session.unknowns().forEach((k, v) -> p.setProperty("unknown." + k, Double.toString(v)));
        // Trained coefficients the run held fixed, and conditions it left out: a resume trains the same problem.
        session.known().forEach((k, v) -> p.setProperty("known." + k, Double.toString(v)));
        if (!session.leftOut().isEmpty()) {
            p.setProperty("leave-out", String.join(",", session.leftOut()));
        }
        p.setProperty("steps", Long.toString(steps));
        p.setProperty("seconds", Double.toString(seconds));
        p.setProperty("current-optimizer", optimizerId);
        if (!hard.isEmpty()) {
            p.setProperty("hard", String.join(",", hard)); // u = g + φ·N: loading needs the problem's g and φ
        }
        StringWriter w = new StringWriter();
        try {
            new TreeProperties(p).store(w, "Geopinn run: settings to load or resume this result");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return w.toString();
    }

    /**
     * @param dir a results directory
     * @return its record
     * @throws GeopinnException if the directory holds no complete run
     */
    static RunRecord read(Path dir) {
        Path file = dir.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            throw new GeopinnException(dir + " is not a Geopinn results directory (no " + FILE + ")");
        }
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException e) {
            throw new GeopinnException("cannot read " + file + ": " + e.getMessage());
        }
        try {
            Map<String, String> modelOptions = prefixed(p, "model.");
            ModelSpec spec = new ModelSpec(doubles(p, "lower"), doubles(p, "upper"), list(p, "fields"), ints(p, "hidden"),
                    need(p, "activation"), need(p, "initialization"), Boolean.parseBoolean(need(p, "separate-networks")),
                    Boolean.parseBoolean(need(p, "normalize-inputs")), modelOptions);
            Map<String, Integer> points = new LinkedHashMap<>();
            prefixed(p, "points.").forEach((k, v) -> points.put(k, Integer.parseInt(v)));
            SessionSpec session = SessionSpec.builder(need(p, "problem")).model(need(p, "model")).hidden(spec.hidden())
                    .activation(spec.activation()).initialization(spec.initialization())
                    .separateNetworks(spec.separateNetworks()).modelOptions(modelOptions).engine(need(p, "engine"))
                    .scaling(LossScaling.valueOf(need(p, "scaling"))).sampler(p.getProperty("sampler")).points(points)
                    .resampleEvery(Integer.parseInt(need(p, "resample-every"))).optimizers(need(p, "optimizer"))
                    .weighting(need(p, "weighting")).weightingSettings(prefixed(p, "weighting."))
                    .seed(Long.parseLong(need(p, "seed"))).errorEvery(Integer.parseInt(p.getProperty("error-every", "0")))
                    .maxSteps(Long.parseLong(p.getProperty("max-steps", "0")))
                    .timeWindows(Integer.parseInt(p.getProperty("time-marching", "0"))).unknowns(coefficients(p, "unknown."))
                    .known(coefficients(p, "known.")).leftOut(p.getProperty("leave-out") == null ? List.of() : list(p, "leave-out"))
                    .collocation(p.getProperty("collocation") == null ? null : recordedCollocation(p.getProperty("collocation")))
                    .build();
            return new RunRecord(need(p, "problem"), list(p, "variables"), prefixed(p, "problem."), spec, need(p, "model"), session,
                    Long.parseLong(need(p, "steps")), Double.parseDouble(need(p, "seconds")), need(p, "current-optimizer"),
                    p.getProperty("hard") == null ? List.of() : list(p, "hard"));
        } catch (IllegalArgumentException e) {
            throw new GeopinnException(file + " is damaged: " + e.getMessage());
        }
    }

    /**
     * The collocation a run recorded, in the meaning it had then. Learned points recorded before {@code objective},
     * {@code start} and learned-once became settings (4 Dec 2026) carry none of them; their run learned on the
     * projection objective from the current points, at every round unless {@code rounds} was given, so those are
     * added rather than today's defaults.
     *
     * @param recorded the recorded form
     * @return the settings
     */
    static org.geopinn.api.session.Collocation recordedCollocation(String recorded) {
        String t = recorded.trim();
        if (t.startsWith("learned(") && t.endsWith(")") && !t.contains("objective=")) {
            t = t.substring(0, t.length() - 1) + ";objective=projection;start=current" + (t.contains("rounds=") ? "" : ";rounds=0") + ")";
        }
        return org.geopinn.api.session.Collocation.parse(t);
    }

    private static Map<String, Double> coefficients(Properties p, String prefix) {
        Map<String, Double> u = new LinkedHashMap<>();
        prefixed(p, prefix).forEach((k, v) -> u.put(k, Double.parseDouble(v)));
        return u;
    }

    private static String need(Properties p, String key) {
        String v = p.getProperty(key);
        if (v == null) {
            throw new IllegalArgumentException("missing '" + key + "'");
        }
        return v.trim();
    }

    private static List<String> list(Properties p, String key) {
        String v = need(p, key);
        return v.isEmpty() ? List.of() : List.of(v.split(","));
    }

    private static double[] doubles(Properties p, String key) {
        return list(p, key).stream().mapToDouble(Double::parseDouble).toArray();
    }

    private static int[] ints(Properties p, String key) {
        return list(p, key).stream().mapToInt(Integer::parseInt).toArray();
    }

    private static Map<String, String> prefixed(Properties p, String prefix) {
        Map<String, String> m = new TreeMap<>();
        for (String k : p.stringPropertyNames()) {
            if (k.startsWith(prefix)) {
                m.put(k.substring(prefix.length()), p.getProperty(k));
            }
        }
        return m;
    }

    private static String join(double[] v) {
        return Arrays.stream(v).mapToObj(Double::toString).collect(Collectors.joining(","));
    }

    /** Properties that store their keys sorted, so the file reads well and diffs cleanly. */
    private static final class TreeProperties extends Properties {
        private static final long serialVersionUID = 1L;

        TreeProperties(Properties p) {
            p.forEach(this::put);
        }

        @Override
        public java.util.Set<Map.Entry<Object, Object>> entrySet() {
            java.util.Set<Map.Entry<Object, Object>> sorted = new java.util.TreeSet<>(
                    java.util.Comparator.comparing(e -> e.getKey().toString()));
            sorted.addAll(super.entrySet());
            return sorted;
        }
    }
}

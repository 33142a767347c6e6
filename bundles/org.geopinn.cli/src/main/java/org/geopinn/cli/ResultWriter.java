package org.geopinn.cli;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;
import org.geopinn.api.GeopinnException;
import org.geopinn.api.optimizer.OptimizerState;
import org.geopinn.api.problem.CoefficientModel;
import org.geopinn.api.problem.Problem;
import org.geopinn.api.session.OptimizerStage;
import org.geopinn.api.session.ProblemConfiguration;
import org.geopinn.api.session.ResultExporter;
import org.geopinn.api.session.Session;
import org.geopinn.api.session.SessionSnapshot;
import org.geopinn.api.session.TrainingEvent;
import org.geopinn.api.solution.TrainedSolution;
import org.geopinn.models.ParameterFile;
import org.geopinn.reporting.Json;

/**
 * Writes a results directory: parameters, optimizer state, history, run settings, VTK, pictures,
 * {@code summary.json} and last {@code manifest.sha256}, as a transaction ({@link ResultFolder}):
 * the directory holds either the complete earlier results or the complete new ones.
 */
final class ResultWriter implements ResultExporter {
    static final String SUMMARY = "summary.json";
    static final String PARAMETERS = "parameters.txt";
    static final String OPTIMIZER_STATE = "optimizer.state";
    /** The solution on a box domain's grid. */
    static final String VTK = "solution.vtk";
    /** The solution on a geometry: the grid points and cells inside it ({@link SolutionFile}). */
    static final String VTU = "solution.vtu";
    static final String SOLUTION_PNG = "solution.png";
    static final String ERROR_PNG = "error.png";
    static final String LOSS_PNG = "loss.png";
    /** Grid points per axis of the VTK file and of the pictures. */
    static final int VTK_POINTS = 101;
    static final int PICTURE_POINTS = 41;

    /** Where an exported session continues an earlier run (resume): its history and seconds. */
    record Earlier(Path history, double seconds) {
        /** No earlier run. */
        static final Earlier NONE = new Earlier(null, 0);
    }

    private final Function<String, Optional<Problem>> problems;
    private final Function<String, Map<String, String>> problemSettings;
    private final Supplier<Map<String, String>> versions;
    private final BiFunction<String, Map<String, String>, Map<String, String>> configured;

    /**
     * @param problems finds a problem service by id
     * @param problemSettings a problem's configured values, by problem id
     * @param versions the versions to record (bundles, Java)
     * @param configured a problem's configured values among the effective values a session recorded
     *        (problem id, values → the settings not at their defaults)
     */
    ResultWriter(Function<String, Optional<Problem>> problems, Function<String, Map<String, String>> problemSettings,
            Supplier<Map<String, String>> versions, BiFunction<String, Map<String, String>, Map<String, String>> configured) {
        this.problems = problems;
        this.problemSettings = problemSettings;
        this.versions = versions;
        this.configured = configured;
    }

    /** @return the session's problem configurations, each reduced to the values configured (not at defaults) */
    private List<ProblemConfiguration> configurations(Session session) {
        String id = session.spec().problemId();
        return session.problemConfigurations().stream()
                .map(c -> new ProblemConfiguration(c.fromStep(), configured.apply(id, c.settings()))).toList();
    }

    @Override
    public Path export(Session session, Path directory) {
        return export(session, directory, Earlier.NONE, null);
    }

    /**
     * Writes the results as a transaction ({@link ResultFolder}): into a fresh sibling folder,
     * switched in when complete. A failure leaves the directory as it was.
     *
     * @param session the session
     * @param directory the results directory
     * @param earlier the run it continues
     * @param held the directory's lock when the caller holds it already, else null (taken here)
     * @return the directory
     * @throws GeopinnException if the directory cannot be written; it is then unchanged
     */
    Path export(Session session, Path directory, Earlier earlier, ResultLock held) {
        return write(session, directory, earlier, held, false);
    }

    /**
     * Writes a checkpoint of a running session: the same transaction as {@link #export}, with what
     * a resume needs (parameters, optimizer state, history, run settings, {@code summary.json} with
     * state {@code running}) but no solution files or pictures, which cost grid evaluations. A
     * run killed later leaves its last checkpoint, which {@code --resume} continues.
     *
     * @param session the running session
     * @param directory the results directory
     * @param earlier the run it continues
     * @param held the directory's lock (the running solve holds it)
     * @return the directory
     * @throws GeopinnException if the directory cannot be written; it is then unchanged
     */
    Path checkpoint(Session session, Path directory, Earlier earlier, ResultLock held) {
        return write(session, directory, earlier, held, true);
    }

    private Path write(Session session, Path directory, Earlier earlier, ResultLock held, boolean checkpoint) {
        Path target = directory.toAbsolutePath().normalize();
        ResultLock own = held == null ? ResultLock.acquire(target, "results directory") : null;
        try {
            ResultFolder.recover(target);
            ResultFolder.requireReplaceable(target, "results directory");
            try (ResultFolder.Stage stage = ResultFolder.begin(target)) {
                List<String> files = write(session, session.snapshot(), stage, earlier, checkpoint);
                stage.commit(files);
            }
            return target;
        } finally {
            if (own != null) {
                own.close();
            }
        }
    }

    private List<String> write(Session session, SessionSnapshot snapshot, ResultFolder.Stage directory, Earlier earlier,
            boolean checkpoint) {
        Optional<Problem> problem = problems.apply(session.spec().problemId());
        List<String> fields = session.model().spec().fields();
        List<String> variables = problem.map(p -> p.vocabulary().variables()).orElseGet(() -> defaultVariables(session));
        HistoryTable table = new HistoryTable(session.conditionNames(), fields, session.spec().timeWindows() > 1,
                CoefficientModel.coefficientNames(session.model()));
        if (earlier.history() != null) {
            table.addEarlier(earlier.history(), session.spec().startStep());
        }
        List<ProblemConfiguration> configs = configurations(session);
        Map<Long, String> renewals = renewalsByStep(snapshot.pointRenewals());
        for (TrainingEvent e : snapshot.history()) {
            // the first step trained with a configuration is the one after the step it was recorded at
            String note = configs.stream().filter(c -> c.fromStep() == e.step() - 1).map(ProblemConfiguration::text).findFirst().orElse("");
            table.add(e, earlier.seconds(), note, renewals.getOrDefault(e.step(), ""));
        }
        long steps = table.size() > 0 ? (long) table.last(HistoryTable.STEP) : session.spec().startStep();
        double seconds = table.size() > 0 ? table.last(HistoryTable.SECONDS) : earlier.seconds();
        double[] theta = snapshot.parameters();
        OptimizerState state = snapshot.optimizerState();
        String optimizerId = state != null ? state.optimizerId() : session.optimizerId();

        List<String> files = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        AtomicFiles.writePath(directory.file(PARAMETERS), tmp -> ParameterFile.write(tmp, session.model().layout(), theta));
        files.add(PARAMETERS);
        if (state != null) {
            AtomicFiles.write(directory.file(OPTIMIZER_STATE), out -> org.geopinn.linalg.state.OptimizerStateFile.write(state, out));
            files.add(OPTIMIZER_STATE);
        }
        AtomicFiles.writeText(directory.file(HistoryTable.FILE), table.csv());
        files.add(HistoryTable.FILE);
        Map<String, String> settings = problemSettings.apply(session.spec().problemId());
        AtomicFiles.writeText(directory.file(RunRecord.FILE),
                RunRecord.of(session, variables, settings, steps, seconds, optimizerId).text());
        files.add(RunRecord.FILE);
        String title = session.spec().problemId() + ", " + chain(session) + ", " + steps + " steps";
        if (problem.isPresent() && !checkpoint) {
            TrainedSolution solution = TrainedSolution.of(session.spec().problemId(), variables, session.model(), theta);
            files.addAll(fieldFiles(problem.get(), solution, title, directory, warnings));
        }
        if (!checkpoint) {
            try {
                Pictures.lossCurve(table, title, directory.file(LOSS_PNG));
                files.add(LOSS_PNG);
            } catch (AtomicFiles.WriteFailed e) {
                throw e; // the disk refused: the results cannot be complete
            } catch (GeopinnException | LinkageError e) {
                warnings.add("loss picture not drawn: " + oneLine(e));
            }
        }
        files.add(SUMMARY);
        AtomicFiles.writeText(directory.file(SUMMARY), Json.write(summary(session, problem,
                configs.isEmpty() ? settings : configs.get(0).settings(), table, steps, seconds,
                optimizerId, theta, files, warnings, directory.runId(), checkpoint)));
        return files;
    }

    /**
     * @param renewals the session's point renewals
     * @return what each did (its note without the leading "step N: "), by the first step trained on its points
     */
    private static Map<Long, String> renewalsByStep(List<TrainingEvent> renewals) {
        Map<Long, String> byStep = new LinkedHashMap<>();
        for (TrainingEvent e : renewals) {
            String prefix = "step " + e.step() + ": ";
            String note = e.message().startsWith(prefix) ? e.message().substring(prefix.length()) : e.message();
            byStep.merge(e.step() + 1, note, (a, b) -> a + "; " + b);
        }
        return byStep;
    }

    private static List<String> defaultVariables(Session session) {
        List<String> v = new ArrayList<>();
        for (int j = 0; j < session.model().spec().inputDimension(); j++) {
            v.add("x" + j);
        }
        return v;
    }

    private static List<String> fieldFiles(Problem problem, TrainedSolution solution, String title, ResultFolder.Stage dir,
            List<String> warnings) {
        List<String> files = new ArrayList<>();
        try {
            files.add(SolutionFile.write(FieldGrid.sample(problem, solution, VTK_POINTS), title, dir::file));
        } catch (AtomicFiles.WriteFailed e) {
            throw e;
        } catch (GeopinnException | LinkageError | IllegalArgumentException e) {
            warnings.add("VTK file not written: " + oneLine(e));
        }
        try {
            FieldGrid grid = FieldGrid.sample(problem, solution, PICTURE_POINTS);
            Pictures.solution(grid, title, dir.file(SOLUTION_PNG));
            files.add(SOLUTION_PNG);
            if (grid.error != null) {
                Pictures.error(grid, title, dir.file(ERROR_PNG));
                files.add(ERROR_PNG);
            }
        } catch (AtomicFiles.WriteFailed e) {
            throw e;
        } catch (GeopinnException | LinkageError | IllegalArgumentException e) {
            warnings.add("pictures not drawn: " + oneLine(e));
        }
        return files;
    }

    private static String oneLine(Throwable e) {
        return String.valueOf(e.getMessage() == null ? e.toString() : e.getMessage()).replaceAll("\\s+", " ");
    }

    private static String chain(Session session) {
        return String.join(",", session.spec().optimizers().stream().map(OptimizerStage::text).toList());
    }

    private Map<String, Object> summary(Session session, Optional<Problem> problem, Map<String, String> settings, HistoryTable table, long steps, double seconds, String optimizerId,
            double[] theta, List<String> files, List<String> warnings, String runId, boolean checkpoint) {
        Map<String, Object> s = new LinkedHashMap<>();
        var spec = session.spec();
        s.put("run_id", runId);
        s.put("problem", spec.problemId());
        problem.ifPresent(p -> s.put("problem_description", p.description()));
        s.put("problem_config", new LinkedHashMap<String, Object>(settings));
        // a configuration changed during the run (a .cfg file edited in a host): from which step on
        List<Object> changes = new ArrayList<>();
        List<ProblemConfiguration> configs = configurations(session);
        for (ProblemConfiguration c : configs.subList(Math.min(1, configs.size()), configs.size())) {
            Map<String, Object> change = new LinkedHashMap<>();
            change.put("after_step", c.fromStep());
            change.put("problem_config", new LinkedHashMap<String, Object>(c.settings()));
            changes.add(change);
        }
        s.put("problem_config_changes", changes);
        // A checkpoint is written while the session trains: it is running, whatever it is by now.
        s.put("state", checkpoint ? "running" : session.state().name().toLowerCase());
        s.put("checkpoint", checkpoint);
        s.put("message", checkpoint ? "checkpoint at step " + steps + " of a run still training" : session.message());
        s.put("optimizer", chain(session));
        s.put("final_optimizer", optimizerId);
        s.put("seed", spec.seed());
        s.put("steps", steps);
        s.put("seconds", seconds);
        s.put("loss", nullIfNaN(table.last(HistoryTable.LOSS)));
        Map<String, Object> losses = new LinkedHashMap<>();
        Map<String, Object> weights = new LinkedHashMap<>();
        for (String c : session.conditionNames()) {
            losses.put(c, nullIfNaN(table.last("loss_" + c)));
            weights.put(c, nullIfNaN(table.last("weight_" + c)));
        }
        s.put("losses", losses);
        s.put("weights", weights);
        s.put("rel_l2", nullIfNaN(table.last(HistoryTable.REL_L2)));
        // the renewals of the collocation points (each on its row of history.csv): how many, and the last
        List<String> renewals = table.texts(HistoryTable.POINTS);
        s.put("point_renewals", renewals.size());
        s.put("last_point_renewal", renewals.isEmpty() ? null : renewals.get(renewals.size() - 1));
        Map<String, Object> errors = new LinkedHashMap<>();
        for (String f : session.model().spec().fields()) {
            errors.put(f, nullIfNaN(table.last("error_" + f)));
        }
        s.put("errors", errors);
        List<String> trained = CoefficientModel.coefficientNames(session.model());
        if (!trained.isEmpty()) { // the trained coefficients' final values: the last entries of θ
            double[] values = CoefficientModel.coefficients(session.model(), theta);
            Map<String, Object> coefficients = new LinkedHashMap<>();
            for (int u = 0; u < trained.size(); u++) {
                coefficients.put(trained.get(u), values[u]);
            }
            s.put("coefficients", coefficients);
            Map<String, Object> averaged = new LinkedHashMap<>();
            for (String name : trained) {
                CoefficientRounds.Average a = CoefficientRounds.over(table.steps(), table.column("coefficient_" + name),
                        spec.resampleEvery());
                if (a != null) {
                    Map<String, Object> entry = new LinkedHashMap<>();
                    entry.put("mean", a.mean());
                    entry.put("standard_error", a.standardError());
                    entry.put("rounds", a.rounds());
                    averaged.put(name, entry);
                }
            }
            if (!averaged.isEmpty()) { // with resampling: the mean over the round ends of the last quarter
                s.put("coefficients_round_mean", averaged);
            }
        }
        if (!spec.known().isEmpty()) { // trained coefficients this run held fixed (--known), at their values
            s.put("known_coefficients", new LinkedHashMap<String, Object>(spec.known()));
        }
        if (!spec.leftOut().isEmpty()) {
            s.put("left_out", spec.leftOut());
        }
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("id", spec.modelId());
        model.put("hidden", Arrays.stream(spec.hidden()).boxed().toList());
        model.put("activation", spec.activation());
        model.put("initialization", spec.initialization());
        model.put("separate_networks", spec.separateNetworks());
        model.put("parameters", theta.length);
        if (!spec.modelOptions().isEmpty()) { // e.g. the output map the engine chose for fields far from order one
            model.put("options", new java.util.TreeMap<String, Object>(spec.modelOptions()));
        }
        s.put("model", model);
        s.put("engine", spec.engineId());
        s.put("scaling", spec.scaling().name().toLowerCase());
        s.put("weighting", spec.weightingId());
        s.put("resample_every", spec.resampleEvery());
        if (spec.collocation() != null) {
            s.put("collocation", spec.collocation().toString());
        }
        if (spec.timeWindows() > 1) {
            s.put("time_windows", spec.timeWindows());
            s.put("window", table.size() > 0 ? (int) table.last(HistoryTable.WINDOW) : 1);
        }
        s.put("max_steps", spec.maxSteps());
        s.put("time_budget", spec.timeBudgetSeconds());
        s.put("resumed_from_step", spec.startStep());
        s.put("written", Instant.now().toString());
        s.put("versions", versions.get());
        s.put("files", files);
        s.put("warnings", warnings);
        return s;
    }

    private static Double nullIfNaN(double v) {
        return Double.isNaN(v) ? null : v;
    }
}

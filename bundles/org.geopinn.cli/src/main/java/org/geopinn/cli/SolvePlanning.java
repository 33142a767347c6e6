package org.geopinn.cli;

import static org.geopinn.cli.SolveOptions.CHECKPOINT_EVERY;
import static org.geopinn.cli.SolveOptions.ERROR_SAMPLES;
import static org.geopinn.cli.SolveOptions.FLAGS;
import static org.geopinn.cli.SolveOptions.LOST_SERVICE_WAIT;
import static org.geopinn.cli.SolveOptions.VALUED;
import static org.geopinn.cli.SolveOptions.collocation;
import static org.geopinn.cli.SolveOptions.defaultSteps;
import static org.geopinn.cli.SolveOptions.join;
import static org.geopinn.cli.SolveOptions.parametric;
import static org.geopinn.cli.SolveOptions.points;
import static org.geopinn.cli.SolveOptions.scaling;
import static org.geopinn.cli.SolveOptions.timeWindows;
import static org.geopinn.cli.SolveOptions.unknowns;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.geopinn.api.GeopinnException;
import org.geopinn.api.optimizer.OptimizerState;
import org.geopinn.api.problem.Problem;
import org.geopinn.api.problem.ProblemDefaults;
import org.geopinn.api.session.Collocation;
import org.geopinn.api.session.OptimizerStage;
import org.geopinn.api.session.SessionSpec;
import org.geopinn.linalg.state.OptimizerStateFile;
import org.geopinn.models.ParameterFile;
import org.geopinn.settings.SettingsText;

/**
 * Reads the arguments of {@code solve} into a {@link Plan}: checks every value, applies
 * {@code --problem-config} and {@code --parametric}, reads what {@code --resume} continues, and
 * locks the results directory, all before any training.
 */
final class SolvePlanning {
    /**
     * A solve ready to run: the spec, where results go and what it continues.
     *
     * @param spec the session spec
     * @param out the results directory
     * @param outGiven whether {@code --out} (or {@code --resume}) named it
     * @param lock the lock held on the results directory from the start, so that a second writer is
     *        refused before any training
     * @param earlier the run it continues
     * @param quiet no progress output
     * @param chainChosen whether the chain came from the default strategy
     * @param lostServiceWait seconds to wait for a lost service before stopping
     * @param checkpointEvery seconds between two checkpoints of the results (0: none)
     */
    record Plan(SessionSpec spec, Path out, boolean outGiven, ResultLock lock, ResultWriter.Earlier earlier, boolean quiet,
            boolean chainChosen, double lostServiceWait, double checkpointEvery) {
    }

    private final Services services;
    private final PrintStream out;

    /**
     * @param services the framework's services
     * @param out where notes about the folders go (recovered, resumed with a gap) unless --quiet
     */
    SolvePlanning(Services services, PrintStream out) {
        this.services = services;
        this.out = out;
    }

    /**
     * @param args the arguments after {@code solve}
     * @return the plan
     * @throws GeopinnException for anything wrong in the arguments
     */
    Plan plan(List<String> args) {
        List<ResultLock> locks = new java.util.ArrayList<>();
        try {
            Plan p = plan(args, locks);
            locks.remove(p.lock());
            return p;
        } finally {
            locks.forEach(ResultLock::close); // all but the one on the results directory
        }
    }

    private Plan plan(List<String> args, List<ResultLock> locks) {
        Options o = Options.parse(args, VALUED, FLAGS);
        if (o.has("config")) {
            o.addDefaults(Path.of(o.get("config")), VALUED, FLAGS);
        }
        if (o.positional().size() > 1) {
            throw new GeopinnException("solve takes one problem, got " + Text.quote(o.positional().toString()));
        }
        String problemId = o.positional().isEmpty() ? null : o.positional().get(0);
        if (problemId == null && !o.has("resume")) {
            throw new GeopinnException("which problem? usage: solve PROBLEM [options]; see ./geopinn list");
        }
        // Check the numbers before waiting for services: a typo fails at once.
        long steps = o.longValue("steps", 0, 1);
        double budget = o.nonNegative("time-budget", 0);
        double lostServiceWait = o.nonNegative("lost-service-wait", LOST_SERVICE_WAIT);
        double checkpointEvery = o.nonNegative("checkpoint-every", CHECKPOINT_EVERY);
        long seed = o.longValue("seed", 0, Long.MIN_VALUE);
        int[] hidden = o.widths("hidden");
        int resampleEvery = (int) o.longValue("resample-every", 0, 0);
        Collocation collocation = o.has("collocation") ? collocation(o.get("collocation")) : null;
        if (collocation != null && o.has("resample-every")) {
            throw new GeopinnException("--collocation learned(...) renews the points every 'every' steps; leave out --resample-every");
        }
        int diagnosticEvery = (int) o.longValue("diagnostic-every", 0, 0);
        Boolean separate = o.has("separate-networks") ? o.bool("separate-networks") : null;
        int windows = timeWindows(o);
        List<OptimizerStage> chain = o.has("optimizer") ? OptimizerStage.parseChain(o.get("optimizer")) : null;
        SettingsText weighting = o.has("weighting") ? SettingsText.parse(o.get("weighting"), "--weighting") : null;
        Map<String, String> settings = o.has("problem-config") ? ProblemSettings.parse(o.get("problem-config")) : Map.of();
        Map<String, Double> unknowns = o.has("unknown") ? unknowns(o.get("unknown")) : Map.of();
        Map<String, double[]> parametric = o.has("parametric") ? parametric(o.get("parametric")) : Map.of();
        for (String name : parametric.keySet()) {
            if (unknowns.containsKey(name)) {
                throw new GeopinnException("--parametric: '" + Text.quote(name) + "' is also given to --unknown; a coefficient is"
                        + " either trained or an input, not both");
            }
        }
        Map<String, Double> known = o.has("known") ? SolveOptions.known(o.get("known")) : Map.of();
        List<String> leftOut = o.has("leave-out") ? SolveOptions.leftOut(o.get("leave-out")) : List.of();
        for (String option : List.of("start-from", "known", "leave-out")) {
            if (o.has(option) && o.has("resume")) {
                throw new GeopinnException("--" + option + " does not go with --resume: a resumed run goes on with the problem and"
                        + " network it was started with (its record keeps them)");
            }
        }
        services.awaitReady();

        SessionSpec.Builder b;
        Path resumeDir = o.has("resume") ? Path.of(o.get("resume")).toAbsolutePath().normalize() : null;
        ResultWriter.Earlier earlier = ResultWriter.Earlier.NONE;
        Problem problem;
        long startStep = 0;
        Path outDir = o.has("out") ? Path.of(o.get("out")).toAbsolutePath().normalize() : resumeDir;
        ResultLock outLock = null;
        if (resumeDir != null) {
            // The folder read is locked too: no one may switch it while it is read (or written, when it is also --out).
            ResultLock readLock = ResultLock.acquire(resumeDir, "--resume");
            locks.add(readLock);
            noteStale(o, readLock);
            if (outDir.equals(resumeDir)) {
                outLock = readLock;
            }
            note(o, ResultFolder.recover(resumeDir));
            ResultFolder.requireComplete(resumeDir, "--resume");
            RunRecord rec = RunRecord.read(resumeDir);
            if (problemId != null && !problemId.equals(rec.problem())) {
                throw new GeopinnException("--resume " + resumeDir + " holds a run of '" + rec.problem() + "', not of '" + problemId + "'");
            }
            problemId = rec.problem();
            checkSameModel(o, rec);
            if (!unknowns.isEmpty() && !unknowns.keySet().equals(rec.session().unknowns().keySet())) {
                throw new GeopinnException("--resume: the run trains the coefficients " + rec.session().unknowns().keySet()
                        + ", not " + unknowns.keySet() + "; resume it without --unknown");
            }
            Map<String, String> all = new LinkedHashMap<>(rec.problemSettings());
            all.putAll(settings); // the recorded coefficients, unless the command line changes them
            problem = configured(problemId, all);
            // A parametric run resumes parametric: its record keeps the inputs and their ranges.
            problem = withInputs(problem, problemId, parametric.isEmpty() ? recordedRanges(rec, problem) : parametric);
            b = rec.session().toBuilder();
            double[] parameters = ParameterFile.read(resumeDir.resolve(ResultWriter.PARAMETERS)).values();
            b.initialParameters(parameters);
            OptimizerState saved = readState(resumeDir.resolve(ResultWriter.OPTIMIZER_STATE));
            if (saved == null) {
                note(o, "--resume: " + resumeDir + " holds no " + ResultWriter.OPTIMIZER_STATE + "; the optimizer starts afresh, so the"
                        + " resumed steps differ from an uninterrupted run");
            } else if (saved.parameterCount() != 0 && saved.parameterCount() != parameters.length) {
                throw new GeopinnException("--resume: " + resumeDir.resolve(ResultWriter.OPTIMIZER_STATE) + " is for "
                        + saved.parameterCount() + " parameters but " + ResultWriter.PARAMETERS + " has " + parameters.length
                        + "; the folder is inconsistent and cannot be resumed");
            }
            b.initialOptimizerState(saved);
            startStep = rec.steps();
            b.startStep(startStep);
            long more = steps > 0 ? steps
                    : rec.session().maxSteps() > rec.steps() ? rec.session().maxSteps() - rec.steps() : defaultSteps(problem);
            b.maxSteps(startStep + more);
            if (!o.has("seed")) {
                seed = rec.session().seed();
            }
            if (Files.isRegularFile(resumeDir.resolve(HistoryTable.FILE))) {
                earlier = new ResultWriter.Earlier(resumeDir.resolve(HistoryTable.FILE), rec.seconds());
                note(o, HistoryTable.gaps(resumeDir.resolve(HistoryTable.FILE), rec.steps()));
            } else {
                note(o, "--resume: " + resumeDir + " holds no " + HistoryTable.FILE + "; the loss curve starts at step " + rec.steps());
            }
        } else {
            problem = withInputs(configured(problemId, settings), problemId, parametric);
            b = SessionSpec.builder(problemId).maxSteps(steps);
            StartFrom start = o.has("start-from") ? startFrom(o, outDir, locks, hidden) : null;
            if (start != null) { // the network of the run it starts from
                refuseOutputMap(o, "--start-from");
                RunRecord rec = start.record();
                b.model(rec.modelId()).hidden(rec.spec().hidden()).activation(rec.spec().activation())
                        .initialization(rec.spec().initialization()).separateNetworks(rec.spec().separateNetworks())
                        .modelOptions(rec.spec().options());
            } else {
                b.model(o.get("model")).hidden(hidden).activation(o.get("activation")).initialization(o.get("initialization"));
                if (separate != null) {
                    b.separateNetworks(separate);
                }
                if (o.has("output-map")) {
                    b.modelOptions(SolveOptions.outputMap(o.get("output-map"), problem.vocabulary().fields().size()));
                }
            }
            b.unknowns(unknowns);
            Map<String, Double> knownValues = knownValues(known, start);
            b.known(knownValues).leftOut(leftOut);
            if (start != null) {
                java.util.SortedMap<String, Double> trained = new java.util.TreeMap<>(problem.unknowns());
                trained.putAll(unknowns);
                trained.keySet().removeAll(knownValues.keySet());
                b.initialParameters(start.parameters(trained));
            }
        }
        b.seed(seed);
        if (chain != null) {
            b.optimizers(chain);
        }
        if (weighting != null) {
            b.weighting(weighting.id()).weightingSettings(weighting.settings());
        }
        if (o.has("engine")) {
            b.engine(o.get("engine"));
        }
        if (o.has("sampler")) {
            b.sampler(o.get("sampler"));
        }
        if (o.has("scaling")) {
            b.scaling(scaling(o.get("scaling")));
        }
        if (o.has("points")) {
            b.points(points(o.get("points"), problem));
        }
        if (o.has("resample-every")) {
            b.resampleEvery(resampleEvery);
        }
        if (collocation != null) {
            b.collocation(collocation);
        }
        if (o.has("diagnostics")) {
            b.diagnostics(List.of(o.get("diagnostics").split(","))).diagnosticEvery(diagnosticEvery);
        }
        if (o.has("time-marching")) {
            b.timeWindows(windows);
        }
        b.timeBudgetSeconds(budget);
        long total = resumeDir != null ? b.build().maxSteps() : steps > 0 ? steps : defaultSteps(problem);
        b.errorEvery((int) o.longValue("error-every", Math.max(1, total / ERROR_SAMPLES), 0));
        boolean outGiven = outDir != null;
        if (outDir == null) {
            outDir = services.home().resolve("runs").resolve(problemId + "-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
        }
        if (outLock == null) {
            outLock = ResultLock.acquire(outDir, "--out");
            locks.add(outLock);
            noteStale(o, outLock);
            note(o, ResultFolder.recover(outDir));
        }
        // Nothing is created in the results directory before training: bad input found later leaves no empty folder.
        ResultFolder.requireReplaceable(outDir, "--out");
        AtomicFiles.requireWritableDirectory(outDir.getParent());
        @SuppressWarnings("deprecation") // a third-party problem may still name its optimizer
        boolean chosen = resumeDir == null && !o.has("optimizer") && !problem.defaults().containsKey(ProblemDefaults.OPTIMIZER);
        return new Plan(b.build(), outDir, outGiven, outLock, earlier, o.flag("quiet"), chosen, lostServiceWait,
                checkpointEvery);
    }

    /** Reads the run {@code --start-from} names, locked while it is read, and checks the network options given against it. */
    private StartFrom startFrom(Options o, Path outDir, List<ResultLock> locks, int[] hidden) {
        Path startDir = Path.of(o.get("start-from")).toAbsolutePath().normalize();
        if (startDir.equals(outDir)) {
            throw new GeopinnException("--start-from and --out name the same folder " + startDir
                    + "; the new run needs a folder of its own (or --resume to continue that run)");
        }
        ResultLock readLock = ResultLock.acquire(startDir, "--start-from"); // no one may switch it while it is read
        locks.add(readLock);
        noteStale(o, readLock);
        note(o, ResultFolder.recover(startDir));
        StartFrom start = StartFrom.read(startDir);
        Map<String, String> given = new LinkedHashMap<>();
        for (String option : List.of("model", "activation", "initialization", "separate-networks")) {
            given.put(option, o.get(option));
        }
        start.requireSameNetwork(hidden, given);
        return start;
    }

    /** @return --known's values, a name without one (NaN) taking the value the --start-from run ended with */
    private static Map<String, Double> knownValues(Map<String, Double> known, StartFrom start) {
        Map<String, Double> values = new LinkedHashMap<>();
        for (Map.Entry<String, Double> e : known.entrySet()) {
            if (Double.isNaN(e.getValue()) && start == null) {
                throw new GeopinnException("--known " + e.getKey() + " without a value takes the value a --start-from run ended"
                        + " with; give --start-from DIR or the value, --known " + e.getKey() + "=VALUE");
            }
            values.put(e.getKey(), Double.isNaN(e.getValue()) ? start.coefficient(e.getKey()) : e.getValue());
        }
        return values;
    }

    /** @return the recorded inputs the problem lacks (parametric coefficients of the run) with their ranges */
    private static Map<String, double[]> recordedRanges(RunRecord rec, Problem problem) {
        Map<String, double[]> ranges = new LinkedHashMap<>();
        double[] lower = rec.spec().inputLower();
        double[] upper = rec.spec().inputUpper();
        List<String> now = problem.domain().variables();
        for (int j = 0; j < rec.variables().size() && j < lower.length; j++) {
            if (!now.contains(rec.variables().get(j))) {
                ranges.put(rec.variables().get(j), new double[] {lower[j], upper[j]});
            }
        }
        return ranges;
    }

    /** @return the problem, or its parametric form with these coefficients as inputs over their ranges */
    private Problem withInputs(Problem problem, String id, Map<String, double[]> ranges) {
        return ranges.isEmpty() ? problem : services.parametricProblem(id, ranges);
    }

    private void noteStale(Options o, ResultLock lock) {
        if (lock.stale() != null) {
            note(o, "took over the lock of " + lock.folder() + " from a run that ended without releasing it (" + lock.stale() + ")");
        }
    }

    /** Prints a note about the folders (recovered, resumed with a gap) unless --quiet. */
    private void note(Options o, String text) {
        if (text != null && !o.flag("quiet")) {
            out.println("note: " + text);
        }
    }

    private Problem configured(String id, Map<String, String> settings) {
        Problem p = requireProblem(id);
        return settings.isEmpty() ? p : services.configureProblem(id, settings);
    }

    private Problem requireProblem(String id) {
        return services.problem(id).orElseThrow(() -> new GeopinnException("unknown problem '" + Text.quote(id) + "'; known: "
                + String.join(", ", services.catalog().entries().getOrDefault("problems", List.of()).stream().map(e -> e.id()).toList())));
    }

    private static void checkSameModel(Options o, RunRecord rec) {
        int[] hidden = o.widths("hidden");
        if (hidden != null && !Arrays.equals(hidden, rec.spec().hidden())) {
            throw new GeopinnException("--resume: the run was trained with --hidden " + join(rec.spec().hidden()) + ", not " + join(hidden));
        }
        same(o, "model", rec.modelId());
        same(o, "activation", rec.spec().activation());
        same(o, "initialization", rec.spec().initialization());
        if (o.has("separate-networks") && o.bool("separate-networks") != rec.spec().separateNetworks()) {
            throw new GeopinnException("--resume: the run was trained with --separate-networks " + rec.spec().separateNetworks()
                    + ", not " + o.get("separate-networks"));
        }
        refuseOutputMap(o, "--resume");
    }

    /** A run continued from a saved network keeps the output map that network was trained with. */
    private static void refuseOutputMap(Options o, String from) {
        if (o.has("output-map")) {
            throw new GeopinnException("--output-map: " + from + " continues a saved network with the output map it was trained with;"
                    + " leave out --output-map");
        }
    }

    private static void same(Options o, String option, String recorded) {
        if (o.has(option) && !o.get(option).equals(recorded)) {
            throw new GeopinnException("--resume: the run was trained with --" + option + " " + recorded + ", not " + o.get(option));
        }
    }

    private static OptimizerState readState(Path file) {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try (var in = Files.newInputStream(file)) {
            return OptimizerStateFile.read(in);
        } catch (java.io.IOException e) {
            throw new GeopinnException("cannot read " + file + ": " + AtomicFiles.reason(e));
        }
    }
}

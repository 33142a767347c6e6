package org.geopinn.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.geopinn.api.GeopinnException;
import org.geopinn.api.session.Collocation;
import org.geopinn.api.operator.LossScaling;
import org.geopinn.api.optimizer.OptimizerState;
import org.geopinn.api.problem.Condition;
import org.geopinn.api.problem.DomainPart;
import org.geopinn.api.problem.Problem;
import org.geopinn.api.problem.ProblemDefaults;
import org.geopinn.api.session.OptimizerStage;
import org.geopinn.api.session.Session;
import org.geopinn.api.session.SessionSpec;
import org.geopinn.api.session.SessionState;
import org.geopinn.models.ParameterFile;
import org.geopinn.settings.SettingsText;

/**
 * {@code solve PROBLEM [options]}: trains one session with progress on the console, then writes
 * its results directory. Ctrl-C stops between two steps and still writes complete results.
 */
final class SolveCommand {
    /** Options taking a value; also the keys of a --config file. */
    static final Set<String> VALUED = Set.of("optimizer", "steps", "time-budget", "seed", "hidden", "activation", "points", "out",
            "config", "resume", "weighting", "model", "engine", "sampler", "resample-every", "error-every", "initialization",
            "separate-networks", "scaling", "diagnostics", "diagnostic-every", "problem-config", "time-marching",
            "unknown", "parametric", "lost-service-wait", "collocation");
    /** Options without a value. */
    static final Set<String> FLAGS = Set.of("quiet");
    /** Steps when neither the command line nor the problem says. */
    static final long DEFAULT_STEPS = 1000;
    /** Error measurements per run when --error-every is not given. */
    static final int ERROR_SAMPLES = 20;
    /**
     * Seconds a command-line solve waits for a service its session lost (a plugin being replaced
     * comes back within a few seconds) before it stops the session and writes its results: in a
     * command nobody can swap in another service, so waiting longer would wait forever.
     */
    static final double LOST_SERVICE_WAIT = 30;

    private final Services services;
    private final PrintStream out;
    private final PrintStream err;
    /** Counted down once the results of the running solve are written (Ctrl-C waits for it). */
    private final CountDownLatch written = new CountDownLatch(1);

    /** The options of {@code solve} for help texts (the CLI's {@code help} and the shell's {@code geopinn:solve}). */
    static final String OPTIONS = String.join("\n",
            "  --optimizer CHAIN       e.g. anagram, or adam:1000,anagram (stage = id[(key=value;...)][:steps])",
            "  --steps N               total steps (with --resume: steps to add)",
            "  --time-budget SECONDS   stop after this much training time",
            "  --seed S                initialisation and sampling seed (default 0)",
            "  --hidden 64,64,64       hidden layer widths; --activation tanh; --model mlp; --initialization xavier",
            "  --separate-networks B   one network per field (true/false); --scaling mean|sum|measure",
            "  --points N | NAME=N,..  collocation points (N: each interior condition)",
            "  --weighting ID[(k=v;..)] loss weighting (fixed, gradnorm, ...); --engine ID; --sampler ID",
            "  --problem-config K=V,.. the problem's coefficients for this run, e.g. gamma=10",
            "  --unknown NAME=V,..     train these coefficients with the network, starting from V (inverse problems)",
            "  --parametric NAME=LO,HI a problem's coefficient as one more input over [LO, HI] (NAME=LO:HI,.. for several)",
            "  --resample-every N      fresh collocation points every N steps (0: fixed; default: the strategy's)",
            "  --collocation learned(every=N;steps=M[;cutoff=adaptive|T][;reference=R])  learn the interior points",
            "                          between optimizer steps (ANaGRAM's empirical natural gradient); fixed: off",
            "  --collocation chosen(every=N[;candidates=C][;cutoff=T])  choose each condition's points among C x fresh",
            "                          candidates: maximum-volume operator rows (pivoted QR), then fresh ones in order",
            "  --error-every N         measure the reference error every N steps",
            "  --time-marching K       train K time windows one after the other (warm start)",
            "  --diagnostics ID,...    diagnostics to run (every --diagnostic-every N steps, else at the end)",
            "  --out DIR               results directory (default runs/PROBLEM-TIMESTAMP)",
            "  --config FILE           a properties file with the same keys (command line wins)",
            "  --resume DIR            continue a run from its results directory",
            "  --lost-service-wait S   seconds to wait for a service that went away before stopping (default 30)",
            "  --quiet                 no progress output");

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
     */
    record Plan(SessionSpec spec, Path out, boolean outGiven, ResultLock lock, ResultWriter.Earlier earlier, boolean quiet,
            boolean chainChosen, double lostServiceWait) {
    }

    SolveCommand(Services services, PrintStream out, PrintStream err) {
        this.services = services;
        this.out = out;
        this.err = err;
    }

    /**
     * @param args the arguments after {@code solve}
     * @return the exit code
     */
    int run(List<String> args) {
        Plan plan = null;
        try {
            Session session;
            try {
                plan = plan(args);
                session = services.training().start(plan.spec());
            } catch (GeopinnException e) {
                err.println("geopinn solve: " + oneLine(e.getMessage()));
                return 2;
            }
            return train(session, plan);
        } finally {
            if (plan != null) {
                plan.lock().close();
            }
            written.countDown(); // nothing (more) to write: a stopping framework need not wait
        }
    }

    /** @return a latch released when the running solve has written its results */
    CountDownLatch written() {
        return written;
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
            problem = parametric(problem, problemId, parametric.isEmpty() ? recordedRanges(rec, problem) : parametric);
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
            problem = parametric(configured(problemId, settings), problemId, parametric);
            b = SessionSpec.builder(problemId).maxSteps(steps);
            b.model(o.get("model")).hidden(hidden).activation(o.get("activation")).initialization(o.get("initialization"));
            b.unknowns(unknowns);
            if (separate != null) {
                b.separateNetworks(separate);
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
        return new Plan(b.build(), outDir, outGiven, outLock, earlier, o.flag("quiet"), chosen, lostServiceWait);
    }

    /**
     * @param text {@code NAME=VALUE,…}, e.g. {@code nu=0.1}
     * @return the coefficients to train, name → initial value
     * @throws GeopinnException naming the first pair that is not a name and a finite number
     */
    static Map<String, Double> unknowns(String text) {
        Map<String, Double> u = new LinkedHashMap<>();
        for (String pair : text.split(",")) {
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair.trim() : pair.substring(0, eq).trim();
            double value;
            try {
                value = eq < 0 ? Double.NaN : Double.parseDouble(pair.substring(eq + 1).trim());
            } catch (NumberFormatException e) {
                value = Double.NaN;
            }
            if (name.isEmpty() || !Double.isFinite(value)) {
                throw new GeopinnException("--unknown: '" + Text.quote(pair.trim()) + "' is not NAME=VALUE with a finite initial value"
                        + " (e.g. nu=0.1)");
            }
            if (u.put(name, value) != null) {
                throw new GeopinnException("--unknown: '" + Text.quote(name) + "' is given twice");
            }
        }
        return u;
    }

    /**
     * @param text {@code NAME=LO,HI} for one coefficient, or {@code NAME=LO:HI,…} for several
     *        (a number without a name continues the pair before it)
     * @return the ranges by name, in their order
     * @throws GeopinnException naming the first entry that is not a name with two finite numbers LO &lt; HI
     */
    static Map<String, double[]> parametric(String text) {
        // Join "k=1,4" back to "k=1:4": commas separate pairs and also the two ends of a range.
        List<String> entries = new java.util.ArrayList<>();
        for (String piece : text.split(",", -1)) {
            if (!piece.contains("=") && !entries.isEmpty() && !entries.get(entries.size() - 1).contains(":")) {
                entries.set(entries.size() - 1, entries.get(entries.size() - 1) + ":" + piece);
            } else {
                entries.add(piece);
            }
        }
        Map<String, double[]> ranges = new LinkedHashMap<>();
        for (String entry : entries) {
            int eq = entry.indexOf('=');
            String name = eq < 0 ? "" : entry.substring(0, eq).trim();
            String[] ends = eq < 0 ? new String[0] : entry.substring(eq + 1).split(":", -1);
            double lo = Double.NaN;
            double hi = Double.NaN;
            if (ends.length == 2) {
                try {
                    lo = Double.parseDouble(ends[0].trim());
                    hi = Double.parseDouble(ends[1].trim());
                } catch (NumberFormatException e) {
                    lo = Double.NaN;
                }
            }
            if (name.isEmpty() || !Double.isFinite(lo) || !Double.isFinite(hi) || !(lo < hi)) {
                throw new GeopinnException("--parametric: '" + Text.quote(entry.replace(':', ',').trim())
                        + "' is not NAME=LO,HI with finite numbers LO < HI (e.g. k=1,4; several: k=1:4,c=0:1)");
            }
            if (ranges.put(name, new double[] {lo, hi}) != null) {
                throw new GeopinnException("--parametric: '" + Text.quote(name) + "' is given twice");
            }
        }
        return ranges;
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

    private Problem parametric(Problem problem, String id, Map<String, double[]> ranges) {
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

    private static long defaultSteps(Problem problem) {
        String s = problem.defaults().get(ProblemDefaults.STEPS);
        try {
            return s == null ? DEFAULT_STEPS : Long.parseLong(s.trim());
        } catch (NumberFormatException e) {
            return DEFAULT_STEPS;
        }
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
    }

    private static void same(Options o, String option, String recorded) {
        if (o.has(option) && !o.get(option).equals(recorded)) {
            throw new GeopinnException("--resume: the run was trained with --" + option + " " + recorded + ", not " + o.get(option));
        }
    }

    private static String join(int[] w) {
        return String.join(",", Arrays.stream(w).mapToObj(Integer::toString).toList());
    }

    private static OptimizerState readState(Path file) {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try (var in = Files.newInputStream(file)) {
            return OptimizerState.readFrom(in);
        } catch (java.io.IOException e) {
            throw new GeopinnException("cannot read " + file + ": " + AtomicFiles.reason(e));
        }
    }

    /** @return the windows of {@code --time-marching K}: 0 or 1 for none, else at least 2 */
    /** @param text the option's value @return the settings, null for fixed @throws GeopinnException one line, naming the option */
    static Collocation collocation(String text) {
        try {
            return Collocation.parse(text);
        } catch (GeopinnException e) {
            throw new GeopinnException("--" + e.getMessage());
        }
    }

    private static int timeWindows(Options o) {
        long k = o.longValue("time-marching", 0, 0);
        if (k > 1000) {
            throw new GeopinnException("--time-marching: " + k + " windows is too many (at most 1000)");
        }
        return (int) k;
    }

    private static LossScaling scaling(String text) {
        try {
            return LossScaling.valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new GeopinnException("--scaling: '" + text + "' is not one of mean, sum, measure");
        }
    }

    /**
     * @param text a single count (for the interior conditions) or name=count pairs
     * @param problem the problem
     * @return counts per condition name
     */
    static Map<String, Integer> points(String text, Problem problem) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        if (!text.contains("=")) {
            int n = count(text, "--points");
            for (Condition c : problem.conditions()) {
                if (problem.domain().part(c.part()).kind() == DomainPart.Kind.INTERIOR) {
                    counts.put(c.name(), n);
                }
            }
            return counts;
        }
        List<String> names = problem.conditions().stream().map(Condition::name).toList();
        for (String pair : text.split(",")) {
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair.trim() : pair.substring(0, eq).trim();
            if (eq < 0 || !names.contains(name)) {
                throw new GeopinnException("--points: '" + pair.trim() + "' is not NAME=COUNT with NAME one of " + names);
            }
            counts.put(name, count(pair.substring(eq + 1), "--points " + name));
        }
        return counts;
    }

    private static int count(String text, String what) {
        try {
            int n = Integer.parseInt(text.trim());
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // fall through to the message
        }
        throw new GeopinnException(what + ": '" + text.trim() + "' is not a positive whole number");
    }

    private int train(Session session, Plan plan) {
        AtomicBoolean interrupted = new AtomicBoolean();
        Thread hook = new Thread(() -> {
            interrupted.set(true);
            session.stop();
            try {
                written.await(25, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "geopinn-solve-interrupt");
        Runtime.getRuntime().addShutdownHook(hook);
        Thread warmUp = new Thread(Pictures::warmUp, "geopinn-pictures-warm-up");
        warmUp.setDaemon(true);
        warmUp.start();
        ProgressPrinter progress = null;
        try {
            if (!plan.quiet()) {
                SessionSpec s = session.spec();
                out.println("solving " + s.problemId() + " with " + chain(s) + (plan.chainChosen() ? " (default strategy)" : "")
                        + (s.weightingId() != null && !"fixed".equals(s.weightingId()) ? ", " + s.weightingId() + " weighting" : "")
                        + (s.collocation() != null && s.collocation().chosen() ? ", points chosen every " + s.collocation().every()
                                + " steps (from " + s.collocation().reference() + "x candidates)"
                                : s.collocation() != null ? ", interior points learned every " + s.collocation().every() + " steps ("
                                + s.collocation().steps() + " learning steps)"
                                : s.resampleEvery() > 0 ? ", points resampled every " + s.resampleEvery() + " steps" : "")
                        + ", model " + s.modelId() + " "
                        + join(s.hidden()) + " " + s.activation() + ", " + session.model().parameterCount() + " parameters, seed "
                        + s.seed() + (s.startStep() > 0 ? ", resuming at step " + s.startStep() : ""));
                progress = new ProgressPrinter(out, services.terminal(), session.conditionNames(), s.startStep(), s.maxSteps(),
                        s.timeBudgetSeconds(), plan.earlier().seconds())
                        .coefficients(org.geopinn.api.problem.CoefficientModel.coefficientNames(session.model()));
                session.addListener(progress);
                var last = session.lastEvent();
                if (last != null && last.kind() == org.geopinn.api.session.TrainingEvent.Kind.ENDED) {
                    progress.onEvent(last); // it ended before the listener was added
                }
            }
            SessionState state;
            long pausedSince = -1;
            String lost = null;
            do {
                state = session.await(Duration.ofSeconds(1));
                // A command has no shell to pause a session by hand: a pause is a service that went away.
                if (state == SessionState.PAUSED) {
                    pausedSince = pausedSince < 0 ? System.nanoTime() : pausedSince;
                    if (lost == null && (System.nanoTime() - pausedSince) * 1e-9 >= plan.lostServiceWait()) {
                        lost = session.message();
                        session.stop();
                    }
                } else {
                    pausedSince = -1;
                }
            } while (!state.isTerminal());
            if (progress != null) {
                session.removeListener(progress);
            }
            if (state == SessionState.FAILED && session.history().isEmpty() && plan.spec().startStep() > 0) {
                // A resume that failed before its first step has nothing new: the resumed run's results stay as they were.
                err.println("geopinn solve: the resume failed before its first step, " + plan.out() + " is unchanged: "
                        + oneLine(session.message()));
                return 1;
            }
            try {
                services.results().export(session, plan.out(), plan.earlier(), plan.lock());
            } catch (GeopinnException e) {
                err.println("geopinn solve: the results of " + session.history().size() + " steps could not be written, "
                        + plan.out() + " is unchanged: " + oneLine(e.getMessage()));
                return 1;
            }
            if (!plan.quiet()) {
                out.println(session.message());
                out.println("results in " + plan.out());
            }
            if (interrupted.get()) {
                return 130;
            }
            if (lost != null) {
                err.println("geopinn solve: stopped after waiting " + String.format(Locale.ROOT, "%.0f s", plan.lostServiceWait()) + " for what went away: "
                        + oneLine(lost) + "; the results so far are in " + plan.out() + " (--resume continues them)");
                return 1;
            }
            if (state == SessionState.FAILED) {
                err.println("geopinn solve: " + oneLine(session.message()));
                return 1;
            }
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            session.stop();
            return 130;
        } catch (GeopinnException e) {
            err.println("geopinn solve: " + oneLine(e.getMessage()));
            return 1;
        } finally {
            written.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running: it is waiting for this very latch
            }
        }
    }

    private static String chain(SessionSpec s) {
        return String.join(",", s.optimizers().stream().map(OptimizerStage::text).toList());
    }

    /** Longest error line: messages quote user text (ids, operators) and must stay readable. */
    static final int LINE = 1000;

    static String oneLine(String s) {
        return Text.cut(s, LINE);
    }
}

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

/**
 * {@code solve PROBLEM [options]}: trains one session with progress on the console, then writes
 * its results directory. Ctrl-C stops between two steps and still writes complete results.
 */
final class SolveCommand {
    /** Options taking a value; also the keys of a --config file. */
    static final Set<String> VALUED = Set.of("optimizer", "steps", "time-budget", "seed", "hidden", "activation", "points", "out",
            "config", "resume", "weighting", "model", "engine", "sampler", "resample-every", "error-every", "initialization",
            "separate-networks", "scaling", "diagnostics", "diagnostic-every", "problem-config", "time-marching");
    /** Options without a value. */
    static final Set<String> FLAGS = Set.of("quiet");
    /** Steps when neither the command line nor the problem says. */
    static final long DEFAULT_STEPS = 1000;
    /** Error measurements per run when --error-every is not given. */
    static final int ERROR_SAMPLES = 20;

    private final Services services;
    private final PrintStream out;
    private final PrintStream err;
    /** Counted down once the results of the running solve are written (Ctrl-C waits for it). */
    private final CountDownLatch written = new CountDownLatch(1);

    /** A solve ready to run: the spec, where results go and what it continues. */
    record Plan(SessionSpec spec, Path out, ResultWriter.Earlier earlier, boolean quiet, boolean chainChosen) {
        Plan(SessionSpec spec, Path out, ResultWriter.Earlier earlier, boolean quiet) {
            this(spec, out, earlier, quiet, false);
        }
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
        try {
            Plan plan;
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
        Options o = Options.parse(args, VALUED, FLAGS);
        if (o.has("config")) {
            o.addDefaults(Path.of(o.get("config")), VALUED, FLAGS);
        }
        if (o.positional().size() > 1) {
            throw new GeopinnException("solve takes one problem, got " + o.positional());
        }
        String problemId = o.positional().isEmpty() ? null : o.positional().get(0);
        if (problemId == null && !o.has("resume")) {
            throw new GeopinnException("which problem? usage: solve PROBLEM [options]; see ./geopinn list");
        }
        // Check the numbers before waiting for services: a typo fails at once.
        long steps = o.longValue("steps", 0, 1);
        double budget = o.nonNegative("time-budget", 0);
        long seed = o.longValue("seed", 0, Long.MIN_VALUE);
        int[] hidden = o.widths("hidden");
        int resampleEvery = (int) o.longValue("resample-every", 0, 0);
        int diagnosticEvery = (int) o.longValue("diagnostic-every", 0, 0);
        int windows = timeWindows(o);
        if (o.has("optimizer")) {
            OptimizerStage.parseChain(o.get("optimizer"));
        }
        Map<String, String> settings = o.has("problem-config") ? ProblemSettings.parse(o.get("problem-config")) : Map.of();
        services.awaitReady();

        SessionSpec.Builder b;
        Path resumeDir = o.has("resume") ? Path.of(o.get("resume")).toAbsolutePath() : null;
        ResultWriter.Earlier earlier = ResultWriter.Earlier.NONE;
        Problem problem;
        long startStep = 0;
        if (resumeDir != null) {
            RunRecord rec = RunRecord.read(resumeDir);
            if (problemId != null && !problemId.equals(rec.problem())) {
                throw new GeopinnException("--resume " + resumeDir + " holds a run of '" + rec.problem() + "', not of '" + problemId + "'");
            }
            problemId = rec.problem();
            checkSameModel(o, rec);
            Map<String, String> all = new LinkedHashMap<>(rec.problemSettings());
            all.putAll(settings); // the recorded coefficients, unless the command line changes them
            problem = configured(problemId, all);
            b = rec.session().toBuilder();
            b.initialParameters(ParameterFile.read(resumeDir.resolve(ResultWriter.PARAMETERS)).values());
            b.initialOptimizerState(readState(resumeDir.resolve(ResultWriter.OPTIMIZER_STATE)));
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
            }
        } else {
            problem = configured(problemId, settings);
            b = SessionSpec.builder(problemId).maxSteps(steps);
            b.model(o.get("model")).hidden(hidden).activation(o.get("activation")).initialization(o.get("initialization"));
            if (o.has("separate-networks")) {
                b.separateNetworks(Boolean.parseBoolean(o.get("separate-networks")));
            }
        }
        b.seed(seed);
        if (o.has("optimizer")) {
            b.optimizers(o.get("optimizer"));
        }
        if (o.has("weighting")) {
            OptimizerStage w = weighting(o.get("weighting"));
            b.weighting(w.optimizerId()).weightingSettings(w.settings());
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
        if (o.has("diagnostics")) {
            b.diagnostics(List.of(o.get("diagnostics").split(","))).diagnosticEvery(diagnosticEvery);
        }
        if (o.has("time-marching")) {
            b.timeWindows(windows);
        }
        b.timeBudgetSeconds(budget);
        long total = resumeDir != null ? b.build().maxSteps() : steps > 0 ? steps : defaultSteps(problem);
        b.errorEvery((int) o.longValue("error-every", Math.max(1, total / ERROR_SAMPLES), 0));
        Path outDir = o.has("out") ? Path.of(o.get("out")).toAbsolutePath()
                : resumeDir != null ? resumeDir
                : services.home().resolve("runs").resolve(problemId + "-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
        AtomicFiles.requireWritableDirectory(outDir);
        @SuppressWarnings("deprecation") // a third-party problem may still name its optimizer
        boolean chosen = resumeDir == null && !o.has("optimizer") && !problem.defaults().containsKey(ProblemDefaults.OPTIMIZER);
        return new Plan(b.build(), outDir, earlier, o.flag("quiet"), chosen);
    }

    private Problem configured(String id, Map<String, String> settings) {
        Problem p = requireProblem(id);
        return settings.isEmpty() ? p : services.configureProblem(id, settings);
    }

    private Problem requireProblem(String id) {
        return services.problem(id).orElseThrow(() -> new GeopinnException("unknown problem '" + id + "'; known: "
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
        same(o, "separate-networks", Boolean.toString(rec.spec().separateNetworks()));
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
            throw new GeopinnException("cannot read " + file + ": " + e.getMessage());
        }
    }

    /**
     * @param text {@code id} or {@code id(key=value;key=value)}, the form of one optimizer stage
     * @return the weighting id and its settings
     */
    static OptimizerStage weighting(String text) {
        List<OptimizerStage> parsed;
        try {
            parsed = OptimizerStage.parseChain(text);
        } catch (GeopinnException e) {
            throw new GeopinnException("--weighting: " + e.getMessage().replace("optimizer stage", "'" + text.trim() + "':"));
        }
        if (parsed.size() != 1 || parsed.get(0).steps() != 0) {
            throw new GeopinnException("--weighting: '" + text.trim() + "' is not ID or ID(key=value;…), e.g. gradnorm(max_weight=100)");
        }
        return parsed.get(0);
    }

    /** @return the windows of {@code --time-marching K}: 0 or 1 for none, else at least 2 */
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
                        + ", model " + s.modelId() + " "
                        + join(s.hidden()) + " " + s.activation() + ", " + session.model().parameterCount() + " parameters, seed "
                        + s.seed() + (s.startStep() > 0 ? ", resuming at step " + s.startStep() : ""));
                progress = new ProgressPrinter(out, services.terminal(), session.conditionNames(), s.startStep(), s.maxSteps(),
                        s.timeBudgetSeconds(), plan.earlier().seconds());
                session.addListener(progress);
                var last = session.lastEvent();
                if (last != null && last.kind() == org.geopinn.api.session.TrainingEvent.Kind.ENDED) {
                    progress.onEvent(last); // it ended before the listener was added
                }
            }
            SessionState state;
            do {
                state = session.await(Duration.ofSeconds(1));
            } while (!state.isTerminal());
            if (progress != null) {
                session.removeListener(progress);
            }
            services.results().export(session, plan.out(), plan.earlier());
            if (!plan.quiet()) {
                out.println(session.message());
                out.println("results in " + plan.out());
            }
            if (interrupted.get()) {
                return 130;
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

    static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s*\\R\\s*", " ");
    }
}

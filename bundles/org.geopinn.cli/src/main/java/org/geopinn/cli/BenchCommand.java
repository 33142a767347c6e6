package org.geopinn.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.geopinn.api.GeopinnException;
import org.geopinn.api.problem.Problem;
import org.geopinn.api.session.OptimizerStage;
import org.geopinn.api.session.Session;
import org.geopinn.api.session.SessionSpec;
import org.geopinn.api.session.SessionState;
import org.geopinn.api.session.TrainingEvent;

/**
 * {@code bench [--suite NAME] [--seeds N] [--budget SECONDS]}: runs a suite of problems ×
 * optimizers × seeds, each with a time budget, writes every run's results directory under
 * {@code runs/bench-SUITE-TIMESTAMP/}, a CSV of all runs in {@code docs/benchmarks-SUITE.csv} and
 * the suite's section of {@code docs/BENCHMARKS.md}, with the published figures beside ours.
 *
 * <p>An optimizer of a suite is an id (run with the settings the problem's recipe gives it, see
 * {@link Recipe}), {@value #DEFAULT} (the engine's default strategy, no recipe) or {@value #RECIPE}
 * (the problem's whole recipe). Suite {@value #GENERALITY} runs the default strategy on every
 * installed problem and on the problems declared in {@value #CHECK_PROBLEMS}.
 */
final class BenchCommand {
    /**
     * A target: a relative L2 error to reach within a training time.
     *
     * @param error the relative L2 error to reach
     * @param seconds within this much training time
     */
    record Target(double error, double seconds) {
    }

    /**
     * One problem of a suite.
     *
     * @param problem the problem id
     * @param config the problem's settings for these runs (e.g. its coupling), empty for its defaults
     * @param optimizers the optimizers to run on it
     * @param budget training seconds per run
     * @param steps steps per run, 0 for as many as the budget allows (a fixed count compares final errors
     *        independently of the machine's speed)
     * @param maxSeeds at most this many seeds, whatever {@code --seeds} says (for the expensive problems)
     * @param targets what a run should reach, empty when the problem has no target
     */
    record Entry(String problem, Map<String, String> config, List<String> optimizers, double budget, long steps, int maxSeeds,
            List<Target> targets) {
        /** A problem on its defaults, limited by time alone. */
        Entry(String problem, List<String> optimizers, double budget, int maxSeeds, List<Target> targets) {
            this(problem, Map.of(), optimizers, budget, 0, maxSeeds, targets);
        }

        /** @return the problem id, with its settings when it has any */
        String label() {
            return config.isEmpty() ? problem : problem + " " + settingsText(config);
        }
    }

    /** A suite: problems × optimizer chains with a time budget per run and a default seed count. */
    record Suite(String name, List<Entry> entries, int seeds, String purpose) {
        /** The tables find a run's entry by its label: two entries with one label would mix their targets. */
        Suite {
            if (entries.stream().map(Entry::label).distinct().count() != entries.size()) {
                throw new IllegalArgumentException("suite " + name + " has two entries with the same label");
            }
        }
    }

    /** The suites; "standard" is the default. */
    static final Map<String, Suite> SUITES = suites();

    /**
     * Best published relative L2 errors (shared/ALGORITHMS.md: float64, GPU, minutes of budget),
     * by problem and optimizer family, shown beside ours.
     */
    static final Map<String, Map<String, Double>> PUBLISHED = published();

    /** An entry's seed cap meaning "as many as the suite runs". */
    private static final int ALL_SEEDS = Integer.MAX_VALUE;

    /** Steps per run of the coupling suite (the coupling study compares final-epoch errors). */
    private static final long COUPLING_STEPS = 2000;
    /** Training seconds of a coupled 1-D system under the default strategy: the problems' own time budget. */
    private static final double COUPLED_BUDGET = 300;

    /** The optimizer entry that leaves the chain to the engine's default strategy. */
    static final String DEFAULT = "default";
    /** The optimizer entry that runs the problem's whole recipe. */
    static final String RECIPE = "recipe";
    /** The suite built at run time from the installed problems. */
    static final String GENERALITY = "generality";
    /** Problems written only for the generality check, declared in files (docs/PROBLEMS.md). */
    static final String CHECK_PROBLEMS = "benchmarks/problems";
    /** Training seconds per run of the generality suite. */
    static final double GENERALITY_BUDGET = 120;
    /** The accuracy the defaults should reach on a well-posed PDE they have never seen. */
    static final double GENERALITY_TARGET = 1e-4;

    /** First-order optimizers take thousands of cheap steps: their error is checked less often. */
    private static final Set<String> FIRST_ORDER = Set.of("gd", "adam", "soap", "lbfgs");

    private final Services services;
    private final PrintStream out;
    private final PrintStream err;

    BenchCommand(Services services, PrintStream out, PrintStream err) {
        this.services = services;
        this.out = out;
        this.err = err;
    }

    private static Map<String, Suite> suites() {
        Map<String, Suite> m = new LinkedHashMap<>();
        List<Target> laplace = List.of(new Target(1e-6, 10), new Target(1e-8, 60));
        m.put("smoke", new Suite("smoke", List.of(new Entry("laplace2d", List.of("adam", "anagram"), 10, ALL_SEEDS, laplace)), 1,
                "a one-minute check that the whole pipeline works"));
        List<String> four = List.of("adam", "lbfgs", "anagram", "engd");
        m.put("standard", new Suite("standard", List.of(
                new Entry("laplace2d", four, 60, ALL_SEEDS, laplace),
                new Entry("heat", four, 60, ALL_SEEDS, List.of(new Target(1e-5, 120))),
                new Entry("poisson1d", four, 60, ALL_SEEDS, List.of(new Target(1e-6, 60)))), 2,
                "the ANaGRAM paper's anchors that fit a laptop CPU"));
        m.put("targets", new Suite("targets", List.of(
                new Entry("laplace2d", List.of("anagram", "engd", "adam"), 60, ALL_SEEDS, laplace),
                new Entry("heat", List.of("anagram", "adam"), 120, ALL_SEEDS, List.of(new Target(1e-5, 120))),
                new Entry("poisson1d", List.of("anagram", "adam"), 30, ALL_SEEDS, List.of(new Target(1e-6, 30))),
                new Entry("biharmonic1d", List.of("anagram", "adam"), 30, ALL_SEEDS, List.of(new Target(1e-6, 30))),
                new Entry("burgers", List.of("anagram", "adam"), 120, 3, List.of(new Target(1e-3, 120))),
                new Entry("allen-cahn", List.of("anagram", "adam"), 120, 3, List.of(new Target(1e-2, 120))),
                new Entry("laplace5d", List.of("anagram"), 300, 1, List.of(new Target(1e-5, 300)))), 5,
                "the accuracy targets on this machine (best optimizer per problem, Adam beside it)"));
        m.put("laplace5d", new Suite("laplace5d", List.of(
                new Entry("laplace5d", List.of("anagram"), 300, ALL_SEEDS, List.of(new Target(1e-5, 300)))), 5,
                "the 5-D Laplace target over every seed (the targets suite runs one)"));
        // The coupling study: final error after a fixed number of steps, weak against strong coupling.
        m.put("coupling", new Suite("coupling", List.of(
                coupled("thermoelastic1d", "gamma", "0.1"), coupled("thermoelastic1d", "gamma", "10"),
                coupled("reaction-diffusion1d", "coupling", "0.1"), coupled("reaction-diffusion1d", "coupling", "10"),
                coupled("npp1d", "zeta", "0.5"), coupled("npp1d", "zeta", "2.5")), 3,
                "the coupling study's coupled 1-D systems, weak against strong coupling, SOAP and Adam both with gradient-norm weighting"));
        // The same pairs under the default strategy (no recipe), within the problems' own time budget.
        m.put("coupling-default", new Suite("coupling-default", List.of(
                coupledDefault("thermoelastic1d", "gamma", "0.1"), coupledDefault("thermoelastic1d", "gamma", "10"),
                coupledDefault("reaction-diffusion1d", "coupling", "0.1"), coupledDefault("reaction-diffusion1d", "coupling", "10"),
                coupledDefault("npp1d", "zeta", "0.5"), coupledDefault("npp1d", "zeta", "2.5")), 1,
                "the coupling study's pairs under the default strategy (no recipe), the problems' own 300 s budget"));
        // The nonlinear time-dependent benchmarks under the default strategy, a first-order peer beside.
        m.put("nonlinear", new Suite("nonlinear", List.of(
                new Entry("burgers", List.of(DEFAULT, RECIPE), 600, ALL_SEEDS, List.of(new Target(1e-4, 600), new Target(1e-5, 600))),
                new Entry("allen-cahn", List.of(DEFAULT, "adam"), 900, ALL_SEEDS, List.of(new Target(1e-3, 900), new Target(1e-4, 900)))), 5,
                "burgers and allen-cahn with the default strategy (no recipe), Adam (+ L-BFGS where a recipe names it) beside"));
        // The smooth linear anchors under the default strategy: the accuracy the rule must reach on them.
        m.put("linear", new Suite("linear", List.of(
                new Entry("laplace2d", List.of(DEFAULT), 60, ALL_SEEDS, List.of(new Target(1e-6, 60), new Target(1e-8, 60))),
                new Entry("heat", List.of(DEFAULT), 120, ALL_SEEDS, List.of(new Target(1e-5, 120), new Target(1e-6, 120))),
                new Entry("laplace5d", List.of(DEFAULT), 300, ALL_SEEDS, List.of(new Target(1e-5, 300), new Target(1e-6, 300)))), 5,
                "the smooth linear anchors of the ANaGRAM paper with the default strategy (no recipe)"));
        m.put("anchors", new Suite("anchors", List.of("laplace2d", "heat", "laplace5d", "allen-cahn").stream()
                .map(p -> new Entry(p, List.of("adam", "lbfgs", "soap", "anagram", "engd"), 300, ALL_SEEDS, List.<Target>of())).toList(), 3,
                "every published anchor, long budgets"));
        return m;
    }

    /** An entry of the coupling suite: SOAP and Adam (each with the problem's gradient-norm weighting), 2000 steps. */
    private static Entry coupled(String problem, String setting, String value) {
        return new Entry(problem, Map.of(setting, value), List.of("soap", "adam"), 1800, COUPLING_STEPS, ALL_SEEDS, List.of());
    }

    /**
     * An entry of the coupling-default suite: the default strategy's chain (with the problem's
     * gradient-norm weighting) for the problems' own time budget.
     */
    private static Entry coupledDefault(String problem, String setting, String value) {
        return new Entry(problem, Map.of(setting, value), List.of(DEFAULT), COUPLED_BUDGET, 0, ALL_SEEDS, List.of());
    }

    /** @return {@code name=value;…}, the form a CSV cell and a table label can hold */
    static String settingsText(Map<String, String> config) {
        return String.join(";", new java.util.TreeMap<>(config).entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList());
    }

    private static Map<String, Map<String, Double>> published() {
        Map<String, Map<String, Double>> m = new LinkedHashMap<>();
        m.put("laplace2d", Map.of("engd", 6e-8, "anagram", 6e-8, "adam", 1e-4, "lbfgs", 2e-4));
        m.put("heat", Map.of("engd", 3e-8, "anagram", 3e-8, "adam", 1e-4, "lbfgs", 2e-4));
        m.put("laplace5d", Map.of("engd", 6e-8, "anagram", 6e-8, "adam", 1e-4, "lbfgs", 2e-4));
        m.put("allen-cahn", Map.of("soap", 3e-6));
        return m;
    }

    /** One finished run. */
    record Run(String problem, String label, String optimizer, long seed, long steps, double seconds, double loss, double relL2, String state,
            Path dir, double[] reached) {
    }

    int run(List<String> args) {
        Options o = Options.parse(args, Set.of("suite", "seeds", "budget", "optimizer", "stop-at"), Set.of());
        if (!o.positional().isEmpty()) {
            throw new GeopinnException("bench takes options only, got " + o.positional());
        }
        String name = o.has("suite") ? o.get("suite") : "standard";
        Suite named = SUITES.get(name);
        if (named == null && !GENERALITY.equals(name)) {
            throw new GeopinnException("unknown suite '" + name + "'; suites are " + String.join(", ", SUITES.keySet()) + ", " + GENERALITY);
        }
        int seeds = (int) o.longValue("seeds", named != null ? named.seeds() : 1, 1);
        Double budgetOverride = o.has("budget") ? o.nonNegative("budget", 0) : null;
        if (budgetOverride != null && budgetOverride <= 0) {
            throw new GeopinnException("--budget must be positive");
        }
        String only = o.has("optimizer") ? o.get("optimizer") : null;
        double stopAt = o.has("stop-at") ? o.nonNegative("stop-at", 0) : 0;
        services.awaitReady();
        Suite suite = named != null ? named : generality();
        if (only != null) {
            suite = only(suite, only);
        }
        for (Entry e : suite.entries()) {
            if (services.problem(e.problem()).isEmpty()) {
                throw new GeopinnException("suite " + name + " needs problem '" + e.problem() + "', which is not installed");
            }
        }
        Path root = services.home().resolve("runs").resolve("bench-" + name + "-"
                + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
        List<Run> runs = new ArrayList<>();
        String command = "./geopinn bench --suite " + name + " --seeds " + seeds + (o.has("budget") ? " --budget " + o.get("budget") : "")
                + (only != null ? " --optimizer " + only : "") + (stopAt > 0 ? " --stop-at " + o.get("stop-at") : "");
        int total = suite.entries().stream().mapToInt(e -> e.optimizers().size() * Math.min(seeds, e.maxSeeds())).sum();
        int index = 0;
        for (Entry e : suite.entries()) {
            double budget = budgetOverride != null ? budgetOverride : e.budget();
            for (String optimizer : e.optimizers()) {
                for (long seed = 0; seed < Math.min(seeds, e.maxSeeds()); seed++) {
                    index++;
                    out.printf(Locale.ROOT, "[%d/%d] %s %s seed %d (%s)%n", index, total, e.label(), optimizer, seed, limit(e, budget));
                    try {
                        if (!e.config().isEmpty()) {
                            services.configureProblem(e.problem(), e.config());
                        }
                        Run r = runOne(e, optimizer, seed, budget, stopAt, root);
                        runs.add(r);
                        out.printf(Locale.ROOT, "        %d steps, loss %.3e, rel_l2 %s%n", r.steps(), r.loss(), sci(r.relL2()));
                    } catch (GeopinnException ex) {
                        err.println("        skipped: " + SolveCommand.oneLine(ex.getMessage()));
                    }
                    // written after every run, so a suite stopped half-way keeps what it measured
                    writeTables(suite, budgetOverride, seeds, command, runs, stopAt);
                }
            }
        }
        out.println("wrote docs/BENCHMARKS.md, docs/benchmarks-" + name + ".csv and the runs in " + root);
        return 0;
    }

    /**
     * The generality suite: the default strategy, no recipe, on every installed problem and on the
     * problems declared in {@value #CHECK_PROBLEMS}, one seed, {@value #GENERALITY_BUDGET} s each.
     */
    private Suite generality() {
        List<Entry> entries = new ArrayList<>();
        List<Target> target = List.of(new Target(GENERALITY_TARGET, GENERALITY_BUDGET));
        services.catalog().entries().getOrDefault("problems", List.of()).stream().map(e -> e.id()).sorted()
                .forEach(id -> entries.add(new Entry(id, List.of(DEFAULT), GENERALITY_BUDGET, 1, target)));
        Path folder = services.home().resolve(CHECK_PROBLEMS);
        if (Files.isDirectory(folder)) {
            try (var files = Files.list(folder)) {
                for (Path f : files.filter(f -> f.toString().endsWith(".cfg")).sorted().toList()) {
                    Problem p = services.declareProblem(f);
                    if (entries.stream().noneMatch(e -> e.problem().equals(p.id()))) {
                        entries.add(new Entry(p.id(), List.of(DEFAULT), GENERALITY_BUDGET, 1, target));
                    }
                }
            } catch (IOException e) {
                throw new GeopinnException("cannot list " + folder + ": " + e.getMessage());
            }
        }
        return new Suite(GENERALITY, entries, 1, "the default strategy, no recipe, on every problem and on PDEs written only "
                + "for this check (" + CHECK_PROBLEMS + "/)");
    }

    /**
     * @param problem a problem id
     * @param optimizer an optimizer id, {@value #DEFAULT} or {@value #RECIPE}
     * @param b the spec being built
     * @return the builder with the optimizer applied: an id as a one-stage chain with the settings
     *         the problem's recipe gives it (e.g. ANaGRAM's cut-off), plain when it names none
     */
    private SessionSpec.Builder optimizer(String problem, String optimizer, SessionSpec.Builder b) {
        if (DEFAULT.equals(optimizer)) {
            return b;
        }
        Optional<Recipe> recipe = Recipe.read(services.home(), problem);
        if (RECIPE.equals(optimizer)) {
            return recipe.orElseThrow(() -> new GeopinnException("problem '" + problem + "' has no recipe in " + Recipe.FOLDER)).apply(b);
        }
        Map<String, String> settings = recipe.map(r -> r.settingsOf(optimizer)).orElse(Map.of());
        b.optimizers(new OptimizerStage(optimizer, 0, settings).text());
        recipe.filter(r -> r.weighting() != null)
                .ifPresent(r -> b.weighting(r.weighting().id()).weightingSettings(r.weighting().settings()));
        return b;
    }

    private Run runOne(Entry entry, String optimizer, long seed, double budget, double stopAt, Path root) {
        String problem = entry.problem();
        // Errors are measured outside the timed part of a step; second-order steps are few and
        // expensive, so each is checked, first-order ones every 50 steps.
        int errorEvery = entry.targets().isEmpty() ? 0 : FIRST_ORDER.contains(optimizer) ? 50 : DEFAULT.equals(optimizer) ? 10 : 1;
        SessionSpec spec = optimizer(problem, optimizer, SessionSpec.builder(problem)).seed(seed).timeBudgetSeconds(budget)
                .maxSteps(entry.steps() > 0 ? entry.steps() : 10_000_000).errorEvery(errorEvery).build();
        Session s = services.training().start(spec);
        try {
            SessionState state;
            do {
                state = s.await(Duration.ofSeconds(1));
                if (!state.isTerminal() && stopAt > 0 && reachedError(s.history(), stopAt)) {
                    s.stop();
                }
            } while (!state.isTerminal());
        } catch (InterruptedException e) {
            s.stop();
            Thread.currentThread().interrupt();
            throw new GeopinnException("interrupted");
        }
        Path dir = root.resolve(entry.label().replace(' ', '-').replace(';', '-') + "-" + optimizer + "-s" + seed);
        services.results().export(s, dir);
        List<TrainingEvent> h = s.history();
        TrainingEvent last = h.isEmpty() ? null : h.get(h.size() - 1);
        String shown = DEFAULT.equals(optimizer) || RECIPE.equals(optimizer) ? optimizer + ": " + chosen(s.spec()) : optimizer;
        return new Run(problem, entry.label(), shown, seed, last == null ? 0 : last.step(), last == null ? 0 : last.seconds(),
                last == null ? Double.NaN : last.loss(), last == null ? Double.NaN : last.relativeL2(),
                s.state().name().toLowerCase(Locale.ROOT), dir, reached(h, entry.targets()));
    }

    /** @return whether the latest measured relative L2 error is at most {@code error} */
    private static boolean reachedError(List<TrainingEvent> history, double error) {
        for (int i = history.size() - 1; i >= 0; i--) {
            double e = history.get(i).relativeL2();
            if (!Double.isNaN(e)) {
                return e <= error;
            }
        }
        return false;
    }

    /**
     * @return the suite with only the chains named {@code optimizer} (e.g. {@value #DEFAULT}), its
     *         entries without that chain left out
     */
    static Suite only(Suite suite, String optimizer) {
        List<Entry> kept = suite.entries().stream().filter(e -> e.optimizers().contains(optimizer))
                .map(e -> new Entry(e.problem(), e.config(), List.of(optimizer), e.budget(), e.steps(), e.maxSeeds(), e.targets())).toList();
        if (kept.isEmpty()) {
            throw new GeopinnException("suite " + suite.name() + " runs no chain '" + optimizer + "'; it runs "
                    + String.join(", ", suite.entries().stream().flatMap(e -> e.optimizers().stream()).distinct().toList()));
        }
        return new Suite(suite.name(), kept, suite.seeds(), suite.purpose());
    }

    /** @return the chain a session ran, with its weighting and time marching when not the plain ones */
    static String chosen(SessionSpec spec) {
        return String.join(" → ", spec.optimizers().stream().map(OptimizerStage::text).toList())
                + (spec.weightingId() != null && !"fixed".equals(spec.weightingId()) ? " + " + spec.weightingId() : "")
                + (spec.timeWindows() > 1 ? " + " + spec.timeWindows() + " time windows" : "");
    }

    /**
     * @return per target, the training seconds of the first event whose relative L2 error is at
     *         most the target's, or NaN when no event reached it
     */
    static double[] reached(List<TrainingEvent> history, List<Target> targets) {
        double[] at = new double[targets.size()];
        Arrays.fill(at, Double.NaN);
        for (TrainingEvent e : history) {
            for (int i = 0; i < at.length; i++) {
                if (Double.isNaN(at[i]) && e.relativeL2() <= targets.get(i).error()) {
                    at[i] = e.seconds();
                }
            }
        }
        return at;
    }

    private void writeTables(Suite suite, Double budgetOverride, int seeds, String command, List<Run> runs, double stopAt) {
        writeCsv(suite, runs, services.home().resolve("docs").resolve("benchmarks-" + suite.name() + ".csv"));
        writeMarkdown(suite, budgetOverride, seeds, command, runs, stopAt, services.home().resolve("docs").resolve("BENCHMARKS.md"));
    }

    private static void writeCsv(Suite suite, List<Run> runs, Path file) {
        StringBuilder b = new StringBuilder("problem,problem_config,optimizer,seed,steps,seconds,loss,rel_l2,state,seconds_to_targets\n");
        for (Run r : runs) {
            StringBuilder to = new StringBuilder();
            Entry e = entry(suite, r.label());
            List<Target> targets = e.targets();
            for (int i = 0; i < targets.size(); i++) {
                to.append(i == 0 ? "" : ";").append(sci(targets.get(i).error())).append('@')
                        .append(Double.isNaN(r.reached()[i]) ? "-" : String.format(Locale.ROOT, "%.2f", r.reached()[i]));
            }
            b.append(String.join(",", r.problem(), settingsText(e.config()), r.optimizer(), Long.toString(r.seed()), Long.toString(r.steps()),
                    Double.toString(r.seconds()), HistoryTable.number(r.loss()), HistoryTable.number(r.relL2()), r.state(), to))
                    .append('\n');
        }
        mkdirs(file.getParent());
        AtomicFiles.writeText(file, b.toString());
    }

    private static Entry entry(Suite suite, String label) {
        return suite.entries().stream().filter(e -> e.label().equals(label)).findFirst().orElseThrow();
    }

    private static String limit(Entry e, double budget) {
        return e.steps() > 0 ? e.steps() + " steps" : fmt(budget) + " s";
    }

    /**
     * The verdict on one target over a group of runs: met when the median run reaches the error
     * within the time (at least half the runs do).
     */
    static String verdict(List<Run> runs, int target, Target t) {
        return verdict(runs, target, t, 0);
    }

    /**
     * The verdict on one target when the runs ended at the error {@code stopAt} ({@code --stop-at};
     * 0 when they did not): a target below it was not measured, whatever the runs reached.
     */
    static String verdict(List<Run> runs, int target, Target t, double stopAt) {
        if (stopAt > t.error()) {
            return String.format(Locale.ROOT, "≤ %s in %s s: not measured (the runs stopped at ≤ %s)", sci(t.error()), fmt(t.seconds()),
                    sci(stopAt));
        }
        double[] times = runs.stream().mapToDouble(r -> Double.isNaN(r.reached()[target]) ? Double.POSITIVE_INFINITY : r.reached()[target])
                .sorted().toArray();
        long within = Arrays.stream(times).filter(x -> x <= t.seconds()).count();
        double median = median(times);
        String when = Double.isInfinite(median) ? "median not reached" : String.format(Locale.ROOT, "median %.1f s", median);
        return String.format(Locale.ROOT, "≤ %s in %s s: %d of %d, %s — **%s**", sci(t.error()), fmt(t.seconds()), within, runs.size(),
                when, median <= t.seconds() ? "met" : "missed");
    }

    private void writeMarkdown(Suite suite, Double budgetOverride, int seeds, String command, List<Run> runs, double stopAt, Path file) {
        StringBuilder s = new StringBuilder();
        s.append("<!-- suite:").append(suite.name()).append(" -->\n");
        s.append("## Suite `").append(suite.name()).append("`: ").append(suite.purpose()).append("\n\n");
        s.append("Command: `").append(command).append("` — ").append(LocalDateTime.now().withNano(0)).append(", ").append(machine())
                .append(". Each run: the problem's default model, the optimizer with the settings the problem's recipe ")
                .append("gives it (else its own defaults; `default`: the default strategy's chain, no recipe), a training-time budget or a step count (")
                .append(budgetOverride == null ? "per problem, below" : fmt(budgetOverride) + " s").append("), seeds 0…")
                .append(seeds - 1).append(" (fewer where the table says so). Training time excludes the error checks (every step of a ")
                .append("second-order optimizer, every 50 steps of a first-order one). All runs: `docs/benchmarks-").append(suite.name())
                .append(".csv`.\n\n");
        s.append("| problem | optimizer | budget | runs | median steps | median s | median rel. L2 | best rel. L2 | published | targets (runs reaching it in time, median time to it) |\n");
        s.append("|---|---|---|---|---|---|---|---|---|---|\n");
        Map<String, List<Run>> groups = new LinkedHashMap<>();
        runs.forEach(r -> groups.computeIfAbsent(r.label() + " " + r.optimizer(), k -> new ArrayList<>()).add(r));
        groups.forEach((key, list) -> {
            Run first = list.get(0);
            Entry e = entry(suite, first.label());
            double[] errors = list.stream().mapToDouble(Run::relL2).filter(x -> !Double.isNaN(x)).sorted().toArray();
            double median = median(errors);
            double best = errors.length == 0 ? Double.NaN : errors[0];
            double steps = median(list.stream().mapToDouble(Run::steps).sorted().toArray());
            double seconds = median(list.stream().mapToDouble(Run::seconds).sorted().toArray());
            Double pub = PUBLISHED.getOrDefault(first.problem(), Map.of()).get(first.optimizer().replaceFirst("[:(].*", ""));
            List<String> verdicts = new ArrayList<>();
            for (int i = 0; i < e.targets().size(); i++) {
                verdicts.add(verdict(list, i, e.targets().get(i), stopAt));
            }
            s.append("| ").append(first.label()).append(" | ").append(first.optimizer()).append(" | ")
                    .append(limit(e, budgetOverride != null ? budgetOverride : e.budget())).append(" | ").append(list.size())
                    .append(" | ").append(String.format(Locale.ROOT, "%.0f", steps)).append(" | ")
                    .append(String.format(Locale.ROOT, "%.1f", seconds)).append(" | ").append(sci(median)).append(" | ")
                    .append(sci(best)).append(" | ").append(pub == null ? "—" : sci(pub)).append(" | ")
                    .append(verdicts.isEmpty() ? "—" : String.join("; ", verdicts)).append(" |\n");
        });
        s.append(couplingRatios(suite, runs));
        s.append("\nPublished: best relative L2 errors reported with float64 on a GPU and minutes of budget "
                + "(shared/ALGORITHMS.md: ENGD 6e-8 on 2-D Laplace, 3e-8 on heat, 6e-8 on 5-D Laplace; Adam about 1e-4 and "
                + "L-BFGS about 2e-4 on the same problems; Allen–Cahn 3e-6 with SOAP). ANaGRAM rows are held to the ENGD figure.\n");
        s.append("<!-- /suite:").append(suite.name()).append(" -->\n");
        mkdirs(file.getParent());
        String text;
        try {
            text = Files.isRegularFile(file) ? Files.readString(file, StandardCharsets.UTF_8)
                    : "# Benchmarks\n\nWritten by `./geopinn bench` (see docs/CLI.md); one section per suite, replaced when the suite runs again.\n\n";
        } catch (IOException e) {
            throw new GeopinnException("cannot read " + file + ": " + e.getMessage());
        }
        String open = "<!-- suite:" + suite.name() + " -->";
        String close = "<!-- /suite:" + suite.name() + " -->\n";
        int a = text.indexOf(open);
        int b = text.indexOf(close);
        text = a >= 0 && b > a ? text.substring(0, a) + s + text.substring(b + close.length()) : text + "\n" + s;
        AtomicFiles.writeText(file, text);
    }

    /**
     * The coupling study's measure: for a problem run under two settings (weak, then strong coupling), the
     * ratio of the median final errors, strong over weak, per optimizer.
     *
     * @return the lines, empty when no problem of the suite runs under two settings
     */
    static String couplingRatios(Suite suite, List<Run> runs) {
        StringBuilder s = new StringBuilder();
        Map<String, List<Entry>> byProblem = new LinkedHashMap<>();
        suite.entries().stream().filter(e -> !e.config().isEmpty())
                .forEach(e -> byProblem.computeIfAbsent(e.problem(), k -> new ArrayList<>()).add(e));
        byProblem.forEach((problem, entries) -> {
            if (entries.size() < 2) {
                return;
            }
            Entry weak = entries.get(0);
            Entry strong = entries.get(entries.size() - 1);
            for (String optimizer : weak.optimizers()) {
                double a = medianError(runs, weak, optimizer);
                double b = medianError(runs, strong, optimizer);
                if (Double.isNaN(a) || Double.isNaN(b)) {
                    continue;
                }
                s.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | **%.2f×** |%n", problem, optimizer,
                        settingsText(weak.config()) + " → " + settingsText(strong.config()), sci(a), sci(b), b / a));
            }
        });
        return s.isEmpty() ? "" : "\nStrong against weak coupling (median final relative L2; the coupling study, 2026: SOAP + gradient-norm weighting "
                + "stays within 1.1×, Adam + gradient-norm weighting degrades by more than 100×):\n\n"
                + "| problem | optimizer | settings | weak | strong | ratio |\n|---|---|---|---|---|---|\n" + s;
    }

    private static double medianError(List<Run> runs, Entry e, String optimizer) {
        // a default or recipe run is shown with its chain ("default: lm(…)")
        return median(runs.stream().filter(r -> r.label().equals(e.label())
                && (r.optimizer().equals(optimizer) || r.optimizer().startsWith(optimizer + ": "))).mapToDouble(Run::relL2)
                .filter(x -> !Double.isNaN(x)).sorted().toArray());
    }

    private static void mkdirs(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new GeopinnException("cannot create " + dir + ": " + e.getMessage());
        }
    }

    private static double median(double[] sorted) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : 0.5 * (sorted[n / 2 - 1] + sorted[n / 2]);
    }

    private static String sci(double v) {
        return Double.isNaN(v) ? "—" : String.format(Locale.ROOT, "%.2e", v);
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }

    private static String machine() {
        String cpu = "unknown CPU";
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    cpu = line.substring(line.indexOf(':') + 1).trim();
                    break;
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: keep the generic name
        }
        String load = "";
        try {
            load = ", load average " + Files.readString(Path.of("/proc/loadavg")).split(" ")[0] + " at the end";
        } catch (IOException | RuntimeException e) {
            // not Linux
        }
        return cpu + ", " + Runtime.getRuntime().availableProcessors() + " cores, Java " + System.getProperty("java.version") + ", "
                + System.getProperty("os.name") + load;
    }
}

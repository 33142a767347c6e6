package org.geopinn.cli;

import static org.geopinn.cli.BenchSuites.DEFAULT;
import static org.geopinn.cli.BenchSuites.RECIPE;
import static org.geopinn.cli.BenchSuites.SUITES;
import static org.geopinn.cli.BenchSuites.only;
import static org.geopinn.cli.BenchTables.limit;
import static org.geopinn.cli.BenchTables.sci;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
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
import org.geopinn.cli.BenchSuites.Entry;
import org.geopinn.cli.BenchSuites.Suite;
import org.geopinn.cli.BenchSuites.Target;
import org.geopinn.cli.BenchTables.Run;

/**
 * {@code bench [--suite NAME] [--seeds N] [--budget SECONDS]}: runs a suite of problems ×
 * optimizers × seeds, each with a time budget, writes every run's results directory under
 * {@code runs/bench-SUITE-TIMESTAMP/}, a CSV of all runs in {@code docs/benchmarks-SUITE.csv} and
 * the suite's section of {@code docs/BENCHMARKS.md}, with the published figures beside ours.
 *
 * <p>An optimizer of a suite is an id (run with the settings the problem's recipe gives it, see
 * {@link Recipe}), {@value BenchSuites#DEFAULT} (the engine's default strategy, no recipe) or {@value BenchSuites#RECIPE}
 * (the problem's whole recipe). Suite {@value #GENERALITY} runs the default strategy on every
 * installed problem and on the problems declared in {@value #CHECK_PROBLEMS}.
 */
final class BenchCommand {
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
                    BenchTables.write(services.home().resolve("docs"), suite, budgetOverride, seeds, command, runs, stopAt);
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
     * @param optimizer an optimizer id, {@value BenchSuites#DEFAULT} or {@value BenchSuites#RECIPE}
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
}

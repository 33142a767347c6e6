package org.geopinn.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.geopinn.api.GeopinnException;

/**
 * The benchmark suites of {@code bench}: which problems, optimizers, budgets, seeds and targets
 * each runs, and the published figures shown beside ours.
 */
final class BenchSuites {
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

    private BenchSuites() {
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
     * An entry of the coupling-default suite: the default strategy's chain and weighting (NTK trace
     * balancing for {@code lm} on the S×S side, docs/STRATEGY.md) for the problems' own time budget.
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
}

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
import java.util.Set;
import org.geopinn.api.GeopinnException;
import org.geopinn.api.problem.ProblemDefaults;
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
 */
final class BenchCommand {
    /** A suite: problems × optimizer chains with a time budget per run and a default seed count. */
    record Suite(String name, List<String> problems, List<String> optimizers, double budget, int seeds, String purpose) {
    }

    /** The suites; "standard" is the default. */
    static final Map<String, Suite> SUITES = suites();

    /**
     * Best published relative L2 errors (shared/ALGORITHMS.md: float64, GPU, minutes of budget),
     * by problem and optimizer family; a row's target is met when our median is at most this.
     */
    static final Map<String, Map<String, Double>> PUBLISHED = published();

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
        m.put("smoke", new Suite("smoke", List.of("laplace2d"), List.of("adam", "anagram"), 10, 1,
                "a one-minute check that the whole pipeline works"));
        m.put("standard", new Suite("standard", List.of("laplace2d", "heat", "poisson1d"), List.of("adam", "lbfgs", "anagram", "engd"),
                60, 2, "the seed-000 anchors that fit a laptop CPU"));
        m.put("anchors", new Suite("anchors", List.of("laplace2d", "heat", "laplace5d", "allen-cahn"),
                List.of("adam", "lbfgs", "soap", "anagram", "engd"), 300, 3, "every published anchor, long budgets"));
        return m;
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
    record Run(String problem, String optimizer, long seed, long steps, double seconds, double loss, double relL2, String state,
            Path dir) {
    }

    int run(List<String> args) {
        Options o = Options.parse(args, Set.of("suite", "seeds", "budget"), Set.of());
        if (!o.positional().isEmpty()) {
            throw new GeopinnException("bench takes options only, got " + o.positional());
        }
        String name = o.has("suite") ? o.get("suite") : "standard";
        Suite suite = SUITES.get(name);
        if (suite == null) {
            throw new GeopinnException("unknown suite '" + name + "'; suites are " + String.join(", ", SUITES.keySet()));
        }
        int seeds = (int) o.longValue("seeds", suite.seeds(), 1);
        double budget = o.has("budget") ? o.nonNegative("budget", suite.budget()) : suite.budget();
        if (budget <= 0) {
            throw new GeopinnException("--budget must be positive");
        }
        services.awaitReady();
        for (String p : suite.problems()) {
            if (services.problem(p).isEmpty()) {
                throw new GeopinnException("suite " + name + " needs problem '" + p + "', which is not installed");
            }
        }
        Path root = services.home().resolve("runs").resolve("bench-" + name + "-"
                + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
        List<Run> runs = new ArrayList<>();
        int total = suite.problems().size() * suite.optimizers().size() * seeds;
        int index = 0;
        for (String problem : suite.problems()) {
            for (String optimizer : suite.optimizers()) {
                for (long seed = 0; seed < seeds; seed++) {
                    index++;
                    out.printf(Locale.ROOT, "[%d/%d] %s %s seed %d (%.0f s)%n", index, total, problem, optimizer, seed, budget);
                    try {
                        runs.add(runOne(problem, optimizer, seed, budget, root));
                        Run r = runs.get(runs.size() - 1);
                        out.printf(Locale.ROOT, "        %d steps, loss %.3e, rel_l2 %s%n", r.steps(), r.loss(), sci(r.relL2()));
                    } catch (GeopinnException e) {
                        err.println("        skipped: " + SolveCommand.oneLine(e.getMessage()));
                    }
                }
            }
        }
        String command = "./geopinn bench --suite " + name + " --seeds " + seeds + (o.has("budget") ? " --budget " + o.get("budget") : "");
        writeCsv(runs, services.home().resolve("docs").resolve("benchmarks-" + name + ".csv"));
        writeMarkdown(suite, budget, seeds, command, runs, services.home().resolve("docs").resolve("BENCHMARKS.md"));
        out.println("wrote docs/BENCHMARKS.md, docs/benchmarks-" + name + ".csv and the runs in " + root);
        return 0;
    }

    /**
     * @param problem a problem id
     * @param optimizer an optimizer id
     * @return the optimizer as a one-stage chain, with the settings the problem's default chain
     *         gives it (e.g. ANaGRAM's cut-off for this problem), or plain when it names none
     */
    private String stage(String problem, String optimizer) {
        String chain = services.problem(problem).map(p -> p.defaults().get(ProblemDefaults.OPTIMIZER)).orElse(null);
        if (chain != null) {
            for (OptimizerStage s : OptimizerStage.parseChain(chain)) {
                if (s.optimizerId().equals(optimizer)) {
                    return new OptimizerStage(optimizer, 0, s.settings()).text();
                }
            }
        }
        return optimizer;
    }

    private Run runOne(String problem, String optimizer, long seed, double budget, Path root) {
        SessionSpec spec = SessionSpec.builder(problem).optimizers(stage(problem, optimizer)).seed(seed).timeBudgetSeconds(budget)
                .maxSteps(10_000_000).errorEvery(0).build();
        Session s = services.training().start(spec);
        try {
            SessionState state;
            do {
                state = s.await(Duration.ofSeconds(1));
            } while (!state.isTerminal());
        } catch (InterruptedException e) {
            s.stop();
            Thread.currentThread().interrupt();
            throw new GeopinnException("interrupted");
        }
        Path dir = root.resolve(problem + "-" + optimizer + "-s" + seed);
        services.results().export(s, dir);
        List<TrainingEvent> h = s.history();
        TrainingEvent last = h.isEmpty() ? null : h.get(h.size() - 1);
        return new Run(problem, optimizer, seed, last == null ? 0 : last.step(), last == null ? 0 : last.seconds(),
                last == null ? Double.NaN : last.loss(), last == null ? Double.NaN : last.relativeL2(),
                s.state().name().toLowerCase(Locale.ROOT), dir);
    }

    private static void writeCsv(List<Run> runs, Path file) {
        StringBuilder b = new StringBuilder("problem,optimizer,seed,steps,seconds,loss,rel_l2,state\n");
        for (Run r : runs) {
            b.append(String.join(",", r.problem(), r.optimizer(), Long.toString(r.seed()), Long.toString(r.steps()),
                    Double.toString(r.seconds()), HistoryTable.number(r.loss()), HistoryTable.number(r.relL2()), r.state())).append('\n');
        }
        mkdirs(file.getParent());
        AtomicFiles.writeText(file, b.toString());
    }

    private void writeMarkdown(Suite suite, double budget, int seeds, String command, List<Run> runs, Path file) {
        StringBuilder s = new StringBuilder();
        s.append("<!-- suite:").append(suite.name()).append(" -->\n");
        s.append("## Suite `").append(suite.name()).append("`: ").append(suite.purpose()).append("\n\n");
        s.append("Command: `").append(command).append("` — ").append(LocalDateTime.now().withNano(0)).append(", ").append(machine())
                .append(". Each run: ").append(fmt(budget)).append(" s of training time, the problem's default model, the ")
                .append("optimizer with the settings the problem's default chain gives it (else its own defaults), ")
                .append(seeds).append(seeds == 1 ? " seed" : " seeds").append(". All runs: `docs/benchmarks-").append(suite.name())
                .append(".csv`.\n\n");
        s.append("| problem | optimizer | runs | median steps | median rel. L2 | best rel. L2 | published | target |\n");
        s.append("|---|---|---|---|---|---|---|---|\n");
        Map<String, List<Run>> groups = new LinkedHashMap<>();
        runs.forEach(r -> groups.computeIfAbsent(r.problem() + " " + r.optimizer(), k -> new ArrayList<>()).add(r));
        groups.forEach((key, list) -> {
            Run first = list.get(0);
            double[] errors = list.stream().mapToDouble(Run::relL2).filter(x -> !Double.isNaN(x)).sorted().toArray();
            double median = median(errors);
            double best = errors.length == 0 ? Double.NaN : errors[0];
            double steps = median(list.stream().mapToDouble(Run::steps).sorted().toArray());
            Double pub = PUBLISHED.getOrDefault(first.problem(), Map.of()).get(first.optimizer());
            String target = pub == null || Double.isNaN(median) ? "—" : median <= pub ? "target met" : "target missed";
            s.append("| ").append(first.problem()).append(" | ").append(first.optimizer()).append(" | ").append(list.size())
                    .append(" | ").append(String.format(Locale.ROOT, "%.0f", steps)).append(" | ").append(sci(median)).append(" | ")
                    .append(sci(best)).append(" | ").append(pub == null ? "—" : sci(pub)).append(" | ").append(target).append(" |\n");
        });
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
            load = ", load average " + Files.readString(Path.of("/proc/loadavg")).split(" ")[0] + " at the end (shared machine)";
        } catch (IOException | RuntimeException e) {
            // not Linux
        }
        return cpu + ", " + Runtime.getRuntime().availableProcessors() + " cores, Java " + System.getProperty("java.version") + ", "
                + System.getProperty("os.name") + load;
    }
}

package org.geopinn.cli;

import static org.geopinn.cli.BenchSuites.PUBLISHED;
import static org.geopinn.cli.BenchSuites.settingsText;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.geopinn.api.GeopinnException;
import org.geopinn.cli.BenchSuites.Entry;
import org.geopinn.cli.BenchSuites.Suite;
import org.geopinn.cli.BenchSuites.Target;

/**
 * The tables of {@code bench}: a suite's runs as a CSV and as its section of BENCHMARKS.md, with
 * the verdict on every target and the coupling study's ratios.
 */
final class BenchTables {
    /*
     * How the lines a suite's section is made of begin: writeMarkdown writes them, and handWritten
     * reads an old section by them to tell the generated lines from text written by hand.
     */
    private static final String HEADING = "## Suite `";
    private static final String COMMAND = "Command: `";
    private static final String RATIOS = "Strong against weak coupling";
    private static final String PUBLISHED_NOTE = "Published: best relative L2 errors";

    /** One finished run. */
    record Run(String problem, String label, String optimizer, long seed, long steps, double seconds, double loss, double relL2, String state,
            Path dir, double[] reached) {
    }

    private BenchTables() {
    }

    /**
     * Writes the suite's CSV of all runs and its section of BENCHMARKS.md.
     *
     * @param docs the docs folder of the home
     */
    static void write(Path docs, Suite suite, Double budgetOverride, int seeds, String command, List<Run> runs, double stopAt) {
        writeCsv(suite, runs, docs.resolve("benchmarks-" + suite.name() + ".csv"));
        writeMarkdown(suite, budgetOverride, seeds, command, runs, stopAt, docs.resolve("BENCHMARKS.md"));
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

    /** @return what limits a run: its step count or its time budget */
    static String limit(Entry e, double budget) {
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

    private static void writeMarkdown(Suite suite, Double budgetOverride, int seeds, String command, List<Run> runs, double stopAt, Path file) {
        StringBuilder s = new StringBuilder();
        s.append(openMarker(suite.name())).append("\n");
        s.append(HEADING).append(suite.name()).append("`: ").append(suite.purpose()).append("\n\n");
        s.append(COMMAND).append(command).append("` — ").append(LocalDateTime.now().withNano(0)).append(", ").append(machine())
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
        s.append("\n" + PUBLISHED_NOTE + " reported with float64 on a GPU and minutes of budget "
                + "(shared/ALGORITHMS.md: ENGD 6e-8 on 2-D Laplace, 3e-8 on heat, 6e-8 on 5-D Laplace; Adam about 1e-4 and "
                + "L-BFGS about 2e-4 on the same problems; Allen–Cahn 3e-6 with SOAP). ANaGRAM rows are held to the ENGD figure.\n");
        s.append(closeMarker(suite.name()));
        mkdirs(file.getParent());
        String text;
        try {
            text = Files.isRegularFile(file) ? Files.readString(file, StandardCharsets.UTF_8)
                    : "# Benchmarks\n\nWritten by `./geopinn bench` (see docs/CLI.md); one section per suite, replaced when the suite runs again.\n\n";
        } catch (IOException e) {
            throw new GeopinnException("cannot read " + file + ": " + e.getMessage());
        }
        AtomicFiles.writeText(file, replaceSection(text, suite.name(), s.toString()));
    }

    /**
     * Puts a suite's new section in the place of its old one (or at the end). Text written by hand
     * inside the old section (anything but its heading, command line, tables, ratio line and
     * "Published" note) is kept right after the new section, under a line that says so: a re-run
     * replaces the figures, never the measurements someone wrote beside them.
     *
     * @param text the whole file
     * @param suite the suite's name
     * @param section the new section, markers included
     * @return the file with the section replaced
     */
    static String replaceSection(String text, String suite, String section) {
        String open = openMarker(suite);
        String close = closeMarker(suite);
        int a = text.indexOf(open);
        int b = text.indexOf(close);
        if (a < 0 || b <= a) {
            return text + "\n" + section;
        }
        String kept = handWritten(text.substring(a + open.length(), b));
        String after = kept.isEmpty() ? "" : "\nKept from this suite's section as it was before the run above (written by hand; "
                + "the table it speaks of is the earlier one):\n\n" + kept + "\n";
        return text.substring(0, a) + section + after + text.substring(b + close.length());
    }

    /**
     * @param body an old section between its markers
     * @return its lines that {@link #writeMarkdown} does not write, from the first to the last (blank lines between them kept), or ""
     */
    static String handWritten(String body) {
        List<String> lines = List.of(body.split("\n", -1));
        int i = 0;
        while (i < lines.size() && generatedHead(lines.get(i))) {
            i++;
        }
        return String.join("\n", lines.subList(i, lines.size()).stream().filter(l -> !l.startsWith(PUBLISHED_NOTE)).toList()).strip();
    }

    /** @return whether a line is one writeMarkdown writes before the "Published" note: heading, command, tables, ratio line */
    private static boolean generatedHead(String line) {
        return line.isBlank() || line.startsWith(HEADING) || line.startsWith(COMMAND) || line.startsWith("|") || line.startsWith(RATIOS);
    }

    private static String openMarker(String suite) {
        return "<!-- suite:" + suite + " -->";
    }

    private static String closeMarker(String suite) {
        return "<!-- /suite:" + suite + " -->\n";
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
        return s.isEmpty() ? "" : "\n" + RATIOS + " (median final relative L2; the coupling study, 2026: SOAP + gradient-norm weighting "
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

    /** @return the number in the tables' form, a dash for NaN */
    static String sci(double v) {
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

package org.geopinn.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.geopinn.api.GeopinnException;
import org.geopinn.api.sweep.RunOutcome;
import org.geopinn.api.sweep.RunRequest;

/**
 * The folder of a sweep: one results folder per run, named by the run's key, each switched in as
 * a whole ({@link ResultFolder}); a run whose folder is complete is done, and is never written
 * again, so a run performed twice (its member was lost after it had finished) counts once. The
 * table ({@code sweep.csv}, {@code sweep.md}) is made from the folders.
 */
final class SweepResults {
    /** The table of all runs written so far. */
    static final String CSV = "sweep.csv";
    /** The same as a Markdown table. */
    static final String MARKDOWN = "sweep.md";
    private static final Pattern TOP_LEVEL = Pattern.compile("(?m)^  \"([a-z_0-9]+)\": (.*?),?$");

    /** One row of the table. */
    record Row(RunRequest run, String state, long steps, double seconds, double loss, double relativeL2) {
    }

    private final Path root;

    /** @param root the sweep's folder */
    SweepResults(Path root) {
        this.root = root;
    }

    /** @return the sweep's folder */
    Path root() {
        return root;
    }

    /** @param key a run's key @return whether its results folder is there and complete */
    boolean done(String key) {
        Path dir = root.resolve(key);
        return Files.isDirectory(dir) && Manifest.incompleteReason(dir) == null;
    }

    /**
     * Writes a run's files as its results folder, unless a complete one is there already.
     *
     * @param outcome the run's outcome (not refused)
     * @return true if written, false if the run had been written before (kept as it was)
     * @throws GeopinnException if it cannot be written
     */
    synchronized boolean write(RunOutcome outcome) {
        Path target = root.resolve(outcome.key());
        try (ResultLock lock = ResultLock.acquire(target, "sweep run folder")) {
            ResultFolder.recover(target);
            if (done(outcome.key())) {
                return false;
            }
            ResultFolder.requireReplaceable(target, "sweep run folder");
            try (ResultFolder.Stage stage = ResultFolder.begin(target)) {
                List<String> names = new ArrayList<>();
                for (Map.Entry<String, byte[]> f : outcome.files().entrySet()) {
                    if (Manifest.FILE.equals(f.getKey()) || !ResultFolder.RESULT_FILES.contains(f.getKey())) {
                        continue; // the manifest is written anew over what arrived; nothing else may land in the folder
                    }
                    byte[] bytes = f.getValue();
                    AtomicFiles.write(stage.file(f.getKey()), out -> out.write(bytes));
                    names.add(f.getKey());
                }
                if (!names.contains(ResultWriter.SUMMARY)) {
                    throw new GeopinnException("run " + outcome.key() + " came back from " + outcome.member() + " without "
                            + ResultWriter.SUMMARY);
                }
                stage.commit(names);
            }
            return true;
        }
    }

    /**
     * @param runs the sweep's runs
     * @return the rows of the runs whose folders are complete, in the sweep's order
     */
    List<Row> rows(List<RunRequest> runs) {
        List<Row> rows = new ArrayList<>();
        for (RunRequest r : runs) {
            if (done(r.key())) {
                rows.add(row(r));
            }
        }
        return rows;
    }

    private Row row(RunRequest r) {
        String text;
        try {
            text = Files.readString(root.resolve(r.key()).resolve(ResultWriter.SUMMARY), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new GeopinnException("cannot read " + root.resolve(r.key()).resolve(ResultWriter.SUMMARY) + " (" + AtomicFiles.reason(e) + ")");
        }
        Map<String, String> top = new java.util.HashMap<>();
        Matcher m = TOP_LEVEL.matcher(text);
        while (m.find()) {
            top.putIfAbsent(m.group(1), m.group(2));
        }
        return new Row(r, top.getOrDefault("state", "\"?\"").replace("\"", ""), (long) number(top.get("steps")), number(top.get("seconds")),
                number(top.get("loss")), number(top.get("rel_l2")));
    }

    private static double number(String v) {
        try {
            return v == null || "null".equals(v) ? Double.NaN : Double.parseDouble(v);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    /**
     * Writes {@value #CSV} and {@value #MARKDOWN} from the folders.
     *
     * @param name the sweep's name
     * @param command the command that ran it, for the Markdown page
     * @param runs the sweep's runs
     * @return the rows written
     */
    synchronized List<Row> writeTables(String name, String command, List<RunRequest> runs) {
        List<Row> rows = rows(runs);
        StringBuilder csv = new StringBuilder("run,problem,problem_config,optimizer,hidden,weighting,seed,steps,seconds,loss,rel_l2,state\n");
        StringBuilder md = new StringBuilder("# Sweep `" + name + "`\n\nCommand: `" + command + "`; " + rows.size() + " of " + runs.size()
                + " runs written. Each run's results folder is beside this file.\n\n"
                + "| run | problem | settings | optimizer | hidden | weighting | seed | steps | s | loss | rel. L2 | state |\n"
                + "|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (Row w : rows) {
            RunRequest r = w.run();
            String settings = BenchSuites.settingsText(r.problemSettings());
            String chain = r.optimizers().isEmpty() ? SweepFile.DEFAULT : r.optimizers();
            csv.append(String.join(",", r.key(), r.problem(), csvCell(settings), csvCell(chain), csvCell(r.hidden()), csvCell(r.weighting()),
                    Long.toString(r.seed()), Long.toString(w.steps()), Double.toString(w.seconds()), HistoryTable.number(w.loss()),
                    HistoryTable.number(w.relativeL2()), w.state())).append('\n');
            md.append("| ").append(String.join(" | ", r.key(), r.problem(), settings.isEmpty() ? "—" : settings, chain,
                    r.hidden().isEmpty() ? "—" : r.hidden(), r.weighting().isEmpty() ? "—" : r.weighting(), Long.toString(r.seed()),
                    Long.toString(w.steps()), String.format(Locale.ROOT, "%.1f", w.seconds()), sci(w.loss()), sci(w.relativeL2()), w.state()))
                    .append(" |\n");
        }
        AtomicFiles.writeText(root.resolve(CSV), csv.toString());
        AtomicFiles.writeText(root.resolve(MARKDOWN), md.toString());
        return rows;
    }

    private static String csvCell(String s) {
        return s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }

    static String sci(double v) {
        return Double.isNaN(v) ? "—" : String.format(Locale.ROOT, "%.2e", v);
    }
}

package org.geopinn.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.geopinn.api.GeopinnException;
import org.geopinn.api.session.TrainingEvent;

/**
 * The rows of {@code history.csv}: one per accepted step with the step, the training seconds, the
 * loss and the loss and weight of each condition, the relative L2 error and the error of each
 * field (empty where not measured), the optimizer that took the step, for a time-marching
 * session the time window it trained in, and the problem's configuration on the first row and on
 * the first row after each change of it (empty elsewhere), and on the first row trained on renewed
 * collocation points what the renewal did ({@value #POINTS}, empty elsewhere); for an inverse problem,
 * after the errors, the value of each trained coefficient ({@code coefficient_NAME}). Numbers are written with
 * {@link Double#toString}, so they read back bit for bit.
 */
final class HistoryTable {
    /** The file name in a results directory. */
    static final String FILE = "history.csv";
    static final String STEP = "step";
    static final String SECONDS = "seconds";
    static final String LOSS = "loss";
    static final String REL_L2 = "rel_l2";
    static final String OPTIMIZER = "optimizer";
    static final String WINDOW = "window";
    /** The problem's configuration ({@code name=value;…} or {@code defaults}) where it starts or changes. */
    static final String PROBLEM_CONFIG = "problem_config";
    /** What a renewal of the collocation points did, on the first row trained on the new points. */
    static final String POINTS = "points";

    private final List<String> conditions;
    private final List<String> fields;
    private final List<String> header;
    private final List<String[]> rows = new ArrayList<>();
    private final boolean windows;
    /** Names of the trained coefficients, one column {@code coefficient_NAME} each (none for most runs). */
    private final List<String> coefficients;

    /**
     * @param conditions the condition names
     * @param fields the field names
     */
    HistoryTable(List<String> conditions, List<String> fields) {
        this(conditions, fields, false);
    }

    /**
     * @param conditions the condition names
     * @param fields the field names
     * @param windows whether the session marches in time (a {@value #WINDOW} column)
     */
    HistoryTable(List<String> conditions, List<String> fields, boolean windows) {
        this(conditions, fields, windows, List.of());
    }

    /**
     * @param conditions the condition names
     * @param fields the field names
     * @param windows whether the session marches in time (a {@value #WINDOW} column)
     * @param coefficients the names of the trained coefficients (a column {@code coefficient_NAME} each, after the errors)
     */
    HistoryTable(List<String> conditions, List<String> fields, boolean windows, List<String> coefficients) {
        this.windows = windows;
        this.coefficients = List.copyOf(coefficients);
        this.conditions = List.copyOf(conditions);
        this.fields = List.copyOf(fields);
        List<String> h = new ArrayList<>(List.of(STEP, SECONDS, LOSS));
        conditions.forEach(c -> h.add("loss_" + c));
        conditions.forEach(c -> h.add("weight_" + c));
        h.add(REL_L2);
        fields.forEach(f -> h.add("error_" + f));
        coefficients.forEach(c -> h.add("coefficient_" + c));
        h.add(OPTIMIZER);
        if (windows) {
            h.add(WINDOW);
        }
        h.add(PROBLEM_CONFIG);
        h.add(POINTS);
        this.header = List.copyOf(h);
    }

    /** @return the condition names */
    List<String> conditions() {
        return conditions;
    }

    /**
     * Adds the rows of an earlier run's history.csv (resume), up to and including a step.
     *
     * @param file the earlier history
     * @param upToStep the last step to keep
     * @throws GeopinnException if its columns differ from this table's
     */
    void addEarlier(Path file, long upToStep) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new GeopinnException("cannot read " + file + ": " + e.getMessage());
        }
        // Runs written before the problem_config and points columns have the columns before them.
        List<String> earlier = lines.isEmpty() ? List.of() : List.of(lines.get(0).split(",", -1));
        if (earlier.size() < header.indexOf(PROBLEM_CONFIG) || earlier.size() > header.size()
                || !header.subList(0, earlier.size()).equals(earlier)) {
            throw new GeopinnException(file + " has other columns than this run (" + String.join(",", header) + ")");
        }
        for (String line : lines.subList(1, lines.size())) {
            String[] split = line.split(",", -1);
            if (split.length == earlier.size() && isStep(split[0]) && Long.parseLong(split[0]) <= upToStep) {
                String[] cells = java.util.Arrays.copyOf(split, header.size());
                java.util.Arrays.fill(cells, split.length, cells.length, ""); // the columns the earlier run had not
                rows.add(cells);
            }
        }
    }

    /**
     * What a resume should say about an earlier history: rows that are missing, damaged or beyond
     * the recorded step count.
     *
     * @param file the earlier history.csv
     * @param steps the steps the run recorded
     * @return one line, or null when it has exactly one row per step 1..steps
     */
    static String gaps(Path file, long steps) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "--resume: " + file + " cannot be read (" + AtomicFiles.reason(e) + ")";
        }
        int width = lines.isEmpty() ? 0 : lines.get(0).split(",", -1).length;
        long rows = 0;
        long damaged = 0;
        long beyond = 0;
        for (String line : lines.subList(Math.min(1, lines.size()), lines.size())) {
            String[] cells = line.split(",", -1);
            long step;
            try {
                step = Long.parseLong(cells[0].trim());
            } catch (NumberFormatException e) {
                damaged++;
                continue;
            }
            if (cells.length != width) {
                damaged++;
            } else if (step > steps) {
                beyond++;
            } else {
                rows++;
            }
        }
        if (rows == steps && damaged == 0 && beyond == 0) {
            return null;
        }
        return "--resume: " + file + " has " + rows + " rows for " + steps + " steps" + (damaged > 0 ? ", " + damaged + " damaged rows" : "")
                + (beyond > 0 ? ", " + beyond + " rows beyond step " + steps : "") + "; the rows that do not fit are left out of the new history";
    }

    /**
     * @param e a step event
     * @param secondsOffset training seconds of earlier runs (resume)
     */
    void add(TrainingEvent e, double secondsOffset) {
        add(e, secondsOffset, "");
    }

    /**
     * @param e a step event
     * @param secondsOffset training seconds of earlier runs (resume)
     * @param problemConfig the problem's configuration where this step starts using it, else empty
     */
    void add(TrainingEvent e, double secondsOffset, String problemConfig) {
        add(e, secondsOffset, problemConfig, "");
    }

    /**
     * @param e a step event
     * @param secondsOffset training seconds of earlier runs (resume)
     * @param problemConfig the problem's configuration where this step starts using it, else empty
     * @param points what the renewal of the points this step is the first to train on did, else empty
     */
    void add(TrainingEvent e, double secondsOffset, String problemConfig, String points) {
        String[] r = new String[header.size()];
        int k = 0;
        r[k++] = Long.toString(e.step());
        r[k++] = number(e.seconds() + secondsOffset);
        r[k++] = number(e.loss());
        for (int c = 0; c < conditions.size(); c++) {
            r[k++] = c < e.groupLosses().length ? number(e.groupLosses()[c]) : "";
        }
        for (int c = 0; c < conditions.size(); c++) {
            r[k++] = c < e.weights().length ? number(e.weights()[c]) : "";
        }
        r[k++] = number(e.relativeL2());
        for (int f = 0; f < fields.size(); f++) {
            r[k++] = f < e.fieldErrors().length ? number(e.fieldErrors()[f]) : "";
        }
        for (int c = 0; c < coefficients.size(); c++) {
            r[k++] = c < e.coefficients().length ? number(e.coefficients()[c]) : "";
        }
        r[k++] = e.optimizerId();
        if (windows) {
            r[k++] = Integer.toString(e.window());
        }
        r[k++] = problemConfig.replace(',', ';'); // a CSV cell: the pairs are separated by ';'
        r[k] = points.replace(',', ';');
        rows.add(r);
    }

    private static boolean isStep(String cell) {
        return !cell.isEmpty() && cell.chars().allMatch(Character::isDigit) && cell.length() < 19;
    }

    /** @param v a number @return its exact text, empty for NaN */
    static String number(double v) {
        return Double.isNaN(v) ? "" : Double.toString(v);
    }

    /** @return the CSV text */
    String csv() {
        StringBuilder b = new StringBuilder(String.join(",", header)).append('\n');
        for (String[] r : rows) {
            b.append(String.join(",", r)).append('\n');
        }
        return b.toString();
    }

    /** @return the number of rows */
    int size() {
        return rows.size();
    }

    /** @param name a column @return its values, NaN where empty */
    double[] column(String name) {
        int k = header.indexOf(name);
        double[] v = new double[rows.size()];
        for (int i = 0; i < v.length; i++) {
            String s = k < 0 ? "" : rows.get(i)[k];
            v[i] = s.isEmpty() ? Double.NaN : Double.parseDouble(s);
        }
        return v;
    }

    /** @param name a column @return its non-empty cells, in row order */
    List<String> texts(String name) {
        int k = header.indexOf(name);
        List<String> cells = new ArrayList<>();
        for (String[] r : rows) {
            if (k >= 0 && !r[k].isEmpty()) {
                cells.add(r[k]);
            }
        }
        return cells;
    }

    /** @return the step column */
    double[] steps() {
        return column(STEP);
    }

    /** @param name a column @return its value in the last row, NaN if none */
    double last(String name) {
        double[] c = column(name);
        return c.length == 0 ? Double.NaN : c[c.length - 1];
    }
}

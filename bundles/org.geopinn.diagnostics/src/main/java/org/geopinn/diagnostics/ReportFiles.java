package org.geopinn.diagnostics;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.geopinn.api.GeopinnException;
import org.geopinn.api.diagnostic.DiagnosticReport;

/**
 * Writes a {@link DiagnosticReport} as files: {@code PREFIXscalars.csv} (name,value), one
 * {@code PREFIXtable.csv} per table, and one PNG per table. A table whose name contains
 * {@code kernel} is a square matrix and is drawn as a heat map; any other table is drawn as a line
 * chart of its later columns against its first, on a logarithmic y axis when its values are
 * positive (spectra).
 */
public final class ReportFiles {
    private ReportFiles() {
    }

    /**
     * @param report the report to write
     * @param folder the folder (created if missing)
     * @param prefix prepended to every file name, e.g. {@code "step000100-ntk-"}
     * @return the files written
     * @throws GeopinnException if a file cannot be written
     */
    public static List<Path> write(DiagnosticReport report, Path folder, String prefix) {
        List<Path> written = new ArrayList<>();
        written.add(writeScalars(report, folder.resolve(prefix + "scalars.csv")));
        for (Map.Entry<String, DiagnosticReport.Table> e : new TreeMap<>(report.tables()).entrySet()) {
            String name = e.getKey();
            DiagnosticReport.Table table = e.getValue();
            written.add(writeCsv(table, folder.resolve(prefix + name + ".csv")));
            if (table.rows().isEmpty()) {
                continue;
            }
            Path png = folder.resolve(prefix + name + ".png");
            String title = report.title() + " — " + name;
            if (name.contains("kernel")) {
                written.add(heatMap(table, png, title));
            } else {
                written.add(lineChart(table, png, title));
            }
        }
        return written;
    }

    /**
     * @param table a table
     * @param file the CSV file (its folder is created)
     * @return the file
     * @throws GeopinnException if it cannot be written
     */
    public static Path writeCsv(DiagnosticReport.Table table, Path file) {
        StringBuilder b = new StringBuilder(String.join(",", table.columns())).append('\n');
        for (double[] row : table.rows()) {
            for (int j = 0; j < row.length; j++) {
                b.append(j == 0 ? "" : ",").append(row[j]);
            }
            b.append('\n');
        }
        return writeText(file, b.toString());
    }

    private static Path writeScalars(DiagnosticReport report, Path file) {
        StringBuilder b = new StringBuilder("name,value\n");
        new TreeMap<>(report.scalars()).forEach((k, v) -> b.append(k).append(',').append(v).append('\n'));
        return writeText(file, b.toString());
    }

    private static Path heatMap(DiagnosticReport.Table table, Path png, String title) {
        int rows = table.rows().size();
        int cols = table.columns().size();
        double[] m = new double[rows * cols];
        for (int i = 0; i < rows; i++) {
            System.arraycopy(table.rows().get(i), 0, m, i * cols, cols);
        }
        return Charts.heatMap(png, title, m, rows, cols);
    }

    private static Path lineChart(DiagnosticReport.Table table, Path png, String title) {
        List<String> columns = table.columns();
        int n = table.rows().size();
        double[] x = column(table, 0);
        boolean positive = true; // no negative value: a spectrum, drawn on a log scale (zeros left out)
        List<Charts.Series> series = new ArrayList<>();
        for (int c = 1; c < columns.size(); c++) {
            double[] y = column(table, c);
            for (double v : y) {
                positive &= !(v < 0);
            }
            series.add(new Charts.Series(columns.get(c), x, y));
        }
        boolean anyPositive = series.stream().flatMapToDouble(s -> java.util.Arrays.stream(s.y())).anyMatch(v -> v > 0);
        boolean logY = positive && anyPositive && n > 1;
        return Charts.lineChart(png, title, columns.get(0), logY ? "value (log scale)" : "value", false, logY, series);
    }

    private static double[] column(DiagnosticReport.Table table, int c) {
        double[] v = new double[table.rows().size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = table.rows().get(i)[c];
        }
        return v;
    }

    private static Path writeText(Path file, String text) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                w.write(text);
            }
            return file;
        } catch (IOException e) {
            throw new GeopinnException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}

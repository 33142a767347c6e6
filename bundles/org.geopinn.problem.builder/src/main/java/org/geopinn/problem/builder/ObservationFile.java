package org.geopinn.problem.builder;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import org.geopinn.api.GeopinnException;

/**
 * A table of observations read from a file: a CSV file whose header names its columns; a NumPy
 * {@code .npy} file holding a 2-D float64 (or float32) array whose columns are, in order, the
 * problem's variables, the observed field and optionally a weight; or a NumPy {@code .npz} file (a
 * zip of {@code .npy} arrays, {@code np.savez} or {@code np.savez_compressed}) whose arrays, named
 * like the CSV header's columns, are the columns (1-D, one value per observation; other arrays
 * ignored). Every mistake is one line naming the file (and the line of a CSV file, or the array).
 */
final class ObservationFile {
    private ObservationFile() {
    }

    /**
     * @param file the file ({@code .npy}, {@code .npz}, else CSV)
     * @param columns the columns wanted, in order (the variables, then the field)
     * @param weight the name of the optional weight column
     * @return rows of {@code columns} values followed by the weight (1 when absent), row-major
     */
    static double[] read(Path file, List<String> columns, String weight) {
        try {
            String name = file.getFileName().toString();
            return name.endsWith(".npy") ? npy(file, columns.size()) : name.endsWith(".npz") ? npz(file, columns, weight)
                    : csv(file, columns, weight);
        } catch (IOException e) {
            throw new GeopinnException("cannot read observations " + file + ": " + e.getMessage(), e);
        }
    }

    private static double[] csv(Path file, List<String> columns, String weight) throws IOException {
        List<double[]> rows = new ArrayList<>();
        int[] index = null;
        int weightIndex = -1;
        int width = 0;
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int number = 0;
            while ((line = r.readLine()) != null) {
                number++;
                String trimmed = line.strip();
                if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                    continue;
                }
                String[] cells = trimmed.split("\\s*,\\s*");
                if (index == null) {
                    List<String> header = Arrays.asList(cells);
                    index = new int[columns.size()];
                    for (int c = 0; c < columns.size(); c++) {
                        index[c] = header.indexOf(columns.get(c));
                        if (index[c] < 0) {
                            throw new GeopinnException("observations " + file + ": the header " + header + " has no column '"
                                    + columns.get(c) + "'; it needs " + columns + " and optionally '" + weight + "'");
                        }
                    }
                    weightIndex = header.indexOf(weight);
                    width = cells.length;
                    continue;
                }
                if (cells.length != width) {
                    throw new GeopinnException("observations " + file + ", line " + number + ": " + cells.length
                            + " values, the header has " + width + " columns");
                }
                double[] row = new double[columns.size() + 1];
                for (int c = 0; c < columns.size(); c++) {
                    row[c] = value(file, number, cells[index[c]]);
                }
                row[columns.size()] = weightIndex < 0 ? 1 : value(file, number, cells[weightIndex]);
                rows.add(row);
            }
        }
        if (rows.isEmpty()) {
            throw new GeopinnException("observations " + file + " hold no rows");
        }
        double[] out = new double[rows.size() * (columns.size() + 1)];
        for (int i = 0; i < rows.size(); i++) {
            System.arraycopy(rows.get(i), 0, out, i * (columns.size() + 1), columns.size() + 1);
        }
        return out;
    }

    private static double value(Path file, int line, String cell) {
        try {
            double v = Double.parseDouble(cell);
            if (Double.isFinite(v)) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new GeopinnException("observations " + file + ", line " + line + ": '" + (cell.length() > 40 ? cell.substring(0, 40)
                + "…" : cell) + "' is not a finite number");
    }

    /** A 2-D array: the columns in order (variables, field[, weight]). */
    private static double[] npy(Path file, int columns) throws IOException {
        String what = "observations " + file;
        NpyArray a = NpyArray.parse(Files.readAllBytes(file), what);
        if (a.shape().length != 2 || a.shape()[0] == 0) {
            throw new GeopinnException(what + ": need a 2-D array of rows, its shape is " + Arrays.toString(a.shape()));
        }
        int rows = (int) a.shape()[0];
        int width = (int) a.shape()[1];
        if (width != columns && width != columns + 1) {
            throw new GeopinnException(what + " has " + width + " columns; it needs " + columns
                    + " (variables, field) or " + (columns + 1) + " (and a weight)");
        }
        double[][] byColumn = new double[width][rows];
        for (int i = 0; i < rows; i++) {
            for (int c = 0; c < width; c++) {
                byColumn[c][i] = a.values()[i * width + c];
            }
        }
        return table(what, byColumn, columns);
    }

    /** A zip of named 1-D arrays, one per column, as {@code np.savez(file, x=…, y=…, u=…)} writes it. */
    private static double[] npz(Path file, List<String> columns, String weight) throws IOException {
        String what = "observations " + file;
        Map<String, byte[]> arrays = new LinkedHashMap<>(); // parsed only when a column, so other arrays may be of any dtype
        try (ZipFile zip = new ZipFile(file.toFile())) {
            for (ZipEntry e : java.util.Collections.list(zip.entries())) {
                if (!e.isDirectory() && e.getName().endsWith(".npy")) {
                    String name = e.getName().substring(0, e.getName().length() - 4);
                    try (InputStream in = zip.getInputStream(e)) {
                        arrays.put(name, in.readAllBytes());
                    }
                }
            }
        } catch (ZipException e) {
            throw new GeopinnException(what + " is not a NumPy .npz file (a zip of .npy arrays): " + e.getMessage());
        }
        List<String> wanted = new ArrayList<>(columns);
        if (arrays.containsKey(weight)) {
            wanted.add(weight);
        }
        double[][] byColumn = new double[wanted.size()][];
        for (int c = 0; c < wanted.size(); c++) {
            if (!arrays.containsKey(wanted.get(c))) {
                throw new GeopinnException(what + " has no array '" + wanted.get(c) + "'; it holds " + arrays.keySet() + " and needs "
                        + columns + " and optionally '" + weight + "'");
            }
            NpyArray a = NpyArray.parse(arrays.get(wanted.get(c)), what + ", array '" + wanted.get(c) + "'");
            if (a.shape().length != 1 && !(a.shape().length == 2 && a.shape()[1] == 1)) {
                throw new GeopinnException(what + ", array '" + wanted.get(c) + "': shape " + Arrays.toString(a.shape())
                        + "; each column is a 1-D array of one value per observation");
            }
            byColumn[c] = a.values();
            if (byColumn[c].length != byColumn[0].length) {
                throw new GeopinnException(what + ": array '" + wanted.get(c) + "' has " + byColumn[c].length + " values, array '"
                        + wanted.get(0) + "' has " + byColumn[0].length + "; every column needs one value per observation");
            }
        }
        return table(what, byColumn, columns.size());
    }

    /** @return rows of the {@code columns} values and the weight (the last column, or 1), every value finite */
    private static double[] table(String what, double[][] byColumn, int columns) {
        int rows = byColumn[0].length;
        if (rows == 0) {
            throw new GeopinnException(what + " hold no rows");
        }
        double[] out = new double[rows * (columns + 1)];
        for (int i = 0; i < rows; i++) {
            for (int c = 0; c < byColumn.length; c++) {
                double v = byColumn[c][i];
                if (!Double.isFinite(v)) {
                    throw new GeopinnException(what + ": row " + i + " holds " + v);
                }
                out[i * (columns + 1) + c] = v;
            }
            if (byColumn.length == columns) {
                out[i * (columns + 1) + columns] = 1;
            }
        }
        return out;
    }
}

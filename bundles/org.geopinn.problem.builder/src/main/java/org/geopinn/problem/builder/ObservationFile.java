package org.geopinn.problem.builder;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.geopinn.api.GeopinnException;

/**
 * A table of observations read from a file: a CSV file whose header names its columns, or a NumPy
 * {@code .npy} file holding a 2-D float64 array whose columns are, in order, the problem's variables,
 * the observed field and optionally a weight. Every mistake is one line naming the file (and the
 * line of a CSV file).
 */
final class ObservationFile {
    private static final Pattern NPY_HEADER = Pattern.compile(
            "'descr':\\s*'([<>|]?)f8',\\s*'fortran_order':\\s*(True|False),\\s*'shape':\\s*\\((\\d+),\\s*(\\d+)\\s*,?\\)");

    private ObservationFile() {
    }

    /**
     * @param file the file ({@code .npy}, else CSV)
     * @param columns the columns wanted, in order (the variables, then the field)
     * @param weight the name of the optional weight column
     * @return rows of {@code columns} values followed by the weight (1 when absent), row-major
     */
    static double[] read(Path file, List<String> columns, String weight) {
        try {
            return file.getFileName().toString().endsWith(".npy") ? npy(file, columns.size()) : csv(file, columns, weight);
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

    /** NumPy format 1.x/2.x: magic, version, header length, a Python dict, then the array. */
    private static double[] npy(Path file, int columns) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        if (bytes.length < 10 || bytes[0] != (byte) 0x93 || !new String(bytes, 1, 5, StandardCharsets.US_ASCII).equals("NUMPY")) {
            throw new GeopinnException("observations " + file + " is not a NumPy .npy file");
        }
        int major = bytes[6];
        int headerLength = major == 1 ? Short.toUnsignedInt(b.getShort(8)) : b.getInt(8);
        int start = major == 1 ? 10 : 12;
        if (start + headerLength > bytes.length) {
            throw new GeopinnException("observations " + file + ": truncated header");
        }
        String header = new String(bytes, start, headerLength, StandardCharsets.ISO_8859_1);
        Matcher m = NPY_HEADER.matcher(header);
        if (!m.find() || m.group(1).equals(">") || m.group(2).equals("True")) {
            throw new GeopinnException("observations " + file + ": need a C-ordered 2-D little-endian float64 array, the header says "
                    + header.strip());
        }
        long rows = Long.parseLong(m.group(3));
        int width = Integer.parseInt(m.group(4));
        if (width != columns && width != columns + 1) {
            throw new GeopinnException("observations " + file + " has " + width + " columns; it needs " + columns
                    + " (variables, field) or " + (columns + 1) + " (and a weight)");
        }
        long data = start + headerLength;
        if (data + rows * width * 8 != bytes.length || rows == 0) {
            throw new GeopinnException("observations " + file + ": the array of " + rows + "×" + width + " does not fill the file");
        }
        double[] out = new double[(int) rows * (columns + 1)];
        b.position((int) data);
        for (int i = 0; i < rows; i++) {
            for (int c = 0; c < width; c++) {
                double v = b.getDouble();
                if (!Double.isFinite(v)) {
                    throw new GeopinnException("observations " + file + ": row " + i + " holds " + v);
                }
                out[i * (columns + 1) + c] = v;
            }
            if (width == columns) {
                out[i * (columns + 1) + columns] = 1;
            }
        }
        return out;
    }
}

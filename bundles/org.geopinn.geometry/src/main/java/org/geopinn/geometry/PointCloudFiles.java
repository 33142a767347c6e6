package org.geopinn.geometry;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.geopinn.api.GeopinnException;

/**
 * Reads a {@link PointCloud} from two CSV files with a header. Interior: one column per coordinate,
 * named by the variables (other columns ignored). Boundary: the coordinates, the normal components
 * {@code n_VAR} and optionally {@code part} (a name per row; {@code boundary} when absent). Every
 * mistake is one line naming the file and the line.
 */
final class PointCloudFiles {
    private PointCloudFiles() {
    }

    /**
     * @param variables the coordinates' names, in order
     * @param interiorFile the interior points
     * @param boundaryFile the boundary points with normals and optional parts
     * @return the cloud
     */
    static PointCloud read(List<String> variables, Path interiorFile, Path boundaryFile) {
        List<String> normalColumns = variables.stream().map(v -> "n_" + v).toList();
        List<String> names = new ArrayList<>();
        double[][] in = table(interiorFile, variables, List.of(), null);
        double[][] b = table(boundaryFile, variables, normalColumns, names);
        return new PointCloud(variables.size(), in[0], b[0], b[1], names);
    }

    /** @return {coordinates, normals} row-major; part names appended to {@code names} when not null */
    private static double[][] table(Path file, List<String> coordinates, List<String> normalColumns, List<String> names) {
        List<Double> xs = new ArrayList<>();
        List<Double> ns = new ArrayList<>();
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int number = 0;
            int[] at = null;
            int[] nat = null;
            int partAt = -1;
            while ((line = r.readLine()) != null) {
                number++;
                String trimmed = line.strip();
                if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                    continue;
                }
                String[] cells = trimmed.split("\\s*,\\s*", -1);
                if (at == null) {
                    List<String> header = Arrays.asList(cells);
                    at = columns(file, header, coordinates);
                    nat = columns(file, header, normalColumns);
                    partAt = header.indexOf("part");
                    continue;
                }
                for (int c : at) {
                    xs.add(value(file, number, cells, c));
                }
                for (int c : nat) {
                    ns.add(value(file, number, cells, c));
                }
                if (names != null) {
                    String part = partAt >= 0 && partAt < cells.length ? cells[partAt].strip() : "boundary";
                    if (!part.matches("[A-Za-z][A-Za-z0-9_-]{0,63}")) {
                        throw new GeopinnException("point cloud " + file + " line " + number + ": part '" + part
                                + "' is not a name (a letter, then letters, digits, '_' or '-')");
                    }
                    names.add(part);
                }
            }
            if (at == null) {
                throw new GeopinnException("point cloud " + file + " is empty; it needs a header naming " + coordinates);
            }
        } catch (IOException e) {
            throw new GeopinnException("cannot read point cloud " + file + ": " + e.getMessage(), e);
        }
        return new double[][] {xs.stream().mapToDouble(Double::doubleValue).toArray(),
            ns.stream().mapToDouble(Double::doubleValue).toArray()};
    }

    private static int[] columns(Path file, List<String> header, List<String> wanted) {
        int[] at = new int[wanted.size()];
        for (int k = 0; k < at.length; k++) {
            at[k] = header.indexOf(wanted.get(k));
            if (at[k] < 0) {
                throw new GeopinnException("point cloud " + file + ": the header " + header + " has no column '" + wanted.get(k)
                        + "'; it needs " + wanted);
            }
        }
        return at;
    }

    private static double value(Path file, int line, String[] cells, int c) {
        try {
            double v = Double.parseDouble(c < cells.length ? cells[c] : "");
            if (Double.isFinite(v)) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new GeopinnException("point cloud " + file + " line " + line + ": column " + (c + 1) + " is '"
                + (c < cells.length ? cells[c] : "") + "', not a finite number");
    }
}

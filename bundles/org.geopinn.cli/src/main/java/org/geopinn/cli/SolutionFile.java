package org.geopinn.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.geopinn.cli.export.VtkXml;

/**
 * The solution file of a results directory. On a box, {@value ResultWriter#VTK}: the legacy VTK grid
 * ({@link VtkWriter}). On a geometry, {@value ResultWriter#VTU}: a VTK XML unstructured grid of the grid
 * points inside the domain and the grid cells whose corners all lie inside (quadrilaterals, segments in
 * 1-D), so that nothing outside the domain is drawn or stored; an inside point that is no kept cell's
 * corner (next to the boundary) is a vertex cell of its own, so every value inside is shown.
 */
final class SolutionFile {
    private SolutionFile() {
    }

    /**
     * @param grid the sampled fields
     * @param title the problem and run
     * @param files where a file of the results goes, by name
     * @return the name of the file written
     */
    static String write(FieldGrid grid, String title, Function<String, Path> files) {
        if (grid.inside == null) {
            VtkWriter.write(grid, title, files.apply(ResultWriter.VTK));
            return ResultWriter.VTK;
        }
        String text = insideCells(grid, title);
        AtomicFiles.write(files.apply(ResultWriter.VTU), out -> out.write(text.getBytes(StandardCharsets.US_ASCII)));
        return ResultWriter.VTU;
    }

    /**
     * @param grid the sampled fields on a geometry ({@code grid.inside} set)
     * @param title the problem and run
     * @return the .vtu document of the points and cells inside
     */
    static String insideCells(FieldGrid grid, String title) {
        int n = grid.nx * grid.ny;
        int[] index = new int[n]; // the point's number in the file, −1 outside
        int kept = 0;
        for (int i = 0; i < n; i++) {
            index[i] = grid.inside[i] ? kept++ : -1;
        }
        double[] xyz = new double[3 * kept];
        for (int i = 0; i < n; i++) {
            if (index[i] >= 0) {
                xyz[3 * index[i]] = grid.x(i % grid.nx);
                xyz[3 * index[i] + 1] = grid.ny == 1 ? 0 : grid.y(i / grid.nx);
                xyz[3 * index[i] + 2] = grid.depth;
            }
        }
        VtkXml.Cells cells = cells(grid, index, kept);
        Map<String, double[]> arrays = new LinkedHashMap<>();
        for (int f = 0; f < grid.fields.size(); f++) {
            String name = grid.fields.get(f);
            arrays.put(name, inside(grid.values[f], index, kept));
            if (grid.exact != null) {
                arrays.put(name + "_reference", inside(grid.exact[f], index, kept));
                arrays.put(name + "_error", inside(grid.error[f], index, kept));
            }
        }
        String note = title + (grid.slice.isEmpty() ? "" : " (" + grid.slice + ")") + "; axes " + String.join(", ", grid.axes)
                + "; the grid cells inside the domain";
        return VtkXml.unstructured(note, xyz, cells, arrays);
    }

    /** The grid cells with every corner inside, then a vertex for each inside point no such cell has. */
    private static VtkXml.Cells cells(FieldGrid grid, int[] index, int kept) {
        int nx = grid.nx;
        int corners = grid.ny == 1 ? 2 : 4;
        int cellCount = grid.ny == 1 ? nx - 1 : (nx - 1) * (grid.ny - 1);
        int[] connectivity = new int[cellCount * corners + kept];
        int[] offsets = new int[cellCount + kept];
        byte[] types = new byte[cellCount + kept];
        boolean[] used = new boolean[kept];
        int c = 0;
        int end = 0;
        for (int cell = 0; cell < cellCount; cell++) {
            int i = grid.ny == 1 ? cell : cell % (nx - 1) + nx * (cell / (nx - 1)); // the cell's lower-left grid point
            int[] corner = grid.ny == 1 ? new int[] {i, i + 1} : new int[] {i, i + 1, i + 1 + nx, i + nx}; // counter-clockwise
            if (Arrays.stream(corner).allMatch(k -> index[k] >= 0)) {
                for (int k : corner) {
                    connectivity[end++] = index[k];
                    used[index[k]] = true;
                }
                offsets[c] = end;
                types[c++] = grid.ny == 1 ? VtkXml.Cells.LINE : VtkXml.Cells.QUAD;
            }
        }
        for (int p = 0; p < kept; p++) {
            if (!used[p]) {
                connectivity[end++] = p;
                offsets[c] = end;
                types[c++] = VtkXml.Cells.VERTEX;
            }
        }
        return new VtkXml.Cells(Arrays.copyOf(connectivity, end), Arrays.copyOf(offsets, c), Arrays.copyOf(types, c));
    }

    private static double[] inside(double[] values, int[] index, int kept) {
        double[] v = new double[kept];
        for (int i = 0; i < values.length; i++) {
            if (index[i] >= 0) {
                v[index[i]] = values[i];
            }
        }
        return v;
    }
}

package org.geopinn.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Writes a {@link FieldGrid} as a legacy ASCII VTK file (STRUCTURED_POINTS) that ParaView opens
 * directly: one scalar array per field, and per field its reference and absolute error when known.
 */
final class VtkWriter {
    private VtkWriter() {
    }

    /**
     * @param grid the sampled fields
     * @param title the first line of the file (problem and run)
     * @param target the .vtk file, written atomically
     */
    static void write(FieldGrid grid, String title, Path target) {
        AtomicFiles.write(target, stream -> {
            BufferedWriter w = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.US_ASCII));
            w.write("# vtk DataFile Version 3.0\n");
            w.write(title.replaceAll("[\\r\\n]", " ") + (grid.slice.isEmpty() ? "" : " (" + grid.slice + ")") + "\n");
            w.write("ASCII\nDATASET STRUCTURED_POINTS\n");
            w.write("DIMENSIONS " + grid.nx + " " + grid.ny + " 1\n");
            w.write("ORIGIN " + grid.origin[0] + " " + grid.origin[1] + " 0\n");
            w.write("SPACING " + grid.spacing[0] + " " + grid.spacing[1] + " 1\n");
            w.write("POINT_DATA " + grid.nx * grid.ny + "\n");
            for (int f = 0; f < grid.fields.size(); f++) {
                String name = grid.fields.get(f);
                scalars(w, name, grid.values[f]);
                if (grid.exact != null) {
                    scalars(w, name + "_reference", grid.exact[f]);
                    scalars(w, name + "_error", grid.error[f]);
                }
            }
            w.flush();
        });
    }

    private static void scalars(BufferedWriter w, String name, double[] v) throws IOException {
        w.write("SCALARS " + name + " double 1\nLOOKUP_TABLE default\n");
        for (double x : v) {
            w.write(Double.toString(Double.isFinite(x) ? x : 0.0));
            w.write('\n');
        }
    }
}

package org.geopinn.reporting;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.geopinn.api.GeopinnException;

/** Legacy VTK (ASCII) files that ParaView and VisIt open: scalar fields on a regular 2-D grid. */
public final class Vtk {
    private Vtk() {
    }

    /**
     * Writes {@code DATASET STRUCTURED_POINTS} with one {@code SCALARS} block per field.
     *
     * @param file the file (replaced)
     * @param title the header line (one line)
     * @param nx points along x
     * @param ny points along y
     * @param origin (x, y) of the first point
     * @param spacing (Δx, Δy)
     * @param scalars name → nx·ny values, x fastest
     * @throws GeopinnException naming the file when it cannot be written, or for a field of the wrong size
     */
    public static void structuredPoints(Path file, String title, int nx, int ny, double[] origin, double[] spacing,
            Map<String, double[]> scalars) {
        int n = nx * ny;
        scalars.forEach((name, values) -> {
            if (values.length != n) {
                throw new GeopinnException("VTK field '" + name + "' has " + values.length + " values for a " + nx + "×" + ny + " grid");
            }
        });
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(file))) {
            w.println("# vtk DataFile Version 3.0");
            w.println(title.replace('\n', ' '));
            w.println("ASCII");
            w.println("DATASET STRUCTURED_POINTS");
            w.println("DIMENSIONS " + nx + " " + ny + " 1");
            w.println("ORIGIN " + origin[0] + " " + origin[1] + " 0");
            w.println("SPACING " + spacing[0] + " " + spacing[1] + " 1");
            w.println("POINT_DATA " + n);
            for (Map.Entry<String, double[]> e : scalars.entrySet()) {
                w.println("SCALARS " + e.getKey().replace(' ', '_') + " double 1");
                w.println("LOOKUP_TABLE default");
                for (double v : e.getValue()) {
                    w.println(v);
                }
            }
        } catch (IOException e) {
            throw new GeopinnException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}

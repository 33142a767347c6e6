package org.geopinn.cli.export;

import java.util.List;
import java.util.Map;

/**
 * VTK XML files (ParaView's own format, "VTK File Formats", Kitware) as text, ASCII data:
 * {@code .vti} ImageData for a grid on a box, {@code .vtu} UnstructuredGrid of vertex cells for
 * a set of points, or of any cells over points (the grid cells inside a geometry). Each named
 * array becomes a Float64 point-data array; values that are not finite are written as NaN, which
 * VTK reads.
 */
public final class VtkXml {
    private VtkXml() {
    }

    /**
     * @param grid the sampled box
     * @param title a description (problem, run) stored as a comment
     * @return the .vti document
     */
    public static String imageData(SampledBox grid, String title) {
        int[] s = grid.size();
        String extent = "0 " + (s[0] - 1) + " 0 " + (s[1] - 1) + " 0 " + (s[2] - 1);
        StringBuilder b = header("ImageData", note(title, grid.slice(), grid.variables()));
        b.append("  <ImageData WholeExtent=\"").append(extent).append("\" Origin=\"").append(triple(grid.origin()))
                .append("\" Spacing=\"").append(triple(grid.spacing())).append("\">\n");
        b.append("    <Piece Extent=\"").append(extent).append("\">\n");
        pointData(b, grid.arrays());
        b.append("    </Piece>\n  </ImageData>\n</VTKFile>\n");
        return b.toString();
    }

    /**
     * @param grid the sampled points (their first three variables are the coordinates)
     * @param title a description stored as a comment
     * @return the .vtu document: one vertex cell per point
     */
    public static String unstructured(SampledBox grid, String title) {
        int n = grid.count();
        int d = grid.points().length / n;
        double[] xyz = new double[3 * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < Math.min(d, 3); j++) {
                xyz[3 * i + j] = grid.points()[i * d + j];
            }
        }
        return unstructured(note(title, grid.slice(), grid.variables()), xyz, Cells.vertices(n), grid.arrays());
    }

    /**
     * @param note a description stored as a comment (problem, run, axes)
     * @param xyz the points' coordinates, three per point
     * @param cells the cells over the points
     * @param arrays the point data by name, one value per point
     * @return the .vtu document
     */
    public static String unstructured(String note, double[] xyz, Cells cells, Map<String, double[]> arrays) {
        int n = xyz.length / 3;
        StringBuilder b = header("UnstructuredGrid", note);
        b.append("  <UnstructuredGrid>\n    <Piece NumberOfPoints=\"").append(n).append("\" NumberOfCells=\"").append(cells.count())
                .append("\">\n");
        b.append("      <Points>\n        <DataArray type=\"Float64\" NumberOfComponents=\"3\" format=\"ascii\">\n");
        for (int i = 0; i < n; i++) {
            b.append("          ").append(number(xyz[3 * i])).append(' ').append(number(xyz[3 * i + 1])).append(' ')
                    .append(number(xyz[3 * i + 2])).append('\n');
        }
        b.append("        </DataArray>\n      </Points>\n      <Cells>\n");
        b.append("        <DataArray type=\"Int64\" Name=\"connectivity\" format=\"ascii\">\n");
        integers(b, cells.connectivity(), 16);
        b.append("        </DataArray>\n        <DataArray type=\"Int64\" Name=\"offsets\" format=\"ascii\">\n");
        integers(b, cells.offsets(), 16);
        b.append("        </DataArray>\n        <DataArray type=\"UInt8\" Name=\"types\" format=\"ascii\">\n");
        int[] types = new int[cells.count()];
        for (int c = 0; c < types.length; c++) {
            types[c] = cells.types()[c];
        }
        integers(b, types, 32);
        b.append("        </DataArray>\n      </Cells>\n");
        pointData(b, arrays);
        b.append("    </Piece>\n  </UnstructuredGrid>\n</VTKFile>\n");
        return b.toString();
    }

    /**
     * The cells of an unstructured grid, as VTK stores them.
     *
     * @param connectivity the cells' corner indices, one cell after the other
     * @param offsets where each cell's corners end in {@code connectivity}
     * @param types each cell's VTK type ({@link #VERTEX}, {@link #LINE}, {@link #QUAD})
     */
    public record Cells(int[] connectivity, int[] offsets, byte[] types) {
        /** VTK_VERTEX: one point. */
        public static final byte VERTEX = 1;
        /** VTK_LINE: two points. */
        public static final byte LINE = 3;
        /** VTK_QUAD: four points, counter-clockwise. */
        public static final byte QUAD = 9;

        /** @return the number of cells */
        public int count() {
            return types.length;
        }

        /** @param n points @return one vertex cell per point */
        public static Cells vertices(int n) {
            int[] connectivity = new int[n];
            int[] offsets = new int[n];
            byte[] types = new byte[n];
            for (int i = 0; i < n; i++) {
                connectivity[i] = i;
                offsets[i] = i + 1;
                types[i] = VERTEX;
            }
            return new Cells(connectivity, offsets, types);
        }
    }

    private static String note(String title, String slice, List<String> variables) {
        return title + (slice.isEmpty() ? "" : " (" + slice + ")") + "; axes " + String.join(", ", variables);
    }

    private static StringBuilder header(String type, String note) {
        StringBuilder b = new StringBuilder("<?xml version=\"1.0\"?>\n");
        b.append("<!-- ").append(note.replace("--", "- -").replaceAll("[\\r\\n]", " ")).append(" -->\n");
        b.append("<VTKFile type=\"").append(type).append("\" version=\"1.0\" byte_order=\"LittleEndian\" header_type=\"UInt64\">\n");
        return b;
    }

    private static void pointData(StringBuilder b, Map<String, double[]> arrays) {
        String first = arrays.keySet().stream().findFirst().orElse("");
        b.append("      <PointData Scalars=\"").append(escape(first)).append("\">\n");
        arrays.forEach((name, v) -> {
            b.append("        <DataArray type=\"Float64\" Name=\"").append(escape(name)).append("\" format=\"ascii\">\n");
            for (int i = 0; i < v.length; i++) {
                b.append(i % 8 == 0 ? "          " : " ").append(number(v[i]));
                if (i % 8 == 7 || i == v.length - 1) {
                    b.append('\n');
                }
            }
            b.append("        </DataArray>\n");
        });
        b.append("      </PointData>\n");
    }

    private static void integers(StringBuilder b, int[] v, int perLine) {
        for (int i = 0; i < v.length; i++) {
            b.append(i % perLine == 0 ? "          " : " ").append(v[i]);
            if (i % perLine == perLine - 1 || i == v.length - 1) {
                b.append('\n');
            }
        }
    }

    private static String triple(double[] v) {
        return number(v[0]) + " " + number(v[1]) + " " + number(v[2]);
    }

    private static String number(double x) {
        return Double.isFinite(x) ? Double.toString(x) : "nan";
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace("\"", "&quot;");
    }
}

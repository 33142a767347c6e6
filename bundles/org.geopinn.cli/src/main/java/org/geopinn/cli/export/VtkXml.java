package org.geopinn.cli.export;

import java.util.Map;

/**
 * VTK XML files (ParaView's own format, "VTK File Formats", Kitware) as text, ASCII data:
 * {@code .vti} ImageData for a grid on a box, {@code .vtu} UnstructuredGrid of vertex cells for
 * a set of points. Each named array becomes a Float64 point-data array; values that are not
 * finite are written as NaN, which VTK reads.
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
        StringBuilder b = header("ImageData", title, grid);
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
        StringBuilder b = header("UnstructuredGrid", title, grid);
        b.append("  <UnstructuredGrid>\n    <Piece NumberOfPoints=\"").append(n).append("\" NumberOfCells=\"").append(n).append("\">\n");
        b.append("      <Points>\n        <DataArray type=\"Float64\" NumberOfComponents=\"3\" format=\"ascii\">\n");
        for (int i = 0; i < n; i++) {
            b.append("          ");
            for (int j = 0; j < 3; j++) {
                b.append(j > 0 ? " " : "").append(j < Math.min(d, 3) ? number(grid.points()[i * d + j]) : "0");
            }
            b.append('\n');
        }
        b.append("        </DataArray>\n      </Points>\n      <Cells>\n");
        b.append("        <DataArray type=\"Int64\" Name=\"connectivity\" format=\"ascii\">\n");
        sequence(b, n, 0);
        b.append("        </DataArray>\n        <DataArray type=\"Int64\" Name=\"offsets\" format=\"ascii\">\n");
        sequence(b, n, 1);
        b.append("        </DataArray>\n        <DataArray type=\"UInt8\" Name=\"types\" format=\"ascii\">\n");
        for (int i = 0; i < n; i++) {
            b.append(i % 32 == 0 ? "          " : " ").append("1"); // VTK_VERTEX
            if (i % 32 == 31 || i == n - 1) {
                b.append('\n');
            }
        }
        b.append("        </DataArray>\n      </Cells>\n");
        pointData(b, grid.arrays());
        b.append("    </Piece>\n  </UnstructuredGrid>\n</VTKFile>\n");
        return b.toString();
    }

    private static StringBuilder header(String type, String title, SampledBox grid) {
        StringBuilder b = new StringBuilder("<?xml version=\"1.0\"?>\n");
        String note = title + (grid.slice().isEmpty() ? "" : " (" + grid.slice() + ")") + "; axes " + String.join(", ", grid.variables());
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

    private static void sequence(StringBuilder b, int n, int start) {
        for (int i = 0; i < n; i++) {
            b.append(i % 16 == 0 ? "          " : " ").append(i + start);
            if (i % 16 == 15 || i == n - 1) {
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

package org.geopinn.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.geopinn.reporting.HeatMaps;
import org.geopinn.reporting.LineChart;

/**
 * PNG pictures of a run, drawn by the reporting bundle: the solution and its error as heat maps
 * (2-D, or a 2-D slice) or curves (1-D), and the loss curve per condition with the error. Files are
 * written atomically, so an interrupted run never leaves half a picture.
 */
final class Pictures {
    private Pictures() {
    }

    /**
     * Loads AWT, the fonts and the image encoders now: they register JVM shutdown hooks when first
     * used, which fails once Ctrl-C has started the shutdown, and pictures must still be drawn then.
     */
    static void warmUp() {
        HeatMaps.warmUp();
    }

    /**
     * @param grid the sampled fields
     * @param title a title prefix (problem and run)
     * @param target the PNG file
     */
    static void solution(FieldGrid grid, String title, Path target) {
        if (grid.ny == 1) {
            List<LineChart.Series> series = new ArrayList<>();
            for (int f = 0; f < grid.fields.size(); f++) {
                series.add(line(grid.fields.get(f), xs(grid), grid.values[f]));
                if (grid.exact != null) {
                    series.add(line(grid.fields.get(f) + " reference", xs(grid), grid.exact[f]));
                }
            }
            lines(LineChart.Axes.of(title, grid.axes.get(0), "", false), series, target);
        } else {
            heatMap(grid, grid.values[0], title + " — " + grid.fields.get(0), target);
        }
    }

    /**
     * @param grid the sampled fields, with a reference
     * @param title a title prefix
     * @param target the PNG file
     */
    static void error(FieldGrid grid, String title, Path target) {
        if (grid.ny == 1) {
            List<LineChart.Series> series = new ArrayList<>();
            for (int f = 0; f < grid.fields.size(); f++) {
                series.add(line("|" + grid.fields.get(f) + " − reference|", xs(grid), grid.error[f]));
            }
            lines(LineChart.Axes.of(title, grid.axes.get(0), "", true), series, target);
        } else {
            heatMap(grid, grid.error[0], title + " — |" + grid.fields.get(0) + " − reference|", target);
        }
    }

    /**
     * @param table the history
     * @param title the chart title
     * @param target the PNG file
     */
    static void lossCurve(HistoryTable table, String title, Path target) {
        List<LineChart.Series> series = new ArrayList<>();
        series.add(line("loss", table.steps(), table.column(HistoryTable.LOSS)));
        for (String c : table.conditions()) {
            series.add(line("loss " + c, table.steps(), table.column("loss_" + c)));
        }
        series.add(new LineChart.Series("rel. L2 error", table.steps(), table.column(HistoryTable.REL_L2),
                LineChart.Style.LINE_AND_MARKERS, false));
        lines(LineChart.Axes.of(title, "step", "loss / error", true), series, target);
    }

    private static LineChart.Series line(String name, double[] x, double[] y) {
        return new LineChart.Series(name, x, y, LineChart.Style.LINE, false);
    }

    private static double[] xs(FieldGrid grid) {
        double[] x = new double[grid.nx];
        for (int i = 0; i < grid.nx; i++) {
            x[i] = grid.x(i);
        }
        return x;
    }

    private static void lines(LineChart.Axes axes, List<LineChart.Series> series, Path target) {
        AtomicFiles.write(target, out -> LineChart.write(axes, series, out));
    }

    /** One field's map; points outside a geometry are left blank and do not stretch the colour scale. */
    private static void heatMap(FieldGrid grid, double[] data, String title, Path target) {
        double[] shown = data.clone();
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < shown.length; i++) {
            if (grid.inside != null && !grid.inside[i]) {
                shown[i] = Double.NaN;
            } else if (Double.isFinite(shown[i])) {
                min = Math.min(min, shown[i]);
                max = Math.max(max, shown[i]);
            }
        }
        String caption = title + (grid.slice.isEmpty() ? "" : " (" + grid.slice + ")");
        HeatMaps.Panel panel = new HeatMaps.Panel(caption, shown, grid.nx, grid.ny, grid.x(0), grid.x(grid.nx - 1), grid.y(0),
                grid.y(grid.ny - 1), min, max);
        AtomicFiles.write(target, out -> HeatMaps.write(List.of(panel), grid.axes.get(0), grid.axes.get(1), out));
    }
}

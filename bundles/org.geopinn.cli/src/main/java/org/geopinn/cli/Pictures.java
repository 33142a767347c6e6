package org.geopinn.cli;

import java.awt.Color;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * PNG pictures of a run, drawn with XChart (headless): the solution and its error as heat maps
 * (2-D, or a 2-D slice) or curves (1-D), and the loss curve per condition with the error.
 */
final class Pictures {
    private static final int WIDTH = 800;
    private static final int HEIGHT = 640;
    /** Blue to red through white: a diverging palette that reads in print. */
    private static final Color[] PALETTE = {new Color(0x3B4CC0), new Color(0x8DB0FE), new Color(0xF2F2F2), new Color(0xF49A7B),
            new Color(0xB40426)};

    private Pictures() {
    }

    /**
     * Draws a small chart into memory so that AWT, the fonts and the image encoders are loaded
     * now: they register JVM shutdown hooks when first used, which fails once Ctrl-C has started
     * the shutdown, and pictures must still be drawn then.
     */
    static void warmUp() {
        try {
            XYChart chart = new XYChartBuilder().width(64).height(48).title("warm-up").build();
            chart.addSeries("a", new double[] {0, 1}, new double[] {1, 2});
            HeatMapChart heat = new HeatMapChartBuilder().width(64).height(48).build();
            heat.addSeries("h", new int[] {0, 1}, new int[] {0, 1}, new int[][] {{0, 0, 1}, {1, 1, 2}});
            BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
            BitmapEncoder.getBitmapBytes(heat, BitmapEncoder.BitmapFormat.PNG);
        } catch (java.io.IOException | RuntimeException | LinkageError e) {
            // drawing fails later with a warning in summary.json; nothing to do here
        }
    }

    /**
     * @param grid the sampled fields
     * @param title a title prefix (problem and run)
     * @param target the PNG file
     */
    static void solution(FieldGrid grid, String title, Path target) {
        save(grid.ny == 1 ? curves(grid, title, false) : heatMap(grid, grid.values, title + " — " + grid.fields.get(0)), target);
    }

    /**
     * @param grid the sampled fields, with a reference
     * @param title a title prefix
     * @param target the PNG file
     */
    static void error(FieldGrid grid, String title, Path target) {
        save(grid.ny == 1 ? curves(grid, title, true) : heatMap(grid, grid.error, title + " — |" + grid.fields.get(0) + " − reference|"),
                target);
    }

    /**
     * @param table the history
     * @param title the chart title
     * @param target the PNG file
     */
    static void lossCurve(HistoryTable table, String title, Path target) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title).xAxisTitle("step").yAxisTitle("loss / error").build();
        chart.getStyler().setYAxisLogarithmic(true);
        chart.getStyler().setMarkerSize(3);
        chart.getStyler().setYAxisDecimalPattern("0.0E0");
        addLogSeries(chart, "loss", table.steps(), table.column(HistoryTable.LOSS), false);
        for (String c : table.conditions()) {
            addLogSeries(chart, "loss " + c, table.steps(), table.column("loss_" + c), false);
        }
        addLogSeries(chart, "rel. L2 error", table.steps(), table.column(HistoryTable.REL_L2), true);
        if (chart.getSeriesMap().isEmpty()) {
            chart.addSeries("loss", new double[] {0}, new double[] {1});
        }
        save(chart, target);
    }

    private static void addLogSeries(XYChart chart, String name, double[] x, double[] y, boolean markers) {
        List<Double> xs = new ArrayList<>();
        List<Double> ys = new ArrayList<>();
        for (int i = 0; i < x.length; i++) {
            if (Double.isFinite(y[i]) && y[i] > 0) {
                xs.add(x[i]);
                ys.add(y[i]);
            }
        }
        if (!xs.isEmpty()) {
            XYSeries s = chart.addSeries(name, xs, ys);
            s.setMarker(markers ? SeriesMarkers.CIRCLE : SeriesMarkers.NONE);
            if (markers && xs.size() > 1) {
                s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
            }
        }
    }

    private static XYChart curves(FieldGrid grid, String title, boolean errorOnly) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title).xAxisTitle(grid.axes.get(0)).build();
        double[] x = new double[grid.nx];
        for (int i = 0; i < grid.nx; i++) {
            x[i] = grid.x(i);
        }
        for (int f = 0; f < grid.fields.size(); f++) {
            String name = grid.fields.get(f);
            if (errorOnly) {
                chart.getStyler().setYAxisLogarithmic(true);
                double[] e = grid.error[f].clone();
                for (int i = 0; i < e.length; i++) {
                    e[i] = Math.max(e[i], 1e-300);
                }
                chart.addSeries("|" + name + " − reference|", x, e).setMarker(SeriesMarkers.NONE);
            } else {
                chart.addSeries(name, x, grid.values[f]).setMarker(SeriesMarkers.NONE);
                if (grid.exact != null) {
                    chart.addSeries(name + " reference", x, grid.exact[f]).setMarker(SeriesMarkers.NONE);
                }
            }
        }
        return chart;
    }

    private static HeatMapChart heatMap(FieldGrid grid, double[][] data, String title) {
        HeatMapChart chart = new HeatMapChartBuilder().width(WIDTH).height(HEIGHT).title(title + (grid.slice.isEmpty() ? "" : " (" + grid.slice + ")"))
                .xAxisTitle(grid.axes.get(0)).yAxisTitle(grid.axes.get(1)).build();
        chart.getStyler().setRangeColors(PALETTE);
        chart.getStyler().setShowValue(false);
        chart.getStyler().setDrawBorder(false);
        chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.OutsideE);
        chart.getStyler().setHeatMapDecimalValueFormatter(v -> String.format(Locale.ROOT, "%.3g", v));
        chart.getStyler().setHeatMapValueDecimalPattern("0.###E0");
        double[] v = data[0];
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        List<Number[]> cells = new ArrayList<>();
        for (int iy = 0; iy < grid.ny; iy++) {
            for (int ix = 0; ix < grid.nx; ix++) {
                double z = v[ix + grid.nx * iy];
                if (grid.inside != null && !grid.inside[ix + grid.nx * iy]) {
                    continue; // outside a geometry: left blank
                }
                min = Math.min(min, z);
                max = Math.max(max, z);
                cells.add(new Number[] {ix, iy, z});
            }
        }
        // The colour bar prints its ends as they are: round them outwards to three digits.
        chart.getStyler().setMin(round3(min, false));
        chart.getStyler().setMax(max > min ? round3(max, true) : round3(min, true) + Math.ulp(min) + 1e-300);
        chart.addSeries(title, labels(grid, true), labels(grid, false), cells);
        return chart;
    }

    private static double round3(double v, boolean up) {
        if (v == 0 || !Double.isFinite(v)) {
            return v;
        }
        java.math.BigDecimal b = new java.math.BigDecimal(v).round(new java.math.MathContext(3,
                up ? java.math.RoundingMode.CEILING : java.math.RoundingMode.FLOOR));
        return b.doubleValue();
    }

    /** Axis labels: every tenth grid line labelled, the others blank, so the axis stays readable. */
    private static List<String> labels(FieldGrid grid, boolean xAxis) {
        int n = xAxis ? grid.nx : grid.ny;
        int every = Math.max(1, (n - 1) / 4);
        List<String> l = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            l.add(i % every == 0 ? String.format(Locale.ROOT, "%.2g", xAxis ? grid.x(i) : grid.y(i)) : " ".repeat(i % 7 + 1));
        }
        return l;
    }

    private static void save(Chart<?, ?> chart, Path target) {
        AtomicFiles.write(target, out -> BitmapEncoder.saveBitmap(chart, out, BitmapEncoder.BitmapFormat.PNG));
    }
}

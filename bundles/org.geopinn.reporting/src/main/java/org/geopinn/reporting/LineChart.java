package org.geopinn.reporting;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.geopinn.api.GeopinnException;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * A PNG chart of curves y(x) drawn with XChart (headless), with an optional logarithmic y axis and
 * an optional second y axis on the right (e.g. CG iterations beside an error).
 */
public final class LineChart {
    private static final int WIDTH = 800;
    private static final int HEIGHT = 520;

    /** How a series is drawn. */
    public enum Style {
        /** a line without markers */
        LINE,
        /** markers only (e.g. the times of restarts) */
        MARKERS,
        /** a line through markers */
        LINE_AND_MARKERS
    }

    /**
     * One curve.
     *
     * @param name the legend text
     * @param x the abscissae
     * @param y the values (points with a non-finite value, or a non-positive one on a log axis, are left out)
     * @param style how it is drawn
     * @param rightAxis whether it is read on the right y axis
     */
    public record Series(String name, double[] x, double[] y, Style style, boolean rightAxis) {
        /** Checks the lengths and copies nothing (the arrays are read when drawing). */
        public Series {
            if (x.length != y.length) {
                throw new GeopinnException("series '" + name + "' has " + x.length + " abscissae and " + y.length + " values");
            }
        }

        /**
         * @param name the legend text
         * @param x the abscissae
         * @param y the values
         * @return a line on the left axis
         */
        public static Series line(String name, double[] x, double[] y) {
            return new Series(name, x, y, Style.LINE_AND_MARKERS, false);
        }
    }

    /**
     * The axes of a chart.
     *
     * @param title the chart title
     * @param xLabel the x axis title
     * @param yLabel the left y axis title
     * @param logX whether the x axis is logarithmic (points with x &le; 0 are left out)
     * @param logY whether the left axis is logarithmic
     * @param rightLabel the right y axis title (ignored when no series uses it); XChart applies the
     *        logarithmic scale to both axes, so a log chart's right axis is logarithmic too
     */
    public record Axes(String title, String xLabel, String yLabel, boolean logX, boolean logY, String rightLabel) {
        /**
         * Axes with a linear x axis.
         *
         * @param title the chart title
         * @param xLabel the x axis title
         * @param yLabel the left y axis title
         * @param logY whether the left axis is logarithmic
         * @param rightLabel the right y axis title
         */
        public Axes(String title, String xLabel, String yLabel, boolean logY, String rightLabel) {
            this(title, xLabel, yLabel, false, logY, rightLabel);
        }

        /**
         * @param title the chart title
         * @param xLabel the x axis title
         * @param yLabel the y axis title
         * @param logY whether the y axis is logarithmic
         * @return axes without a right axis
         */
        public static Axes of(String title, String xLabel, String yLabel, boolean logY) {
            return new Axes(title, xLabel, yLabel, false, logY, "");
        }
    }

    private LineChart() {
    }

    /**
     * @param axes the titles and scales
     * @param series the curves (a chart without drawable points still gets written, empty)
     * @param file the PNG file (replaced)
     * @throws GeopinnException naming the file when it cannot be written
     */
    public static void write(Axes axes, List<Series> series, Path file) {
        save(chart(axes, series), file);
    }

    /**
     * The same chart into a stream, for callers that write their files atomically.
     *
     * @param axes the titles and scales
     * @param series the curves
     * @param out the stream the PNG goes to (not closed)
     * @throws IOException when the stream fails
     */
    public static void write(Axes axes, List<Series> series, OutputStream out) throws IOException {
        BitmapEncoder.saveBitmap(chart(axes, series), out, BitmapEncoder.BitmapFormat.PNG);
    }

    private static XYChart chart(Axes axes, List<Series> series) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(axes.title()).xAxisTitle(axes.xLabel())
                .yAxisTitle(axes.yLabel()).build();
        chart.getStyler().setMarkerSize(5);
        chart.getStyler().setXAxisLogarithmic(axes.logX());
        chart.getStyler().setYAxisLogarithmic(axes.logY());
        if (axes.logY()) {
            chart.getStyler().setYAxisDecimalPattern("0.0E0");
        }
        boolean right = false;
        for (Series s : series) {
            boolean log = axes.logY();
            List<Double> xs = new ArrayList<>();
            List<Double> ys = new ArrayList<>();
            for (int i = 0; i < s.x().length; i++) {
                double y = s.y()[i];
                if (Double.isFinite(y) && Double.isFinite(s.x()[i]) && (!log || y > 0) && (!axes.logX() || s.x()[i] > 0)) {
                    xs.add(s.x()[i]);
                    ys.add(y);
                }
            }
            if (xs.isEmpty()) {
                continue;
            }
            XYSeries added = chart.addSeries(s.name(), xs, ys);
            added.setMarker(s.style() == Style.LINE ? SeriesMarkers.NONE : SeriesMarkers.CIRCLE);
            added.setXYSeriesRenderStyle(s.style() == Style.MARKERS ? XYSeries.XYSeriesRenderStyle.Scatter
                    : XYSeries.XYSeriesRenderStyle.Line);
            if (s.rightAxis()) {
                added.setYAxisGroup(1);
                right = true;
            }
        }
        if (right) {
            chart.setYAxisGroupTitle(1, axes.rightLabel());
            chart.getStyler().setYAxisGroupPosition(1, org.knowm.xchart.style.Styler.YAxisPosition.Right);
        }
        if (chart.getSeriesMap().isEmpty()) {
            chart.addSeries("(no finite values)", new double[] {1}, new double[] {1}).setMarker(SeriesMarkers.NONE);
        }
        return chart;
    }

    /**
     * @param chart an XChart chart
     * @param file the PNG file (replaced)
     * @throws GeopinnException naming the file when it cannot be written
     */
    static void save(Chart<?, ?> chart, Path file) {
        try (OutputStream out = Files.newOutputStream(file)) {
            BitmapEncoder.saveBitmap(chart, out, BitmapEncoder.BitmapFormat.PNG);
        } catch (IOException | RuntimeException e) {
            throw new GeopinnException("cannot draw " + file + ": " + e.getMessage(), e);
        }
    }
}

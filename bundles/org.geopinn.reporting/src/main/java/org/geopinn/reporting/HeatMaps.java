package org.geopinn.reporting;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.geopinn.api.GeopinnException;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.Styler;

/**
 * Heat maps of fields on a regular 2-D grid, drawn with XChart (headless), one chart per panel,
 * side by side in one PNG (e.g. network, reference and their difference). Non-finite values are
 * cells without a value (outside a geometry, say) and are left blank.
 */
public final class HeatMaps {
    private static final int WIDTH = 460;
    private static final int HEIGHT = 400;
    /** A lone panel gets the room of a page. */
    private static final int LONE_WIDTH = 800;
    private static final int LONE_HEIGHT = 640;
    /** Blue to red through white: a diverging palette that reads in print. */
    private static final Color[] PALETTE = {new Color(0x3B4CC0), new Color(0x8DB0FE), new Color(0xF2F2F2),
        new Color(0xF49A7B), new Color(0xB40426)};

    /**
     * One heat map.
     *
     * @param title the caption
     * @param values nx·ny values, x fastest (row j = y index, bottom to top)
     * @param nx columns
     * @param ny rows
     * @param x0 the x of the first column
     * @param x1 the x of the last column
     * @param y0 the y of the first row
     * @param y1 the y of the last row
     * @param min the value at the bottom of the colour scale
     * @param max the value at the top
     */
    public record Panel(String title, double[] values, int nx, int ny, double x0, double x1, double y0, double y1, double min,
            double max) {
        /** Checks the size. */
        public Panel {
            if (values.length != nx * ny) {
                throw new GeopinnException("heat map '" + title + "' has " + values.length + " values for a " + nx + "×" + ny + " grid");
            }
        }
    }

    private HeatMaps() {
    }

    /**
     * Draws a small chart and heat map into memory so that AWT, the fonts and the image encoders
     * are loaded now: they register JVM shutdown hooks when first used, which fails once Ctrl-C or
     * SIGTERM has started the shutdown, and a run's pictures must still be drawn then. Call it
     * before a run that writes its results on interruption. Failures are ignored here (drawing
     * reports them later).
     */
    public static void warmUp() {
        try {
            XYChart chart = new XYChartBuilder().width(64).height(48).title("warm-up").build();
            chart.addSeries("a", new double[] {0, 1}, new double[] {1, 2});
            BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
            BufferedImage image = BitmapEncoder.getBufferedImage(chart(new Panel("h", new double[] {0, 1, 1, 2}, 2, 2, 0, 1, 0, 1,
                    0, 2), "x", "y", WIDTH, HEIGHT));
            ImageIO.write(image, "png", new java.io.ByteArrayOutputStream());
        } catch (IOException | RuntimeException | LinkageError e) {
            // drawing fails later with a message naming the file; nothing to do here
        }
    }

    /**
     * @param panels the panels, left to right
     * @param xLabel the x axis title
     * @param yLabel the y axis title
     * @param file the PNG file (replaced)
     * @throws GeopinnException naming the file when it cannot be written
     */
    public static void write(List<Panel> panels, String xLabel, String yLabel, Path file) {
        try (OutputStream out = Files.newOutputStream(file)) {
            write(panels, xLabel, yLabel, out);
        } catch (IOException | RuntimeException e) {
            throw new GeopinnException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * The same picture into a stream, for callers that write their files atomically.
     *
     * @param panels the panels, left to right; a lone panel is drawn large, several side by side smaller
     * @param xLabel the x axis title
     * @param yLabel the y axis title
     * @param out the stream the PNG goes to (not closed)
     * @throws IOException when the stream fails
     */
    public static void write(List<Panel> panels, String xLabel, String yLabel, OutputStream out) throws IOException {
        int width = panels.size() == 1 ? LONE_WIDTH : WIDTH;
        int height = panels.size() == 1 ? LONE_HEIGHT : HEIGHT;
        BufferedImage image = new BufferedImage(Math.max(1, width * panels.size()), height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        for (int k = 0; k < panels.size(); k++) {
            g.drawImage(BitmapEncoder.getBufferedImage(chart(panels.get(k), xLabel, yLabel, width, height)), k * width, 0, null);
        }
        g.dispose();
        ImageIO.write(image, "png", out);
    }

    private static HeatMapChart chart(Panel p, String xLabel, String yLabel, int width, int height) {
        HeatMapChart chart = new HeatMapChartBuilder().width(width).height(height).title(p.title()).xAxisTitle(xLabel)
                .yAxisTitle(yLabel).build();
        chart.getStyler().setRangeColors(PALETTE);
        chart.getStyler().setShowValue(false);
        chart.getStyler().setDrawBorder(false);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        chart.getStyler().setHeatMapValueDecimalPattern("0.###E0");
        double min = p.min();
        double max = p.max() > p.min() ? p.max() : p.min() + Math.max(Math.abs(p.min()) * 1e-12, 1e-300);
        chart.getStyler().setMin(round3(min, false));
        chart.getStyler().setMax(round3(max, true));
        List<Number[]> cells = new ArrayList<>(p.nx() * p.ny());
        for (int iy = 0; iy < p.ny(); iy++) {
            for (int ix = 0; ix < p.nx(); ix++) {
                double z = p.values()[ix + p.nx() * iy];
                if (Double.isFinite(z)) { // a cell without a value (e.g. outside a geometry) is left blank
                    cells.add(new Number[] {ix, iy, z});
                }
            }
        }
        chart.addSeries(p.title(), labels(p.nx(), p.x0(), p.x1()), labels(p.ny(), p.y0(), p.y1()), cells);
        return chart;
    }

    /** The colour bar prints its ends as they are: round them outwards to three digits. */
    private static double round3(double v, boolean up) {
        if (v == 0 || !Double.isFinite(v)) {
            return v;
        }
        return new BigDecimal(v).round(new MathContext(3, up ? RoundingMode.CEILING : RoundingMode.FLOOR)).doubleValue();
    }

    /** Axis labels: four labelled grid lines, the others distinct blanks, so the axis stays readable. */
    private static List<String> labels(int n, double from, double to) {
        int every = Math.max(1, (n - 1) / 4);
        List<String> l = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double v = n > 1 ? from + (to - from) * i / (n - 1.0) : from;
            l.add(i % every == 0 ? String.format(Locale.ROOT, "%.2g", v) : " ".repeat(i % 7 + 1));
        }
        return l;
    }
}

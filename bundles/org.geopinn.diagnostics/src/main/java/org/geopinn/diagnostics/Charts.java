package org.geopinn.diagnostics;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.imageio.ImageIO;
import org.geopinn.api.GeopinnException;
import org.geopinn.reporting.LineChart;

/**
 * PNG pictures of diagnostics, drawn headless: line charts and scatter plots by the reporting
 * bundle's {@link LineChart} (optionally on log axes), and heat maps of kernel matrices (one block
 * of pixels per entry, which stays fast for matrices of a thousand rows).
 */
public final class Charts {
    private static final int WIDTH = 800;
    private static final int HEIGHT = 520;

    private Charts() {
    }

    /**
     * One series of a line chart.
     *
     * @param name the legend entry
     * @param x the abscissae
     * @param y the ordinates, same length
     */
    public record Series(String name, double[] x, double[] y) {
        /**
         * Checks lengths and copies.
         *
         * @param name the legend entry
         * @param x the abscissae (copied)
         * @param y the ordinates, same length (copied)
         */
        public Series {
            if (x.length != y.length) {
                throw new GeopinnException("series '" + name + "' has " + x.length + " x values but " + y.length + " y values");
            }
            x = x.clone();
            y = y.clone();
        }

        /** @return the abscissae (a copy) */
        @Override
        public double[] x() {
            return x.clone();
        }

        /** @return the ordinates (a copy) */
        @Override
        public double[] y() {
            return y.clone();
        }
    }

    /**
     * Writes a line chart. On a logarithmic axis, points with a non-positive or non-finite
     * coordinate are left out (they cannot be drawn there).
     *
     * @param file the PNG file to write (its folder is created)
     * @param title the chart title
     * @param xLabel the x axis title
     * @param yLabel the y axis title
     * @param logX whether the x axis is logarithmic
     * @param logY whether the y axis is logarithmic
     * @param series the series to draw
     * @return the file written
     * @throws GeopinnException if the file cannot be written
     */
    public static Path lineChart(Path file, String title, String xLabel, String yLabel, boolean logX, boolean logY,
            List<Series> series) {
        List<LineChart.Series> lines = new ArrayList<>();
        for (Series s : series) {
            // markers while they can be told apart, a plain line through long series
            lines.add(new LineChart.Series(s.name(), s.x, s.y, s.x.length > 60 ? LineChart.Style.LINE : LineChart.Style.LINE_AND_MARKERS,
                    false));
        }
        return draw(file, new LineChart.Axes(title, xLabel, yLabel, logX, logY, ""), lines);
    }

    /**
     * Writes a heat map of a matrix with a diverging colour scale symmetric about 0 (blue negative,
     * white 0, red positive), one block of pixels per entry, and a colour bar.
     *
     * @param file the PNG file to write (its folder is created)
     * @param title the title drawn above the map
     * @param matrix the entries, row-major rows×cols (not modified)
     * @param rows the row count
     * @param cols the column count
     * @return the file written
     * @throws GeopinnException if the file cannot be written or the matrix is empty
     */
    public static Path heatMap(Path file, String title, double[] matrix, int rows, int cols) {
        if (rows <= 0 || cols <= 0 || matrix.length != rows * cols) {
            throw new GeopinnException("heat map needs a non-empty " + rows + "x" + cols + " matrix, got " + matrix.length + " entries");
        }
        int cell = Math.max(1, 512 / Math.max(rows, cols));
        int top = 40;
        int left = 20;
        int barWidth = 120;
        int width = left + cols * cell + barWidth;
        int height = top + rows * cell + 20;
        double scale = 0;
        for (double v : matrix) {
            if (Double.isFinite(v)) {
                scale = Math.max(scale, Math.abs(v));
            }
        }
        scale = scale > 0 ? scale : 1;
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            for (int i = 0; i < rows; i++) {
                for (int j = 0; j < cols; j++) {
                    g.setColor(diverging(matrix[i * cols + j] / scale));
                    g.fillRect(left + j * cell, top + i * cell, cell, cell);
                }
            }
            int barX = left + cols * cell + 20;
            int barHeight = rows * cell;
            for (int y = 0; y < barHeight; y++) {
                g.setColor(diverging(1 - 2.0 * y / Math.max(1, barHeight - 1)));
                g.fillRect(barX, top + y, 16, 1);
            }
            g.setColor(Color.BLACK);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
            g.drawString(format(scale), barX + 20, top + 10);
            g.drawString("0", barX + 20, top + barHeight / 2 + 4);
            g.drawString(format(-scale), barX + 20, top + barHeight);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
            g.drawString(title, left, 24);
        } finally {
            g.dispose();
        }
        try {
            createParent(file);
            ImageIO.write(image, "png", file.toFile());
        } catch (IOException e) {
            throw new GeopinnException("cannot write heat map " + file + ": " + e.getMessage(), e);
        }
        return file;
    }

    /**
     * Writes a scatter plot (markers only, no lines), e.g. a point cloud.
     *
     * @param file the PNG file to write (its folder is created)
     * @param title the chart title
     * @param xLabel the x axis title
     * @param yLabel the y axis title
     * @param series the point sets to draw
     * @return the file written
     * @throws GeopinnException if the file cannot be written
     */
    public static Path scatter(Path file, String title, String xLabel, String yLabel, List<Series> series) {
        List<LineChart.Series> points = new ArrayList<>();
        for (Series s : series) {
            points.add(new LineChart.Series(s.name(), s.x, s.y, LineChart.Style.MARKERS, false));
        }
        return draw(file, new LineChart.Axes(title, xLabel, yLabel, false, false, ""), points);
    }

    /** Draws through the reporting bundle's chart, into a folder created when missing. */
    private static Path draw(Path file, LineChart.Axes axes, List<LineChart.Series> series) {
        try {
            createParent(file);
        } catch (IOException e) {
            throw new GeopinnException("cannot write chart " + file + ": " + e.getMessage(), e);
        }
        LineChart.write(axes, series, file);
        return file;
    }

    /**
     * A convenience for a single named series given as a map (e.g. spectra of several matrices).
     *
     * @param ys series name to ordinates; abscissae are 1, 2, 3 … (the index in a descending spectrum)
     * @return the series in the map's iteration order
     */
    public static List<Series> indexed(Map<String, double[]> ys) {
        List<Series> list = new ArrayList<>();
        ys.forEach((name, y) -> {
            double[] x = new double[y.length];
            for (int i = 0; i < y.length; i++) {
                x[i] = i + 1;
            }
            list.add(new Series(name, x, y));
        });
        return list;
    }

    /** t in [-1, 1] to blue (−1), white (0), red (+1). */
    private static Color diverging(double t) {
        double c = Double.isFinite(t) ? Math.max(-1, Math.min(1, t)) : 0;
        int fade = (int) Math.round(255 * (1 - Math.abs(c)));
        return c >= 0 ? new Color(255, fade, fade) : new Color(fade, fade, 255);
    }

    private static String format(double v) {
        return String.format(Locale.ROOT, "%.3g", v);
    }

    private static void createParent(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
    }
}

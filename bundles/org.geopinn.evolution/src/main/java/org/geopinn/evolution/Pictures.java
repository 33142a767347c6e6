package org.geopinn.evolution;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.geopinn.api.GeopinnException;

/**
 * Small PNG pictures drawn with java.awt (headless): heat maps of fields on a grid, side by side
 * with titles and a shared colour scale, and a line chart on a logarithmic axis.
 */
final class Pictures {
    private static final int MARGIN = 28;
    private static final Font FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 12);

    private Pictures() {
    }

    /**
     * A heat-map panel.
     *
     * @param title the caption
     * @param values nx·ny values, x fastest (row j = y index, bottom to top)
     * @param nx columns
     * @param ny rows
     * @param min value at the bottom of the colour scale
     * @param max value at the top
     */
    record Panel(String title, double[] values, int nx, int ny, double min, double max) {
    }

    /**
     * @param panels the panels, left to right
     * @param scale pixels per grid cell
     * @param file the PNG file
     */
    static void heatMaps(List<Panel> panels, int scale, Path file) {
        int w = 0;
        int h = 0;
        for (Panel p : panels) {
            w += p.nx() * scale + MARGIN;
            h = Math.max(h, p.ny() * scale + 2 * MARGIN);
        }
        BufferedImage image = new BufferedImage(w + MARGIN, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = canvas(image);
        int x0 = MARGIN;
        for (Panel p : panels) {
            double span = p.max() > p.min() ? p.max() - p.min() : 1;
            for (int j = 0; j < p.ny(); j++) {
                for (int i = 0; i < p.nx(); i++) {
                    double v = (p.values()[j * p.nx() + i] - p.min()) / span;
                    g.setColor(colour(v));
                    g.fillRect(x0 + i * scale, MARGIN + (p.ny() - 1 - j) * scale, scale, scale);
                }
            }
            g.setColor(Color.BLACK);
            g.drawString(p.title(), x0, MARGIN - 8);
            g.drawString(String.format(Locale.ROOT, "[%.3g, %.3g]", p.min(), p.max()), x0, MARGIN + p.ny() * scale + 16);
            x0 += p.nx() * scale + MARGIN;
        }
        write(image, file);
    }

    /**
     * A line chart of positive values against x on a log10 y axis.
     *
     * @param title the caption
     * @param xLabel the x axis label
     * @param x the abscissae
     * @param y the values (non-positive ones are skipped)
     * @param file the PNG file
     */
    static void logChart(String title, String xLabel, double[] x, double[] y, Path file) {
        int w = 640;
        int h = 400;
        int left = 70;
        int bottom = 50;
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = canvas(image);
        double xMin = Double.POSITIVE_INFINITY;
        double xMax = Double.NEGATIVE_INFINITY;
        double yMin = Double.POSITIVE_INFINITY;
        double yMax = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < x.length; i++) {
            if (y[i] > 0 && Double.isFinite(y[i])) {
                xMin = Math.min(xMin, x[i]);
                xMax = Math.max(xMax, x[i]);
                yMin = Math.min(yMin, Math.log10(y[i]));
                yMax = Math.max(yMax, Math.log10(y[i]));
            }
        }
        g.setColor(Color.BLACK);
        g.drawString(title, left, 20);
        g.drawString(xLabel, w / 2, h - 10);
        g.drawRect(left, 30, w - left - 20, h - bottom - 30);
        if (xMin < xMax || yMin <= yMax) {
            yMin = Math.floor(yMin);
            yMax = Math.max(Math.ceil(yMax), yMin + 1);
            if (!(xMax > xMin)) {
                xMax = xMin + 1;
            }
            int plotW = w - left - 20;
            int plotH = h - bottom - 30;
            for (int e = (int) yMin; e <= (int) yMax; e++) {
                int py = 30 + (int) Math.round(plotH * (yMax - e) / (yMax - yMin));
                g.setColor(Color.LIGHT_GRAY);
                g.drawLine(left, py, left + plotW, py);
                g.setColor(Color.BLACK);
                g.drawString("1e" + e, 10, py + 4);
            }
            g.drawString(String.format(Locale.ROOT, "%.3g", xMin), left, h - bottom + 15);
            g.drawString(String.format(Locale.ROOT, "%.3g", xMax), left + plotW - 30, h - bottom + 15);
            g.setColor(new Color(31, 119, 180));
            g.setStroke(new BasicStroke(2f));
            int px = -1;
            int py = -1;
            for (int i = 0; i < x.length; i++) {
                if (!(y[i] > 0) || !Double.isFinite(y[i])) {
                    continue;
                }
                int cx = left + (int) Math.round(plotW * (x[i] - xMin) / (xMax - xMin));
                int cy = 30 + (int) Math.round(plotH * (yMax - Math.log10(y[i])) / (yMax - yMin));
                if (px >= 0) {
                    g.drawLine(px, py, cx, cy);
                }
                g.fillOval(cx - 2, cy - 2, 5, 5);
                px = cx;
                py = cy;
            }
        }
        write(image, file);
    }

    private static Graphics2D canvas(BufferedImage image) {
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        g.setFont(FONT);
        return g;
    }

    /** A blue–white–red diverging map of v ∈ [0, 1]. */
    private static Color colour(double v) {
        double c = Math.max(0, Math.min(1, Double.isFinite(v) ? v : 0.5));
        if (c < 0.5) {
            double s = c / 0.5;
            return new Color((int) (59 + s * (245 - 59)), (int) (76 + s * (245 - 76)), (int) (192 + s * (245 - 192)));
        }
        double s = (c - 0.5) / 0.5;
        return new Color((int) (245 - s * (245 - 180)), (int) (245 - s * (245 - 4)), (int) (245 - s * (245 - 38)));
    }

    private static void write(BufferedImage image, Path file) {
        try {
            ImageIO.write(image, "png", file.toFile());
        } catch (IOException e) {
            throw new GeopinnException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}

package org.geopinn.geometry;

import java.util.List;

/**
 * The primitive shapes. Combine them with {@link Shape#union}, {@link Shape#minus},
 * {@link Shape#intersect}, move them with {@link Shape#translate}, {@link Shape#rotate},
 * {@link Shape#scale}, name boundary parts with {@link Shape#named} and {@link Shape#rename}:
 *
 * <pre>{@code
 * Shape plate = Shapes.rectangle(0, 0, 1, 1).minus(Shapes.disk(0.5, 0.5, 0.2).named("hole"));
 * // boundary parts: xmin, xmax, ymin, ymax, hole
 * }</pre>
 */
public final class Shapes {
    private Shapes() {
    }

    /** @param a the left end @param b the right end, above a @return [a, b] with boundary parts {@code xmin}, {@code xmax} */
    public static Shape interval(double a, double b) {
        return new Box(new double[] {a}, new double[] {b});
    }

    /**
     * @param x0 left @param y0 bottom @param x1 right @param y1 top
     * @return the rectangle with boundary parts {@code xmin, xmax, ymin, ymax}
     */
    public static Shape rectangle(double x0, double y0, double x1, double y1) {
        return new Box(new double[] {x0, y0}, new double[] {x1, y1});
    }

    /**
     * @param lower the lower corner @param upper the upper corner
     * @return the axis-aligned box; boundary parts {@code xmin … zmax} (see {@link #rectangle})
     */
    public static Shape box(double[] lower, double[] upper) {
        return new Box(lower, upper);
    }

    /** @param cx centre x @param cy centre y @param r radius @return the disk, boundary part {@code boundary} */
    public static Shape disk(double cx, double cy, double r) {
        return new Ball(new double[] {cx, cy}, r);
    }

    /** @param centre the centre (2 or more coordinates) @param r the radius @return the ball, boundary part {@code boundary} */
    public static Shape ball(double[] centre, double r) {
        return new Ball(centre, r);
    }

    /**
     * @param cx centre x @param cy centre y @param a semi-axis along x @param b semi-axis along y
     * @return the axis-aligned ellipse, boundary part {@code boundary}
     */
    public static Shape ellipse(double cx, double cy, double a, double b) {
        return new Ellipse(cx, cy, a, b);
    }

    /**
     * @param xy vertices as x0, y0, x1, y1 … of a simple polygon, in either orientation
     * @return the polygon, boundary part {@code boundary}
     */
    public static Shape polygon(double... xy) {
        return new Polygon(xy, null);
    }

    /**
     * @param edgeNames the boundary part of each edge (edge i from vertex i to vertex i+1)
     * @param xy vertices as x0, y0, x1, y1 …
     * @return the polygon with named edges
     */
    public static Shape polygon(List<String> edgeNames, double... xy) {
        return new Polygon(xy, edgeNames);
    }

    /**
     * @param x0 first vertex x @param y0 first vertex y @param x1 second vertex x @param y1 second vertex y
     * @param x2 third vertex x @param y2 third vertex y
     * @return the triangle, boundary part {@code boundary}
     */
    public static Shape triangle(double x0, double y0, double x1, double y1, double x2, double y2) {
        return new Polygon(new double[] {x0, y0, x1, y1, x2, y2}, null);
    }
}

package org.geopinn.geometry;

import org.geopinn.api.model.TaylorJet;
import java.util.List;
import java.util.SplittableRandom;

/**
 * An axis-aligned ellipse ((x−cx)/a)² + ((y−cy)/b)² ≤ 1 (rotate it with {@link Shape#rotate}). The
 * signed distance is exact to rounding: the nearest boundary point is the root of a monotone
 * function found by bisection (D. Eberly, "Distance from a Point to an Ellipse, an Ellipsoid, or a
 * Hyperellipsoid", Geometric Tools, 2013). Boundary points are uniform by arc length (uniform
 * parameter, thinned by the speed); the perimeter is the trapezoidal sum of the speed, which
 * converges geometrically for a periodic integrand. One boundary part, {@code boundary}.
 */
final class Ellipse extends Shape {
    private static final List<String> PARTS = List.of("boundary");
    /** Trapezoidal nodes of the perimeter integral: far past the rounding level for any aspect ratio below 10³. */
    private static final int PERIMETER_NODES = 1 << 14;
    private final double cx;
    private final double cy;
    private final double a;
    private final double b;
    private final double perimeter;

    Ellipse(double cx, double cy, double a, double b) {
        checkFinite("ellipse centre", cx, cy);
        this.cx = cx;
        this.cy = cy;
        this.a = checkedPositive("ellipse semi-axis a", a);
        this.b = checkedPositive("ellipse semi-axis b", b);
        double sum = 0;
        for (int k = 0; k < PERIMETER_NODES; k++) {
            sum += speed(2 * Math.PI * k / PERIMETER_NODES);
        }
        this.perimeter = sum * 2 * Math.PI / PERIMETER_NODES;
    }

    private double speed(double t) {
        return Math.hypot(a * Math.sin(t), b * Math.cos(t));
    }

    @Override
    public int dimension() {
        return 2;
    }

    @Override
    public double signedDistance(double[] x) {
        double[] q = new double[2];
        double distance = nearest(x[0] - cx, x[1] - cy, q);
        double u = (x[0] - cx) / a;
        double v = (x[1] - cy) / b;
        return u * u + v * v < 1 ? -distance : distance;
    }

    @Override
    public void normal(double[] x, double[] out) {
        double[] q = new double[2];
        nearest(x[0] - cx, x[1] - cy, q);
        double nx = q[0] / (a * a);
        double ny = q[1] / (b * b);
        double n = Math.hypot(nx, ny);
        out[0] = nx / n;
        out[1] = ny / n;
    }

    /**
     * The boundary point nearest (y0, y1) relative to the centre.
     *
     * @param q receives the nearest point relative to the centre
     * @return the distance
     */
    private double nearest(double y0, double y1, double[] q) {
        boolean swap = b > a; // the algorithm wants the larger semi-axis first
        double e0 = swap ? b : a;
        double e1 = swap ? a : b;
        double z0 = Math.abs(swap ? y1 : y0);
        double z1 = Math.abs(swap ? y0 : y1);
        double x0;
        double x1;
        if (z1 > 0) {
            if (z0 > 0) {
                double w0 = z0 / e0;
                double w1 = z1 / e1;
                double g = w0 * w0 + w1 * w1 - 1;
                if (g != 0) {
                    double r0 = (e0 / e1) * (e0 / e1);
                    double s = root(r0, w0, w1, g);
                    x0 = r0 * z0 / (s + r0);
                    x1 = z1 / (s + 1);
                } else {
                    x0 = z0;
                    x1 = z1;
                }
            } else {
                x0 = 0;
                x1 = e1;
            }
        } else {
            double numer = e0 * z0;
            double denom = e0 * e0 - e1 * e1;
            if (numer < denom) {
                double ratio = numer / denom;
                x0 = e0 * ratio;
                x1 = e1 * Math.sqrt(1 - ratio * ratio);
            } else {
                x0 = e0;
                x1 = 0;
            }
        }
        double distance = Math.hypot(x0 - z0, x1 - z1);
        x0 = Math.copySign(x0, swap ? y1 : y0);
        x1 = Math.copySign(x1, swap ? y0 : y1);
        q[0] = swap ? x1 : x0;
        q[1] = swap ? x0 : x1;
        return distance;
    }

    /** Bisection for the root s of (r0 w0/(s+r0))² + (w1/(s+1))² = 1, to the last bit. */
    private static double root(double r0, double w0, double w1, double g) {
        double n0 = r0 * w0;
        double s0 = w1 - 1;
        double s1 = g < 0 ? 0 : Math.hypot(n0, w1) - 1;
        double s = 0;
        for (int i = 0; i < 1100; i++) {
            s = 0.5 * (s0 + s1);
            if (s == s0 || s == s1) {
                break;
            }
            double ratio0 = n0 / (s + r0);
            double ratio1 = w1 / (s + 1);
            double f = ratio0 * ratio0 + ratio1 * ratio1 - 1;
            if (f > 0) {
                s0 = s;
            } else if (f < 0) {
                s1 = s;
            } else {
                break;
            }
        }
        return s;
    }

    @Override
    public double[] lower() {
        return new double[] {cx - a, cy - b};
    }

    @Override
    public double[] upper() {
        return new double[] {cx + a, cy + b};
    }

    @Override
    public double volume() {
        return Math.PI * a * b;
    }

    @Override
    public List<String> boundaryParts() {
        return PARTS;
    }

    @Override
    public double boundaryMeasure(String part) {
        requirePart(part);
        return perimeter;
    }

    @Override
    double candidateMeasure(String part) {
        return perimeter;
    }

    @Override
    boolean draw(String part, SplittableRandom random, double[] point, double[] normal) {
        double max = Math.max(a, b);
        double t;
        do {
            t = 2 * Math.PI * random.nextDouble();
        } while (random.nextDouble() * max > speed(t)); // accept with probability speed/max: uniform by length
        double c = Math.cos(t);
        double s = Math.sin(t);
        point[0] = cx + a * c;
        point[1] = cy + b * s;
        double n = Math.hypot(b * c, a * s);
        normal[0] = b * c / n;
        normal[1] = a * s / n;
        return true;
    }

    @Override
    public String toString() {
        return "ellipse(" + cx + ", " + cy + ", " + a + ", " + b + ")";
    }

    /** (1 − (Δx/a)² − (Δy/b)²)·ab/(a + b): zero on the ellipse, negative outside, slope about 1 there. */
    @Override
    TaylorJet adf(TaylorJet[] x, java.util.Set<String> selected, boolean signed) {
        TaylorJet u = x[0].plus(-cx).times(1 / a);
        TaylorJet v = x[1].plus(-cy).times(1 / b);
        return u.times(u).plus(v.times(v)).negate().plus(1).times(a * b / (a + b));
    }
}

package org.geopinn.geometry;

import org.geopinn.api.model.TaylorJet;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.geopinn.api.GeopinnException;

/**
 * An axis-aligned box [lower, upper] in any dimension (an interval in 1-D, a rectangle in 2-D),
 * with the exact signed distance. Its boundary parts are its faces, named by axis and side:
 * {@code xmin, xmax, ymin, ymax, zmin, zmax} up to three dimensions, {@code x1min … xdmax} beyond.
 */
final class Box extends Shape {
    private final double[] lo;
    private final double[] hi;
    private final List<String> parts;

    Box(double[] lower, double[] upper) {
        if (lower.length != upper.length || lower.length == 0) {
            throw new GeopinnException("a box needs as many lower as upper bounds, at least one; got " + lower.length + " and "
                    + upper.length);
        }
        checkFinite("box bounds", lower);
        checkFinite("box bounds", upper);
        for (int j = 0; j < lower.length; j++) {
            if (!(lower[j] < upper[j])) {
                throw new GeopinnException("box side " + j + " is empty: [" + lower[j] + ", " + upper[j] + "]");
            }
        }
        this.lo = lower.clone();
        this.hi = upper.clone();
        List<String> names = new ArrayList<>();
        for (int j = 0; j < lo.length; j++) {
            names.add(axis(j, lo.length) + "min");
            names.add(axis(j, lo.length) + "max");
        }
        this.parts = List.copyOf(names);
    }

    private static String axis(int j, int d) {
        return d <= 3 ? String.valueOf("xyz".charAt(j)) : "x" + (j + 1);
    }

    @Override
    public int dimension() {
        return lo.length;
    }

    @Override
    public double signedDistance(double[] x) {
        double outside = 0;
        double inside = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < lo.length; j++) {
            double q = Math.max(lo[j] - x[j], x[j] - hi[j]);
            if (q > 0) {
                outside += q * q;
            }
            inside = Math.max(inside, q);
        }
        return outside > 0 ? Math.sqrt(outside) : inside;
    }

    @Override
    public void normal(double[] x, double[] out) {
        int best = 0;
        double bestQ = Double.NEGATIVE_INFINITY;
        double norm = 0;
        for (int j = 0; j < lo.length; j++) {
            double below = lo[j] - x[j];
            double above = x[j] - hi[j];
            double q = Math.max(below, above);
            out[j] = q > 0 ? (above > below ? q : -q) : 0;
            norm += out[j] * out[j];
            if (q > bestQ) {
                bestQ = q;
                best = j;
            }
        }
        if (norm > 0) {
            norm = Math.sqrt(norm);
            for (int j = 0; j < lo.length; j++) {
                out[j] /= norm;
            }
            return;
        }
        out[best] = x[best] - hi[best] > lo[best] - x[best] ? 1 : -1;
    }

    @Override
    public double[] lower() {
        return lo.clone();
    }

    @Override
    public double[] upper() {
        return hi.clone();
    }

    @Override
    public double volume() {
        double v = 1;
        for (int j = 0; j < lo.length; j++) {
            v *= hi[j] - lo[j];
        }
        return v;
    }

    @Override
    public List<String> boundaryParts() {
        return parts;
    }

    @Override
    boolean measuresExactly() {
        return true;
    }

    @Override
    double candidateMeasure(String part) {
        int face = parts.indexOf(part) / 2;
        double m = 1;
        for (int j = 0; j < lo.length; j++) {
            if (j != face) {
                m *= hi[j] - lo[j];
            }
        }
        return m;
    }

    @Override
    boolean draw(String part, SplittableRandom random, double[] point, double[] normal) {
        int k = parts.indexOf(part);
        int face = k / 2;
        boolean upperSide = k % 2 == 1;
        for (int j = 0; j < lo.length; j++) {
            normal[j] = 0;
            point[j] = j == face ? (upperSide ? hi[j] : lo[j]) : lo[j] + (hi[j] - lo[j]) * random.nextDouble();
        }
        normal[face] = upperSide ? 1 : -1;
        return true;
    }

    @Override
    public String toString() {
        return "box" + java.util.Arrays.toString(lo) + "-" + java.util.Arrays.toString(hi);
    }

    /**
     * Unsigned: the product of (x_j − lo_j)/w_j and (hi_j − x_j)/w_j over the selected faces (smooth,
     * positive in the box; for the whole boundary of the unit square x(1−x)y(1−y), as I. E. Lagaris,
     * A. Likas and D. I. Fotiadis, "Artificial neural networks for solving ordinary and partial
     * differential equations", 1998). Signed: the R-conjunction of the faces' distances.
     */
    @Override
    TaylorJet adf(TaylorJet[] x, java.util.Set<String> selected, boolean signed) {
        requireAllIfSigned(selected, signed);
        TaylorJet r = null;
        for (int j = 0; j < lo.length; j++) {
            double w = hi[j] - lo[j];
            String axis = axis(j, lo.length);
            if (selected.contains(axis + "min")) {
                TaylorJet f = x[j].plus(-lo[j]);
                r = signed ? and(r, f) : times(r, f.times(1 / w));
            }
            if (selected.contains(axis + "max")) {
                TaylorJet f = x[j].negate().plus(hi[j]);
                r = signed ? and(r, f) : times(r, f.times(1 / w));
            }
        }
        return r;
    }
}

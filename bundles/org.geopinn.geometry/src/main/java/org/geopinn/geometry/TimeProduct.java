package org.geopinn.geometry;

import org.geopinn.api.model.TaylorJet;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.geopinn.api.GeopinnException;
import org.geopinn.api.geometry.Geometry;

/**
 * The space-time cylinder [t0, t1] × S, time first. Its boundary parts are {@value Geometry#INITIAL}
 * (t = t0 over S), {@value Geometry#FINAL} (t = t1) and each boundary part of S over [t0, t1].
 * The signed distance combines those of the interval and of S exactly (Euclidean distance of a
 * product).
 */
final class TimeProduct extends Shape {
    private final double t0;
    private final double t1;
    private final Shape space;
    private final List<String> parts;

    TimeProduct(double t0, double t1, Shape space) {
        checkFinite("time interval", t0, t1);
        if (!(t0 < t1)) {
            throw new GeopinnException("the time interval [" + t0 + ", " + t1 + "] is empty");
        }
        if (space.boundaryParts().contains(Geometry.INITIAL) || space.boundaryParts().contains(Geometry.FINAL)) {
            throw new GeopinnException("the spatial shape has a boundary part named '" + Geometry.INITIAL + "' or '"
                    + Geometry.FINAL + "', names the time × space product gives its time faces; rename it");
        }
        this.t0 = t0;
        this.t1 = t1;
        this.space = space;
        List<String> names = new ArrayList<>(List.of(Geometry.INITIAL, Geometry.FINAL));
        names.addAll(space.boundaryParts());
        this.parts = List.copyOf(names);
    }

    @Override
    public int dimension() {
        return space.dimension() + 1;
    }

    private static double[] spatial(double[] x) {
        return java.util.Arrays.copyOfRange(x, 1, x.length);
    }

    @Override
    public double signedDistance(double[] x) {
        double dt = Math.max(t0 - x[0], x[0] - t1);
        double ds = space.signedDistance(spatial(x));
        if (dt <= 0 && ds <= 0) {
            return Math.max(dt, ds);
        }
        return Math.hypot(Math.max(dt, 0), Math.max(ds, 0));
    }

    @Override
    public void normal(double[] x, double[] out) {
        double[] y = spatial(x);
        double dt = Math.max(t0 - x[0], x[0] - t1);
        double ds = space.signedDistance(y);
        java.util.Arrays.fill(out, 0);
        if (dt > ds) {
            out[0] = x[0] - t1 > t0 - x[0] ? 1 : -1;
            return;
        }
        double[] n = new double[y.length];
        space.normal(y, n);
        System.arraycopy(n, 0, out, 1, n.length);
    }

    @Override
    public double[] lower() {
        return prepend(t0, space.lower());
    }

    @Override
    public double[] upper() {
        return prepend(t1, space.upper());
    }

    private static double[] prepend(double t, double[] rest) {
        double[] out = new double[rest.length + 1];
        out[0] = t;
        System.arraycopy(rest, 0, out, 1, rest.length);
        return out;
    }

    @Override
    public double volume() {
        return (t1 - t0) * space.volume();
    }

    @Override
    public List<String> boundaryParts() {
        return parts;
    }

    private static boolean isTimeFace(String part) {
        return part.equals(Geometry.INITIAL) || part.equals(Geometry.FINAL);
    }

    @Override
    public double boundaryMeasure(String part) {
        requirePart(part);
        return isTimeFace(part) ? space.volume() : (t1 - t0) * space.boundaryMeasure(part);
    }

    @Override
    double candidateMeasure(String part) {
        if (isTimeFace(part)) {
            double[] lo = space.lower();
            double[] hi = space.upper();
            double box = 1;
            for (int j = 0; j < lo.length; j++) {
                box *= hi[j] - lo[j];
            }
            return box;
        }
        return (t1 - t0) * space.candidateMeasure(part);
    }

    @Override
    boolean draw(String part, SplittableRandom random, double[] point, double[] normal) {
        int d = space.dimension();
        double[] p = new double[d];
        double[] n = new double[d];
        boolean kept;
        java.util.Arrays.fill(normal, 0);
        if (isTimeFace(part)) {
            boolean end = part.equals(Geometry.FINAL);
            uniformInBox(random, space.lower(), space.upper(), p);
            kept = space.signedDistance(p) < 0;
            point[0] = end ? t1 : t0;
            normal[0] = end ? 1 : -1;
        } else {
            point[0] = t0 + (t1 - t0) * random.nextDouble();
            kept = space.draw(part, random, p, n);
            System.arraycopy(n, 0, normal, 1, d);
        }
        System.arraycopy(p, 0, point, 1, d);
        return kept;
    }

    @Override
    public String toString() {
        return "[" + t0 + ", " + t1 + "] × " + space;
    }

    /** The product of (t − t0)/(t1 − t0) for {@code initial}, (t1 − t)/(t1 − t0) for {@code final} and the spatial factor. */
    @Override
    TaylorJet adf(TaylorJet[] x, java.util.Set<String> selected, boolean signed) {
        if (signed) {
            throw new GeopinnException("a time × space product has no signed distance function for hard conditions");
        }
        double w = t1 - t0;
        TaylorJet r = null;
        if (selected.contains(Geometry.INITIAL)) {
            r = x[0].plus(-t0).times(1 / w);
        }
        if (selected.contains(Geometry.FINAL)) {
            r = times(r, x[0].negate().plus(t1).times(1 / w));
        }
        java.util.Set<String> spatial = new java.util.HashSet<>(selected);
        spatial.retainAll(space.boundaryParts());
        if (!spatial.isEmpty()) {
            r = times(r, space.adf(java.util.Arrays.copyOfRange(x, 1, x.length), spatial, false));
        }
        return r;
    }
}

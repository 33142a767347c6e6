package org.geopinn.geometry;

import org.geopinn.api.model.TaylorJet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.geopinn.api.GeopinnException;
import org.geopinn.api.geometry.BoundarySample;
import org.geopinn.api.geometry.Geometry;

/**
 * The base of every shape: interior sampling by rejection from the bounding box, boundary sampling
 * by drawing uniform candidates from a superset of each boundary part and keeping those on the
 * boundary (so combinations stay uniform by length or area), and the fluent combinators.
 *
 * <p>A shape describes each boundary part by a candidate set it can draw uniformly from (for a
 * primitive, the part itself; for a combination, the parts of its operands) and a test whether a
 * candidate lies on its own boundary. Subclassing is reserved to this package.
 */
public abstract class Shape implements Geometry {
    /** Candidates drawn to estimate a measure a combination cannot compute exactly. */
    static final int ESTIMATE_DRAWS = 1 << 18;
    /** Fixed seed of those estimates, so a measure is the same on every run. */
    private static final long ESTIMATE_SEED = 0x6e0_5eedL;
    /** Rejection gives up when fewer than one candidate in this many is kept. */
    private static final int MAX_REJECTIONS = 100_000;

    /** Estimates computed once (shapes are immutable); NaN until then. */
    private volatile double estimatedVolume = Double.NaN;
    private final java.util.concurrent.ConcurrentHashMap<String, Double> estimatedMeasures = new java.util.concurrent.ConcurrentHashMap<>();

    Shape() {
    }

    /**
     * @param part a boundary part of this shape
     * @return the measure of the candidate set {@link #draw} draws from for it
     */
    abstract double candidateMeasure(String part);

    /**
     * Draws one point uniformly from the candidate set of a part.
     *
     * @param part a boundary part
     * @param random the random source
     * @param point receives the point (modified)
     * @param normal receives its outward unit normal (modified)
     * @return whether the point lies on this shape's boundary part (else it is rejected)
     */
    abstract boolean draw(String part, SplittableRandom random, double[] point, double[] normal);

    @Override
    public double volume() {
        double v = estimatedVolume;
        if (Double.isNaN(v)) {
            v = estimateVolume();
            estimatedVolume = v;
        }
        return v;
    }

    private double estimateVolume() {
        double[] lo = lower();
        double[] hi = upper();
        double box = 1;
        for (int j = 0; j < lo.length; j++) {
            box *= hi[j] - lo[j];
        }
        SplittableRandom random = new SplittableRandom(ESTIMATE_SEED);
        double[] x = new double[lo.length];
        int inside = 0;
        for (int i = 0; i < ESTIMATE_DRAWS; i++) {
            uniformInBox(random, lo, hi, x);
            if (strictlyInside(x)) {
                inside++;
            }
        }
        return box * inside / ESTIMATE_DRAWS;
    }

    @Override
    public double boundaryMeasure(String part) {
        requirePart(part);
        return measuresExactly() ? candidateMeasure(part) : estimatedMeasures.computeIfAbsent(part, this::estimateMeasure);
    }

    /**
     * @return whether {@link #candidateMeasure} is the exact measure of each boundary part (a
     *         primitive whose candidates are its boundary), so no estimate is needed
     */
    boolean measuresExactly() {
        return false;
    }

    private double estimateMeasure(String part) {
        SplittableRandom random = new SplittableRandom(ESTIMATE_SEED);
        double[] p = new double[dimension()];
        double[] n = new double[dimension()];
        int kept = 0;
        for (int i = 0; i < ESTIMATE_DRAWS; i++) {
            if (draw(part, random, p, n)) {
                kept++;
            }
        }
        return candidateMeasure(part) * kept / ESTIMATE_DRAWS;
    }

    @Override
    public double[] sampleInterior(int count, long seed) {
        requireCount(count);
        int d = dimension();
        double[] lo = lower();
        double[] hi = upper();
        double[] out = new double[count * d];
        double[] x = new double[d];
        SplittableRandom random = new SplittableRandom(seed);
        long tries = 0;
        for (int i = 0; i < count; ) {
            uniformInBox(random, lo, hi, x);
            if (strictlyInside(x)) {
                System.arraycopy(x, 0, out, i * d, d);
                i++;
            } else if (++tries > (long) MAX_REJECTIONS * (i + 1)) {
                throw new GeopinnException("the shape's interior is empty or too thin to sample (" + this + ")");
            }
        }
        return out;
    }

    @Override
    public BoundarySample sampleBoundary(List<String> parts, int count, long seed) {
        requireCount(count);
        List<String> chosen = parts == null || parts.isEmpty() ? boundaryParts() : parts;
        double[] cumulative = new double[chosen.size()];
        double total = 0;
        for (int k = 0; k < chosen.size(); k++) {
            requirePart(chosen.get(k));
            total += candidateMeasure(chosen.get(k));
            cumulative[k] = total;
        }
        int d = dimension();
        double[] points = new double[count * d];
        double[] normals = new double[count * d];
        double[] p = new double[d];
        double[] n = new double[d];
        SplittableRandom random = new SplittableRandom(seed);
        long tries = 0;
        for (int i = 0; i < count; ) {
            double u = random.nextDouble() * total;
            int k = 0;
            while (k < cumulative.length - 1 && u >= cumulative[k]) {
                k++;
            }
            if (draw(chosen.get(k), random, p, n)) {
                System.arraycopy(p, 0, points, i * d, d);
                System.arraycopy(n, 0, normals, i * d, d);
                i++;
            } else if (++tries > (long) MAX_REJECTIONS * (i + 1)) {
                throw new GeopinnException("the boundary parts " + chosen + " of the shape are empty (" + this + ")");
            }
        }
        return new BoundarySample(points, normals, d);
    }

    /**
     * @param x a point
     * @return whether it lies strictly inside (signed distance &lt; 0); a shape whose inside test is
     *         cheaper than its distance overrides this (interior sampling asks only this)
     */
    boolean strictlyInside(double[] x) {
        return signedDistance(x) < 0;
    }

    // ---- combinators -------------------------------------------------------------------------

    /** @param other a shape of the same dimension @return the union; boundary parts of both keep their names */
    public Shape union(Shape other) {
        return new Combination(Combination.Op.UNION, this, other);
    }

    /** @param other a shape of the same dimension @return this shape without the other (e.g. a plate with a hole) */
    public Shape minus(Shape other) {
        return new Combination(Combination.Op.DIFFERENCE, this, other);
    }

    /** @param other a shape of the same dimension @return the intersection */
    public Shape intersect(Shape other) {
        return new Combination(Combination.Op.INTERSECTION, this, other);
    }

    /** @param offset the shift, one entry per coordinate @return this shape moved by {@code offset} */
    public Shape translate(double... offset) {
        return Transformed.translation(this, offset);
    }

    /**
     * @param angle the angle in radians, counter-clockwise
     * @param centre the centre of rotation (2 coordinates)
     * @return this 2-D shape rotated about {@code centre}
     */
    public Shape rotate(double angle, double... centre) {
        return Transformed.rotation2d(this, angle, centre);
    }

    /**
     * @param angle the angle in radians, counter-clockwise seen from the tip of the axis (right-handed)
     * @param axis the direction of the axis (3 coordinates, not zero; its length does not matter)
     * @param centre a point of the axis (3 coordinates; none: the origin)
     * @return this 3-D shape rotated about that axis
     */
    public Shape rotateAbout(double angle, double[] axis, double... centre) {
        return Transformed.rotation3d(this, angle, axis, centre);
    }

    /**
     * @param factor the positive scale factor (uniform in every direction, so distances scale exactly)
     * @param centre the fixed point of the scaling
     * @return this shape scaled about {@code centre}
     */
    public Shape scale(double factor, double... centre) {
        return Transformed.scaling(this, factor, centre);
    }

    /** @param name a name, e.g. {@code hole} @return this shape with all its boundary parts called {@code name} */
    public Shape named(String name) {
        Map<String, String> all = new java.util.LinkedHashMap<>();
        for (String p : boundaryParts()) {
            all.put(p, name);
        }
        return new Renamed(this, all);
    }

    /**
     * @param part one of its boundary parts, e.g. {@code xmin}
     * @param newName the new name, e.g. {@code inlet} (two parts renamed alike merge)
     * @return this shape with that part renamed
     */
    public Shape rename(String part, String newName) {
        requirePart(part);
        return new Renamed(this, Map.of(part, newName));
    }

    /**
     * @param t0 the initial time
     * @param t1 the final time, above {@code t0}
     * @return the time × space product [t0, t1] × this, time as the first coordinate, with boundary
     *         parts {@value Geometry#INITIAL}, {@value Geometry#FINAL} and this shape's parts
     */
    public Shape overTime(double t0, double t1) {
        return new TimeProduct(t0, t1, this);
    }

    // ---- helpers -----------------------------------------------------------------------------

    /** @param part a name @throws GeopinnException when it is not a boundary part of this shape */
    final void requirePart(String part) {
        if (!boundaryParts().contains(part)) {
            throw new GeopinnException("no boundary part '" + part + "'; the shape's boundary parts are " + boundaryParts());
        }
    }

    static void requireCount(int count) {
        if (count < 1) {
            throw new GeopinnException("asked for " + count + " points; ask for at least 1");
        }
    }

    static void requireDimension(Shape a, Shape b) {
        if (a.dimension() != b.dimension()) {
            throw new GeopinnException("cannot combine shapes of dimensions " + a.dimension() + " and " + b.dimension());
        }
    }

    static void uniformInBox(SplittableRandom random, double[] lo, double[] hi, double[] x) {
        for (int j = 0; j < x.length; j++) {
            x[j] = lo[j] + (hi[j] - lo[j]) * random.nextDouble();
        }
    }

    static List<String> mergedParts(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        for (String p : b) {
            if (!all.contains(p)) {
                all.add(p);
            }
        }
        return List.copyOf(all);
    }

    static double checkedPositive(String what, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new GeopinnException(what + " must be positive and finite, got " + value);
        }
        return value;
    }

    static void checkFinite(String what, double... values) {
        for (double v : values) {
            if (!Double.isFinite(v)) {
                throw new GeopinnException(what + " must be finite, got " + v);
            }
        }
    }

    /**
     * The smooth distance-like function of {@link Geometry#smoothDistance}: for the whole boundary
     * of every shape; for some of its parts when each factor of the construction stays positive
     * inside (faces of a box, edges of a convex polygon, the time faces of a product, parts of the
     * kept operand of a difference). Combinations use R-functions (V. L. Rvachev, "Theory of
     * R-functions and some applications", 1982): f ∧ g = f + g − √(f² + g²), f ∨ g = f + g + √(f² + g²),
     * whose sign is the sign of the boolean result; parts alone multiply their factors.
     */
    @Override
    public java.util.Optional<TaylorJet> smoothDistance(TaylorJet[] x, java.util.Set<String> parts) {
        if (x.length != dimension()) {
            throw new GeopinnException("a distance function of " + dimension() + " coordinates was given " + x.length);
        }
        java.util.Set<String> own = new java.util.HashSet<>(parts);
        own.retainAll(boundaryParts());
        if (own.isEmpty()) {
            throw new GeopinnException("none of the boundary parts " + new java.util.TreeSet<>(parts) + " belongs to the shape,"
                    + " whose parts are " + boundaryParts());
        }
        return java.util.Optional.of(adf(x, own, false));
    }

    /**
     * @param x the jets of the coordinates
     * @param selected a non-empty subset of this shape's boundary parts
     * @param signed whether the result must also be negative outside (for the subtracted operand of
     *        a difference, or inside a union); then all parts must be selected
     * @return a jet positive inside, zero on the selected parts
     * @throws GeopinnException when this shape cannot give one for that selection
     */
    abstract TaylorJet adf(TaylorJet[] x, java.util.Set<String> selected, boolean signed);

    /** @return whether the selection is all of this shape's parts */
    final boolean all(java.util.Set<String> selected) {
        return selected.containsAll(boundaryParts());
    }

    /** Fails unless a signed function is asked for all parts. */
    final void requireAllIfSigned(java.util.Set<String> selected, boolean signed) {
        if (signed && !all(selected)) {
            throw new GeopinnException("a hard condition on some parts " + new java.util.TreeSet<>(selected) + " of a shape that is"
                    + " subtracted or joined (its parts are " + boundaryParts() + ") has no distance function from the geometry;"
                    + " constrain all its parts, or give the distance as text");
        }
    }

    /** R-conjunction: positive where both are, zero on either's zero set inside the other. */
    static TaylorJet and(TaylorJet f, TaylorJet g) {
        return f == null ? g : g == null ? f : f.plus(g).minus(f.times(f).plus(g.times(g)).sqrt());
    }

    /** R-disjunction: positive where either is. */
    static TaylorJet or(TaylorJet f, TaylorJet g) {
        return f.plus(g).plus(f.times(f).plus(g.times(g)).sqrt());
    }

    /** @return the product of the non-null factors (null when both are) */
    static TaylorJet times(TaylorJet f, TaylorJet g) {
        return f == null ? g : g == null ? f : f.times(g);
    }
}

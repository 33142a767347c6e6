package org.geopinn.geometry;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.geopinn.api.GeopinnException;
import org.geopinn.api.geometry.BoundarySample;
import org.geopinn.api.geometry.Geometry;

/**
 * A domain known only by points, as a mesher or a scanner gives it: interior points, and boundary
 * points with their outward unit normals, optionally split into named parts. Samples are drawn from
 * these points (a seeded shuffle, without repetition while there are enough; cycling through the
 * shuffle beyond), so they are reproducible and never leave the cloud. The region between the points
 * is known approximately: the signed distance of x is ±|x − b| with b the nearest boundary point,
 * negative when x lies behind b's tangent plane ((x − b)·n_b &lt; 0); the normal at x is n_b. The
 * volume is estimated from 2¹⁶ fixed draws in the bounding box with that inside test; the measure of
 * a boundary part from its points' spacing (the sum over its points of the distance to the nearest
 * other boundary point, raised to d − 1).
 *
 * <p>Files: CSV with a header. Interior: one column per coordinate, named by the variables (other
 * columns are ignored). Boundary: the coordinates, the normal components {@code n_VAR} (e.g.
 * {@code n_x, n_y}) and optionally {@code part} (a name per row; {@code boundary} when absent).
 */
public final class PointCloud implements Geometry {
    /** Fewest interior and boundary points a cloud needs. */
    static final int MIN_POINTS = 4;
    private static final int VOLUME_DRAWS = 1 << 16;

    private final int d;
    private final double[] interior;
    private final double[] boundary;
    private final double[] normals;
    private final int[] partOf;
    private final List<String> parts;
    private final double[] lower;
    private final double[] upper;
    private final double[] measures;
    private final double volume;

    /**
     * @param dimension d
     * @param interior interior points, row-major (copied)
     * @param boundary boundary points, row-major (copied)
     * @param normals their outward normals, row-major (copied; normalised)
     * @param partNames the part of each boundary point
     * @throws GeopinnException for too few points, mismatched lengths or a zero or non-finite normal
     */
    public PointCloud(int dimension, double[] interior, double[] boundary, double[] normals, List<String> partNames) {
        this.d = dimension;
        if (dimension < 1 || interior.length % d != 0 || boundary.length % d != 0 || normals.length != boundary.length
                || partNames.size() != boundary.length / d) {
            throw new GeopinnException("point cloud: inconsistent sizes for dimension " + dimension);
        }
        if (interior.length / d < MIN_POINTS || boundary.length / d < MIN_POINTS) {
            throw new GeopinnException("point cloud: needs at least " + MIN_POINTS + " interior and " + MIN_POINTS
                    + " boundary points, got " + interior.length / d + " and " + boundary.length / d);
        }
        this.interior = interior.clone();
        this.boundary = boundary.clone();
        this.normals = normals.clone();
        int n = boundary.length / d;
        for (int i = 0; i < n; i++) {
            double norm = 0;
            for (int j = 0; j < d; j++) {
                norm += normals[i * d + j] * normals[i * d + j];
            }
            norm = Math.sqrt(norm);
            if (!(norm > 0) || !Double.isFinite(norm)) {
                throw new GeopinnException("point cloud: the normal of boundary point " + (i + 1) + " is "
                        + Arrays.toString(Arrays.copyOfRange(normals, i * d, i * d + d)) + "; it must be a finite non-zero vector");
            }
            for (int j = 0; j < d; j++) {
                this.normals[i * d + j] /= norm;
            }
        }
        Map<String, Integer> index = new LinkedHashMap<>();
        this.partOf = new int[n];
        for (int i = 0; i < n; i++) {
            partOf[i] = index.computeIfAbsent(partNames.get(i), k -> index.size());
        }
        this.parts = List.copyOf(index.keySet());
        this.lower = new double[d];
        this.upper = new double[d];
        Arrays.fill(lower, Double.POSITIVE_INFINITY);
        Arrays.fill(upper, Double.NEGATIVE_INFINITY);
        for (double[] set : new double[][] {this.interior, this.boundary}) {
            for (int i = 0; i < set.length; i++) {
                if (!Double.isFinite(set[i])) {
                    throw new GeopinnException("point cloud: coordinate " + set[i] + " is not a finite number");
                }
                lower[i % d] = Math.min(lower[i % d], set[i]);
                upper[i % d] = Math.max(upper[i % d], set[i]);
            }
        }
        for (int j = 0; j < d; j++) {
            if (!(lower[j] < upper[j])) {
                throw new GeopinnException("point cloud: all points have the same coordinate " + (j + 1) + " (" + lower[j] + ")");
            }
        }
        this.measures = partMeasures();
        this.volume = estimateVolume();
    }

    /**
     * Reads a cloud from CSV files (see the class comment).
     *
     * @param variables the coordinates' names, in order
     * @param interiorFile the interior points
     * @param boundaryFile the boundary points with normals and optional parts
     * @return the cloud
     * @throws GeopinnException one line naming the file (and line) for anything unreadable
     */
    public static PointCloud read(List<String> variables, Path interiorFile, Path boundaryFile) {
        return PointCloudFiles.read(variables, interiorFile, boundaryFile);
    }

    private double[] partMeasures() {
        int n = boundary.length / d;
        double[] m = new double[parts.size()];
        for (int i = 0; i < n; i++) {
            double nearest = Double.POSITIVE_INFINITY;
            for (int k = 0; k < n; k++) {
                if (k != i) {
                    nearest = Math.min(nearest, squaredDistance(boundary, i, boundary, k));
                }
            }
            m[partOf[i]] += d == 1 ? 1 : Math.pow(Math.sqrt(nearest), d - 1);
        }
        return m;
    }

    private double estimateVolume() {
        Random random = new Random(20261202L);
        double[] x = new double[d];
        int inside = 0;
        int draws = Math.max(1024, VOLUME_DRAWS / Math.max(1, boundary.length / d / 256));
        for (int s = 0; s < draws; s++) {
            for (int j = 0; j < d; j++) {
                x[j] = lower[j] + random.nextDouble() * (upper[j] - lower[j]);
            }
            if (contains(x)) {
                inside++;
            }
        }
        double box = 1;
        for (int j = 0; j < d; j++) {
            box *= upper[j] - lower[j];
        }
        return box * inside / draws;
    }

    private double squaredDistance(double[] a, int i, double[] b, int k) {
        double s = 0;
        for (int j = 0; j < d; j++) {
            double t = a[i * d + j] - b[k * d + j];
            s += t * t;
        }
        return s;
    }

    /** @return the index of the boundary point nearest x */
    private int nearest(double[] x) {
        int n = boundary.length / d;
        int best = 0;
        double bestDistance = Double.POSITIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int j = 0; j < d; j++) {
                double t = x[j] - boundary[i * d + j];
                s += t * t;
            }
            if (s < bestDistance) {
                bestDistance = s;
                best = i;
            }
        }
        return best;
    }

    @Override
    public int dimension() {
        return d;
    }

    @Override
    public double signedDistance(double[] x) {
        int b = nearest(x);
        double s = 0;
        double along = 0;
        for (int j = 0; j < d; j++) {
            double t = x[j] - boundary[b * d + j];
            s += t * t;
            along += t * normals[b * d + j];
        }
        double distance = Math.sqrt(s);
        return along < 0 ? -distance : distance;
    }

    @Override
    public void normal(double[] x, double[] out) {
        int b = nearest(x);
        System.arraycopy(normals, b * d, out, 0, d);
    }

    @Override
    public double[] lower() {
        return lower.clone();
    }

    @Override
    public double[] upper() {
        return upper.clone();
    }

    @Override
    public double volume() {
        return volume;
    }

    @Override
    public List<String> boundaryParts() {
        return parts;
    }

    @Override
    public double boundaryMeasure(String part) {
        return measures[partIndex(part)];
    }

    private int partIndex(String part) {
        int k = parts.indexOf(part);
        if (k < 0) {
            throw new GeopinnException("the point cloud has no boundary part '" + part + "'; its parts are " + parts);
        }
        return k;
    }

    /** @return the number of interior points of the cloud */
    public int interiorCount() {
        return interior.length / d;
    }

    /**
     * @param wanted boundary parts (empty: all)
     * @return the number of boundary points on them
     * @throws GeopinnException for an unknown part
     */
    public int boundaryCount(List<String> wanted) {
        boolean[] use = new boolean[parts.size()];
        for (String p : wanted) {
            use[partIndex(p)] = true;
        }
        int m = 0;
        for (int k : partOf) {
            m += wanted.isEmpty() || use[k] ? 1 : 0;
        }
        return m;
    }

    @Override
    public double[] sampleInterior(int count, long seed) {
        int n = interior.length / d;
        int[] order = shuffled(n, seed);
        double[] out = new double[count * d];
        for (int i = 0; i < count; i++) {
            System.arraycopy(interior, order[i % n] * d, out, i * d, d);
        }
        return out;
    }

    @Override
    public BoundarySample sampleBoundary(List<String> wanted, int count, long seed) {
        boolean[] use = new boolean[parts.size()];
        if (wanted.isEmpty()) {
            Arrays.fill(use, true);
        }
        for (String p : wanted) {
            use[partIndex(p)] = true;
        }
        int n = boundary.length / d;
        int[] candidates = new int[n];
        int m = 0;
        for (int i = 0; i < n; i++) {
            if (use[partOf[i]]) {
                candidates[m++] = i;
            }
        }
        int[] order = shuffled(m, seed);
        double[] points = new double[count * d];
        double[] out = new double[count * d];
        for (int i = 0; i < count; i++) {
            int k = candidates[order[i % m]];
            System.arraycopy(boundary, k * d, points, i * d, d);
            System.arraycopy(normals, k * d, out, i * d, d);
        }
        return new BoundarySample(points, out, d);
    }

    /** A seeded Fisher–Yates permutation of 0 … n−1. */
    private static int[] shuffled(int n, long seed) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Random random = new Random(seed);
        for (int i = n - 1; i > 0; i--) {
            int k = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[k];
            order[k] = t;
        }
        return order;
    }
}

package org.geopinn.autodiff;

import java.util.ArrayList;
import java.util.List;
import org.geopinn.api.GeopinnException;

/**
 * Input features that are each a function of one coordinate after an affine rescaling
 * x̃_j = scale_j (x_j − shift_j): the (optionally normalised) coordinates themselves, or a sinusoidal
 * embedding sin(ω x̃_j)/ω^s, cos(ω x̃_j)/ω^s. A feature of coordinate j has derivatives only in
 * x_j, so its jets are exact and cheap: D^{m e_j} f(x̃_j) = scale_j^m f^(m)(x̃_j).
 */
public final class CoordinateEncoding implements InputEncoding {
    private enum Kind { LINEAR, SIN, COS }

    private final int dimension;
    private final double[] scale;
    private final double[] shift;
    private final int[] coordinate;
    private final Kind[] kind;
    private final double[] frequency;
    private final double[] amplitude;

    /** One feature: amplitude · f(frequency · x̃_coordinate) for f the identity, sin or cos. */
    private record Feature(int coordinate, Kind kind, double frequency, double amplitude) {
    }

    private CoordinateEncoding(double[] scale, double[] shift, List<Feature> features) {
        this.dimension = scale.length;
        this.scale = scale.clone();
        this.shift = shift.clone();
        int w = features.size();
        coordinate = new int[w];
        kind = new Kind[w];
        frequency = new double[w];
        amplitude = new double[w];
        for (int f = 0; f < w; f++) {
            Feature feature = features.get(f);
            coordinate[f] = feature.coordinate();
            kind[f] = feature.kind();
            frequency[f] = feature.frequency();
            amplitude[f] = feature.amplitude();
        }
    }

    /**
     * @param d the number of inputs
     * @return the coordinates themselves
     */
    public static CoordinateEncoding identity(int d) {
        return affine(filled(d, 1.0), new double[d]);
    }

    /**
     * @param scale per coordinate
     * @param shift per coordinate
     * @return the features scale_j (x_j − shift_j)
     */
    public static CoordinateEncoding affine(double[] scale, double[] shift) {
        List<Feature> features = new ArrayList<>();
        for (int j = 0; j < scale.length; j++) {
            features.add(new Feature(j, Kind.LINEAR, 1.0, 1.0));
        }
        return new CoordinateEncoding(scale, shift, features);
    }

    /**
     * @param lower lower bounds of the inputs
     * @param upper upper bounds of the inputs
     * @return the affine map of the box [lower, upper] onto [−1, 1]^d
     * @throws GeopinnException if some lower bound is not below its upper bound
     */
    public static CoordinateEncoding normalizing(double[] lower, double[] upper) {
        return affine(normalizingScale(lower, upper), midpoints(lower, upper));
    }

    /**
     * The sinusoidal embedding of Neural IVP: for every coordinate j and frequency ω_k, the features
     * sin(ω_k x̃_j)/ω_k^s, then for every coordinate and frequency cos(ω_k x̃_j)/ω_k^s.
     *
     * @param scale per coordinate (1 for raw inputs)
     * @param shift per coordinate (0 for raw inputs)
     * @param frequencies the ω_k
     * @param smoothness the exponent s
     * @return the encoding
     */
    public static CoordinateEncoding sinusoidal(double[] scale, double[] shift, double[] frequencies, double smoothness) {
        List<Feature> features = new ArrayList<>();
        for (Kind k : new Kind[] {Kind.SIN, Kind.COS}) {
            for (int j = 0; j < scale.length; j++) {
                for (double w : frequencies) {
                    features.add(new Feature(j, k, w, Math.pow(w, -smoothness)));
                }
            }
        }
        return new CoordinateEncoding(scale, shift, features);
    }

    /**
     * @param lower lower bounds
     * @param upper upper bounds
     * @return 2/(upper − lower) per coordinate
     * @throws GeopinnException if some lower bound is not below its upper bound
     */
    public static double[] normalizingScale(double[] lower, double[] upper) {
        double[] s = new double[lower.length];
        for (int j = 0; j < s.length; j++) {
            if (!(upper[j] > lower[j])) {
                throw new GeopinnException("input " + j + " has bounds [" + lower[j] + ", " + upper[j]
                        + "]; the lower bound must be below the upper bound to normalise inputs");
            }
            s[j] = 2.0 / (upper[j] - lower[j]);
        }
        return s;
    }

    /**
     * @param lower lower bounds
     * @param upper upper bounds
     * @return the midpoints
     */
    public static double[] midpoints(double[] lower, double[] upper) {
        double[] m = new double[lower.length];
        for (int j = 0; j < m.length; j++) {
            m[j] = 0.5 * (lower[j] + upper[j]);
        }
        return m;
    }

    private static double[] filled(int d, double v) {
        double[] a = new double[d];
        java.util.Arrays.fill(a, v);
        return a;
    }

    @Override
    public int inputDimension() {
        return dimension;
    }

    @Override
    public int width() {
        return coordinate.length;
    }

    @Override
    public void encode(double[] points, int n, JetStructure jets, double[][][] out) {
        int w = width();
        int components = jets.size();
        for (int c = 0; c < components; c++) {
            for (int f = 0; f < w; f++) {
                java.util.Arrays.fill(out[c][f], 0, n, 0.0);
            }
        }
        for (int c = 0; c < components; c++) {
            int order = jets.order(c);
            int variable = jets.soleVariable(c);
            if (variable == -2) {
                continue; // a mixed partial of a one-coordinate feature vanishes
            }
            for (int f = 0; f < w; f++) {
                int j = coordinate[f];
                if (order > 0 && j != variable) {
                    continue;
                }
                double factor = Math.pow(scale[j], order);
                for (int i = 0; i < n; i++) {
                    double x = scale[j] * (points[i * dimension + j] - shift[j]);
                    out[c][f][i] = factor * derivative(f, order, x);
                }
            }
        }
    }

    private double derivative(int f, int order, double x) {
        switch (kind[f]) {
            case LINEAR:
                return order == 0 ? x : order == 1 ? 1.0 : 0.0;
            case SIN:
                return amplitude[f] * Math.pow(frequency[f], order) * sinShifted(frequency[f] * x, order);
            default:
                return amplitude[f] * Math.pow(frequency[f], order) * sinShifted(frequency[f] * x, order + 1);
        }
    }

    /** sin(t + quarterTurns·π/2), exactly for the quarter turns. */
    private static double sinShifted(double t, int quarterTurns) {
        switch (quarterTurns & 3) {
            case 0: return Math.sin(t);
            case 1: return Math.cos(t);
            case 2: return -Math.sin(t);
            default: return -Math.cos(t);
        }
    }
}

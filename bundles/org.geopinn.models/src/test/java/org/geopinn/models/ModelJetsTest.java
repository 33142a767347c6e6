package org.geopinn.models;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import org.apache.commons.math3.analysis.differentiation.DerivativeStructure;
import org.geopinn.api.model.DerivativeRequest;
import org.geopinn.api.model.Model;
import org.geopinn.api.model.ModelEvaluator;
import org.geopinn.api.model.ModelSpec;
import org.geopinn.api.model.ParameterLayout;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Input derivatives of the models (multi-field, separate networks, normalisation, output factor,
 * sinusoidal embedding) against Commons Math DerivativeStructure, every partial up to order 4.
 */
public class ModelJetsTest {
    static final double TOLERANCE = 1e-12;

    public static ModelSpec spec(int d, List<String> fields, int[] hidden, String activation, boolean separate, boolean normalize,
            Map<String, String> options) {
        double[] lower = new double[d];
        double[] upper = new double[d];
        for (int j = 0; j < d; j++) {
            lower[j] = -0.5 + 0.25 * j;
            upper[j] = 1.0 + 0.5 * j;
        }
        return new ModelSpec(lower, upper, fields, hidden, activation, "normal", separate, normalize, options);
    }

    public static List<int[]> allMultiIndices(int d, int maxOrder) {
        List<int[]> out = new ArrayList<>();
        int[] m = new int[d];
        while (true) {
            int j = 0;
            while (j < d && m[j] == maxOrder) {
                m[j] = 0;
                j++;
            }
            if (j == d) {
                return out;
            }
            m[j]++;
            int sum = Arrays.stream(m).sum();
            if (sum >= 1 && sum <= maxOrder) {
                out.add(m.clone());
            }
        }
    }

    public static DerivativeStructure activate(String a, DerivativeStructure z) {
        switch (a) {
            case "tanh": return z.tanh();
            case "sin": return z.sin();
            case "swish": return z.multiply(z.negate().exp().add(1.0).reciprocal());
            case "softplus": return z.exp().log1p();
            default: throw new IllegalArgumentException(a);
        }
    }

    /** A dense network read from the layout blocks net{q}.layer{l}.weight/bias. */
    public static DerivativeStructure[] perceptron(ParameterLayout layout, double[] theta, int q, DerivativeStructure[] input,
            String activation) {
        DerivativeStructure[] a = input;
        for (int l = 0; ; l++) {
            String prefix = "net" + q + ".layer" + l;
            if (layout.blocks().stream().noneMatch(b -> b.name().equals(prefix + ".weight"))) {
                return a;
            }
            var w = layout.block(prefix + ".weight");
            var b = layout.block(prefix + ".bias");
            String nextName = "net" + q + ".layer" + (l + 1) + ".weight";
            boolean last = layout.blocks().stream().noneMatch(x -> x.name().equals(nextName));
            DerivativeStructure[] z = new DerivativeStructure[w.rows()];
            for (int o = 0; o < w.rows(); o++) {
                DerivativeStructure sum = a[0].multiply(0).add(theta[b.offset() + o]);
                for (int k = 0; k < w.cols(); k++) {
                    sum = sum.add(a[k].multiply(theta[w.offset() + o * w.cols() + k]));
                }
                z[o] = last ? sum : activate(activation, sum);
            }
            a = z;
        }
    }

    /** Inputs as DS variables, normalised to [-1, 1] when asked. */
    public static DerivativeStructure[] inputs(ModelSpec spec, double[] x, int order) {
        int d = x.length;
        DerivativeStructure[] v = new DerivativeStructure[d];
        for (int j = 0; j < d; j++) {
            v[j] = new DerivativeStructure(d, order, j, x[j]);
            if (spec.normalizeInputs()) {
                double lo = spec.inputLower()[j];
                double hi = spec.inputUpper()[j];
                v[j] = v[j].subtract(0.5 * (lo + hi)).multiply(2.0 / (hi - lo));
            }
        }
        return v;
    }

    /** Box factor Π (x−a)(b−x)/h² over all inputs, as DS. */
    public static DerivativeStructure boxFactor(ModelSpec spec, double[] x, int order) {
        int d = x.length;
        DerivativeStructure g = new DerivativeStructure(d, order, 1.0);
        for (int j = 0; j < d; j++) {
            double lo = spec.inputLower()[j];
            double hi = spec.inputUpper()[j];
            double h = 0.5 * (hi - lo);
            DerivativeStructure xj = new DerivativeStructure(d, order, j, x[j]);
            g = g.multiply(xj.subtract(lo).multiply(xj.negate().add(hi))).divide(h * h);
        }
        return g;
    }

    /**
     * Compares every requested derivative of every field with the reference, normwise over the
     * points per (field, derivative).
     */
    public static void compare(Model model, double[] theta, int order, Function<double[], DerivativeStructure[]> reference,
            long seed) {
        ModelSpec spec = model.spec();
        int d = spec.inputDimension();
        DerivativeRequest request = DerivativeRequest.of(d, allMultiIndices(d, order));
        int n = 6;
        ModelEvaluator ev = model.evaluator(request, n);
        Random random = new Random(seed);
        double[] points = new double[n * d];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                double lo = spec.inputLower()[j];
                double hi = spec.inputUpper()[j];
                points[i * d + j] = lo + (hi - lo) * random.nextDouble();
            }
        }
        ev.forward(theta, points, n);
        double[] values = ev.values();
        int fields = spec.fields().size();
        int requested = request.size();
        DerivativeStructure[][] ref = new DerivativeStructure[n][];
        for (int i = 0; i < n; i++) {
            ref[i] = reference.apply(Arrays.copyOfRange(points, i * d, i * d + d));
        }
        for (int f = 0; f < fields; f++) {
            for (int k = 0; k < requested; k++) {
                double maxRef = 0;
                double maxErr = 0;
                for (int i = 0; i < n; i++) {
                    double r = ref[i][f].getPartialDerivative(request.multiIndex(k));
                    maxRef = Math.max(maxRef, Math.abs(r));
                    maxErr = Math.max(maxErr, Math.abs(r - values[(f * requested + k) * n + i]));
                }
                assertTrue(maxErr <= TOLERANCE * maxRef, "field " + f + " derivative " + Arrays.toString(request.multiIndex(k))
                        + ": error " + maxErr + " vs magnitude " + maxRef);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"tanh", "sin", "swish", "softplus"})
    void mlpJetsMatchDerivativeStructure(String activation) {
        ModelSpec spec = spec(2, List.of("u", "v"), new int[] {6, 5}, activation, false, false, Map.of());
        Model model = StandardModels.create("mlp", spec);
        double[] theta = model.initialParameters(4);
        for (int p = 0; p < theta.length; p++) {
            theta[p] *= 8; // O(1) pre-activations, so high derivatives are not negligible
        }
        compare(model, theta, 4, x -> {
            DerivativeStructure[] in = inputs(spec, x, 4);
            return perceptron(model.layout(), theta, 0, in, activation);
        }, 1);
    }

    @Test
    void separateNetworksWithNormalisationAndBoxFactor() {
        ModelSpec spec = spec(2, List.of("u", "v", "w"), new int[] {5, 4}, "tanh", true, true,
                Map.of("output-factor", "box-zero"));
        Model model = StandardModels.create("mlp", spec);
        assertTrue(model.layout().networks() == 3);
        double[] theta = model.initialParameters(9);
        for (int p = 0; p < theta.length; p++) {
            theta[p] *= 8;
        }
        compare(model, theta, 4, x -> {
            DerivativeStructure[] in = inputs(spec, x, 4);
            DerivativeStructure g = boxFactor(spec, x, 4);
            DerivativeStructure[] out = new DerivativeStructure[3];
            for (int q = 0; q < 3; q++) {
                out[q] = perceptron(model.layout(), theta, q, in, "tanh")[0].multiply(g);
            }
            return out;
        }, 2);
    }

    /**
     * The output map u_f = shift_f + scale_f·(g·N_f): values shifted and scaled, every derivative
     * scaled only, against the same model without the map at the same parameters.
     */
    @Test
    void outputMapShiftsValuesAndScalesDerivatives() {
        Map<String, String> factor = Map.of("output-factor", "box-zero");
        Map<String, String> mapped = Map.of("output-factor", "box-zero", "output-shift", "300, -2", "output-scale", "50,0.25");
        Model plain = StandardModels.create("mlp", spec(2, List.of("u", "v"), new int[] {5, 4}, "tanh", true, true, factor));
        Model model = StandardModels.create("mlp", spec(2, List.of("u", "v"), new int[] {5, 4}, "tanh", true, true, mapped));
        double[] theta = model.initialParameters(3);
        List<int[]> indices = new ArrayList<>(allMultiIndices(2, 2));
        indices.add(0, new int[2]);
        DerivativeRequest request = DerivativeRequest.of(2, indices);
        int n = 4;
        double[] points = {0.1, 0.2, -0.3, 1.1, 0.7, 0.0, 0.9, 1.4};
        ModelEvaluator a = plain.evaluator(request, n);
        ModelEvaluator b = model.evaluator(request, n);
        a.forward(theta, points, n);
        b.forward(theta, points, n);
        double[] shift = {300, -2};
        double[] scale = {50, 0.25};
        for (int f = 0; f < 2; f++) {
            for (int k = 0; k < request.size(); k++) {
                for (int i = 0; i < n; i++) {
                    int r = (f * request.size() + k) * n + i;
                    double expected = (k == 0 ? shift[f] : 0.0) + scale[f] * a.values()[r];
                    assertTrue(Math.abs(expected - b.values()[r]) <= TOLERANCE * Math.max(1, Math.abs(expected)),
                            "field " + f + " component " + Arrays.toString(request.multiIndex(k)) + ": " + b.values()[r]
                                    + " against " + expected);
                }
            }
        }
        double[] direction = new double[theta.length];
        Arrays.fill(direction, 0.01);
        double[] ta = new double[2 * request.size() * n];
        double[] tb = new double[ta.length];
        a.tangent(direction, ta);
        b.tangent(direction, tb);
        for (int r = 0; r < ta.length; r++) {
            double expected = scale[r / (request.size() * n)] * ta[r];
            assertTrue(Math.abs(expected - tb[r]) <= TOLERANCE * Math.max(1, Math.abs(expected)), "tangent row " + r);
        }
    }
}

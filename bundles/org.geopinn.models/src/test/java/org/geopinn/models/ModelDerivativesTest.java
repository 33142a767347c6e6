package org.geopinn.models;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.geopinn.api.model.DerivativeRequest;
import org.geopinn.api.model.Model;
import org.geopinn.api.model.ModelEvaluator;
import org.geopinn.api.model.ModelSpec;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Parameter derivatives through the whole model (several fields, separate networks, output
 * factor, output map, embedding, random features): backward against finite differences of Σ seeds·values,
 * jacobianRows against backward and tangent against the rows.
 */
class ModelDerivativesTest {
    static Model model(String variant) {
        switch (variant) {
            case "joint":
                return StandardModels.create("mlp", ModelJetsTest.spec(2, List.of("u", "v"), new int[] {5, 4}, "tanh", false,
                        true, Map.of()));
            case "separate-factor":
                return StandardModels.create("mlp", ModelJetsTest.spec(2, List.of("u", "v"), new int[] {4, 3}, "softplus", true,
                        false, Map.of("output-factor", "box-zero")));
            case "output-map":
                return StandardModels.create("mlp", ModelJetsTest.spec(2, List.of("u", "v"), new int[] {4, 3}, "tanh", true,
                        true, Map.of("output-factor", "box-zero", "output-shift", "300,-1", "output-scale", "50,0.5")));
            case "embedding":
                return StandardModels.create("sinusoidal-mlp", ModelJetsTest.spec(2, List.of("u"), new int[] {5}, "swish", false,
                        true, Map.of("frequencies", "2")));
            default:
                return StandardModels.create("random-features", ModelJetsTest.spec(2, List.of("u", "v"), new int[] {6}, "sin",
                        true, false, Map.of()));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"joint", "separate-factor", "embedding", "random-features", "output-map"})
    void reverseRowsAndTangentAgreeWithFiniteDifferences(String variant) {
        Model model = model(variant);
        ModelSpec spec = model.spec();
        Random random = new Random(variant.hashCode());
        double[] theta = model.initialParameters(1);
        for (int p = 0; p < theta.length; p++) {
            theta[p] = theta[p] * 4 + 0.1 * random.nextGaussian();
        }
        int parameters = theta.length;
        DerivativeRequest request = DerivativeRequest.of(2, List.of(new int[] {1, 0}, new int[] {0, 2}, new int[] {1, 1},
                new int[] {2, 0}));
        int n = 5;
        ModelEvaluator ev = model.evaluator(request, n);
        double[] points = new double[n * 2];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < 2; j++) {
                points[i * 2 + j] = spec.inputLower()[j] + (spec.inputUpper()[j] - spec.inputLower()[j]) * random.nextDouble();
            }
        }
        int size = spec.fields().size() * request.size() * n;
        double[] seeds = new double[size];
        for (int r = 0; r < size; r++) {
            seeds[r] = random.nextGaussian();
        }
        ev.forward(theta, points, n);
        double[] gradient = new double[parameters];
        ev.backward(seeds, gradient);
        for (int p = 0; p < parameters; p++) {
            double h = 1e-4;
            double fd = (8 * (functional(ev, theta, p, h, points, n, seeds) - functional(ev, theta, p, -h, points, n, seeds))
                    - (functional(ev, theta, p, 2 * h, points, n, seeds) - functional(ev, theta, p, -2 * h, points, n, seeds)))
                    / (12 * h);
            assertEquals(fd, gradient[p], 1e-6 * Math.max(1, Math.abs(fd)), variant + " parameter " + p);
        }
        ev.forward(theta, points, n);
        double[] jacobian = new double[n * parameters];
        Arrays.fill(jacobian, Double.NaN);
        ev.jacobianRows(seeds, jacobian, 0);
        for (int p = 0; p < parameters; p++) {
            double sum = 0;
            for (int i = 0; i < n; i++) {
                sum += jacobian[i * parameters + p];
            }
            assertEquals(gradient[p], sum, 1e-12 * Math.max(1, Math.abs(gradient[p])), variant + " row sum " + p);
        }
        // tangent against rows: one unit seed per value entry
        double[] v = new double[parameters];
        for (int p = 0; p < parameters; p++) {
            v[p] = random.nextGaussian();
        }
        double[] tangent = new double[size];
        ev.tangent(v, tangent);
        double[] unit = new double[size];
        for (int r = 0; r < size; r++) {
            unit[r] = 1;
            ev.jacobianRows(unit, jacobian, 0);
            unit[r] = 0;
            int i = r % n;
            double dot = 0;
            for (int p = 0; p < parameters; p++) {
                dot += jacobian[i * parameters + p] * v[p];
            }
            assertEquals(dot, tangent[r], 1e-11 * Math.max(1, Math.abs(dot)), variant + " tangent " + r);
        }
    }

    private static double functional(ModelEvaluator ev, double[] theta, int p, double h, double[] points, int n, double[] seeds) {
        double[] t = theta.clone();
        t[p] += h;
        ev.forward(t, points, n);
        double s = 0;
        for (int r = 0; r < seeds.length; r++) {
            s += seeds[r] * ev.values()[r];
        }
        return s;
    }
}

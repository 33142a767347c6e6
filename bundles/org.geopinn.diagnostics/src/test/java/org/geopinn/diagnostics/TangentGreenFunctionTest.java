package org.geopinn.diagnostics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.geopinn.api.GeopinnException;
import org.geopinn.expr.Vocabulary;
import org.geopinn.api.model.Model;
import org.geopinn.api.model.ModelSpec;
import org.geopinn.models.StandardModels;
import org.junit.jupiter.api.Test;

class TangentGreenFunctionTest {
    private static final int FEATURES = 6;
    private static final double RANGE = 8;

    /**
     * On the random feature model u(x) = 4x(1 − x) Σ_j a_j sin(w_j x + b_j) (linear in θ = a, zero on
     * ∂[0, 1]) the diagnostic must equal the closed form φ(x)ᵀ G⁻¹ Dφ(y), G = (1/N) Σ_k Dφ(y_k) Dφ(y_k)ᵀ,
     * with D = −d²/dx² applied to the features by hand (product rule) and G inverted directly.
     */
    @Test
    void randomFeatureModelMatchesTheClosedForm() {
        Vocabulary v = new Vocabulary(List.of("x"), List.of("u"));
        ModelSpec spec = new ModelSpec(new double[] {0}, new double[] {1}, List.of("u"), new int[] {FEATURES}, "sin", "xavier", false, false,
                Map.of("features", Integer.toString(FEATURES), "feature-seed", "0", "feature-range", Double.toString(RANGE),
                        "output-factor", "box-zero"));
        Model model = StandardModels.create("random-features", spec);
        double[] theta = model.initialParameters(3);
        int n = 64;
        double[] quad = new double[n];
        for (int k = 0; k < n; k++) {
            quad[k] = (k + 0.5) / n;
        }
        double[] xs = {0, 0.1, 0.37, 0.5, 0.9, 1};
        double[] ys = {0.2, 0.55, 0.81};
        TangentGreenFunction.Kernel kernel = new TangentGreenFunction(model, v, v.laplacian("u").times(-1.0)).evaluate(theta, quad, 1, xs, ys, 0);
        assertEquals(FEATURES, kernel.rank());

        double[] w = new double[FEATURES];
        double[] b = new double[FEATURES];
        Random random = new Random(0);
        for (int j = 0; j < FEATURES; j++) {
            w[j] = RANGE * (2 * random.nextDouble() - 1);
            b[j] = RANGE * (2 * random.nextDouble() - 1);
        }
        DMatrixRMaj g = new DMatrixRMaj(FEATURES, FEATURES);
        for (double y : quad) {
            double[] dphi = operatorFeatures(w, b, y);
            for (int p = 0; p < FEATURES; p++) {
                for (int q = 0; q < FEATURES; q++) {
                    g.add(p, q, dphi[p] * dphi[q] / n);
                }
            }
        }
        DMatrixRMaj inverse = g.copy();
        assertTrue(CommonOps_DDRM.invert(inverse));
        double scale = 0;
        for (double value : kernel.values()) {
            scale = Math.max(scale, Math.abs(value));
        }
        assertTrue(scale > 1e-3, "a kernel that is not trivially zero");
        // Both sides invert G: they agree to about ε·κ(G), κ(G) = (σ_max/σ_min)² of the operator rows.
        double[] sigma = kernel.singularValues();
        double condition = Math.pow(sigma[0] / sigma[FEATURES - 1], 2);
        assertTrue(condition < 1e9, "a well-posed comparison needs a moderate κ(G), got " + condition);
        double tolerance = Math.max(1e-12, 1e-14 * condition) * scale;
        for (int i = 0; i < xs.length; i++) {
            for (int j = 0; j < ys.length; j++) {
                double[] dphi = operatorFeatures(w, b, ys[j]);
                double expected = 0;
                for (int p = 0; p < FEATURES; p++) {
                    double phi = 4 * xs[i] * (1 - xs[i]) * Math.sin(w[p] * xs[i] + b[p]);
                    for (int q = 0; q < FEATURES; q++) {
                        expected += phi * inverse.get(p, q) * dphi[q];
                    }
                }
                assertEquals(expected, kernel.values()[i * ys.length + j], tolerance, "g(" + xs[i] + ", " + ys[j] + ")");
            }
        }
    }

    /** −(g φ)″ for g = 4x(1 − x), φ = sin(w x + b): −(g″φ + 2g′φ′ + gφ″). */
    private static double[] operatorFeatures(double[] w, double[] b, double x) {
        double[] out = new double[w.length];
        double g = 4 * x * (1 - x);
        double g1 = 4 * (1 - 2 * x);
        double g2 = -8;
        for (int j = 0; j < w.length; j++) {
            double s = Math.sin(w[j] * x + b[j]);
            double c = Math.cos(w[j] * x + b[j]);
            out[j] = -(g2 * s + 2 * g1 * w[j] * c - g * w[j] * w[j] * s);
        }
        return out;
    }

    /** A hard-constrained tanh MLP's kernel lies within a few percent of min(x, y)(1 − max(x, y)). */
    @Test
    void mlpKernelApproachesThePoissonGreenFunction() {
        Vocabulary v = new Vocabulary(List.of("x"), List.of("u"));
        ModelSpec spec = new ModelSpec(new double[] {0}, new double[] {1}, List.of("u"), new int[] {16}, "tanh", "xavier", false, true,
                Map.of("output-factor", "box-zero"));
        Model model = StandardModels.create("mlp", spec);
        int n = 400;
        double[] quad = new double[n];
        for (int k = 0; k < n; k++) {
            quad[k] = (k + 0.5) / n;
        }
        double[] xs = new double[101];
        for (int i = 0; i < xs.length; i++) {
            xs[i] = i / 100.0;
        }
        double[] ys = {0.3, 0.5};
        TangentGreenFunction.Kernel k = new TangentGreenFunction(model, v, v.laplacian("u").times(-1.0))
                .evaluate(model.initialParameters(0), quad, 1, xs, ys, 1e-8);
        for (int j = 0; j < ys.length; j++) {
            double num = 0;
            double den = 0;
            for (int i = 0; i < xs.length; i++) {
                double t = Math.min(xs[i], ys[j]) * (1 - Math.max(xs[i], ys[j]));
                double e = k.values()[i * ys.length + j] - t;
                num += e * e;
                den += t * t;
            }
            double distance = Math.sqrt(num / den);
            assertTrue(distance < 0.05, "relative L2 distance at y = " + ys[j] + " was " + distance);
        }
        assertThrows(GeopinnException.class, () -> new TangentGreenFunction(model, v, v.field("u")).evaluate(new double[model.parameterCount()],
                quad, 1, xs, ys, 1.5));
    }
}

package org.geopinn.evolution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.geopinn.api.evolution.BoundaryTreatment;
import org.geopinn.api.evolution.EvolutionEvent;
import org.geopinn.api.evolution.EvolutionResult;
import org.geopinn.api.evolution.EvolutionSettings;
import org.geopinn.api.evolution.TimeReference;
import org.geopinn.expr.Vocabulary;
import org.junit.jupiter.api.Test;

/**
 * The parameter ODE reproduces evolutions that the model represents exactly: heat in a Dirichlet
 * sine basis (θ_m(t) = θ_m(0)·exp(−κ|ω_m|²t)) and advection in a Fourier basis (a rotation of each
 * mode's coefficients), to the Runge–Kutta tolerance.
 */
class NeuralIvpExactTest {
    private static final EvolutionSettings EXACT = EvolutionSettings.defaults().with(Map.ofEntries(
            Map.entry("t-end", "1"), Map.entry("rtol", "1e-6"), Map.entry("atol", "1e-9"), Map.entry("samples", "300"),
            Map.entry("rank", "8"), Map.entry("mu", "1e-13"), Map.entry("cg-tol", "1e-13"),
            Map.entry("fit-iterations", "30"), Map.entry("fit-tol", "1e-12"), Map.entry("error-points", "400")));

    @Test
    void heatInASineBasisFollowsTheExactModalDecay() {
        double kappa = 0.05;
        TensorSineModel model = TensorSineModel.dirichletModes(2, 3);
        double[] c0 = {1.0, -0.5, 0.25, 0.3, 0.7, -0.2, 0.1, 0.05, -0.4};
        TimeReference exact = (t, points, n, out) -> {
            double[] coefficients = new double[c0.length];
            for (int m = 0; m < c0.length; m++) {
                double w2 = model.omega(m, 0) * model.omega(m, 0) + model.omega(m, 1) * model.omega(m, 1);
                coefficients[m] = c0[m] * Math.exp(-kappa * w2 * t);
            }
            evaluate(model, coefficients, points, n, out);
        };
        SimpleIvp heat = new SimpleIvp("heat-modes", new Vocabulary(List.of("x", "y"), List.of("u")),
                v -> v.laplacian("u").times(kappa), BoundaryTreatment.NONE, exact);
        EvolutionResult result = new NeuralIvp(heat, model, org.geopinn.samplers.Samplers.create("uniform"), EXACT).run(null, null);

        assertEquals(1.0, result.finalState().time(), 1e-12);
        double[] theta = result.finalState().parameters();
        for (int m = 0; m < c0.length; m++) {
            double w2 = model.omega(m, 0) * model.omega(m, 0) + model.omega(m, 1) * model.omega(m, 1);
            double expected = c0[m] * Math.exp(-kappa * w2);
            assertEquals(expected, theta[m], 2e-6 * Math.max(1, Math.abs(c0[m])), "mode " + m);
        }
        EvolutionEvent fitted = result.events().get(0);
        assertEquals(EvolutionEvent.Kind.FITTED, fitted.kind());
        assertTrue(fitted.relativeError() < 1e-10, "initial fit error " + fitted.relativeError());
        assertTrue(result.snapshots().size() == 5, "snapshots at 0, T/4, T/2, 3T/4, T");
        assertTrue(last(result).relativeError() < 1e-5, "final error " + last(result).relativeError());
    }

    @Test
    void advectionInAFourierBasisRotatesEachModeExactly() {
        double speed = 0.5;
        TensorSineModel model = TensorSineModel.fourier1d(3);
        double[] c0 = {0.2, 1.0, -0.3, 0.5, 0.1, 0.0};
        TimeReference exact = (t, points, n, out) -> {
            double[] shifted = new double[n];
            for (int i = 0; i < n; i++) {
                shifted[i] = points[i] - speed * t;
            }
            evaluate(model, c0, shifted, n, out);
        };
        SimpleIvp advection = new SimpleIvp("advection-modes", new Vocabulary(List.of("x"), List.of("u")),
                v -> v.d("u", "x").times(-speed), BoundaryTreatment.NONE, exact);
        EvolutionResult result = new NeuralIvp(advection, model, org.geopinn.samplers.Samplers.create("uniform"), EXACT).run(null, null);
        assertTrue(last(result).relativeError() < 1e-5, "final error " + last(result).relativeError());
        long steps = result.events().stream().filter(e -> e.kind() == EvolutionEvent.Kind.STEP).count();
        assertTrue(steps > 5, "the step-size control took " + steps + " steps");
    }

    private static EvolutionEvent last(EvolutionResult result) {
        return result.events().get(result.events().size() - 1);
    }

    private static void evaluate(TensorSineModel model, double[] theta, double[] points, int n, double[] out) {
        var e = model.evaluator(org.geopinn.api.model.DerivativeRequest.valuesOnly(model.spec().inputDimension()), n);
        e.forward(theta, points, n);
        System.arraycopy(e.values(), 0, out, 0, n);
    }
}

package org.geopinn.evolution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Random;
import org.geopinn.api.evolution.BoundaryTreatment;
import org.geopinn.api.evolution.EvolutionResult;
import org.geopinn.api.evolution.EvolutionSettings;
import org.geopinn.api.model.DerivativeRequest;
import org.geopinn.api.model.ModelEvaluator;
import org.geopinn.expr.Vocabulary;
import org.junit.jupiter.api.Test;

/**
 * The step-size control in function space bounds the error a step adds to u; the control on θ
 * does not when θ is badly scaled against u. The small case: heat in a 3×3 Dirichlet sine basis
 * (linear in θ, closed under the operator, so the exact step is known: θ_m·exp(−κ|ω_m|²h)) with
 * every basis function multiplied by 10⁴, so θ ≈ 1e-4 and an absolute tolerance on θ allows
 * changes of u of its own size, as weakly determined directions of a network at small mu do.
 */
class FunctionSpaceErrorTest {
    private static final double KAPPA = 0.05;
    private static final double AMPLITUDE = 1e4;
    private static final double RTOL = 1e-3;
    private static final double ATOL = 1e-4;
    private static final double[] C0 = {1.0, -0.5, 0.25, 0.3, 0.7, -0.2, 0.1, 0.05, -0.4};
    private static final int N = 300;

    private final TensorSineModel model = TensorSineModel.dirichletModes(2, 3).scaled(AMPLITUDE);
    private final SimpleIvp heat = new SimpleIvp("heat-modes-scaled", new Vocabulary(List.of("x", "y"), List.of("u")),
            v -> v.laplacian("u").times(KAPPA), BoundaryTreatment.NONE, this::exact);

    @Test
    void anAcceptedStepAddsAtMostRtolToUOnlyUnderTheFunctionSpaceNorm() {
        double[] points = TestPoints.uniform(heat, N, 5);
        ParameterVelocity velocity = new ParameterVelocity(model, heat.rightHandSides(), N, 8, 1e-13, 1e-13, 200,
                new Random(1));
        double[] theta = new double[C0.length];
        for (int m = 0; m < C0.length; m++) {
            theta[m] = C0[m] / AMPLITUDE;
        }
        double uRule = acceptedStepError(velocity, points, theta, velocity::functionSpaceError);
        double thetaRule = acceptedStepError(velocity, points, theta, BogackiShampine.PARAMETER_NORM);
        System.out.printf("relative u error added by one accepted step: u rule %.3e, theta rule %.3e (rtol %.0e)%n",
                uRule, thetaRule, RTOL);
        assertTrue(uRule <= RTOL, "u rule: an accepted step added " + uRule + " > rtol " + RTOL);
        assertTrue(thetaRule > 10 * RTOL, "theta rule: an accepted step added only " + thetaRule);
    }

    @Test
    void aRunUnderTheFunctionSpaceNormStaysWithinTheTolerancesOverManySteps() {
        Map<String, String> common = Map.ofEntries(Map.entry("t-end", "1"), Map.entry("rtol", "1e-3"),
                Map.entry("samples", "300"), Map.entry("rank", "8"), Map.entry("mu", "1e-13"),
                Map.entry("cg-tol", "1e-13"), Map.entry("fit-iterations", "30"), Map.entry("fit-tol", "1e-12"),
                Map.entry("error-points", "400"), Map.entry("first-step", "1"), Map.entry("max-step", "1"),
                Map.entry("output-times", "1"));
        EvolutionSettings u = EvolutionSettings.defaults().with(common);
        EvolutionSettings theta = u.with(Map.of("error-norm", "theta"));
        assertEquals("u", u.errorNorm(), "the default");
        double uError = finalError(new NeuralIvp(heat, model, org.geopinn.samplers.Samplers.create("uniform"), u).run(null, null));
        double thetaError = finalError(new NeuralIvp(heat, model, org.geopinn.samplers.Samplers.create("uniform"), theta)
                .run(null, null));
        System.out.printf("error at t = 1: u rule %.3e, theta rule %.3e%n", uError, thetaError);
        assertTrue(uError < 2e-3, "u rule: error at t = 1 " + uError);
        assertTrue(thetaError > 5 * uError, "theta rule " + thetaError + " against u rule " + uError);
    }

    /** Steps from θ with h = 1 shrunk by the controller until accepted; returns the true relative u error of that step. */
    private double acceptedStepError(ParameterVelocity velocity, double[] points, double[] theta,
            BogackiShampine.ErrorNorm norm) {
        BogackiShampine integrator = new BogackiShampine(theta.length);
        velocity.newSamples(points, N);
        double h = 1;
        for (int attempt = 0; attempt < 50; attempt++) {
            double error = integrator.attempt(velocity::compute, theta, h, RTOL, ATOL, norm);
            if (error <= 1) {
                double[] exactStep = new double[theta.length];
                for (int m = 0; m < theta.length; m++) {
                    exactStep[m] = theta[m] * Math.exp(-KAPPA * omega2(m) * h);
                }
                return relativeDifference(integrator.proposal(), exactStep, points);
            }
            h = BogackiShampine.nextStepSize(h, error);
        }
        throw new AssertionError("no step accepted");
    }

    private double relativeDifference(double[] a, double[] b, double[] points) {
        ModelEvaluator e = model.evaluator(DerivativeRequest.valuesOnly(2), N);
        e.forward(a, points, N);
        double[] ua = e.values().clone();
        e.forward(b, points, N);
        double num = 0;
        double den = 0;
        for (int i = 0; i < N; i++) {
            num += (ua[i] - e.values()[i]) * (ua[i] - e.values()[i]);
            den += e.values()[i] * e.values()[i];
        }
        return Math.sqrt(num / den);
    }

    private double omega2(int m) {
        return model.omega(m, 0) * model.omega(m, 0) + model.omega(m, 1) * model.omega(m, 1);
    }

    private void exact(double t, double[] points, int n, double[] out) {
        double[] theta = new double[C0.length];
        for (int m = 0; m < C0.length; m++) {
            theta[m] = C0[m] / AMPLITUDE * Math.exp(-KAPPA * omega2(m) * t);
        }
        ModelEvaluator e = model.evaluator(DerivativeRequest.valuesOnly(2), n);
        e.forward(theta, points, n);
        System.arraycopy(e.values(), 0, out, 0, n);
    }

    private static double finalError(EvolutionResult result) {
        return result.events().get(result.events().size() - 1).relativeError();
    }
}

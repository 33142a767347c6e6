package org.geopinn.evolution;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Random;
import org.geopinn.api.evolution.EvolutionSettings;
import org.geopinn.api.evolution.InitialValueProblem;
import org.geopinn.api.model.Model;
import org.geopinn.evolution.problems.Heat2d;
import org.geopinn.evolution.problems.Wave2d;
import org.junit.jupiter.api.Test;

/**
 * Field weights of the projection ({@link FieldWeights}, {@code field-weights=rate}): the weights
 * themselves, no effect on a single field, and on the two-field wave a smaller relative residual of
 * the equation whose rate is small (u_t = v) than the unweighted projection leaves.
 */
class FieldWeightsTest {
    @Test
    void rateWeightIsTheInverseOfSizeTimesRate() {
        int n = 4;
        double[] values = {2, -2, 2, -2, 0.5, 0.5, -0.5, 0.5, 0, 0, 0, 0};
        double[] rates = {3, 3, -3, 3, 8, -8, 8, 8, 1, 1, 1, 1};
        double[] weights = new double[3];
        FieldWeights.rate(values, rates, n, weights);
        // RMS(u)·RMS(L): 2·3 and 0.5·8; the third field has no size and takes the smallest other weight.
        assertArrayEquals(new double[] {1 / 6.0, 1 / 4.0, 1 / 6.0}, weights, 1e-15);
    }

    @Test
    void aSingleFieldsVelocityDoesNotDependOnTheWeights() {
        Heat2d problem = new Heat2d();
        double[][] thetaDot = velocities(problem, "12,12", 300, 5, 1e-6); // a mu that rounding does not dominate
        double difference = DenseGramSolverTest.relativeDifference(thetaDot[1], thetaDot[0]);
        assertTrue(difference < 1e-8, "heat, rate against unit weights: " + difference);
    }

    @Test
    void rateWeightsLowerTheRelativeResidualOfTheSlowField() {
        Wave2d problem = new Wave2d();
        int n = 400;
        double[] points = TestPoints.uniform(problem, n, 3);
        double[][] thetaDot = velocities(problem, "8,8", n, 3, 1e-10);
        Model model = model(problem, "8,8");
        double[] theta = parameters(model);
        double[] rates = new double[2 * n];
        new SpatialOperator(model, problem.rightHandSides(), n).evaluate(theta, points, n, rates);
        JacobianProducts products = new JacobianProducts(model, n);
        products.linearizeAt(theta, points, n);
        double[] unit = fieldResiduals(products, thetaDot[0], rates, n);
        double[] rate = fieldResiduals(products, thetaDot[1], rates, n);
        System.out.printf("relative residual of u_t = v: unit %.3e, rate %.3e; of v_t = c^2 Lap u: unit %.3e, rate %.3e%n",
                unit[0], rate[0], unit[1], rate[1]);
        assertTrue(rate[0] < 0.8 * unit[0], "u_t = v is carried better with rate weights: " + rate[0] + " against " + unit[0]);
        assertTrue(unit[1] <= rate[1], "the unweighted projection favours the fast field: " + unit[1] + " against " + rate[1]);
    }

    /** θ̇ with unit weights [0] and rate weights [1], dense solve, on the same points and parameters. */
    private static double[][] velocities(InitialValueProblem problem, String hidden, int n, long seed, double mu) {
        Model model = model(problem, hidden);
        double[] theta = parameters(model);
        double[] points = TestPoints.uniform(problem, n, seed);
        double[][] out = new double[2][];
        for (int k = 0; k < 2; k++) {
            ParameterVelocity velocity = new ParameterVelocity(model, problem.rightHandSides(), n, 0, mu, 1e-12, 50,
                    new Random(1), true, k == 1);
            velocity.newSamples(points, n);
            out[k] = new double[theta.length];
            velocity.compute(theta, out[k]);
        }
        return out;
    }

    private static Model model(InitialValueProblem problem, String hidden) {
        EvolutionSettings settings = EvolutionSettings.defaults().with(problem.defaults()).with(Map.of("hidden", hidden));
        return TestPoints.service().model(problem, settings);
    }

    /** Initial parameters moved off the initialisation's zeros, so that every field has values and rates. */
    private static double[] parameters(Model model) {
        double[] theta = model.initialParameters(7);
        Random random = new Random(13);
        for (int p = 0; p < theta.length; p++) {
            theta[p] += 0.3 * random.nextGaussian();
        }
        return theta;
    }

    /** ‖J_f θ̇ − L_f‖/‖L_f‖ per field, with J·θ̇ by a forward tangent. */
    private static double[] fieldResiduals(JacobianProducts products, double[] thetaDot, double[] rates, int n) {
        double[] projected = new double[rates.length];
        products.times(thetaDot, projected);
        double[] residuals = new double[2];
        for (int f = 0; f < 2; f++) {
            double num = 0;
            double den = 0;
            for (int i = f * n; i < (f + 1) * n; i++) {
                num += (projected[i] - rates[i]) * (projected[i] - rates[i]);
                den += rates[i] * rates[i];
            }
            residuals[f] = Math.sqrt(num / den);
        }
        return residuals;
    }
}

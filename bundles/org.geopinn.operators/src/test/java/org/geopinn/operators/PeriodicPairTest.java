package org.geopinn.operators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.geopinn.api.model.DerivativeRequest;
import org.geopinn.api.model.Model;
import org.geopinn.api.model.ModelEvaluator;
import org.geopinn.api.operator.LossScaling;
import org.geopinn.models.TrainedCoefficientModel;
import org.geopinn.api.problem.Problem;
import org.geopinn.problem.builder.ProblemBuilder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Periodic pairs: the rows of a paired condition are D[u](x) − D[u](x + s) − f(x); its Jacobian
 * rows must equal central differences of those residuals, and J·v, Jᵀu and the gradient must
 * agree with the full matrix (with a trained coefficient in the paired operator, on 1 and 2 threads).
 */
class PeriodicPairTest {

    static Problem periodicStrip() {
        return ProblemBuilder.problem("periodic-strip", "heat in a strip, periodic in x")
                .variable("t", 0, 1).variable("x", 0, 2).field("u").unknown("kappa", 0.3)
                .face("left", "x", false).face("right", "x", true)
                .condition("pde", "interior", "u_t - kappa*u_xx", 30)
                .condition("initial", "initial", "u", "sin(pi*x)", 10)
                .periodic("value", "left", "right", "u", 8)
                .periodic("flux", "left", "right", "kappa*u_x + u*u", 8)
                .build();
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void pairedRowsAreDifferencesAndTheirDerivativesAgree(int threads) {
        Problem problem = periodicStrip();
        Model model = TrainedCoefficientModel.extend(MlpResidualSystemTest.mlp(problem, false, "tanh"), problem.unknowns());
        Map<String, double[]> points = TestProblems.randomPoints(problem, 5, 1);
        StackedResidualSystem rs = StackedResidualSystem.build(problem, model, points, LossScaling.SUM,
                EvaluatorFactory.EXACT, threads);
        double[] theta = model.initialParameters(2);
        int p = rs.parameterCount();
        int s = rs.residualCount();
        double[] r = new double[s];
        rs.residuals(theta, r);

        // The value rows are u(t, 0) − u(t, 2), computed here from the network directly.
        double[] left = points.get("value");
        int n = left.length / 2;
        double[] right = left.clone();
        for (int i = 0; i < n; i++) {
            right[2 * i + 1] += 2;
        }
        ModelEvaluator e = model.evaluator(DerivativeRequest.of(2, java.util.List.of(new int[] {0, 0})), n);
        e.forward(theta, left, n);
        double[] ul = e.values().clone();
        e.forward(theta, right, n);
        double[] ur = e.values();
        int offset = rs.groups().get(2).offset();
        double largest = 0;
        for (int i = 0; i < n; i++) {
            assertEquals(ul[i] - ur[i], r[offset + i], 1e-13, "value row " + i);
            largest = Math.max(largest, Math.abs(r[offset + i]));
        }
        assertTrue(largest > 1e-3, "an untrained network is not periodic: " + largest);

        double[] jac = new double[s * p];
        rs.jacobian(theta, jac);
        for (int k = 0; k < p; k += 7) {
            checkColumn(rs, theta, jac, k);
        }
        checkColumn(rs, theta, jac, p - 1); // kappa

        JacobianProducts.assertMatchTheJacobian(rs, theta, jac, 4);
    }

    private static void checkColumn(StackedResidualSystem rs, double[] theta, double[] jac, int k) {
        JacobianProducts.assertColumnMatchesCentralDifferences(rs, theta, jac, k, 1e-6, fd -> 1e-7 * (1 + Math.abs(fd)));
    }
}

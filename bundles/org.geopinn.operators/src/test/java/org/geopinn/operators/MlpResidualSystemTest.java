package org.geopinn.operators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Random;
import org.geopinn.api.model.Model;
import org.geopinn.api.model.ModelSpec;
import org.geopinn.api.operator.LossScaling;
import org.geopinn.api.problem.Problem;
import org.geopinn.models.StandardModels;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The residual system on the real multilayer perceptrons of org.geopinn.models. */
class MlpResidualSystemTest {

    static Model mlp(Problem problem, boolean separate, String activation) {
        return StandardModels.create("mlp", new ModelSpec(problem.domain().lower(), problem.domain().upper(),
                problem.vocabulary().fields(), new int[] {8, 8}, activation, "xavier", separate, true, Map.of()));
    }

    static List<Arguments> cases() {
        return List.of(Arguments.of(TestProblems.laplace2d(), false, "tanh"), Arguments.of(TestProblems.heat(null), false, "sin"),
                Arguments.of(TestProblems.burgers(null), false, "tanh"), Arguments.of(TestProblems.coupled(), true, "tanh"),
                Arguments.of(TestProblems.coupled(), false, "swish"), Arguments.of(OperatorEngineTest.biharmonic(), false, "tanh"));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void jacobianProductsAndGradientAreConsistent(Problem problem, boolean separate, String activation) {
        Model model = mlp(problem, separate, activation);
        StackedResidualSystem rs = StackedResidualSystem.build(problem, model, TestProblems.randomPoints(problem, 2, 0.05),
                LossScaling.MEAN, EvaluatorFactory.EXACT);
        double[] theta = model.initialParameters(5);
        int s = rs.residualCount();
        int p = rs.parameterCount();
        double[] jac = new double[s * p];
        rs.jacobian(theta, jac);
        double big = 0;
        for (double x : jac) {
            big = Math.max(big, Math.abs(x));
        }
        double tolerance = 1e-6 * big;
        for (int k = 0; k < p; k++) {
            JacobianProducts.assertColumnMatchesCentralDifferences(rs, theta, jac, k, 1e-6, fd -> tolerance);
        }
        Random random = new Random(3);
        double[] v = random.doubles(p, -1, 1).toArray();
        double[] r = new double[s];
        rs.residuals(theta, r);
        double[] jv = new double[s];
        rs.jacobianTimes(theta, v, jv);
        double[] grad = new double[p];
        double loss = rs.lossAndGradient(theta, grad);
        for (int i = 0; i < s; i++) {
            double e = 0;
            for (int k = 0; k < p; k++) {
                e += jac[i * p + k] * v[k];
            }
            assertEquals(e, jv[i], 1e-11 * big * p);
        }
        for (int k = 0; k < p; k++) {
            double e = 0;
            for (int i = 0; i < s; i++) {
                e += jac[i * p + k] * r[i];
            }
            assertEquals(e, grad[k], 1e-11 * big * s);
        }
        double sum = 0;
        for (double g : rs.groupLosses(theta)) {
            sum += g;
        }
        assertEquals(loss, sum, 1e-12 * loss);
    }

    @ParameterizedTest
    @MethodSource("cases")
    void finiteDifferenceEngineAgreesAtSecondOrder(Problem problem, boolean separate, String activation) {
        Model model = mlp(problem, separate, activation);
        Map<String, double[]> pts = TestProblems.randomPoints(problem, 2, 0.05);
        double[] theta = model.initialParameters(5);
        StackedResidualSystem exact = StackedResidualSystem.build(problem, model, pts, LossScaling.MEAN, EvaluatorFactory.EXACT);
        double[] r = new double[exact.residualCount()];
        exact.residuals(theta, r);
        double[] errors = new double[2];
        double h = 0.02;
        for (int k = 0; k < 2; k++) {
            StackedResidualSystem fd = StackedResidualSystem.build(problem, model, pts, LossScaling.MEAN,
                    FiniteDifferenceEvaluator.factory(h / (1 << k)));
            double[] rf = new double[r.length];
            fd.residuals(theta, rf);
            for (int i = 0; i < r.length; i++) {
                errors[k] = Math.max(errors[k], Math.abs(rf[i] - r[i]));
            }
        }
        double ratio = errors[0] / errors[1];
        assertTrue(ratio > 3.5 && ratio < 4.5, problem.id() + ": error ratio " + ratio + " " + errors[0] + " " + errors[1]);
    }
}

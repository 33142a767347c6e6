package org.geopinn.operators;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.geopinn.api.GeopinnException;
import org.geopinn.api.model.Model;
import org.geopinn.api.operator.LossScaling;
import org.geopinn.api.problem.CoefficientModel;
import org.geopinn.models.TrainedCoefficientModel;
import org.geopinn.api.problem.Problem;
import org.geopinn.problem.builder.ProblemBuilder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Trained coefficients: their Jacobian columns come from the same forward-mode duals as the
 * network's leaves, so they must equal central differences of the residuals in the coefficient,
 * and the products J·v, Jᵀu and the gradient must agree with the full matrix in every column.
 */
class TrainedCoefficientTest {

    /** Burgers with ν trained and a second trained coefficient c entering nonlinearly, sin(c)·u. */
    static Problem inverseBurgers() {
        return ProblemBuilder.problem("inverse-burgers", "Burgers with trained coefficients")
                .variable("t", 0, 1).variable("x", -1, 1).field("u")
                .unknown("nu", 0.05).unknown("c", 0.3).coefficient("a", 2)
                .condition("pde", "interior", "u_t + u*u_x - nu*u_xx + sin(c)*u + a*u_x", 60)
                .condition("initial", "initial", "u", "-sin(pi*x)", 20)
                .condition("walls", "boundary", "u", 10)
                .build();
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void coefficientColumnsEqualCentralDifferences(int threads) {
        Problem problem = inverseBurgers();
        assertEquals(List.of("c", "nu"), List.copyOf(problem.unknowns().keySet()));
        assertEquals(2.0, problem.coefficients().get("a"));
        Model model = TrainedCoefficientModel.extend(MlpResidualSystemTest.mlp(problem, false, "tanh"), problem.unknowns());
        StackedResidualSystem rs = StackedResidualSystem.build(problem, model, TestProblems.randomPoints(problem, 4, 1),
                LossScaling.MEAN, EvaluatorFactory.EXACT, threads);
        double[] theta = model.initialParameters(3);
        int p = rs.parameterCount();
        int s = rs.residualCount();
        assertEquals(MlpResidualSystemTest.mlp(problem, false, "tanh").parameterCount() + 2, p);
        assertEquals(0.3, theta[p - 2]); // c, then nu: sorted by name
        assertEquals(0.05, theta[p - 1]);
        double[] jac = new double[s * p];
        rs.jacobian(theta, jac);
        for (int k = p - 2; k < p; k++) {
            double norm = JacobianProducts.assertColumnMatchesCentralDifferences(rs, theta, jac, k, 1e-6,
                    fd -> 1e-7 * (1 + Math.abs(fd)));
            assertTrue(norm > 1e-3, "the coefficient column must not vanish: " + norm);
        }
        // Conditions that do not use the coefficients have zero columns for them.
        int initialRow = rs.groups().get(1).offset();
        assertEquals(0.0, jac[initialRow * p + p - 1]);

        JacobianProducts.assertMatchTheJacobian(rs, theta, jac, 9);
    }

    @org.junit.jupiter.api.Test
    void theCoefficientValueComesFromTheta() {
        Problem problem = inverseBurgers();
        Model model = TrainedCoefficientModel.extend(MlpResidualSystemTest.mlp(problem, false, "tanh"), problem.unknowns());
        StackedResidualSystem rs = StackedResidualSystem.build(problem, model, TestProblems.randomPoints(problem, 4, 1),
                LossScaling.MEAN, EvaluatorFactory.EXACT, 1);
        double[] theta = model.initialParameters(3);
        double before = rs.loss(theta);
        theta[theta.length - 1] = 0.5;
        assertNotEquals(before, rs.loss(theta));
        assertArrayEquals(new double[] {0.3, 0.5}, CoefficientModel.coefficients(model, theta));
    }

    @org.junit.jupiter.api.Test
    void aModelWithoutTheCoefficientsIsRefused() {
        Problem problem = inverseBurgers();
        Model plain = MlpResidualSystemTest.mlp(problem, false, "tanh");
        GeopinnException e = assertThrows(GeopinnException.class, () -> StackedResidualSystem.build(problem, plain,
                TestProblems.randomPoints(problem, 4, 1), LossScaling.MEAN, EvaluatorFactory.EXACT, 1));
        assertTrue(e.getMessage().contains("trains the coefficients [c, nu]"), e.getMessage());
    }

    @org.junit.jupiter.api.Test
    void anUnknownThatNoOperatorUsesIsRefused() {
        GeopinnException e = assertThrows(GeopinnException.class, () -> ProblemBuilder.problem("p", "p")
                .variable("x", 0, 1).field("u").unknown("k", 1).condition("pde", "interior", "u_xx", 10).build());
        assertEquals("problem 'p': the unknown 'k' appears in no operator, so nothing determines it", e.getMessage());
        GeopinnException bad = assertThrows(GeopinnException.class, () -> ProblemBuilder.problem("p", "p")
                .variable("x", 0, 1).field("u").coefficient("x", 1).condition("pde", "interior", "u_xx", 10).build());
        assertTrue(bad.getMessage().contains("coefficient name 'x' is already a variable"), bad.getMessage());
        assertEquals(Map.of(), ProblemBuilder.problem("q", "q").variable("x", 0, 1).field("u")
                .condition("pde", "interior", "u_xx", 10).build().unknowns());
    }
}

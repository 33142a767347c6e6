package org.geopinn.operators;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.geopinn.api.model.DerivativeRequest;
import org.geopinn.api.model.Model;
import org.geopinn.api.model.ModelEvaluator;
import org.geopinn.api.operator.LossScaling;
import org.geopinn.api.operator.ResidualGroup;
import org.geopinn.api.problem.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The residual-system contract on linear, nonlinear and coupled multi-field problems. */
class ResidualSystemTest {

    static Stream<Arguments> problems() {
        return TestProblems.all().stream().flatMap(p -> Stream.of(LossScaling.values()).map(s -> Arguments.of(p, s)));
    }

    private static StackedResidualSystem system(Problem p, Model m, LossScaling s) {
        return StackedResidualSystem.build(p, m, TestProblems.randomPoints(p, 7, 0.1), s, EvaluatorFactory.EXACT);
    }

    private static double[] dense(StackedResidualSystem rs, double[] theta) {
        double[] j = new double[rs.residualCount() * rs.parameterCount()];
        rs.jacobian(theta, j);
        return j;
    }

    private static double maxAbs(double[] a) {
        double m = 0;
        for (double v : a) {
            m = Math.max(m, Math.abs(v));
        }
        return m;
    }

    @ParameterizedTest
    @MethodSource("problems")
    void jacobianRowsMatchCentralDifferencesOfTheResiduals(Problem problem, LossScaling scaling) {
        Model model = TestProblems.modelFor(problem, 6);
        StackedResidualSystem rs = system(problem, model, scaling);
        double[] theta = model.initialParameters(3);
        int s = rs.residualCount();
        int p = rs.parameterCount();
        double[] jac = dense(rs, theta);
        double tolerance = 1e-7 * maxAbs(jac);
        for (int k = 0; k < p; k++) {
            JacobianProducts.assertColumnMatchesCentralDifferences(rs, theta, jac, k, 1e-6, fd -> tolerance);
        }
    }

    @ParameterizedTest
    @MethodSource("problems")
    void productsGradientAndLossesAgreeWithTheDenseJacobian(Problem problem, LossScaling scaling) {
        Model model = TestProblems.modelFor(problem, 5);
        StackedResidualSystem rs = system(problem, model, scaling);
        double[] theta = model.initialParameters(11);
        int s = rs.residualCount();
        int p = rs.parameterCount();
        double[] jac = dense(rs, theta);
        Random random = new Random(5);
        double[] v = random.doubles(p, -1, 1).toArray();
        double[] u = random.doubles(s, -1, 1).toArray();
        double[] jv = new double[s];
        double[] jtu = new double[p];
        rs.jacobianTimes(theta, v, jv);
        rs.jacobianTransposeTimes(theta, u, jtu);
        double tol = 1e-12 * maxAbs(jac) * p;
        for (int i = 0; i < s; i++) {
            double e = 0;
            for (int k = 0; k < p; k++) {
                e += jac[i * p + k] * v[k];
            }
            assertEquals(e, jv[i], tol);
        }
        for (int k = 0; k < p; k++) {
            double e = 0;
            for (int i = 0; i < s; i++) {
                e += jac[i * p + k] * u[i];
            }
            assertEquals(e, jtu[k], tol * s / p + 1e-300);
        }
        double[] r = new double[s];
        rs.residuals(theta, r);
        double[] grad = new double[p];
        double loss = rs.lossAndGradient(theta, grad);
        double[] jtr = new double[p];
        rs.jacobianTransposeTimes(theta, r, jtr);
        assertArrayEquals(jtr, grad, 1e-12 * (1 + maxAbs(jtr)));
        double half = 0;
        for (double x : r) {
            half += 0.5 * x * x;
        }
        assertEquals(half, loss, 1e-12 * half);
        assertEquals(loss, rs.loss(theta), 0);
        double sum = 0;
        for (double g : rs.groupLosses(theta)) {
            sum += g;
        }
        assertEquals(loss, sum, 1e-12 * loss);
    }

    @Test
    void residualsAreTheOperatorMinusTheSourceScaledPerLossScaling() {
        Problem problem = TestProblems.laplace2d();
        Model model = TestProblems.modelFor(problem, 4);
        Map<String, double[]> pts = TestProblems.randomPoints(problem, 1, 0.02);
        double[] theta = model.initialParameters(2);
        // An independent evaluation of Δu − f and u at the points, straight from the model.
        double[] pde = pts.get("pde");
        int n = pde.length / 2;
        ModelEvaluator ev = model.evaluator(DerivativeRequest.of(2, List.of(new int[] {2, 0}, new int[] {0, 2})), n);
        ev.forward(theta, pde, n);
        double[] expected = new double[n];
        for (int i = 0; i < n; i++) {
            double x = pde[2 * i];
            double y = pde[2 * i + 1];
            expected[i] = ev.values()[n + i] + ev.values()[2 * n + i]
                    + 2 * Math.PI * Math.PI * Math.sin(Math.PI * x) * Math.sin(Math.PI * y);
        }
        int nb = pts.get("boundary").length / 2;
        double measureInterior = 1;
        double measureBoundary = 4;
        for (LossScaling scaling : LossScaling.values()) {
            StackedResidualSystem rs = StackedResidualSystem.build(problem, model, pts, scaling, EvaluatorFactory.EXACT);
            double[] r = new double[rs.residualCount()];
            rs.residuals(theta, r);
            double factor = switch (scaling) {
                case MEAN -> Math.sqrt(1.0 / n);
                case SUM -> 1;
                case MEASURE -> Math.sqrt(measureInterior / n);
            };
            for (int i = 0; i < n; i++) {
                assertEquals(factor * expected[i], r[i], 1e-12 * Math.abs(expected[i]) + 1e-14);
            }
            assertEquals(List.of(new ResidualGroup("pde", 0, n), new ResidualGroup("boundary", n, nb)), rs.groups());
            double boundaryFactor = switch (scaling) {
                case MEAN -> Math.sqrt(1.0 / nb);
                case SUM -> 1;
                case MEASURE -> Math.sqrt(measureBoundary / nb);
            };
            ModelEvaluator values = model.evaluator(DerivativeRequest.valuesOnly(2), nb);
            values.forward(theta, pts.get("boundary"), nb);
            for (int i = 0; i < nb; i++) {
                assertEquals(boundaryFactor * values.values()[i], r[n + i], 1e-14);
            }
        }
    }

    @Test
    void weightsRescaleRowsAndAdvanceTheRevision() {
        Problem problem = TestProblems.burgers(null);
        Model model = TestProblems.modelFor(problem, 5);
        StackedResidualSystem rs = system(problem, model, LossScaling.MEAN);
        assertArrayEquals(new double[] {1, 1, 2.5}, rs.weights());
        double[] theta = model.initialParameters(4);
        double[] before = new double[rs.residualCount()];
        rs.residuals(theta, before);
        double[] jacBefore = dense(rs, theta);
        long rev = rs.revision();
        double[] w = {4, 0.25, 10};
        rs.setWeights(w);
        assertTrue(rs.revision() > rev);
        assertArrayEquals(w, rs.weights());
        double[] after = new double[rs.residualCount()];
        rs.residuals(theta, after);
        double[] jacAfter = dense(rs, theta);
        double[] old = {1, 1, 2.5};
        int p = rs.parameterCount();
        for (int g = 0; g < 3; g++) {
            ResidualGroup group = rs.groups().get(g);
            double ratio = Math.sqrt(w[g] / old[g]);
            for (int i = group.offset(); i < group.offset() + group.size(); i++) {
                assertEquals(ratio * before[i], after[i], 1e-13 * Math.abs(after[i]) + 1e-15);
                for (int k = 0; k < p; k++) {
                    assertEquals(ratio * jacBefore[i * p + k], jacAfter[i * p + k], 1e-13 * Math.abs(jacAfter[i * p + k]) + 1e-15);
                }
            }
        }
    }

    @Test
    void rowWeightsScaleSingleRowsConsistentlyAndNewPointsResetThem() {
        Problem problem = TestProblems.burgers(null);
        Model model = TestProblems.modelFor(problem, 5);
        StackedResidualSystem rs = system(problem, model, LossScaling.MEAN);
        double[] theta = model.initialParameters(4);
        double[] before = new double[rs.residualCount()];
        rs.residuals(theta, before);
        double[] jacBefore = dense(rs, theta);
        ResidualGroup pde = rs.groups().get(0);
        double[] rho = new double[pde.size()];
        for (int i = 0; i < rho.length; i++) {
            rho[i] = i % 3 == 0 ? 0 : 0.5 + i;
        }
        long rev = rs.revision();
        rs.setRowWeights("pde", rho);
        assertTrue(rs.revision() > rev);
        assertArrayEquals(rho, rs.rowWeights("pde"));
        double[] after = new double[rs.residualCount()];
        rs.residuals(theta, after);
        double[] jacAfter = dense(rs, theta);
        int p = rs.parameterCount();
        double expectedLoss = 0;
        for (int i = 0; i < rs.residualCount(); i++) {
            double f = i < pde.size() ? Math.sqrt(rho[i]) : 1;
            assertEquals(f * before[i], after[i], 1e-13 * Math.abs(after[i]) + 1e-15);
            for (int k = 0; k < p; k++) {
                assertEquals(f * jacBefore[i * p + k], jacAfter[i * p + k], 1e-13 * Math.abs(jacAfter[i * p + k]) + 1e-15);
            }
            expectedLoss += 0.5 * after[i] * after[i];
        }
        assertEquals(expectedLoss, rs.loss(theta), 1e-12 * expectedLoss);
        // the matrix-free products use the same rows: Jᵀr is the gradient of the weighted loss
        double[] gradient = new double[p];
        rs.lossAndGradient(theta, gradient);
        for (int k = 0; k < p; k++) {
            double jtr = 0;
            for (int i = 0; i < rs.residualCount(); i++) {
                jtr += jacAfter[i * p + k] * after[i];
            }
            assertEquals(jtr, gradient[k], 1e-10 * (Math.abs(jtr) + 1));
        }
        rs.setPoints("pde", rs.points("pde"));
        assertNull(rs.rowWeights("pde"), "new points start unweighted");
        assertOneLine(() -> rs.setRowWeights("pde", new double[3]), "row weights");
        assertOneLine(() -> rs.setRowWeights("pde", filled(pde.size(), -1)), "finite and non-negative");
    }

    private static double[] filled(int n, double v) {
        double[] a = new double[n];
        java.util.Arrays.fill(a, v);
        return a;
    }

    private static void assertOneLine(org.junit.jupiter.api.function.Executable e, String part) {
        org.geopinn.api.GeopinnException x = org.junit.jupiter.api.Assertions.assertThrows(org.geopinn.api.GeopinnException.class, e);
        assertTrue(x.getMessage().contains(part) && !x.getMessage().contains("\n"), x.getMessage());
    }

    @Test
    void replacingPointsRestacksGroupsAndInvalidatesTheCache() {
        Problem problem = TestProblems.heat(null);
        Model model = TestProblems.modelFor(problem, 5);
        StackedResidualSystem rs = system(problem, model, LossScaling.SUM);
        double[] theta = model.initialParameters(9);
        double lossBefore = rs.loss(theta);
        int s = rs.residualCount();
        long rev = rs.revision();
        Map<String, double[]> more = TestProblems.randomPoints(problem, 99, 0.3);
        rs.setPoints("pde", more.get("pde"));
        assertTrue(rs.revision() > rev);
        int n = more.get("pde").length / 2;
        assertEquals(s - 20 + n, rs.residualCount());
        assertEquals(new ResidualGroup("initial", n, 5), rs.groups().get(1));
        assertArrayEquals(more.get("pde"), rs.points("pde"));
        assertNotEquals(lossBefore, rs.loss(theta));
        // The fresh system on the same points gives the same loss, and fewer points also work.
        Map<String, double[]> pts = TestProblems.randomPoints(problem, 7, 0.1);
        pts.put("pde", more.get("pde"));
        StackedResidualSystem fresh = StackedResidualSystem.build(problem, model, pts, LossScaling.SUM, EvaluatorFactory.EXACT);
        assertEquals(fresh.loss(theta), rs.loss(theta), 1e-12 * rs.loss(theta));
        double[] fewer = java.util.Arrays.copyOf(more.get("pde"), 6);
        rs.setPoints("pde", fewer);
        assertEquals(3, rs.groups().get(0).size());
        double[] jac = dense(rs, theta);
        double[] jv = new double[rs.residualCount()];
        double[] v = new double[rs.parameterCount()];
        v[2] = 1;
        rs.jacobianTimes(theta, v, jv);
        for (int i = 0; i < rs.residualCount(); i++) {
            assertEquals(jac[i * rs.parameterCount() + 2], jv[i], 1e-12);
        }
    }

    @Test
    void oneForwardPassPerParameterVectorKeyedByContent() {
        Problem problem = TestProblems.laplace2d();
        CountingModel model = new CountingModel(TestProblems.modelFor(problem, 4));
        StackedResidualSystem rs = StackedResidualSystem.build(problem, model, TestProblems.randomPoints(problem, 1, 0.05),
                LossScaling.MEAN, EvaluatorFactory.EXACT);
        double[] theta = model.initialParameters(1);
        double[] g = new double[rs.parameterCount()];
        rs.loss(theta);
        rs.lossAndGradient(theta, g);
        rs.jacobian(theta, new double[rs.residualCount() * rs.parameterCount()]);
        rs.jacobianTimes(theta, g, new double[rs.residualCount()]);
        assertEquals(2, model.forwards[0], "one pass per condition");
        theta[0] += 1e-3; // in place: the content changed
        rs.loss(theta);
        assertEquals(4, model.forwards[0]);
        rs.setWeights(new double[] {2, 3});
        rs.loss(theta);
        assertEquals(4, model.forwards[0], "weights only rescale");
    }

    /** Counts forward passes of the evaluators a model hands out. */
    static final class CountingModel extends HookedModel {
        final int[] forwards;

        CountingModel(Model inner) {
            this(inner, new int[1]);
        }

        private CountingModel(Model inner, int[] forwards) {
            super(inner, theta -> forwards[0]++, points -> { });
            this.forwards = forwards;
        }
    }
}

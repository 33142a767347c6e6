package org.geopinn.operators;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.geopinn.api.GeopinnException;
import org.geopinn.api.expr.Expr;
import org.geopinn.expr.Vocabulary;
import org.geopinn.api.model.DerivativeRequest;
import org.geopinn.api.model.Model;
import org.geopinn.api.operator.LossScaling;
import org.geopinn.api.problem.Condition;
import org.geopinn.api.problem.Domain;
import org.geopinn.api.problem.DomainPart;
import org.geopinn.api.problem.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Text operators, the finite-difference engine, user errors and the allocation-free hot path. */
class OperatorEngineTest {

    private static double[] residuals(StackedResidualSystem rs, double[] theta) {
        double[] r = new double[rs.residualCount()];
        rs.residuals(theta, r);
        return r;
    }

    private static double[] jacobian(StackedResidualSystem rs, double[] theta) {
        double[] j = new double[rs.residualCount() * rs.parameterCount()];
        rs.jacobian(theta, j);
        return j;
    }

    private static double maxDiff(double[] a, double[] b) {
        double m = 0;
        for (int i = 0; i < a.length; i++) {
            m = Math.max(m, Math.abs(a[i] - b[i]));
        }
        return m;
    }

    private static void assertSameSystem(Problem javaComposed, Problem parsed) {
        Model model = TestProblems.modelFor(javaComposed, 5);
        Map<String, double[]> pts = TestProblems.randomPoints(javaComposed, 3, 0.1);
        StackedResidualSystem a = StackedResidualSystem.build(javaComposed, model, pts, LossScaling.MEAN, EvaluatorFactory.EXACT);
        StackedResidualSystem b = StackedResidualSystem.build(parsed, model, pts, LossScaling.MEAN, EvaluatorFactory.EXACT);
        double[] theta = model.initialParameters(8);
        double[] ra = residuals(a, theta);
        assertTrue(Math.abs(ra[0]) > 1e-3, "a non-trivial residual");
        assertArrayEquals(ra, residuals(b, theta), 1e-13);
        assertArrayEquals(jacobian(a, theta), jacobian(b, theta), 1e-12);
    }

    @Test
    void parsedOperatorsGiveTheResidualsOfJavaComposedOnes() {
        Vocabulary heat = new Vocabulary(List.of("t", "x"), List.of("u"));
        assertSameSystem(TestProblems.heat(heat.d("u", "t").minus(heat.d("u", "x", "x").times(0.25))),
                TestProblems.heat(heat.parse("u_t - 0.25*u_xx")));
        Vocabulary v = TestProblems.burgersVocabulary();
        Expr composed = v.d("u", "t").plus(v.field("u").times(v.d("u", "x"))).minus(v.d("u", "x", "x").times(0.00318));
        assertSameSystem(TestProblems.burgers(composed), TestProblems.burgers(v.parse("u_t + u*u_x - 0.00318*u_xx")));
        // Allen–Cahn's cubic nonlinearity.
        Expr allenCahn = v.d("u", "t").minus(v.d("u", "x", "x").times(1e-3)).minus(v.field("u").minus(v.field("u").pow(3)).times(5));
        assertSameSystem(TestProblems.burgers(allenCahn), TestProblems.burgers(v.parse("u_t - 1e-3*u_xx - 5*(u - u^3)")));
    }

    @Test
    void finiteDifferencesConvergeToTheExactOperatorAtSecondOrder() {
        for (Problem problem : List.of(TestProblems.heat(null), TestProblems.laplace2d(), TestProblems.coupled(), biharmonic())) {
            Model model = TestProblems.modelFor(problem, 5);
            Map<String, double[]> pts = TestProblems.randomPoints(problem, 4, 0.1);
            double[] theta = model.initialParameters(2);
            StackedResidualSystem exact = StackedResidualSystem.build(problem, model, pts, LossScaling.SUM, EvaluatorFactory.EXACT);
            double[] r = residuals(exact, theta);
            double[] j = jacobian(exact, theta);
            double h = problem.id().equals("biharmonic") ? 0.02 : 0.01;
            double[] errors = new double[2];
            double[] jacobianErrors = new double[2];
            for (int k = 0; k < 2; k++) {
                StackedResidualSystem fd = StackedResidualSystem.build(problem, model, pts, LossScaling.SUM,
                        FiniteDifferenceEvaluator.factory(h / (1 << k)));
                errors[k] = maxDiff(r, residuals(fd, theta));
                jacobianErrors[k] = maxDiff(j, jacobian(fd, theta));
            }
            double ratio = errors[0] / errors[1];
            double jacobianRatio = jacobianErrors[0] / jacobianErrors[1];
            assertTrue(ratio > 3.6 && ratio < 4.4, problem.id() + ": halving h divides the error by " + ratio);
            assertTrue(jacobianRatio > 3.6 && jacobianRatio < 4.4, problem.id() + ": Jacobian error ratio " + jacobianRatio);
            StackedResidualSystem automatic = StackedResidualSystem.build(problem, model, pts, LossScaling.SUM,
                    FiniteDifferenceEvaluator.factory(0));
            double scale = maxDiff(r, new double[r.length]);
            assertTrue(maxDiff(r, residuals(automatic, theta)) < 1e-4 * scale, problem.id() + " with the automatic step");
        }
    }

    @Test
    void theFiniteDifferenceSystemKeepsTheResidualSystemIdentities() {
        Problem problem = TestProblems.coupled();
        Model model = TestProblems.modelFor(problem, 4);
        StackedResidualSystem fd = StackedResidualSystem.build(problem, model, TestProblems.randomPoints(problem, 4, 0.1),
                LossScaling.MEASURE, FiniteDifferenceEvaluator.factory(1e-2));
        double[] theta = model.initialParameters(6);
        int s = fd.residualCount();
        int p = fd.parameterCount();
        double[] jac = jacobian(fd, theta);
        Random random = new Random(1);
        double[] v = random.doubles(p, -1, 1).toArray();
        double[] jv = new double[s];
        fd.jacobianTimes(theta, v, jv);
        double[] r = residuals(fd, theta);
        double[] grad = new double[p];
        fd.lossAndGradient(theta, grad);
        double[] plus = new double[s];
        double[] minus = new double[s];
        for (int i = 0; i < s; i++) {
            double e = 0;
            for (int k = 0; k < p; k++) {
                e += jac[i * p + k] * v[k];
            }
            assertEquals(e, jv[i], 1e-9 * (1 + Math.abs(e)));
        }
        for (int k = 0; k < p; k++) {
            double e = 0;
            for (int i = 0; i < s; i++) {
                e += jac[i * p + k] * r[i];
            }
            assertEquals(e, grad[k], 1e-9 * (1 + Math.abs(e)));
            double[] t = theta.clone();
            // A coarse stencil and a moderate θ step: nested differences amplify rounding.
            t[k] += 1e-5;
            fd.residuals(t, plus);
            t[k] -= 2e-5;
            fd.residuals(t, minus);
            for (int i = 0; i < s; i++) {
                assertEquals((plus[i] - minus[i]) / 2e-5, jac[i * p + k], 1e-5 * (1 + Math.abs(jac[i * p + k])));
            }
        }
    }

    @Test
    void stencilsShareDisplacementsAcrossDerivatives() {
        Model model = new SineFeatureModel(new double[] {0, 0}, new double[] {1, 1}, List.of("u"), 3);
        DerivativeRequest laplacian = DerivativeRequest.of(2, List.of(new int[] {2, 0}, new int[] {0, 2}));
        assertEquals(5, new FiniteDifferenceEvaluator(model, laplacian, 4, o -> 0.01).stencilSize());
        DerivativeRequest mixed = DerivativeRequest.of(2, List.of(new int[] {1, 0}, new int[] {2, 0}, new int[] {1, 1}));
        assertEquals(7, new FiniteDifferenceEvaluator(model, mixed, 4, o -> 0.01).stencilSize());
        GeopinnException e = assertThrows(GeopinnException.class, () -> new FiniteDifferenceEvaluator(model,
                DerivativeRequest.of(2, List.<int[]>of(new int[] {5, 0})), 4, o -> 0.01));
        assertTrue(e.getMessage().contains("up to 4"), e.getMessage());
        assertThrows(GeopinnException.class, () -> FiniteDifferenceEvaluator.factory(-1));
    }

    @Test
    void theAutomaticStepFollowsTheDomainScale() {
        Vocabulary v = new Vocabulary(List.of("x", "y"), List.of("u"));
        Domain wide = new Domain(v.variables(), new double[] {0, 0}, new double[] {1000, 1000}, List.of(DomainPart.interior("i")));
        Problem problem = new TestProblems.Simple("wide", v, wide, List.of(Condition.of("pde", "i", v.laplacian("u"), null, 30)));
        Model model = TestProblems.modelFor(problem, 4);
        double[] theta = model.initialParameters(2);
        for (int k = 0; k < 8; k++) {
            theta[k] *= 1e-3; // frequencies of order 1e-3: the solution varies on the domain's scale
        }
        Map<String, double[]> pts = TestProblems.randomPoints(problem, 1, 1);
        double[] exact = residuals(StackedResidualSystem.build(problem, model, pts, LossScaling.SUM, EvaluatorFactory.EXACT), theta);
        double[] automatic = residuals(StackedResidualSystem.build(problem, model, pts, LossScaling.SUM,
                FiniteDifferenceEvaluator.factory(0)), theta);
        double[] unitStep = residuals(StackedResidualSystem.build(problem, model, pts, LossScaling.SUM,
                FiniteDifferenceEvaluator.factory(FiniteDifferenceEvaluator.defaultStep(2))), theta);
        double scale = maxDiff(exact, new double[exact.length]);
        assertTrue(maxDiff(exact, automatic) < 1e-6 * scale, "scaled step: " + maxDiff(exact, automatic) / scale);
        assertTrue(maxDiff(exact, unitStep) > 1e-4 * scale, "unit-scale step: " + maxDiff(exact, unitStep) / scale);
    }

    /** u'''' = eˣ on [−1, 1] with u = u' = 0 at both ends: the fourth-order case of Chen, Yang, Xiang & Hao (2024). */
    static Problem biharmonic() {
        Vocabulary v = new Vocabulary(List.of("x"), List.of("u"));
        Domain domain = new Domain(v.variables(), new double[] {-1}, new double[] {1},
                List.of(DomainPart.interior("interior"), DomainPart.boundary("ends", 0)));
        return new TestProblems.Simple("biharmonic", v, domain, List.of(
                Condition.of("pde", "interior", v.parse("u_xxxx"), p -> Math.exp(p[0]), 100),
                Condition.of("value", "ends", v.field("u"), null, 20),
                Condition.of("slope", "ends", v.d("u", "x"), null, 20)));
    }

    // ---- user errors ------------------------------------------------------------------------

    private static void assertOneLineError(String expected, Executable action) {
        GeopinnException e = assertThrows(GeopinnException.class, action);
        assertTrue(e.getMessage().contains(expected), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
    }

    @Test
    void problemsModelsAndPointsThatDoNotFitAreRejectedBeforeTraining() {
        TestProblems.Simple laplace = TestProblems.laplace2d();
        Model model = TestProblems.modelFor(laplace, 3);
        Map<String, double[]> pts = TestProblems.randomPoints(laplace, 1, 0.01);

        Problem coupled = TestProblems.coupled();
        Model oneField = new SineFeatureModel(coupled.domain().lower(), coupled.domain().upper(), List.of("phi"), 3);
        assertOneLineError("uses field 'c' (#1) but the model has 1 field(s) [phi]", () -> StackedResidualSystem.build(coupled,
                oneField, TestProblems.randomPoints(coupled, 1, 0.1), LossScaling.MEAN, EvaluatorFactory.EXACT));

        Model threeInputs = new SineFeatureModel(new double[3], new double[] {1, 1, 1}, List.of("u"), 3);
        assertOneLineError("the model takes 3 inputs but problem 'laplace2d' has 2 variables [x, y]",
                () -> StackedResidualSystem.build(laplace, threeInputs, pts, LossScaling.MEAN, EvaluatorFactory.EXACT));

        Problem wrongPart = new TestProblems.Simple("p", laplace.vocabulary(), laplace.domain(),
                List.of(Condition.of("pde", "inside", laplace.vocabulary().laplacian("u"), null, 10)));
        assertOneLineError("condition 'pde' holds on domain part 'inside', which the domain does not have; parts are [interior, boundary]",
                () -> StackedResidualSystem.build(wrongPart, model, Map.of("pde", new double[] {0.5, 0.5}), LossScaling.MEAN,
                        EvaluatorFactory.EXACT));

        Map<String, double[]> missing = new HashMap<>(pts);
        missing.remove("boundary");
        assertOneLineError("no collocation points for condition 'boundary'",
                () -> StackedResidualSystem.build(laplace, model, missing, LossScaling.MEAN, EvaluatorFactory.EXACT));

        Map<String, double[]> extra = new HashMap<>(pts);
        extra.put("initial", new double[] {0, 0});
        assertOneLineError("points were given for 'initial', which is not a condition of problem 'laplace2d'",
                () -> StackedResidualSystem.build(laplace, model, extra, LossScaling.MEAN, EvaluatorFactory.EXACT));

        Map<String, double[]> ragged = new HashMap<>(pts);
        ragged.put("pde", new double[] {0.1, 0.2, 0.3});
        assertOneLineError("hold 3 numbers, not a multiple of the dimension 2",
                () -> StackedResidualSystem.build(laplace, model, ragged, LossScaling.MEAN, EvaluatorFactory.EXACT));

        Problem noField = new TestProblems.Simple("p", laplace.vocabulary(), laplace.domain(),
                List.of(Condition.of("pde", "interior", laplace.vocabulary().coordinate("x"), null, 10)));
        assertOneLineError("does not involve any field", () -> StackedResidualSystem.build(noField, model,
                Map.of("pde", new double[] {0.5, 0.5}), LossScaling.MEAN, EvaluatorFactory.EXACT));

        assertOneLineError("unknown field 'v'; fields are [u]", () -> laplace.vocabulary().d("v", "x"));

        Problem failingSource = new TestProblems.Simple("p", laplace.vocabulary(), laplace.domain(),
                List.of(Condition.of("pde", "interior", laplace.vocabulary().laplacian("u"), x -> {
                    throw new IllegalStateException("no data here");
                }, 10)));
        assertOneLineError("the source of condition 'pde' failed at point [0.5, 0.5]: java.lang.IllegalStateException: no data here",
                () -> StackedResidualSystem.build(failingSource, model, Map.of("pde", new double[] {0.5, 0.5}), LossScaling.MEAN,
                        EvaluatorFactory.EXACT));

        StackedResidualSystem rs = StackedResidualSystem.build(laplace, model, pts, LossScaling.MEAN, EvaluatorFactory.EXACT);
        assertEquals("ResidualSystem[pde 9, boundary 1; P=" + model.parameterCount() + "]", rs.toString());
        assertOneLineError("no residual group 'walls'; groups are [pde, boundary]", () -> rs.setPoints("walls", new double[2]));
        assertOneLineError("not a multiple of the dimension 2", () -> rs.setPoints("pde", new double[3]));
        assertOneLineError("expected 2 weights", () -> rs.setWeights(new double[] {1}));
        assertOneLineError("must be finite and non-negative", () -> rs.setWeights(new double[] {1, -1}));
        assertOneLineError("the parameter vector has 2 entries but the model has " + model.parameterCount(),
                () -> rs.loss(new double[2]));
        assertOneLineError("the residual vector needs length", () -> rs.residuals(model.initialParameters(0), new double[1]));
    }

    // ---- allocation -------------------------------------------------------------------------

    @Test
    void theHotPathAllocatesNothingAfterTheFirstCall() {
        Problem problem = TestProblems.burgers(null);
        List<Model> models = List.of(TestProblems.modelFor(problem, 3), MlpResidualSystemTest.mlp(problem, false, "tanh"));
        for (int c = 0; c < 4; c++) {
            EvaluatorFactory engine = c % 2 == 0 ? EvaluatorFactory.EXACT : FiniteDifferenceEvaluator.factory(1e-3);
            Model model = models.get(c / 2);
            StackedResidualSystem rs = StackedResidualSystem.build(problem, model, TestProblems.randomPoints(problem, 1, 0.05),
                    LossScaling.MEAN, engine);
            Runnable step = Allocations.trainingStep(rs, model.initialParameters(1));
            // the first calls size buffers; later ones must not allocate
            long allocated = Allocations.bytesOfCountedSteps(step, Allocations::callerOnly);
            assertTrue(allocated < 2048, "case " + c + ": 200 training steps allocated " + allocated + " bytes");
        }
    }
}

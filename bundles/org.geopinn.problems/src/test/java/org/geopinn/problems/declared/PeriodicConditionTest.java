package org.geopinn.problems.declared;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.geopinn.api.GeopinnException;
import org.geopinn.api.model.Model;
import org.geopinn.api.model.ModelSpec;
import org.geopinn.api.operator.LossScaling;
import org.geopinn.api.optimizer.Optimizer;
import org.geopinn.api.problem.Condition;
import org.geopinn.api.problem.Problem;
import org.geopinn.models.StandardModels;
import org.geopinn.operators.EvaluatorFactory;
import org.geopinn.operators.StackedResidualSystem;
import org.geopinn.optimizer.anagram.AnagramFactory;
import org.geopinn.samplers.Samplers;
import org.junit.jupiter.api.Test;

/**
 * Periodic pairs ({@code condition.NAME.periodic}): the residual is operator[u](x) − operator[u](x + s)
 * on one face. −u'' + u = f on [0, 1] with only u(0) = u(1) and u'(0) = u'(1) has the unique
 * solution u = sin 2πx + ½ cos 2πx, which no Dirichlet value fixes: the pairs alone pin it down.
 */
class PeriodicConditionTest {
    private static Map<String, Object> declaration() {
        Map<String, Object> m = new HashMap<>();
        m.put("id", "periodic1d");
        m.put("variables", "x");
        m.put("fields", "u");
        m.put("lower", "0");
        m.put("upper", "1");
        m.put("part.left", "face x lower");
        m.put("part.right", "face x upper");
        m.put("conditions", "pde, value, slope");
        m.put("condition.pde.part", "interior");
        m.put("condition.pde.operator", "-u_xx + u");
        m.put("condition.pde.source", "(4*pi^2 + 1)*(sin(2*pi*x) + 0.5*cos(2*pi*x))");
        m.put("condition.pde.points", "64");
        m.put("condition.value.part", "left");
        m.put("condition.value.operator", "u");
        m.put("condition.value.periodic", "right");
        m.put("condition.value.points", "1");
        m.put("condition.slope.part", "left");
        m.put("condition.slope.operator", "u_x");
        m.put("condition.slope.periodic", "right");
        m.put("condition.slope.points", "1");
        m.put("exact.u", "sin(2*pi*x) + 0.5*cos(2*pi*x)");
        return m;
    }

    @Test
    void thePairsAloneDetermineThePeriodicSolution() {
        Problem problem = ProblemDeclaration.parse(declaration(), "periodic1d.cfg");
        Condition value = problem.conditions().get(1);
        double[] partner = new double[1];
        value.pair().map(new double[] {0}, partner);
        assertArrayEquals(new double[] {1}, partner, "the left face is paired with the right one");

        ModelSpec spec = new ModelSpec(problem.domain().lower(), problem.domain().upper(), problem.vocabulary().fields(),
                new int[] {16}, "tanh", "xavier", false, true, Map.of());
        Model model = StandardModels.create("mlp", spec);
        Map<String, double[]> points = new LinkedHashMap<>();
        for (Condition c : problem.conditions()) {
            points.put(c.name(), Samplers.create(c.sampler()).sample(problem.domain(), problem.domain().part(c.part()),
                    c.points(), 1, c.samplerOptions()));
        }
        StackedResidualSystem system = StackedResidualSystem.build(problem, model, points, LossScaling.MEAN,
                EvaluatorFactory.EXACT);
        double[] theta = model.initialParameters(0);
        Optimizer optimizer = new AnagramFactory().create(Map.of());
        for (int step = 0; step < 200; step++) {
            optimizer.step(system, theta);
        }
        double error = relativeL2(problem, model, theta);
        System.out.println("periodic1d: relative L2 error after 200 ANaGRAM steps " + error);
        // measured 3.6e-7 (2026-12-02); the bound leaves room for rounding on other machines
        assertTrue(error < 1e-5, "relative L2 error after 200 steps: " + error);
    }

    private static double relativeL2(Problem problem, Model model, double[] theta) {
        int n = 201;
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = i / (n - 1.0);
        }
        var evaluator = model.evaluator(org.geopinn.api.model.DerivativeRequest.of(1, java.util.List.of(new int[] {0})), n);
        evaluator.forward(theta, x, n);
        double[] u = evaluator.values();
        double[] exact = new double[n];
        problem.reference().orElseThrow().evaluate(x, n, exact);
        double num = 0;
        double den = 0;
        for (int i = 0; i < n; i++) {
            num += (u[i] - exact[i]) * (u[i] - exact[i]);
            den += exact[i] * exact[i];
        }
        return Math.sqrt(num / den);
    }

    @Test
    void partsThatAreNoPairAreRefusedOnOneLine() {
        Map<String, Object> m = declaration();
        m.put("condition.value.periodic", "left");
        GeopinnException e = assertThrows(GeopinnException.class, () -> ProblemDeclaration.parse(m, "periodic1d.cfg"));
        assertTrue(e.getMessage().contains("periodic condition 'value': parts 'left' and 'left' must be the lower and upper face"
                + " of one variable"), e.getMessage());
        m.put("condition.value.periodic", "nowhere");
        e = assertThrows(GeopinnException.class, () -> ProblemDeclaration.parse(m, "periodic1d.cfg"));
        assertTrue(e.getMessage().contains("no domain part 'nowhere'"), e.getMessage());
        assertEquals(-1, e.getMessage().indexOf('\n'));
    }
}

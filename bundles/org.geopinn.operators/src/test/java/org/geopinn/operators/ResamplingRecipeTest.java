package org.geopinn.operators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Map;
import org.geopinn.api.model.Model;
import org.geopinn.api.operator.LossScaling;
import org.geopinn.api.operator.ResidualGroup;
import org.geopinn.api.problem.Problem;
import org.geopinn.samplers.ResidualAdaptiveResampler;
import org.geopinn.samplers.Samplers;
import org.junit.jupiter.api.Test;

/** The residual-adaptive resampling recipe of docs/SAMPLERS.md, run against a residual system. */
class ResamplingRecipeTest {

    private static double meanAbs(double[] r, ResidualGroup g) {
        double s = 0;
        for (int i = g.offset(); i < g.offset() + g.size(); i++) {
            s += Math.abs(r[i]);
        }
        return s / g.size();
    }

    @Test
    void resampledPointsSitWhereTheResidualIsLarge() {
        Problem problem = TestProblems.laplace2d();
        Model model = TestProblems.modelFor(problem, 6);
        var interior = problem.domain().part("interior");
        var boundary = problem.domain().part("boundary");
        int n = 200;
        StackedResidualSystem system = StackedResidualSystem.build(problem, model, Map.of(
                "pde", Samplers.create("sobol").sample(problem.domain(), interior, n, 1, Map.of()),
                "boundary", Samplers.create("grid").sample(problem.domain(), boundary, 40, 0, Map.of())),
                LossScaling.MEAN, EvaluatorFactory.EXACT);
        double[] theta = model.initialParameters(4);
        double[] rows = new double[system.residualCount()];
        system.residuals(theta, rows);
        double before = meanAbs(rows, system.groups().get(0)) * Math.sqrt(n);

        double[] current = system.points("pde");
        double[] fresh = Samplers.create("uniform").sample(problem.domain(), interior, 4 * n, 2, Map.of());
        double[] candidates = Arrays.copyOf(current, current.length + fresh.length);
        System.arraycopy(fresh, 0, candidates, current.length, fresh.length);
        long revision = system.revision();
        system.setPoints("pde", candidates);
        rows = new double[system.residualCount()];
        system.residuals(theta, rows);
        ResidualGroup g = system.groups().get(0);
        double[] r = Arrays.copyOfRange(rows, g.offset(), g.offset() + g.size());
        system.setPoints("pde", new ResidualAdaptiveResampler(0, 2, 0).select(candidates, r, 2, n, 7));

        assertTrue(system.revision() > revision);
        assertEquals(n, system.groups().get(0).size());
        rows = new double[system.residualCount()];
        system.residuals(theta, rows);
        double after = meanAbs(rows, system.groups().get(0)) * Math.sqrt(n);
        assertTrue(after > 1.3 * before, "mean |r| went from " + before + " to " + after);
    }
}

package org.geopinn.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Map;
import org.geopinn.api.operator.ResidualGroup;
import org.geopinn.api.problem.Problem;
import org.geopinn.api.session.SessionSpec;
import org.geopinn.samplers.ResidualAdaptiveResampler;
import org.geopinn.samplers.Samplers;
import org.junit.jupiter.api.Test;

/**
 * The residual-adaptive resampling recipe of docs/SAMPLERS.md, run against a session's residual system (−u″ = f on
 * [−1, 1] with an untrained network, whose residual is largest where |f| is).
 */
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
        ServiceRegistry registry = new ServiceRegistry();
        Problem problem = new Poisson1d("poisson");
        registry.add(Problem.class, null, null, "test", problem);
        TestServices.addStandard(registry);
        registry.add(org.geopinn.api.optimizer.OptimizerFactory.class, null, null, "test",
                TestOptimizers.factory("gd", () -> new TestOptimizers.Descent("gd", 1e-3)));
        ResolvedSpec resolved = new SpecResolver(registry).resolve(
                SessionSpec.builder("poisson").optimizers("gd").sampler("sobol").maxSteps(1).build());
        TrainingRig rig = TrainingRig.build(resolved, registry, 0);
        var interior = problem.domain().part("interior");
        int n = 200;
        rig.system.setPoints("pde", Samplers.create("sobol").sample(problem.domain(), interior, n, 1, Map.of()));
        double[] theta = rig.model.initialParameters(4);
        double[] rows = new double[rig.system.residualCount()];
        rig.system.residuals(theta, rows);
        double before = meanAbs(rows, rig.system.groups().get(0));

        double[] current = rig.system.points("pde");
        double[] fresh = Samplers.create("uniform").sample(problem.domain(), interior, 4 * n, 2, Map.of());
        double[] candidates = Arrays.copyOf(current, current.length + fresh.length);
        System.arraycopy(fresh, 0, candidates, current.length, fresh.length);
        long revision = rig.system.revision();
        rig.system.setPoints("pde", candidates);
        rows = new double[rig.system.residualCount()];
        rig.system.residuals(theta, rows);
        ResidualGroup g = rig.system.groups().get(0);
        double[] r = Arrays.copyOfRange(rows, g.offset(), g.offset() + g.size());
        rig.system.setPoints("pde", new ResidualAdaptiveResampler(0, 2, 0).select(candidates, r, 1, n, 7));

        assertTrue(rig.system.revision() > revision);
        assertEquals(n, rig.system.groups().get(0).size());
        rows = new double[rig.system.residualCount()];
        rig.system.residuals(theta, rows);
        double after = meanAbs(rows, rig.system.groups().get(0));
        assertTrue(after > 1.2 * before, "mean |r| went from " + before + " to " + after);
    }
}

package org.geopinn.problems.library;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.geopinn.api.model.Model;
import org.geopinn.api.model.ModelSpec;
import org.geopinn.api.operator.LossScaling;
import org.geopinn.api.optimizer.Optimizer;
import org.geopinn.api.operator.ResidualSystem;
import org.geopinn.api.problem.Condition;
import org.geopinn.api.problem.Problem;
import org.geopinn.api.problem.ProblemDefaults;
import org.geopinn.models.StandardModels;
import org.geopinn.operators.EvaluatorFactory;
import org.geopinn.operators.StackedResidualSystem;
import org.geopinn.optimizer.anagram.AnagramFactory;
import org.geopinn.optimizer.gnpcg.GaussNewtonPcgFactory;
import org.geopinn.samplers.Samplers;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every problem builds a residual system with the real samplers, models and autodiff operator
 * engine, and a few steps of each second-order optimizer (ANaGRAM, Gauss–Newton with PCG) lower its
 * loss (ANaGRAM on its own defaults: problems name no optimizer). Small
 * networks and few points keep this a smoke test; accuracy is for the benchmarks.
 */
class TrainingSmokeTest {

    static Stream<Arguments> problems() {
        return Stream.of(Laplace2d.define(), Heat.define(), Laplace5d.define(), AllenCahn.define(), Burgers.define(),
                Poisson1d.define(), Poisson2d.define(), Biharmonic1d.define(), Thermoelastic1d.define(10, 1, 1),
                ReactionDiffusion1d.define(new double[] {1, 1, 1}, new double[] {1, 0.5, 1, 0.5}),
                NernstPlanckPoisson1d.define(0.1, 1, 3), Electroosmotic2d.define(0.2, 1, 1, 1, 2)).map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("problems")
    void aFewAnagramStepsLowerTheLoss(Problem problem) {
        assertStepsLowerTheLoss(problem, new AnagramFactory().create(Map.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("problems")
    void aFewGaussNewtonPcgStepsLowerTheLoss(Problem problem) {
        assertStepsLowerTheLoss(problem, new GaussNewtonPcgFactory().create(Map.of()));
    }

    private void assertStepsLowerTheLoss(Problem problem, Optimizer optimizer) {
        ResidualSystem system = system(problem);
        double[] theta = initial.clone();
        double before = system.loss(theta);
        for (int step = 0; step < 6; step++) {
            optimizer.step(system, theta);
        }
        double after = system.loss(theta);
        assertTrue(after < 0.9 * before, problem.id() + " with " + optimizer.id() + ": loss " + before + " -> " + after);
    }

    private double[] initial;

    private ResidualSystem system(Problem problem) {
        int d = problem.domain().dimension();
        boolean separate = Boolean.parseBoolean(problem.defaults().getOrDefault(ProblemDefaults.SEPARATE_NETWORKS, "false"));
        ModelSpec spec = new ModelSpec(problem.domain().lower(), problem.domain().upper(), problem.vocabulary().fields(),
                new int[] {12}, "tanh", "xavier", separate, true, Map.of());
        Model model = StandardModels.create("mlp", spec);
        initial = model.initialParameters(7);
        Map<String, double[]> points = new LinkedHashMap<>();
        for (Condition c : problem.conditions()) {
            int count = Math.min(c.points(), c.part().equals("interior") ? 40 : 12);
            points.put(c.name(), Samplers.create(c.sampler())
                    .sample(problem.domain(), problem.domain().part(c.part()), count, 3, c.samplerOptions()));
        }
        return StackedResidualSystem.build(problem, model, points, LossScaling.MEAN, EvaluatorFactory.EXACT);
    }
}

package org.geopinn.problems.library;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.geopinn.api.model.Model;
import org.geopinn.api.model.ModelSpec;
import org.geopinn.api.operator.LossScaling;
import org.geopinn.api.operator.ResidualSystem;
import org.geopinn.api.problem.Condition;
import org.geopinn.api.problem.Problem;
import org.geopinn.api.problem.ProblemDefaults;
import org.geopinn.models.StandardModels;
import org.geopinn.operators.EvaluatorFactory;
import org.geopinn.operators.StackedResidualSystem;
import org.geopinn.samplers.Samplers;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every problem builds a residual system with the real samplers, models and autodiff operator
 * engine, and a few second-order (Levenberg–Marquardt) steps lower its loss. Small networks and few
 * points keep this a smoke test; accuracy is for the benchmarks.
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
    void aFewSecondOrderStepsLowerTheLoss(Problem problem) {
        ResidualSystem system = system(problem);
        double[] theta = initial;
        double before = system.loss(theta);
        double after = before;
        double damping = 1e-3;
        for (int step = 0; step < 6; step++) {
            double[] next = levenbergMarquardtStep(system, theta, damping);
            double trial = system.loss(next);
            if (trial < after) {
                theta = next;
                after = trial;
                damping /= 3;
            } else {
                damping *= 10;
            }
        }
        assertTrue(after < 0.9 * before, problem.id() + ": loss " + before + " -> " + after);
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

    /** θ − (JᵀJ + μ·diag(JᵀJ) + μI)⁻¹ Jᵀr. */
    private static double[] levenbergMarquardtStep(ResidualSystem system, double[] theta, double damping) {
        int s = system.residualCount();
        int p = system.parameterCount();
        double[] jac = new double[s * p];
        double[] r = new double[s];
        system.jacobian(theta, jac);
        system.residuals(theta, r);
        RealMatrix j = new Array2DRowRealMatrix(s, p);
        for (int i = 0; i < s; i++) {
            for (int k = 0; k < p; k++) {
                j.setEntry(i, k, jac[i * p + k]);
            }
        }
        RealMatrix g = j.transpose().multiply(j);
        for (int k = 0; k < p; k++) {
            g.addToEntry(k, k, damping * (g.getEntry(k, k) + 1));
        }
        double[] step = new LUDecomposition(g).getSolver().solve(j.transpose().operate(new ArrayRealVector(r))).toArray();
        double[] next = theta.clone();
        for (int k = 0; k < p; k++) {
            next[k] -= step[k];
        }
        return next;
    }
}

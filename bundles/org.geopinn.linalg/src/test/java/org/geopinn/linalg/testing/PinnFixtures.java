package org.geopinn.linalg.testing;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.geopinn.expr.Vocabulary;
import org.geopinn.api.model.DerivativeRequest;
import org.geopinn.api.model.Model;
import org.geopinn.api.model.ModelEvaluator;
import org.geopinn.api.model.ModelSpec;
import org.geopinn.api.operator.LossScaling;
import org.geopinn.api.operator.ResidualSystem;
import org.geopinn.api.problem.Condition;
import org.geopinn.api.problem.Domain;
import org.geopinn.api.problem.DomainPart;
import org.geopinn.api.problem.Problem;
import org.geopinn.api.sampler.Sampler;
import org.geopinn.models.StandardModels;
import org.geopinn.operators.EvaluatorFactory;
import org.geopinn.operators.StackedResidualSystem;
import org.geopinn.samplers.Samplers;

/** Real PINN residual systems (problem + MLP + autodiff operators) for optimizer tests. */
public final class PinnFixtures {
    private PinnFixtures() {
    }

    /**
     * A PINN least-squares problem with its model and initial parameters.
     *
     * @param problem the PDE
     * @param model the network
     * @param system the residual system
     * @param theta0 initial parameters
     */
    public record Pinn(Problem problem, Model model, ResidualSystem system, double[] theta0) {
        /**
         * @param theta parameters
         * @return the relative L2 error against u = sin πx sin πy on a 50×50 grid of [0,1]²
         */
        public double relativeL2(double[] theta) {
            int side = 50;
            int n = side * side;
            double[] pts = new double[2 * n];
            for (int i = 0; i < n; i++) {
                pts[2 * i] = (i / side + 0.5) / side;
                pts[2 * i + 1] = (i % side + 0.5) / side;
            }
            ModelEvaluator evaluator = model.evaluator(DerivativeRequest.valuesOnly(2), n);
            evaluator.forward(theta, pts, n);
            double[] u = evaluator.values();
            double diff = 0;
            double norm = 0;
            for (int i = 0; i < n; i++) {
                double exact = Math.sin(Math.PI * pts[2 * i]) * Math.sin(Math.PI * pts[2 * i + 1]);
                diff += (u[i] - exact) * (u[i] - exact);
                norm += exact * exact;
            }
            return Math.sqrt(diff / norm);
        }
    }

    /** A problem from its parts. */
    private record Defined(String id, Vocabulary vocabulary, Domain domain, List<Condition> conditions) implements Problem {
        @Override
        public String description() {
            return id;
        }
    }

    /** @return 2-D Laplace Δu = −2π² sin πx sin πy on [0,1]², u = 0 on the boundary, defined with the API */
    public static Problem laplaceProblem() {
        Vocabulary v = new Vocabulary(List.of("x", "y"), List.of("u"));
        Domain domain = new Domain(v.variables(), new double[] {0, 0}, new double[] {1, 1},
                List.of(DomainPart.interior("interior"), DomainPart.boundary("boundary", 0, 1)));
        return new Defined("laplace2d", v, domain, List.of(
                Condition.of("pde", "interior", v.laplacian("u"),
                        p -> -2 * Math.PI * Math.PI * Math.sin(Math.PI * p[0]) * Math.sin(Math.PI * p[1]), 900),
                Condition.of("boundary", "boundary", v.field("u"), p -> 0, 120)));
    }

    /**
     * 2-D Laplace Δu = −2π² sin πx sin πy, u = 0 on ∂[0,1]², tanh MLP [2, hidden, 1], grid points.
     *
     * @param hidden the hidden width
     * @param interior interior points (rounded up to a full grid)
     * @param boundary boundary points
     * @param seed the initialisation seed
     * @param scaling the loss scaling
     * @return the fixture
     */
    public static Pinn laplace(int hidden, int interior, int boundary, long seed, LossScaling scaling) {
        Problem problem = laplaceProblem();
        Model model = StandardModels.create("mlp", new ModelSpec(new double[] {0, 0}, new double[] {1, 1}, List.of("u"),
                new int[] {hidden}, "tanh", "xavier", false, false, Map.of()));
        Sampler grid = Samplers.create("grid");
        Map<String, double[]> points = new LinkedHashMap<>();
        for (Condition c : problem.conditions()) {
            int n = c.name().equals("pde") ? interior : boundary;
            points.put(c.name(), grid.sample(problem.domain(), problem.domain().part(c.part()), n, seed, Map.of()));
        }
        ResidualSystem system = StackedResidualSystem.build(problem, model, points, scaling, EvaluatorFactory.EXACT);
        return new Pinn(problem, model, system, model.initialParameters(seed));
    }
}

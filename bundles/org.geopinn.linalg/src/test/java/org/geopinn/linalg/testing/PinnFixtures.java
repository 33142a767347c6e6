package org.geopinn.linalg.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.geopinn.expr.Vocabulary;
import org.geopinn.api.model.DerivativeRequest;
import org.geopinn.api.model.Model;
import org.geopinn.api.model.ModelEvaluator;
import org.geopinn.api.model.ModelSpec;
import org.geopinn.api.operator.LossScaling;
import org.geopinn.api.optimizer.Optimizer;
import org.geopinn.api.operator.ResidualSystem;
import org.geopinn.api.problem.Condition;
import org.geopinn.api.problem.Domain;
import org.geopinn.api.problem.DomainPart;
import org.geopinn.api.problem.Problem;
import org.geopinn.models.StandardModels;
import org.geopinn.operators.EvaluatorFactory;
import org.geopinn.operators.StackedResidualSystem;

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

        /**
         * Steps an optimizer from θ0 and asserts that the loss falls below {@code fraction} of its start.
         *
         * @param optimizer a fresh optimizer
         * @param steps how many steps
         * @param fraction the largest end/start ratio of the loss that passes
         * @param what what is tested, named in the message (e.g. the settings), or null
         * @return the parameters after the steps
         */
        public double[] assertLossFalls(Optimizer optimizer, int steps, double fraction, Object what) {
            double[] theta = theta0.clone();
            double start = system.loss(theta);
            for (int i = 0; i < steps; i++) {
                optimizer.step(system, theta);
            }
            double end = system.loss(theta);
            assertTrue(end < fraction * start, (what == null ? "" : what + ": ") + "loss " + start + " -> " + end);
            return theta;
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
    private static Problem laplaceProblem() {
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
        Map<String, double[]> points = new LinkedHashMap<>();
        points.put("pde", interiorGrid(interior));
        points.put("boundary", boundaryGrid(boundary));
        ResidualSystem system = StackedResidualSystem.build(problem, model, points, scaling, EvaluatorFactory.EXACT);
        return new Pinn(problem, model, system, model.initialParameters(seed));
    }

    /**
     * The grid sampler's interior points of [0,1]² (its rule written out, so that this library's test
     * jar needs no service bundle): m×m points strictly inside at ((i+1)/(m+1), (j+1)/(m+1)), m the
     * smallest with m² ≥ count (900 gives the 30×30 grid of the 2-D Laplace reference), row-major.
     */
    private static double[] interiorGrid(int count) {
        int m = (int) Math.ceil(Math.sqrt(count));
        double[] p = new double[2 * m * m];
        for (int i = 0, q = 0; i < m; i++) {
            for (int j = 0; j < m; j++) {
                p[q++] = (i + 1) / (double) (m + 1);
                p[q++] = (j + 1) / (double) (m + 1);
            }
        }
        return p;
    }

    /**
     * The grid sampler's boundary points of [0,1]²: the nodes (i/s, j/s) of the lattice with s
     * intervals per side that lie on the boundary, s the smallest with 4s ≥ count (120 gives 31
     * nodes per side), in lattice order; a corner appears once.
     */
    private static double[] boundaryGrid(int count) {
        int s = Math.max(1, (count + 3) / 4);
        double[] p = new double[2 * 4 * s];
        int q = 0;
        for (int i = 0; i <= s; i++) {
            for (int j = 0; j <= s; j++) {
                if (i == 0 || i == s || j == 0 || j == s) {
                    p[q++] = i == s ? 1 : i / (double) s;
                    p[q++] = j == s ? 1 : j / (double) s;
                }
            }
        }
        return p;
    }
}

package org.geopinn.bench.optimizers;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.geopinn.api.model.DerivativeRequest;
import org.geopinn.api.model.Model;
import org.geopinn.api.model.ModelEvaluator;
import org.geopinn.api.model.ModelSpec;
import org.geopinn.api.operator.LossScaling;
import org.geopinn.api.operator.ResidualSystem;
import org.geopinn.api.problem.Problem;
import org.geopinn.benchmarks.core.LaplaceSetup;
import org.geopinn.models.StandardModels;
import org.geopinn.operators.EvaluatorFactory;
import org.geopinn.operators.StackedResidualSystem;
import org.geopinn.problems.library.Heat;
import org.geopinn.problems.library.Laplace2d;

/**
 * A benchmark problem (the problems bundle's, as the solver trains it), a tanh MLP, grid collocation points, and the
 * relative L2 error against the exact solution on a 50×50 evaluation grid.
 */
final class PinnCase {
    final Problem problem;
    final Model model;
    final ResidualSystem system;
    final double[] theta0;
    private final double[] evalPoints;
    private final double[] exact;
    private final ModelEvaluator evaluator;
    private double exactNorm;

    /** The initialisation of the networks: "xavier" (the models' default) or "normal" (N(0, 0.1²), as the ANaGRAM/ENGD reference code). */
    static String initialization = "xavier";

    private PinnCase(Problem problem, int[] hidden, Map<String, double[]> points, LossScaling scaling, long seed,
            ToDoubleFunction<double[]> solution) {
        this.problem = problem;
        this.model = StandardModels.create("mlp", new ModelSpec(new double[] {0, 0}, new double[] {1, 1}, List.of("u"),
                hidden, "tanh", initialization, false, false, Map.of()));
        this.system = StackedResidualSystem.build(problem, model, points, scaling, EvaluatorFactory.EXACT);
        this.theta0 = model.initialParameters(seed);
        int side = 50;
        int n = side * side;
        evalPoints = new double[2 * n];
        exact = new double[n];
        for (int i = 0; i < n; i++) {
            evalPoints[2 * i] = (i / side + 0.5) / side;
            evalPoints[2 * i + 1] = (i % side + 0.5) / side;
            exact[i] = solution.applyAsDouble(new double[] {evalPoints[2 * i], evalPoints[2 * i + 1]});
            exactNorm += exact[i] * exact[i];
        }
        evaluator = model.evaluator(DerivativeRequest.valuesOnly(2), n);
    }

    /** @param theta parameters @return ‖u_θ − u‖ / ‖u‖ on the 50×50 grid */
    double relativeL2(double[] theta) {
        evaluator.forward(theta, evalPoints, exact.length);
        double[] u = evaluator.values();
        double diff = 0;
        for (int i = 0; i < exact.length; i++) {
            diff += (u[i] - exact[i]) * (u[i] - exact[i]);
        }
        return Math.sqrt(diff / exactNorm);
    }

    /**
     * 2-D Laplace (Schwencke & Furtlehner, 2025): Δu = −2π² sin πx sin πy, u = 0 on ∂[0,1]², exact sin πx sin πy;
     * 30×30 interior grid and 120 boundary points.
     */
    static PinnCase laplace(int[] hidden, long seed, LossScaling scaling) {
        return laplace(hidden, seed, scaling, 30, 30);
    }

    /**
     * The same 2-D Laplace problem on a side×side interior grid and perSide boundary points per side
     * (the large-point-set benchmarks).
     */
    static PinnCase laplace(int[] hidden, long seed, LossScaling scaling, int side, int perSide) {
        Problem p = Laplace2d.define(); // its default point counts are not used: the points are given here
        Map<String, double[]> points = new LinkedHashMap<>();
        points.put("pde", LaplaceSetup.interiorGrid(side));
        points.put("boundary", LaplaceSetup.squareBoundary(perSide));
        return new PinnCase(p, hidden, points, scaling, seed, x -> Math.sin(Math.PI * x[0]) * Math.sin(Math.PI * x[1]));
    }

    /**
     * 1+1-D heat (Schwencke & Furtlehner, 2025): u_t − ¼u_xx = 0 on (t, x) ∈ [0,1]², u(0,x) = sin πx, u = 0 at x = 0, 1;
     * exact e^(−π²t/4) sin πx; 30×30 interior grid, 30 initial and 2×30 boundary (wall) points.
     */
    static PinnCase heat(int[] hidden, long seed, LossScaling scaling) {
        Problem p = Heat.define();
        Map<String, double[]> points = new LinkedHashMap<>();
        points.put("pde", LaplaceSetup.interiorGrid(30));
        double[] initial = new double[60];
        double[] walls = new double[120];
        for (int k = 0; k < 30; k++) {
            initial[2 * k] = 0;
            initial[2 * k + 1] = (k + 0.5) / 30;
            walls[2 * k] = (k + 0.5) / 30;
            walls[2 * k + 1] = 0;
            walls[60 + 2 * k] = (k + 0.5) / 30;
            walls[60 + 2 * k + 1] = 1;
        }
        points.put("initial", initial);
        points.put("boundary", walls);
        return new PinnCase(p, hidden, points, scaling, seed,
                x -> Math.exp(-Math.PI * Math.PI * x[0] / 4) * Math.sin(Math.PI * x[1]));
    }
}

package org.geopinn.evolution;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Random;
import org.geopinn.api.evolution.EvolutionSettings;
import org.geopinn.api.model.Model;
import org.geopinn.evolution.problems.Heat2d;
import org.geopinn.linalg.CgResult;
import org.junit.jupiter.api.Test;

/** The Nyström preconditioner cuts the CG iterations of the Neural IVP system (M + μ̃I)θ̇ = F against plain CG. */
class GramSolverTest {
    @Test
    void nystromNeedsFarFewerIterationsThanPlainCgOnTheSameSystem() {
        Heat2d problem = new Heat2d();
        EvolutionSettings settings = EvolutionSettings.defaults().with(Map.of("hidden", "16,16", "samples", "400"));
        Model model = org.geopinn.models.StandardModels.create("sinusoidal-mlp", NeuralIvpService.modelSpec(problem, settings));
        int n = settings.samples();
        double[] points = TestPoints.uniform(problem, n, 1);
        JacobianProducts products = new JacobianProducts(model, n);
        products.linearizeAt(model.initialParameters(3), points, n);
        double[] u = new double[n];
        problem.initialValue(points, n, u);
        double[] b = new double[model.parameterCount()];
        products.transposeTimes(u, b);

        GramSolver preconditioned = new GramSolver(products, 60, 1e-8, 3000, new Random(5));
        GramSolver plain = new GramSolver(products, 0, 1e-8, 3000, new Random(5));
        preconditioned.refresh();
        double mu = 1e-6 * preconditioned.largestEigenvalue();
        CgResult withNystrom = preconditioned.solve(mu, b, new double[b.length]);
        CgResult without = plain.solve(mu, b, new double[b.length]);

        System.out.println("P = " + model.parameterCount() + ": Nystrom " + withNystrom + ", plain " + without);
        assertTrue(withNystrom.converged(), "preconditioned CG converged: " + withNystrom);
        assertTrue(withNystrom.iterations() * 4 < without.iterations(),
                "Nystrom " + withNystrom + " against plain " + without);
    }
}

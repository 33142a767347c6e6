package org.geopinn.evolution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Random;
import org.geopinn.api.evolution.EvolutionSettings;
import org.geopinn.api.model.Model;
import org.geopinn.evolution.problems.Heat2d;
import org.geopinn.evolution.problems.Wave2d;
import org.geopinn.linalg.CgResult;
import org.junit.jupiter.api.Test;

/**
 * The dense solve of (M + μ̃I)θ̇ = F ({@link DenseGramFactor} as CG's preconditioner): the same
 * answer as CG on a well-conditioned system, one iteration at the linearisation it was formed at,
 * and a PDE residual that is what it says, ‖Jθ̇ − L[u]‖/‖L[u]‖ recomputed independently.
 */
class DenseGramSolverTest {
    @Test
    void denseSolveEqualsCgOnAWellConditionedSystemInOneIteration() {
        Heat2d problem = new Heat2d();
        EvolutionSettings settings = EvolutionSettings.defaults().with(Map.of("hidden", "12,12", "samples", "400"));
        Model model = org.geopinn.models.StandardModels.create("sinusoidal-mlp", NeuralIvpService.modelSpec(problem, settings));
        int n = settings.samples();
        double[] points = TestPoints.uniform(problem, n, 1);
        JacobianProducts products = new JacobianProducts(model, n);
        products.linearizeAt(model.initialParameters(3), points, n);
        double[] u = new double[n];
        problem.initialValue(points, n, u);
        double[] b = new double[model.parameterCount()];
        products.transposeTimes(u, b);

        GramSolver dense = new GramSolver(products, 0, 1e-12, 5000, new Random(5), n);
        GramSolver nystrom = new GramSolver(products, 60, 1e-12, 5000, new Random(5));
        dense.refresh();
        nystrom.refresh();
        assertEquals(nystrom.largestEigenvalue(), dense.largestEigenvalue(), 1e-3 * nystrom.largestEigenvalue(),
                "λ_max of the dense M against the Nyström estimate");
        double mu = 1e-3 * dense.largestEigenvalue();
        double[] xDense = new double[b.length];
        double[] xCg = new double[b.length];
        CgResult d = dense.solve(mu, b, xDense);
        CgResult c = nystrom.solve(mu, b, xCg);
        System.out.println("P = " + b.length + ": dense " + d + ", Nystrom CG " + c);
        assertTrue(c.converged(), "CG reference converged: " + c);
        assertTrue(d.converged() && d.iterations() <= 2, "the exact factor solves in one or two iterations: " + d);
        assertTrue(relativeDifference(xDense, xCg) < 1e-8, "dense against CG: " + relativeDifference(xDense, xCg));
    }

    @Test
    void gramFromPerPointGradientsEqualsTheMatrixFreeProducts() {
        gramsAgree(null);
    }

    @Test
    void weightedGramFromPerPointGradientsEqualsTheWeightedMatrixFreeProducts() {
        gramsAgree(new double[] {3, 0.2}); // field weights: √w_f on J's rows, w_f between the tangent and the reverse pass
    }

    /** The dense M against M·e_c column by column, on the wave with the given field weights (null: none). */
    private static void gramsAgree(double[] weights) {
        // Two fields and the box-zero output factor: the layout f*n + i and the factor's chain rule both matter.
        Wave2d problem = new Wave2d();
        EvolutionSettings settings = EvolutionSettings.defaults().with(problem.defaults())
                .with(Map.of("hidden", "6,6", "samples", "150"));
        Model model = TestPoints.service().model(problem, settings);
        int n = settings.samples();
        double[] theta = model.initialParameters(4);
        Random random = new Random(9);
        for (int p = 0; p < theta.length; p++) {
            theta[p] += 0.1 * random.nextGaussian(); // v's output weights away from the fit's zeros
        }
        JacobianProducts products = new JacobianProducts(model, n);
        products.linearizeAt(theta, TestPoints.uniform(problem, n, 2), n);
        if (weights != null) {
            products.setFieldWeights(weights);
        }
        DenseGramFactor factor = new DenseGramFactor(products, n, org.geopinn.linalg.DenseKernels.ejml());
        factor.assemble();
        int size = model.parameterCount();
        double[] unit = new double[size];
        double[] column = new double[size];
        double worst = 0;
        double scale = 0;
        for (int c = 0; c < size; c++) {
            unit[c] = 1;
            products.gram().apply(unit, column); // M·e_c by a forward tangent and a reverse pass
            unit[c] = 0;
            for (int r = 0; r < size; r++) {
                worst = Math.max(worst, Math.abs(column[r] - factor.gram().get(r, c)));
                scale = Math.max(scale, Math.abs(column[r]));
            }
        }
        assertTrue(scale > 0 && worst <= 1e-12 * scale, "dense M against M·e_c: " + worst + " of " + scale);
    }

    @Test
    void reportedResidualIsTheDirectlyComputedProjectionResidual() {
        Wave2d problem = new Wave2d();
        EvolutionSettings settings = EvolutionSettings.defaults().with(problem.defaults())
                .with(Map.of("hidden", "10,10", "samples", "600"));
        Model model = TestPoints.service().model(problem, settings);
        int n = settings.samples();
        int fields = 2;
        double[] points = TestPoints.uniform(problem, n, 7);
        double[] theta = model.initialParameters(11);
        ParameterVelocity velocity = new ParameterVelocity(model, problem.rightHandSides(), n, 0, 1e-10, 1e-10, 50,
                new Random(1), true);
        velocity.newSamples(points, n);
        double[] thetaDot = new double[theta.length];
        velocity.compute(theta, thetaDot);

        // J·θ̇ by central differences of the network's values, L[u] by the operator: no shared code with the solve.
        JacobianProducts values = new JacobianProducts(model, n);
        double eps = 1e-5 / Math.max(1e-300, norm(thetaDot)) * norm(theta);
        double[] plus = theta.clone();
        double[] minus = theta.clone();
        for (int p = 0; p < theta.length; p++) {
            plus[p] += eps * thetaDot[p];
            minus[p] -= eps * thetaDot[p];
        }
        values.linearizeAt(plus, points, n);
        double[] up = values.values().clone();
        values.linearizeAt(minus, points, n);
        double[] um = values.values();
        double[] l = new double[fields * n];
        new SpatialOperator(model, problem.rightHandSides(), n).evaluate(theta, points, n, l);
        double num = 0;
        double den = 0;
        for (int r = 0; r < fields * n; r++) {
            double jv = (up[r] - um[r]) / (2 * eps);
            num += (jv - l[r]) * (jv - l[r]);
            den += l[r] * l[r];
        }
        double direct = Math.sqrt(num / den);
        System.out.println("P = " + theta.length + ", N = " + n + ": reported " + velocity.pdeResidual() + ", direct " + direct
                + ", CG iterations " + velocity.maxIterations());
        assertEquals(direct, velocity.pdeResidual(), 1e-4 * direct + 1e-9, "reported against direct residual");
        assertTrue(velocity.pdeResidual() < 0.5, "a projection, not a failed solve: " + velocity.pdeResidual());
    }

    /** ‖a − b‖/‖b‖ (also used by the other solver tests). */
    static double relativeDifference(double[] a, double[] b) {
        double num = 0;
        double den = 0;
        for (int i = 0; i < a.length; i++) {
            num += (a[i] - b[i]) * (a[i] - b[i]);
            den += b[i] * b[i];
        }
        return Math.sqrt(num / den);
    }

    private static double norm(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x * x;
        }
        return Math.sqrt(s);
    }
}

package org.geopinn.evolution;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.geopinn.api.evolution.EvolutionSettings;
import org.geopinn.api.evolution.InitialValueProblem;
import org.geopinn.api.model.Model;
import org.geopinn.linalg.CgResult;
import org.geopinn.linalg.DenseKernels;
import org.geopinn.linalg.LinearOperator;
import org.geopinn.linalg.PreconditionedCg;

/**
 * Where the time of one Neural IVP stage goes, part by part, at the settings' model and sample
 * count: the forward pass at θ (J's linearisation), L[u_θ] (the operator's derivatives), F = JᵀL/n,
 * and either the dense path (J assembled, the Gram product, λ_max, Cholesky, the one CG iteration)
 * or the Nyström path (the preconditioner, the CG solve). Best of a few repetitions, at the
 * network's initial parameters perturbed so that no layer is degenerate.
 */
final class StageProfile {
    private StageProfile() {
    }

    /**
     * @param problem the problem
     * @param model the network
     * @param settings samples, mu, rank, solver, CG limits
     * @param repetitions how many times each part is timed (the best is kept)
     * @return seconds per part, in the order of a stage
     */
    static Map<String, Double> measure(InitialValueProblem problem, Model model, EvolutionSettings settings,
            int repetitions) {
        int n = settings.samples();
        Random random = new Random(settings.seed());
        double[] points = TestPoints.uniform(problem, n, random.nextLong());
        double[] theta = model.initialParameters(settings.seed());
        for (int p = 0; p < theta.length; p++) {
            theta[p] += 0.05 * random.nextGaussian();
        }
        boolean dense = EvolutionSettings.SOLVER_DENSE.equals(settings.solver());
        JacobianProducts products = new JacobianProducts(model, n);
        SpatialOperator operator = new SpatialOperator(model, problem.rightHandSides(), n);
        GramSolver solver = new GramSolver(products, settings.rank(), settings.cgTolerance(),
                Math.max(1, settings.cgMaxIterations()), random);
        DenseGramFactor factor = new DenseGramFactor(products, n, DenseKernels.preferred());
        PreconditionedCg cg = new PreconditionedCg(settings.cgTolerance(), Math.max(1, settings.cgMaxIterations()));
        int rows = products.fieldCount() * n;
        double[] rhs = new double[rows];
        double[] force = new double[theta.length];
        double[] x = new double[theta.length];
        Map<String, Double> best = new LinkedHashMap<>();
        for (int rep = 0; rep < repetitions; rep++) {
            long t0 = System.nanoTime();
            products.linearizeAt(theta, points, n);
            long t1 = System.nanoTime();
            operator.evaluate(theta, points, n, rhs);
            long t2 = System.nanoTime();
            products.transposeTimes(rhs, force);
            long t3 = System.nanoTime();
            keep(best, "forward", t1 - t0);
            keep(best, "operator L[u]", t2 - t1);
            keep(best, "J^T L", t3 - t2);
            java.util.Arrays.fill(x, 0);
            if (dense) {
                factor.assembleJacobian();
                long t4 = System.nanoTime();
                factor.formGram();
                long t5 = System.nanoTime();
                double mu = settings.mu() * factor.largestEigenvalue();
                factor.factor(mu);
                long t6 = System.nanoTime();
                CgResult result = cg.solve(shifted(products.gram(), mu), factor, force, x);
                long t7 = System.nanoTime();
                keep(best, "J by per-point gradients", t4 - t3);
                keep(best, "J^T J and lambda_max", t5 - t4);
                keep(best, "Cholesky", t6 - t5);
                keep(best, "CG (" + result.iterations() + " it)", t7 - t6);
            } else {
                solver.refresh();
                long t4 = System.nanoTime();
                CgResult result = solver.solve(settings.mu() * solver.largestEigenvalue(), force, x);
                long t5 = System.nanoTime();
                keep(best, "Nystrom preconditioner", t4 - t3);
                keep(best, "CG (" + result.iterations() + " it)", t5 - t4);
            }
        }
        return best;
    }

    private static LinearOperator shifted(LinearOperator gram, double mu) {
        return new LinearOperator() {
            @Override
            public int size() {
                return gram.size();
            }

            @Override
            public void apply(double[] v, double[] out) {
                gram.apply(v, out);
                for (int p = 0; p < out.length; p++) {
                    out[p] += mu * v[p];
                }
            }
        };
    }

    private static void keep(Map<String, Double> best, String part, long nanos) {
        best.merge(part, nanos * 1e-9, Math::min);
    }
}

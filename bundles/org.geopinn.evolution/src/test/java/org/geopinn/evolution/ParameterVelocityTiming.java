package org.geopinn.evolution;

import java.util.Random;
import org.geopinn.api.evolution.EvolutionSettings;
import org.geopinn.api.evolution.InitialValueProblem;
import org.geopinn.api.model.Model;

/**
 * Times the two parts of one Neural IVP stage at a given model size: the Nyström preconditioner
 * build (ℓ products with M) and a CG solve run for a fixed number of iterations (the tolerance is
 * unreachable), so sizes are compared at equal work per product. Best of three repetitions.
 *
 * @param preconditionerSeconds seconds to build the preconditioner
 * @param cgSeconds seconds for the CG iterations
 */
record ParameterVelocityTiming(double preconditionerSeconds, double cgSeconds) {

    static ParameterVelocityTiming measure(InitialValueProblem problem, Model model, EvolutionSettings settings,
            int cgIterations, Random random) {
        int n = settings.samples();
        double[] points = TestPoints.uniform(problem, n, random.nextLong());
        double[] theta = model.initialParameters(settings.seed());
        JacobianProducts products = new JacobianProducts(model, n);
        products.linearizeAt(theta, points, n);
        GramSolver solver = new GramSolver(products, settings.rank(), 1e-300, cgIterations, random);
        double[] b = new double[model.parameterCount()];
        for (int p = 0; p < b.length; p++) {
            b[p] = random.nextGaussian();
        }
        double bestBuild = Double.POSITIVE_INFINITY;
        double bestCg = Double.POSITIVE_INFINITY;
        for (int rep = 0; rep < 3; rep++) {
            long t0 = System.nanoTime();
            solver.refresh();
            long t1 = System.nanoTime();
            double[] x = new double[b.length];
            solver.solve(1e-6 * solver.largestEigenvalue(), b, x);
            long t2 = System.nanoTime();
            bestBuild = Math.min(bestBuild, (t1 - t0) * 1e-9);
            bestCg = Math.min(bestCg, (t2 - t1) * 1e-9);
        }
        return new ParameterVelocityTiming(bestBuild, bestCg);
    }

}

package org.geopinn.evolution;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.geopinn.api.evolution.EvolutionSettings;
import org.geopinn.api.evolution.InitialValueProblem;
import org.geopinn.api.evolution.TimeReference;
import org.geopinn.api.model.Model;
import org.geopinn.api.sampler.Sampler;

/**
 * The error budget of Neural IVP along the exact trajectory, without evolving (a benchmark, not a
 * test): at each time τ a fresh network is fitted to the reference u(τ) (the fit misfit: what the
 * model can represent), then θ̇ is solved on N samples and the projection residual
 * ‖Jθ̇ − L[u]‖/‖L[u]‖ is measured on the same samples (in-sample) and on 8000 fresh ones
 * (out-of-sample: the part that acts on the solution). The error grows at about
 * r_out·‖L[u]‖/‖u‖ per unit time, so the rows say which lever (points, model size, μ) lowers it.
 */
final class ProjectionBudget {
    private static final int FRESH = 8000;

    private ProjectionBudget() {
    }

    /**
     * @param out the CSV written (appended to)
     * @param problem the problem
     * @param settings the run's settings (model, fit, rank, mu, cg)
     * @param times the times τ of the trajectory
     * @param sampleCounts the N of the projection
     * @param mus the relative shifts μ of the projection
     * @param solvers the θ̇ solvers compared on the same fit and samples ({@code cg}, {@code dense})
     * @throws IOException if the CSV cannot be written
     */
    static void measure(Path out, InitialValueProblem problem, EvolutionSettings settings, double[] times,
            int[] sampleCounts, double[] mus, String[] solvers) throws IOException {
        NeuralIvpService service = TestPoints.service();
        Model model = service.model(problem, settings);
        Sampler sampler = service.sampler(settings);
        TimeReference reference = problem.reference().orElseThrow();
        int fields = model.spec().fields().size();
        int d = problem.domain().dimension();
        int maxN = FRESH;
        for (int n : sampleCounts) {
            maxN = Math.max(maxN, n);
        }
        Random sketches = new Random(settings.seed() + 1);
        CollocationSampler points = new CollocationSampler(sampler, problem.domain(), settings.seed() + 11, fields,
                maxN, 0, new Random(3));
        LeastSquaresFit fit = new LeastSquaresFit(model, points, settings.samples(), settings.rank(),
                settings.cgTolerance(), settings.cgMaxIterations(), sketches);
        double[] fresh = TestPoints.uniform(problem, FRESH, settings.seed() + 99);
        JacobianProducts freshJ = new JacobianProducts(model, FRESH);
        SpatialOperator freshL = new SpatialOperator(model, problem.rightHandSides(), FRESH);
        double[] lFresh = new double[fields * FRESH];
        double[] jFresh = new double[fields * FRESH];
        boolean header = !Files.exists(out);
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(out, java.nio.file.StandardOpenOption.CREATE,
                java.nio.file.StandardOpenOption.APPEND))) {
            if (header) {
                w.println("problem,hidden,frequencies,P,tau,fit_misfit,fit_seconds,N,mu,solver,cg_iterations,residual_in,"
                        + "residual_out,L_over_u,growth_per_unit_time,solve_seconds");
            }
            for (double tau : times) {
                double[] theta = model.initialParameters(settings.seed());
                long t0 = System.nanoTime();
                LeastSquaresFit.Outcome o = fit.fit(theta, (p, n, v) -> ErrorMeter.toFieldMajor(
                        (q, m, r) -> reference.evaluate(tau, q, m, r), p, n, fields, v), settings.fitIterations(),
                        settings.fitTolerance());
                double fitSeconds = (System.nanoTime() - t0) * 1e-9;
                freshJ.linearizeAt(theta, fresh, FRESH);
                freshL.evaluate(theta, fresh, FRESH, lFresh);
                double uNorm = norm(freshJ.values(), fields * FRESH);
                double lNorm = norm(lFresh, fields * FRESH);
                for (int n : sampleCounts) {
                  double[] x = new double[n * d];
                  points.draw((p, m, v) -> { }, x, n);
                  for (double mu : mus) {
                   for (String solver : solvers) {
                    ParameterVelocity velocity = new ParameterVelocity(model, problem.rightHandSides(), n, settings.rank(),
                            mu, settings.cgTolerance(), settings.cgMaxIterations(), sketches,
                            EvolutionSettings.SOLVER_DENSE.equals(solver));
                    velocity.newSamples(x, n);
                    double[] thetaDot = new double[model.parameterCount()];
                    long t1 = System.nanoTime();
                    velocity.compute(theta, thetaDot);
                    double solveSeconds = (System.nanoTime() - t1) * 1e-9;
                    freshJ.times(thetaDot, jFresh);
                    double num = 0;
                    for (int r = 0; r < fields * FRESH; r++) {
                        double e = jFresh[r] - lFresh[r];
                        num += e * e;
                    }
                    double rOut = Math.sqrt(num) / lNorm;
                    String line = String.format(java.util.Locale.ROOT, "%s,%s,%s,%d,%.4g,%.4g,%.1f,%d,%.1g,%s,%d,%.4g,%.4g,%.4g,%.4g,%.1f",
                            problem.id(), java.util.Arrays.toString(settings.hidden()).replace(", ", ";").replace("[", "").replace("]", ""),
                            settings.modelOptions().getOrDefault("frequencies", "default"), model.parameterCount(), tau,
                            o.misfit(), fitSeconds, n, mu, solver, velocity.maxIterations(), velocity.pdeResidual(),
                            rOut, lNorm / uNorm, rOut * lNorm / uNorm, solveSeconds);
                    System.out.println(line);
                    w.println(line);
                    w.flush();
                   }
                  }
                }
            }
        }
    }

    private static double norm(double[] v, int n) {
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += v[i] * v[i];
        }
        return Math.sqrt(s);
    }
}

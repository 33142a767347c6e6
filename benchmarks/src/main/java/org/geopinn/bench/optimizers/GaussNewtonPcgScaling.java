package org.geopinn.bench.optimizers;

import java.util.Locale;
import java.util.Map;
import org.geopinn.api.operator.LossScaling;
import org.geopinn.api.optimizer.Optimizer;
import org.geopinn.api.optimizer.StepResult;
import org.geopinn.optimizer.gnpcg.GaussNewtonPcgFactory;

/**
 * Gauss–Newton-PCG step time against the parameter count (MLP [2, w, w, 1] on 2-D Laplace, 1020
 * points), with a fixed number of CG iterations so that the times compare the cost per P.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar org.geopinn.bench.optimizers.GaussNewtonPcgScaling [cg-iterations] [rank]</pre>
 */
public final class GaussNewtonPcgScaling {
    private GaussNewtonPcgScaling() {
    }

    /** @param args optional: CG iterations (default 50), Nyström rank (default 50) */
    public static void main(String[] args) {
        int iterations = args.length > 0 ? Integer.parseInt(args[0]) : 50;
        int rank = args.length > 1 ? Integer.parseInt(args[1]) : 50;
        System.out.printf(Locale.ROOT, "# GN-PCG step, %d CG iterations (tolerance 1e-30), rank %d, %d cores%n", iterations, rank,
                Runtime.getRuntime().availableProcessors());
        System.out.println("width,P,seconds_per_step,seconds_per_step_per_1e4_P");
        for (int width : new int[] {30, 70, 100, 150, 220, 315}) {
            PinnCase c = PinnCase.laplace(new int[] {width, width}, 0, LossScaling.MEAN);
            Optimizer o = new GaussNewtonPcgFactory().create(Map.of("cg_tolerance", 1e-30, "cg_max_iterations", iterations, "rank", rank));
            double[] theta = c.theta0.clone();
            int repeats = 3;
            double[] times = new double[repeats];
            for (int r = -1; r < repeats; r++) {
                long t0 = System.nanoTime();
                StepResult res = o.step(c.system, theta);
                long t1 = System.nanoTime();
                if (r >= 0) {
                    times[r] = (t1 - t0) * 1e-9;
                }
                if (!res.detail().contains("CG " + iterations)) {
                    System.out.println("# note: " + res.detail());
                }
            }
            double t = AnagramStepTiming.median(times);
            int p = c.system.parameterCount();
            System.out.printf(Locale.ROOT, "%d,%d,%.3f,%.4f%n", width, p, t, t / p * 1e4);
            System.out.flush();
        }
    }
}

package org.geopinn.bench.optimizers;

import java.util.Locale;
import java.util.Map;
import org.ejml.data.DMatrixRMaj;
import org.geopinn.api.operator.LossScaling;
import org.geopinn.api.operator.ResidualSystem;
import org.geopinn.api.optimizer.Optimizer;
import org.geopinn.linalg.DenseKernels;
import org.geopinn.linalg.pinv.GramPseudoInverse;
import org.geopinn.linalg.pinv.PseudoInverse;
import org.geopinn.linalg.pinv.QrPseudoInverse;
import org.geopinn.optimizer.anagram.AnagramFactory;

/**
 * One ANaGRAM step for MLP [2,64,64,64,1] (P = 8577) on 2-D Laplace with 1020 points, and its
 * parts: Jacobian, factorization (Gram or QR), the rest (line search, directions). Medians of
 * repeated runs after warm-up.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar org.geopinn.bench.optimizers.AnagramStepTiming [repeats]</pre>
 */
public final class AnagramStepTiming {
    private AnagramStepTiming() {
    }

    /** @param args optional: repeats (default 5) */
    public static void main(String[] args) {
        int repeats = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        PinnCase c = PinnCase.laplace(new int[] {64, 64, 64}, 0, LossScaling.SUM);
        ResidualSystem sys = c.system;
        int s = sys.residualCount();
        int p = sys.parameterCount();
        System.out.printf(Locale.ROOT, "# ANaGRAM step, P = %d, S = %d, %d cores%n", p, s, Runtime.getRuntime().availableProcessors());
        DMatrixRMaj j = new DMatrixRMaj(s, p);
        double[] theta = c.theta0.clone();
        double[] jac = new double[repeats];
        double[] gram = new double[repeats];
        double[] qr = new double[repeats];
        double[] loss = new double[repeats];
        PseudoInverse g = new GramPseudoInverse(DenseKernels.ejml());
        PseudoInverse q = new QrPseudoInverse();
        for (int r = -1; r < repeats; r++) {
            theta[0] += 1e-9; // defeat the residual system's forward cache
            long t0 = System.nanoTime();
            sys.jacobian(theta, j.data);
            long t1 = System.nanoTime();
            g.factorize(j);
            long t2 = System.nanoTime();
            if (r < 1) {
                q.factorize(j); // QR is slow at this size: timed twice only
            }
            long t3 = System.nanoTime();
            theta[0] += 1e-9;
            sys.loss(theta);
            long t4 = System.nanoTime();
            if (r >= 0) {
                jac[r] = (t1 - t0) * 1e-9;
                gram[r] = (t2 - t1) * 1e-9;
                qr[r] = (t3 - t2) * 1e-9;
                loss[r] = (t4 - t3) * 1e-9;
            }
        }
        System.out.printf(Locale.ROOT, "jacobian %.3f s, gram factorization (Gram matrix, tridiagonal reduction, eigenvalues; leading eigenvectors come with the first direction) %.3f s, qr+svd factorization %.3f s, one loss %.4f s%n",
                median(jac), median(gram), qr[0], median(loss));
        for (String cutoff : new String[] {"relative", "adaptive"}) {
            Optimizer o = new AnagramFactory().create(Map.of("cutoff", cutoff, "factorization", "gram"));
            double[] t = c.theta0.clone();
            double[] times = new double[repeats];
            String detail = "";
            for (int r = -1; r < repeats; r++) {
                long t0 = System.nanoTime();
                var res = o.step(sys, t);
                long t1 = System.nanoTime();
                if (r >= 0) {
                    times[r] = (t1 - t0) * 1e-9;
                    detail = res.detail() + ", " + res.evaluations() + " evaluations";
                }
            }
            System.out.printf(Locale.ROOT, "full step (%s cut-off, gram): median %.3f s, min %.3f s (%s)%n", cutoff, median(times),
                    java.util.Arrays.stream(times).min().orElse(Double.NaN), detail);
        }
    }

    static double median(double[] a) {
        double[] b = a.clone();
        java.util.Arrays.sort(b);
        return b.length % 2 == 1 ? b[b.length / 2] : 0.5 * (b[b.length / 2 - 1] + b[b.length / 2]);
    }
}

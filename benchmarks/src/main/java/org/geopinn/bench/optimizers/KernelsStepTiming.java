package org.geopinn.bench.optimizers;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import org.ejml.data.DMatrixRMaj;
import org.geopinn.api.operator.LossScaling;
import org.geopinn.api.operator.ResidualSystem;
import org.geopinn.api.optimizer.Optimizer;
import org.geopinn.api.optimizer.StepResult;
import org.geopinn.kernels.openblas.NativeKernelsComponent;
import org.geopinn.linalg.DenseKernels;
import org.geopinn.linalg.Kernels;
import org.geopinn.linalg.LeadingEigenSolver;
import org.geopinn.optimizer.anagram.AnagramFactory;

/**
 * One ANaGRAM step (Gram route) for MLP [2,64,64,64,1] (P = 8577) on 2-D Laplace with 1020 points,
 * with the Java kernels and with the native (OpenBLAS) kernels, alternating repeat by repeat so both
 * see the same load: consecutive training steps from the same initial parameters, one optimizer per
 * kernel (the two runs follow the same path up to rounding), the first two steps discarded. Parts, after
 * each step at its new parameters: Jacobian, Gram matrix J·Jᵀ, eigenvalues
 * (tridiagonal reduction), the leading eigenvectors the step keeps, one loss evaluation; the line
 * search is the step's loss evaluations times one loss. Wall clock and process CPU time (all
 * threads: on a shared machine the CPU time is the better estimate of an idle machine's cost).
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar org.geopinn.bench.optimizers.KernelsStepTiming [repeats] [cutoff] [native threads]</pre>
 */
public final class KernelsStepTiming {
    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private KernelsStepTiming() {
    }

    /** Wall and CPU samples of one quantity. */
    private static final class Samples {
        final String name;
        final double[] wall;
        final double[] cpu;

        Samples(String name, int n) {
            this.name = name;
            wall = new double[n];
            cpu = new double[n];
        }

        String row() {
            return String.format(Locale.ROOT, "%-34s wall min %7.3f s  median %7.3f s   cpu min %7.3f s  median %7.3f s", name,
                    min(wall), median(wall), min(cpu), median(cpu));
        }
    }

    /** Times one call: [wall, cpu] seconds. */
    private static double[] time(Runnable r) {
        long c0 = OS.getProcessCpuTime();
        long t0 = System.nanoTime();
        r.run();
        return new double[] {(System.nanoTime() - t0) * 1e-9, (OS.getProcessCpuTime() - c0) * 1e-9};
    }

    /** @param args optional: repeats (default 7), cut-off rule (default adaptive), OpenBLAS threads of the products (default: one per processor) */
    public static void main(String[] args) {
        int repeats = args.length > 0 ? Integer.parseInt(args[0]) : 7;
        String cutoff = args.length > 1 ? args[1] : "adaptive";
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : 0;
        String failure = NativeKernelsComponent.offerOutsideFramework(threads);
        PinnCase c = PinnCase.laplace(new int[] {64, 64, 64}, 0, LossScaling.SUM);
        ResidualSystem sys = c.system;
        int s = sys.residualCount();
        int p = sys.parameterCount();
        System.out.printf(Locale.ROOT, "# ANaGRAM step (gram, %s cut-off), P = %d, S = %d, %d processors, load average %.1f%n", cutoff, p, s,
                Runtime.getRuntime().availableProcessors(), OS.getSystemLoadAverage());
        System.out.println("# native: " + (failure == null ? Kernels.describe() : failure));
        String[] kinds = failure == null ? new String[] {"java", "native"} : new String[] {"java"};
        Map<String, Samples[]> table = new java.util.LinkedHashMap<>();
        Map<String, String> details = new java.util.HashMap<>();
        for (String kind : kinds) {
            table.put(kind, new Samples[] {new Samples("full step", repeats), new Samples("  jacobian", repeats), new Samples("  gram J·Jᵀ", repeats),
                new Samples("  eigenvalues (tridiagonal)", repeats), new Samples("  kept eigenvectors", repeats), new Samples("  one loss", repeats),
                new Samples("  line search (evaluations × loss)", repeats)});
        }
        DMatrixRMaj j = new DMatrixRMaj(s, p);
        DMatrixRMaj gram = new DMatrixRMaj(1, 1);
        Map<String, Optimizer> optimizers = new java.util.HashMap<>();
        Map<String, double[]> thetas = new java.util.HashMap<>();
        Map<String, DenseKernels> kernelsOf = new java.util.HashMap<>();
        Map<String, LeadingEigenSolver> solvers = new java.util.HashMap<>();
        for (String kind : kinds) {
            System.setProperty(Kernels.PROPERTY, kind);
            optimizers.put(kind, new AnagramFactory().create(Map.of("cutoff", cutoff, "factorization", "gram")));
            thetas.put(kind, c.theta0.clone());
            kernelsOf.put(kind, DenseKernels.preferred());
            solvers.put(kind, kernelsOf.get(kind).leadingEigen());
        }
        // consecutive training steps from the same start, one optimizer per kind (buffers allocated by the
        // first steps, as in training); the first two are warm-up
        for (int r = -2; r < repeats; r++) {
            for (String kind : kinds) {
                Samples[] row = table.get(kind);
                Optimizer o = optimizers.get(kind);
                double[] t = thetas.get(kind);
                StepResult[] result = new StepResult[1];
                double[] step = time(() -> result[0] = o.step(sys, t));
                int rank = rank(result[0].detail(), s);
                DenseKernels kernels = kernelsOf.get(kind);
                LeadingEigenSolver eig = solvers.get(kind);
                double[] jac = time(() -> sys.jacobian(t, j.data));
                double[] g = time(() -> kernels.gramOfRows(j, gram));
                double[] values = time(() -> eig.decompose(gram));
                double[] vectors = time(() -> eig.ensure(rank));
                t[0] += 1e-12; // defeat the residual system's forward cache
                double[] loss = time(() -> sys.loss(t));
                t[0] -= 1e-12;
                if (r >= 0) {
                    double[][] all = {step, jac, g, values, vectors, loss,
                        {loss[0] * result[0].evaluations(), loss[1] * result[0].evaluations()}};
                    for (int q = 0; q < all.length; q++) {
                        row[q].wall[r] = all[q][0];
                        row[q].cpu[r] = all[q][1];
                    }
                    details.merge(kind, String.format(Locale.ROOT, "step %d: rank %d, %d evaluations, loss %.6e", r + 3, rank,
                            result[0].evaluations(), result[0].lossAfter()), (a, b) -> a + "; " + b);
                }
            }
        }
        System.clearProperty(Kernels.PROPERTY);
        for (String kind : kinds) {
            System.out.println(kind + " kernels (" + repeats + " steps; " + details.get(kind) + ")");
            for (Samples x : table.get(kind)) {
                System.out.println("  " + x.row());
            }
        }
        System.out.printf(Locale.ROOT, "# load average at the end %.1f%n", OS.getSystemLoadAverage());
    }

    /** The rank in a step's detail ("rank 312 of 1020, …"), or all of them for a damped step. */
    private static int rank(String detail, int all) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("rank (\\d+) of").matcher(detail);
        return m.find() ? Integer.parseInt(m.group(1)) : all;
    }

    static double median(double[] a) {
        double[] b = a.clone();
        Arrays.sort(b);
        return b.length % 2 == 1 ? b[b.length / 2] : 0.5 * (b[b.length / 2 - 1] + b[b.length / 2]);
    }

    static double min(double[] a) {
        return Arrays.stream(a).min().orElse(Double.NaN);
    }
}

package org.geopinn.bench.optimizers;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
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
import org.geopinn.optimizer.gnpcg.GaussNewtonPcgFactory;

/**
 * A training step on a large point set: 2-D Laplace on a side×side interior grid plus 4·perSide
 * boundary points (default 315² + 4·194 = 100 001 points), MLP [2, w, w, w, 1] tanh (default w = 70,
 * P = 10 221), with time (wall, process CPU) and memory (heap retained, heap peak per phase, the
 * process's resident set and its peak, which include the off-heap buffers of the native kernels).
 *
 * <p>Two parts:
 * <ul>
 * <li>{@code gn-pcg}: full Gauss–Newton-PCG steps on all points (matrix-free: Jacobian products only,
 * no S×P matrix), with a fixed number of CG iterations and Nyström rank;</li>
 * <li>{@code block}: one point block of the dense normal equations JᵀJ (the P×P route of ENGD and
 * {@code lm} when S &gt; P) as a streamed accumulation would do it: the block's Jacobian (B×P), its
 * Gram JᵀJ (SYRK), Jᵀr, and a Cholesky factorization of the P×P matrix (lm's solve). The whole
 * step is that block's work times S/B plus one factorization: the figures are per block, the
 * extrapolation is stated as such. Holding all of J at once (S·P·8 bytes, 8.2 GB here, twice with the
 * native copy) is what the block route avoids.</li>
 * </ul>
 *
 * <pre>java -Xmx12g -cp benchmarks/target/benchmarks.jar org.geopinn.bench.optimizers.LargeStep [parts] [side] [perSide] [width] [steps] [cg-iterations] [rank] [block]</pre>
 *
 * Defaults: {@code gn-pcg,block 315 194 70 2 20 20 5000}.
 */
public final class LargeStep {
    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private LargeStep() {
    }

    /** @param args see the class comment */
    public static void main(String[] args) {
        String[] parts = (args.length > 0 ? args[0] : "gn-pcg,block").split(",");
        int side = args.length > 1 ? Integer.parseInt(args[1]) : 315;
        int perSide = args.length > 2 ? Integer.parseInt(args[2]) : 194;
        int width = args.length > 3 ? Integer.parseInt(args[3]) : 70;
        int steps = args.length > 4 ? Integer.parseInt(args[4]) : 2;
        int iterations = args.length > 5 ? Integer.parseInt(args[5]) : 20;
        int rank = args.length > 6 ? Integer.parseInt(args[6]) : 20;
        int block = args.length > 7 ? Integer.parseInt(args[7]) : 5000;
        String failure = NativeKernelsComponent.offerOutsideFramework(0);
        System.out.printf(Locale.ROOT, "# large step: %d processors, max heap %.1f GB, load average %.2f, kernels: %s%n",
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() / 1e9, OS.getSystemLoadAverage(),
                failure == null ? Kernels.describe() : failure);
        for (String part : parts) {
            switch (part) {
                case "gn-pcg" -> gaussNewtonPcg(side, perSide, width, steps, iterations, rank);
                case "block" -> block(side, perSide, width, block);
                default -> throw new IllegalArgumentException("unknown part " + part + "; known: gn-pcg, block");
            }
        }
        System.out.printf(Locale.ROOT, "# load average at the end %.2f%n", OS.getSystemLoadAverage());
    }

    private static void gaussNewtonPcg(int side, int perSide, int width, int steps, int iterations, int rank) {
        Phase setup = Phase.start();
        PinnCase c = PinnCase.laplace(new int[] {width, width, width}, 0, LossScaling.MEAN, side, perSide);
        ResidualSystem sys = c.system;
        setup.end("gn-pcg set-up (residual system, S = " + sys.residualCount() + ", P = " + sys.parameterCount() + ")");
        Optimizer o = new GaussNewtonPcgFactory().create(Map.of("cg_tolerance", 1e-30, "cg_max_iterations", iterations, "rank", rank));
        double[] theta = c.theta0.clone();
        for (int s = 0; s < steps; s++) {
            Phase step = Phase.start();
            StepResult r = o.step(sys, theta);
            step.end(String.format(Locale.ROOT, "gn-pcg step %d (%d CG iterations at most, rank %d): loss %.4e -> %.4e, %s", s + 1, iterations,
                    rank, r.lossBefore(), r.lossAfter(), r.detail()));
        }
        Phase loss = Phase.start();
        theta[0] += 1e-12;
        sys.loss(theta);
        loss.end("one loss on all points");
        double[] gradient = new double[sys.parameterCount()];
        Phase grad = Phase.start();
        theta[0] -= 1e-12;
        sys.lossAndGradient(theta, gradient);
        grad.end("one loss + gradient on all points");
    }

    private static void block(int side, int perSide, int width, int block) {
        Phase setup = Phase.start();
        PinnCase all = PinnCase.laplace(new int[] {width, width, width}, 0, LossScaling.MEAN, side, perSide);
        int total = all.system.residualCount();
        int p = all.system.parameterCount();
        // a block of about B points with the same mix of interior and boundary points
        int blockSide = (int) Math.round(Math.sqrt(block * (double) side * side / total));
        int blockPerSide = Math.max(1, (int) Math.round(block * (double) perSide / total));
        PinnCase c = PinnCase.laplace(new int[] {width, width, width}, 0, LossScaling.MEAN, blockSide, blockPerSide);
        ResidualSystem sys = c.system;
        int b = sys.residualCount();
        DMatrixRMaj j = new DMatrixRMaj(b, p);
        DMatrixRMaj gram = new DMatrixRMaj(p, p);
        double[] residual = new double[b];
        double[] rhs = new double[p];
        DenseKernels kernels = DenseKernels.preferred();
        setup.end(String.format(Locale.ROOT, "block set-up (block of B = %d of S = %d points, P = %d; J %.2f GB, JᵀJ %.2f GB)", b, total, p,
                8.0 * b * p / 1e9, 8.0 * p * p / 1e9));
        double[] theta = c.theta0.clone();
        Phase jac = Phase.start();
        sys.residuals(theta, residual);
        sys.jacobian(theta, j.data);
        double jacobianCpu = jac.end("block Jacobian (residuals and B×P Jacobian)");
        Phase g = Phase.start();
        kernels.gramOfColumns(j, gram);
        org.geopinn.linalg.MatrixProducts.transposeTimes(j, residual, rhs);
        double gramCpu = g.end("block Gram JᵀJ (SYRK) and Jᵀr");
        for (int i = 0; i < p; i++) {
            gram.data[i * p + i] += 1e-3 * gram.data[i * p + i] + 1e-12;
        }
        DMatrixRMaj lower = new DMatrixRMaj(p, p);
        Phase chol = Phase.start();
        boolean ok = kernels.cholesky(gram, lower);
        double cholCpu = chol.end("Cholesky of JᵀJ + λD (P×P, lm's solve)" + (ok ? "" : ", failed"));
        double blocks = (double) total / b;
        System.out.printf(Locale.ROOT, "  extrapolated (not measured): one dense step on all %d points = %.1f blocks × (Jacobian + Gram) + one "
                + "factorization ≈ %.0f s of CPU%n", total, blocks, blocks * (jacobianCpu + gramCpu) + cholCpu);
    }

    /** Time and memory of one phase. */
    private static final class Phase {
        private final long wall0 = System.nanoTime();
        private final long cpu0 = OS.getProcessCpuTime();

        static Phase start() {
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                pool.resetPeakUsage();
            }
            return new Phase();
        }

        /** Prints the phase; @return its CPU seconds */
        double end(String what) {
            double wall = (System.nanoTime() - wall0) * 1e-9;
            double cpu = (OS.getProcessCpuTime() - cpu0) * 1e-9;
            long peak = 0;
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                if (pool.getType() == MemoryType.HEAP) {
                    peak += pool.getPeakUsage().getUsed();
                }
            }
            System.gc();
            Runtime rt = Runtime.getRuntime();
            long retained = rt.totalMemory() - rt.freeMemory();
            System.out.printf(Locale.ROOT, "%-60s wall %8.2f s  cpu %8.2f s  heap retained %6.2f GB, peak ≤ %6.2f GB  rss %6.2f GB, peak %6.2f GB"
                    + "  (load %.1f)%n", what, wall, cpu, retained / 1e9, peak / 1e9, status("VmRSS"), status("VmHWM"), OS.getSystemLoadAverage());
            return cpu;
        }

        /** @return a /proc/self/status size in GB, or NaN */
        private static double status(String key) {
            try {
                for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                    if (line.startsWith(key + ":")) {
                        return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024 / 1e9;
                    }
                }
            } catch (IOException | NumberFormatException e) {
                return Double.NaN;
            }
            return Double.NaN;
        }
    }
}

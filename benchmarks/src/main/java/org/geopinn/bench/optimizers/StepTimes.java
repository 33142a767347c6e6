package org.geopinn.bench.optimizers;

import java.lang.management.ManagementFactory;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.geopinn.api.operator.LossScaling;
import org.geopinn.api.operator.ResidualSystem;
import org.geopinn.api.optimizer.Optimizer;
import org.geopinn.api.optimizer.StepResult;
import org.geopinn.kernels.openblas.NativeKernelsComponent;
import org.geopinn.linalg.Kernels;
import org.geopinn.optimizer.adam.AdamFactory;
import org.geopinn.optimizer.anagram.AnagramFactory;
import org.geopinn.optimizer.engd.EngdFactory;
import org.geopinn.optimizer.lm.LmFactory;

/**
 * Step times of Adam, ANaGRAM (Gram route, relative cut-off: the PyTorch peer's eigh route), ENGD and
 * {@code lm} on 2-D Laplace, MLP [2,64,64,64,1] tanh (P = 8577), 900 + 120 points, with the kernels
 * {@code DenseKernels.preferred()} gives (native when the library loads). The optimizers take their
 * steps round-robin, each from its own copy of the same Xavier start (random seed 0), so all see the
 * same load: after the warm-up steps every optimizer's steps are timed one by one. Wall clock and
 * process CPU time (all threads), minimum and median, and the load average at the start and the end.
 *
 * <pre>java -Xmx4g -cp benchmarks/target/benchmarks.jar org.geopinn.bench.optimizers.StepTimes [steps] [warm-up] [optimizers] [native threads]</pre>
 *
 * {@code lossgrad} in the list times one loss + gradient of the residual system (Adam's evaluation, without
 * the loss after the move) and prints the GFLOP/s of its matrix products.
 * Defaults: 8 timed steps, 3 warm-up steps, {@code adam,anagram,engd,lm}, native products on one
 * thread per processor (0); Adam's steps are timed in batches of 20 (per-step figures), the others one
 * by one. For a one-thread run also pass {@code -Dgeopinn.residual.threads=1} (the residual system's
 * point slices).
 */
public final class StepTimes {
    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private static final int ADAM_BATCH = 20;
    /** Not an optimizer: one loss + gradient of the residual system (the evaluation inside an Adam step). */
    static final String LOSS_AND_GRADIENT = "lossgrad";
    /**
     * Flops of the matrix products in one loss + gradient at this size (forward W·A of every layer, reverse
     * Wᵀ·δZ of every layer but the first, weight gradients δZ·Aᵀ of every layer; 900 points × 5 jet
     * components, 120 × 1), counted as CoreFootprint does.
     */
    static final double PRODUCT_FLOPS = org.geopinn.benchmarks.core.CoreFootprint.productFlops();

    private StepTimes() {
    }

    private static Optimizer create(String id) {
        return switch (id) {
            case "adam" -> new AdamFactory().create(Map.of("lr", 1e-3));
            case "anagram" -> new AnagramFactory().create(Map.of("cutoff", "relative", "factorization", "gram"));
            case "engd" -> new EngdFactory().create(Map.of());
            case "lm" -> new LmFactory().create(Map.of());
            case LOSS_AND_GRADIENT -> null;
            default -> throw new IllegalArgumentException("unknown optimizer " + id + "; known: adam, anagram, engd, lm");
        };
    }

    /** @param args optional: timed steps, warm-up steps, comma-separated optimizers */
    public static void main(String[] args) {
        int steps = args.length > 0 ? Integer.parseInt(args[0]) : 8;
        int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        String[] ids = (args.length > 2 ? args[2] : "adam,anagram,engd,lm").split(",");
        int threads = args.length > 3 ? Integer.parseInt(args[3]) : 0;
        String failure = NativeKernelsComponent.offerOutsideFramework(threads);
        PinnCase c = PinnCase.laplace(new int[] {64, 64, 64}, 0, LossScaling.SUM);
        ResidualSystem sys = c.system;
        System.out.printf(Locale.ROOT, "# step times, P = %d, S = %d, %d processors, load average %.2f, kernels: %s%n",
                sys.parameterCount(), sys.residualCount(), Runtime.getRuntime().availableProcessors(), OS.getSystemLoadAverage(),
                failure == null ? Kernels.describe() : failure);
        Map<String, Optimizer> optimizers = new LinkedHashMap<>();
        Map<String, double[]> thetas = new LinkedHashMap<>();
        Map<String, double[][]> samples = new LinkedHashMap<>();
        Map<String, String> last = new LinkedHashMap<>();
        double[] gradient = new double[sys.parameterCount()];
        for (String id : ids) {
            optimizers.put(id, create(id));
            thetas.put(id, c.theta0.clone());
            samples.put(id, new double[2][steps]);
        }
        for (int r = -warmup; r < steps; r++) {
            for (String id : ids) {
                Optimizer o = optimizers.get(id);
                double[] theta = thetas.get(id);
                boolean cheap = o == null || id.equals("adam");
                int batch = cheap ? ADAM_BATCH : 1;
                StepResult result = null;
                double loss = 0;
                long c0 = OS.getProcessCpuTime();
                long t0 = System.nanoTime();
                for (int b = 0; b < batch; b++) {
                    if (o == null) {
                        loss = sys.lossAndGradient(theta, gradient);
                    } else {
                        result = o.step(sys, theta);
                    }
                }
                double wall = (System.nanoTime() - t0) * 1e-9 / batch;
                double cpu = (OS.getProcessCpuTime() - c0) * 1e-9 / batch;
                if (r >= 0) {
                    samples.get(id)[0][r] = wall;
                    samples.get(id)[1][r] = cpu;
                }
                last.put(id, result == null ? String.format(Locale.ROOT, "loss %.4e; products %.1f MFLOP", loss, PRODUCT_FLOPS * 1e-6)
                        : String.format(Locale.ROOT, "loss %.4e, %d evaluations, %s", result.lossAfter(), result.evaluations(),
                                result.detail()));
            }
        }
        for (String id : ids) {
            double[][] s = samples.get(id);
            System.out.printf(Locale.ROOT, "%-8s wall min %8.4f s  median %8.4f s   cpu min %8.4f s  median %8.4f s   (last step: %s)%n", id,
                    KernelsStepTiming.min(s[0]), KernelsStepTiming.median(s[0]), KernelsStepTiming.min(s[1]),
                    KernelsStepTiming.median(s[1]), last.get(id));
            if (id.equals(LOSS_AND_GRADIENT)) {
                System.out.printf(Locale.ROOT, "%-8s products %.1f MFLOP: %.1f GFLOP/s at the minimum wall time, %.1f at the median"
                        + " (compare with GemmPeak's two-thread DGEMM rate)%n", id, PRODUCT_FLOPS * 1e-6,
                        PRODUCT_FLOPS / KernelsStepTiming.min(s[0]) * 1e-9, PRODUCT_FLOPS / KernelsStepTiming.median(s[0]) * 1e-9);
            }
        }
        System.out.printf(Locale.ROOT, "# load average at the end %.2f%n", OS.getSystemLoadAverage());
    }
}

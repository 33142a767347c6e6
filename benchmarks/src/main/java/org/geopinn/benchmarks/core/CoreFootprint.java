package org.geopinn.benchmarks.core;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.Arrays;

/**
 * Complements the JMH figures of {@link LaplaceCoreBenchmark} with what JMH does not show: the
 * heap the set-up retains (Jacobian included), the peak heap, the bytes allocated per call, the
 * thread CPU time per call (robust when other processes share the cores) and the GFLOP/s of the
 * matrix products. Run: {@code java -cp benchmarks/target/benchmarks.jar
 * org.geopinn.benchmarks.core.CoreFootprint [repetitions]}; {@code -Dgeopinn.kernels=java} keeps the Java
 * products in the evaluators (else the native ones when OpenBLAS loads).
 */
public final class CoreFootprint {
    private CoreFootprint() {
    }

    /**
     * @param args optional number of timed repetitions (default 30)
     */
    public static void main(String[] args) {
        int repetitions = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        // the native products (weight gradients and layer products by OpenBLAS GEMM) unless -Dgeopinn.kernels=java
        String failure = "java".equals(System.getProperty("geopinn.kernels")) ? "forced java"
                : org.geopinn.kernels.openblas.NativeKernelsComponent.offerOutsideFramework(0);
        System.out.printf("products of the evaluators: %s, load average %.2f%n",
                failure == null ? "native (OpenBLAS GEMM)" : "java (" + failure + ")",
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        long baseline = retainedHeap();
        LaplaceCoreBenchmark bench = new LaplaceCoreBenchmark();
        bench.setUp();
        long retained = retainedHeap() - baseline;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            pool.resetPeakUsage();
        }
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        String[] names = {"evaluatorLossAndGradient", "evaluatorJacobian", "residualSystemLossAndGradient",
            "residualSystemJacobian"};
        System.out.printf("threads property geopinn.autodiff.threads=%s, processors=%d%n",
                System.getProperty("geopinn.autodiff.threads", "1"), Runtime.getRuntime().availableProcessors());
        System.out.printf("retained heap after set-up (model, evaluators, residual system, 1020x8577 Jacobian): %.1f MB%n",
                retained / 1e6);
        for (int b = 0; b < names.length; b++) {
            double[] wall = new double[repetitions];
            double[] cpu = new double[repetitions];
            long allocated = 0;
            for (int warm = 0; warm < 10; warm++) {
                run(bench, b);
            }
            for (int r = 0; r < repetitions; r++) {
                long a0 = threads.getCurrentThreadAllocatedBytes();
                long c0 = threads.getCurrentThreadCpuTime();
                long w0 = System.nanoTime();
                run(bench, b);
                wall[r] = (System.nanoTime() - w0) * 1e-6;
                cpu[r] = (threads.getCurrentThreadCpuTime() - c0) * 1e-6;
                allocated += threads.getCurrentThreadAllocatedBytes() - a0;
            }
            Arrays.sort(wall);
            Arrays.sort(cpu);
            System.out.printf("%-30s wall min %7.1f ms median %7.1f ms | calling-thread CPU min %7.1f ms median %7.1f ms"
                    + " | allocated %d bytes/call%n", names[b], wall[0], wall[repetitions / 2], cpu[0], cpu[repetitions / 2],
                    allocated / repetitions);
        }
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        System.out.printf("peak heap during the timed calls (all pools, garbage included): %.1f MB%n", peak / 1e6);
        double gemm = productFlops();
        System.out.printf("matrix-product flops per loss+gradient: %.1f M (forward + backward, both evaluators)%n", gemm / 1e6);
        products(threads, repetitions);
    }

    /** GFLOP/s of the three products at the benchmark's shape (64×64 layer, rows of 4500), by wall and CPU time. */
    private static void products(com.sun.management.ThreadMXBean threads, int repetitions) {
        GemmBenchmark g = new GemmBenchmark();
        g.length = 4500;
        g.width = 64;
        g.setUp();
        double flops = 2.0 * g.length * g.width * g.width;
        String[] names = {"forwardProduct W·A", "backwardProduct Wᵀ·δZ", "weightGradient δZ·Aᵀ"};
        for (int b = 0; b < 3; b++) {
            double wall = Double.MAX_VALUE;
            double cpu = Double.MAX_VALUE;
            for (int r = 0; r < 20 + 10 * repetitions; r++) {
                long c0 = threads.getCurrentThreadCpuTime();
                long w0 = System.nanoTime();
                switch (b) {
                    case 0: g.forwardProduct(); break;
                    case 1: g.backwardProduct(); break;
                    default: g.weightGradient(); break;
                }
                wall = Math.min(wall, (System.nanoTime() - w0) * 1e-9);
                cpu = Math.min(cpu, (threads.getCurrentThreadCpuTime() - c0) * 1e-9);
            }
            System.out.printf("%-24s best wall %.2f ms = %.1f GFLOP/s; best CPU %.2f ms = %.1f GFLOP/s%n", names[b], wall * 1e3,
                    flops / wall * 1e-9, cpu * 1e3, flops / cpu * 1e-9);
        }
    }

    private static void run(LaplaceCoreBenchmark bench, int which) {
        switch (which) {
            case 0: bench.evaluatorLossAndGradient(); break;
            case 1: bench.evaluatorJacobian(); break;
            case 2: bench.residualSystemLossAndGradient(); break;
            default: bench.residualSystemJacobian(); break;
        }
    }

    /**
     * Multiply-adds ×2 of the products in one forward + backward pass: per layer in→out over rows of
     * C·n jet entries, forward W·A, backward Wᵀ·δZ (not for the first layer) and δZ·Aᵀ.
     *
     * @return the flops of the products of one loss + gradient of the Laplace set-up
     */
    public static double productFlops() {
        int[] widths = {2, 64, 64, 64, 1};
        double total = 0;
        int[][] batches = {{5, LaplaceSetup.INTERIOR}, {1, LaplaceSetup.BOUNDARY}};
        for (int[] batch : batches) {
            double length = (double) batch[0] * batch[1];
            for (int l = 0; l + 1 < widths.length; l++) {
                double pairs = (double) widths[l] * widths[l + 1] * length;
                total += 2 * pairs * (l == 0 ? 2 : 3);
            }
        }
        return total;
    }

    private static long retainedHeap() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
    }
}

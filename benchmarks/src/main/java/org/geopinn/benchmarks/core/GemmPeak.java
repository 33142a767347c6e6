package org.geopinn.benchmarks.core;

import static org.bytedeco.openblas.global.openblas_full.CblasNoTrans;
import static org.bytedeco.openblas.global.openblas_full.CblasRowMajor;
import static org.bytedeco.openblas.global.openblas_full.CblasTrans;

import java.lang.management.ManagementFactory;
import java.util.Locale;
import java.util.Random;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.openblas.global.openblas_full;
import org.geopinn.kernels.openblas.NativeKernelsComponent;

/**
 * The machine's measured peak for the products of a loss + gradient: OpenBLAS DGEMM GFLOP/s on 1 and
 * 2 threads, at the shapes of the 64-wide layers (weights times a panel of points × jet components:
 * forward W·A, backward Wᵀ·δZ, weight gradient δZ·Aᵀ) and at large square sizes. Off-heap operands,
 * best of repeated calls for about {@code seconds} per shape and thread count (a shared machine's
 * interruptions only lower the other calls).
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar org.geopinn.benchmarks.core.GemmPeak [seconds per shape]</pre>
 */
public final class GemmPeak {
    private GemmPeak() {
    }

    /** @param args optional: seconds per shape (default 1) */
    public static void main(String[] args) {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 1.0;
        String failure = NativeKernelsComponent.offerOutsideFramework(0);
        if (failure != null) {
            System.out.println("native kernels unavailable: " + failure);
            return;
        }
        System.out.printf(Locale.ROOT, "# OpenBLAS DGEMM, best of %.1f s per shape, load average %.2f%n", seconds,
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        // name, m, n, k, transB: C (m×n) = A (m×k) · op(B)
        Object[][] shapes = {
            {"forward W·A, 64x64 · 64x4500 (900 points x 5 jets)", 64, 4500, 64, false},
            {"forward W·A, one slice, 64x64 · 64x2250", 64, 2250, 64, false},
            {"weight gradient dZ·Aᵀ, 64x4500 · (64x4500)ᵀ", 64, 64, 4500, true},
            {"weight gradient, one slice, 64x2250 · (64x2250)ᵀ", 64, 64, 2250, true},
            {"square 512", 512, 512, 512, false},
            {"square 1024", 1024, 1024, 1024, false},
            {"square 2048", 2048, 2048, 2048, false},
        };
        for (int threads = 1; threads <= 2; threads++) {
            for (Object[] s : shapes) {
                double g = best((int) s[1], (int) s[2], (int) s[3], (boolean) s[4], threads, seconds);
                System.out.printf(Locale.ROOT, "%d thread(s)  %-55s %7.1f GFLOP/s%n", threads, s[0], g);
            }
        }
        System.out.printf(Locale.ROOT, "# load average at the end %.2f%n",
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    private static double best(int m, int n, int k, boolean transB, int threads, double seconds) {
        Random random = new Random(1);
        try (DoublePointer a = fill(new DoublePointer((long) m * k), (long) m * k, random);
                DoublePointer b = fill(new DoublePointer((long) k * n), (long) k * n, random);
                DoublePointer c = new DoublePointer((long) m * n)) {
            openblas_full.openblas_set_num_threads(threads);
            double flops = 2.0 * m * n * k;
            double best = Double.MAX_VALUE;
            long end = System.nanoTime() + (long) (seconds * 1e9);
            int calls = 0;
            while (calls < 3 || System.nanoTime() < end) {
                long t0 = System.nanoTime();
                openblas_full.cblas_dgemm(CblasRowMajor, CblasNoTrans, transB ? CblasTrans : CblasNoTrans, m, n, k, 1.0, a, k, b,
                        transB ? k : n, 0.0, c, n);
                best = Math.min(best, (System.nanoTime() - t0) * 1e-9);
                calls++;
            }
            return flops / best * 1e-9;
        }
    }

    private static DoublePointer fill(DoublePointer p, long length, Random random) {
        for (long i = 0; i < length; i++) {
            p.put(i, random.nextDouble() - 0.5);
        }
        return p;
    }
}

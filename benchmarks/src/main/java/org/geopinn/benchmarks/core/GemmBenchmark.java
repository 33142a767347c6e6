package org.geopinn.benchmarks.core;

import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.geopinn.autodiff.Gemm;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The products of jet propagation at the Laplace benchmark's shapes: a 64×64 layer applied to
 * rows of length C·n = 5·900. GFLOP/s = 2·64·64·length / time for each.
 * {@code forwardProduct}: Z = W·A; {@code backwardProduct}: δA = Wᵀ·δZ; {@code weightGradient}:
 * ∇W += δZ·Aᵀ (dot products of rows).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class GemmBenchmark {
    /** Length of the rows (jet components × points). */
    @Param({"4500"})
    public int length;
    /** The layer width. */
    @Param({"64"})
    public int width;
    private double[][] a;
    private double[][] z;
    private double[] w;
    private double[] g;

    /** Random operands. */
    @Setup
    public void setUp() {
        Random r = new Random(1);
        a = new double[width][length];
        z = new double[width][length];
        w = new double[width * width];
        g = new double[width * width];
        for (double[] row : a) {
            for (int i = 0; i < length; i++) {
                row[i] = r.nextGaussian();
            }
        }
        for (int i = 0; i < w.length; i++) {
            w[i] = r.nextGaussian();
        }
    }

    /** @return an entry of Z = W·A */
    @Benchmark
    public double forwardProduct() {
        Gemm.combineRows(w, 0, width, 1, width, width, a, z, 0, length, false);
        return z[1][7];
    }

    /** @return an entry of δA = Wᵀ·Z */
    @Benchmark
    public double backwardProduct() {
        Gemm.combineRows(w, 0, 1, width, width, width, a, z, 0, length, false);
        return z[1][7];
    }

    /** @return an entry of G = Z·Aᵀ */
    @Benchmark
    public double weightGradient() {
        java.util.Arrays.fill(g, 0.0);
        Gemm.dotRows(z, width, a, width, length, g, 0);
        return g[7];
    }
}

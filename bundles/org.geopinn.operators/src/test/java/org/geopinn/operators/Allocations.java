package org.geopinn.operators;

import java.lang.management.ManagementFactory;
import java.util.function.Supplier;
import org.geopinn.api.operator.LeastSquaresSystem;
import org.junit.jupiter.api.Assumptions;

/** Measures what a training step allocates, for the tests that hold the hot path to allocating nothing. */
final class Allocations {
    /** Steps run first, so buffers are sized before counting. */
    static final int WARM_UP = 50;
    /** Steps counted. */
    static final int COUNTED = 200;

    private Allocations() {
    }

    /**
     * Runs the step {@value #WARM_UP} times, then counts the bytes the threads allocate in
     * {@value #COUNTED} more; skips the test on a JVM that does not count allocations per thread.
     *
     * @param step one training step
     * @param threads the ids of the threads to count, asked after the warm-up (workers exist by then)
     * @return the bytes allocated by those threads in the counted steps
     */
    static long bytesOfCountedSteps(Runnable step, Supplier<long[]> threads) {
        Assumptions.assumeTrue(ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean);
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        Assumptions.assumeTrue(mx.isThreadAllocatedMemorySupported() && mx.isThreadAllocatedMemoryEnabled());
        for (int i = 0; i < WARM_UP; i++) {
            step.run();
        }
        long[] ids = threads.get();
        long before = allocated(mx, ids);
        for (int i = 0; i < COUNTED; i++) {
            step.run();
        }
        return allocated(mx, ids) - before;
    }

    /**
     * @param rs a residual system
     * @param theta parameters (at least 3), nudged by the step
     * @return a training step on it: every call an optimizer makes, at a θ that changes three times a
     *         step, so each call at least once re-runs the forward pass
     */
    static Runnable trainingStep(LeastSquaresSystem rs, double[] theta) {
        double[] r = new double[rs.residualCount()];
        double[] g = new double[rs.parameterCount()];
        double[] j = new double[rs.residualCount() * rs.parameterCount()];
        double[] jv = new double[rs.residualCount()];
        return () -> {
            theta[0] += 1e-9;
            rs.residuals(theta, r);
            rs.lossAndGradient(theta, g);
            theta[1] += 1e-9;
            rs.jacobian(theta, j);
            theta[2] += 1e-9;
            rs.jacobianTimes(theta, g, jv);
            rs.jacobianTransposeTimes(theta, r, g);
            rs.loss(theta);
        };
    }

    /** @return the id of the calling thread alone */
    static long[] callerOnly() {
        return new long[] {Thread.currentThread().getId()};
    }

    private static long allocated(com.sun.management.ThreadMXBean mx, long[] ids) {
        long sum = 0;
        for (long id : ids) {
            sum += Math.max(0, mx.getThreadAllocatedBytes(id)); // −1 for a thread that ended meanwhile
        }
        return sum;
    }
}

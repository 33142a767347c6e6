package org.geopinn.operators;

import java.util.Arrays;

/**
 * The passes over every condition's point slices, on T threads at once (the caller and T − 1
 * workers of {@link SlicePool}): the forward pass, and from its results the Jacobian, J·v and Jᵀu
 * assembled block by block at each block's rows and scale. Thread t handles slice t of every
 * condition; Jᵀu sums one accumulator per thread, so results do not depend on T beyond rounding
 * in that sum. Allocates nothing per pass.
 */
final class SlicePasses {
    private static final int FORWARD = 0;
    private static final int TRANSPOSE_TIMES = 1;
    private static final int JACOBIAN = 2;
    private static final int JACOBIAN_TIMES = 3;

    private final RowLayout rows;
    private final int parameterCount;
    private final int threads;
    /** One gradient accumulator per thread beyond the first (thread 0 writes the output). */
    private final double[][] threadGradients;
    // Arguments of the pass being run by all threads (published to the workers by SlicePool).
    private int op;
    private double[] argTheta;
    private double[] argVector;
    private double[] argOut;

    /**
     * @param rows the blocks and their rows
     * @param parameterCount P
     * @param threads T ≥ 1, the slices per condition
     */
    SlicePasses(RowLayout rows, int parameterCount, int threads) {
        this.rows = rows;
        this.parameterCount = parameterCount;
        this.threads = threads;
        this.threadGradients = new double[threads][];
        for (int t = 1; t < threads; t++) {
            threadGradients[t] = new double[parameterCount];
        }
    }

    /** @return T */
    int threads() {
        return threads;
    }

    /** @param theta the parameters: every slice evaluates its points at them */
    void forward(double[] theta) {
        argTheta = theta;
        run(FORWARD);
    }

    /** @param out ← the Jacobian, row-major S×P */
    void jacobian(double[] out) {
        argOut = out;
        run(JACOBIAN);
    }

    /** @param v a direction @param out ← J·v */
    void jacobianTimes(double[] v, double[] out) {
        argVector = v;
        argOut = out;
        run(JACOBIAN_TIMES);
    }

    /** @param u a vector over the rows, or null for the residuals @param out ← Jᵀu, summing the threads' shares */
    void transposeTimes(double[] u, double[] out) {
        Arrays.fill(out, 0, parameterCount, 0);
        argVector = u;
        argOut = out;
        run(TRANSPOSE_TIMES);
        for (int t = 1; t < threads; t++) {
            double[] g = threadGradients[t];
            for (int p = 0; p < parameterCount; p++) {
                out[p] += g[p];
            }
        }
    }

    /** Runs the pass on every thread (or inline with one), then drops the caller's arrays. */
    private void run(int pass) {
        this.op = pass;
        try {
            if (threads == 1) {
                runSlice(0);
            } else {
                SlicePool.run(this, threads);
            }
        } finally {
            // the system keeps no reference to a caller's array after a pass
            argTheta = null;
            argVector = null;
            argOut = null;
        }
    }

    /**
     * What thread t does in the current pass: its slice of every condition.
     *
     * @param t the thread index, 0 … T−1
     */
    void runSlice(int t) {
        switch (op) {
            case FORWARD:
                for (int b = 0; b < rows.size(); b++) { // indexed loops: no iterator per call
                    rows.block(b).slice(t).forward(argTheta);
                }
                break;
            case TRANSPOSE_TIMES: {
                double[] out = t == 0 ? argOut : threadGradients[t];
                if (t > 0) {
                    Arrays.fill(out, 0);
                }
                for (int b = 0; b < rows.size(); b++) {
                    ConditionBlock block = rows.block(b);
                    PointSlice s = block.slice(t);
                    s.accumulateTransposeTimes(argVector, rows.offset(b) + s.start(), block.scale(), out);
                }
                break;
            }
            case JACOBIAN:
                for (int b = 0; b < rows.size(); b++) {
                    ConditionBlock block = rows.block(b);
                    PointSlice s = block.slice(t);
                    s.writeJacobian(argOut, rows.offset(b) + s.start(), block.scale());
                }
                break;
            case JACOBIAN_TIMES:
                for (int b = 0; b < rows.size(); b++) {
                    ConditionBlock block = rows.block(b);
                    PointSlice s = block.slice(t);
                    s.writeJacobianTimes(argVector, argOut, rows.offset(b) + s.start(), block.scale());
                }
                break;
            default:
                throw new AssertionError(op);
        }
    }
}

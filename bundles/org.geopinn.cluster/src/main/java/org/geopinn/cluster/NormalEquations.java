package org.geopinn.cluster;

import java.util.Arrays;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.geopinn.api.GeopinnException;
import org.geopinn.api.operator.ResidualSystem;
import org.geopinn.linalg.DenseKernels;

/**
 * A member's normal equations JᵀJ δ = Jᵀr summed over the point blocks it holds, and how they
 * travel: the Gram matrix's lower triangle packed row by row (row i holds columns 0..i, from
 * i(i+1)/2), Jᵀr and the loss ½‖r‖².
 *
 * <p>The member computes one block's Jacobian at a time and adds its Gram matrix into the packed
 * sum by GEMM products of row stripes of Jᵀ with the prefix of Jᵀ they need
 * (G[a:b, 0:b] = Jᵀ[a:b]·Jᵀ[0:b]ᵀ, the prefix being the first rows of Jᵀ, so no copy of it): the
 * work of one SYRK plus a diagonal block per stripe, and no P×P matrix besides the packed sum.
 * The sum goes back in stripes of consecutive rows of at most a set count of numbers, so no
 * message (and no serialization buffer) holds the whole P(P+1)/2 triangle; the coordinator adds
 * each stripe into the caller's P×P matrix in place.
 */
final class NormalEquations {
    /** Numbers per stripe of the packed sum sent at once: 2²³ (64 MB). */
    static final long STRIPE_NUMBERS = 1L << 23;

    private final int parameters;
    private final double[] lower;
    private final double[] gradientAndLoss;
    private final DenseKernels kernels;
    private final DMatrixRMaj jacobian = new DMatrixRMaj(0, 0);
    private final DMatrixRMaj transposed = new DMatrixRMaj(0, 0);
    private final DMatrixRMaj stripe = new DMatrixRMaj(0, 0);
    private final DMatrixRMaj prefix = new DMatrixRMaj(0, 0);
    private final DMatrixRMaj product = new DMatrixRMaj(0, 0);
    private double[] r = new double[0];

    /**
     * @param parameters P
     * @param kernels the dense kernels the products run on
     */
    NormalEquations(int parameters, DenseKernels kernels) {
        this.parameters = parameters;
        this.lower = new double[Math.toIntExact(packed(parameters))];
        this.gradientAndLoss = new double[parameters + 1];
        this.kernels = kernels;
    }

    /** @return P(P+1)/2, the numbers of the packed triangle; fails with a message when it does not fit in one array */
    static long packed(int p) {
        long n = (long) p * (p + 1) / 2;
        if (n > Integer.MAX_VALUE - 8) {
            throw new GeopinnException("cluster: JᵀJ of " + p + " parameters has " + n
                    + " distinct entries, more than one array holds; use gn-pcg (matrix-free) for this network");
        }
        return n;
    }

    /** @return where row i of the packed lower triangle starts */
    static long rowStart(long i) {
        return i * (i + 1) / 2;
    }

    /**
     * Adds one block's part: its Jacobian (S_b×P, the only one held) and residuals once, then
     * JᵀJ by stripes, Jᵀr and ½‖r‖² in row order.
     *
     * @param system the block's residual system (its weights set)
     * @param theta the parameters
     */
    void add(ResidualSystem system, double[] theta) {
        int p = parameters;
        int s = system.residualCount();
        if (s == 0) {
            return;
        }
        // a member's blocks differ by a row or two: the arrays are reused when large enough
        // (the Jacobian written into its first S_b·P numbers, row-major)
        jacobian.reshape(s, p);
        transposed.reshape(p, s);
        if (r.length != s) {
            r = new double[s];
        }
        system.jacobian(theta, jacobian.data);
        system.residuals(theta, r);
        CommonOps_DDRM.transpose(jacobian, transposed);
        int width = stripeWidth(p);
        for (int a = 0; a < p; a += width) {
            int b = Math.min(p, a + width);
            // Jᵀ[a:b] is a contiguous piece of Jᵀ; Jᵀ[0:b] its first rows, wrapped without a copy
            stripe.reshape(b - a, s);
            System.arraycopy(transposed.data, a * s, stripe.data, 0, (b - a) * s);
            prefix.data = transposed.data;
            prefix.numRows = b;
            prefix.numCols = s;
            kernels.multiplyTransB(stripe, prefix, product);
            for (int i = a; i < b; i++) {
                int from = (int) rowStart(i);
                int row = (i - a) * b;
                for (int j = 0; j <= i; j++) {
                    lower[from + j] += product.data[row + j];
                }
            }
        }
        double[] data = jacobian.data;
        for (int k = 0; k < s; k++) {
            int row = k * p;
            double rk = r[k];
            for (int a = 0; a < p; a++) {
                gradientAndLoss[a] += data[row + a] * rk;
            }
            gradientAndLoss[p] += 0.5 * rk * rk;
        }
    }

    /** Rows of Jᵀ per product: the diagonal blocks wasted are 1/16 of the work at most, between 32 and 512 rows. */
    static int stripeWidth(int p) {
        return Math.max(1, Math.min(p, Math.max(32, Math.min(512, (p + 15) / 16))));
    }

    /** Drops the work buffers (the block's Jacobian): the sum stays. */
    void dropBuffers() {
        for (DMatrixRMaj m : new DMatrixRMaj[] {jacobian, transposed, stripe, prefix, product}) {
            m.data = new double[0];
            m.numRows = 0;
            m.numCols = 0;
        }
        r = new double[0];
    }

    /** @return P */
    int parameters() {
        return parameters;
    }

    /** @return Jᵀr then ½‖r‖² (P + 1 values, not copied) */
    double[] gradientAndLoss() {
        return gradientAndLoss;
    }

    /** @return rows {@code from} (inclusive) to {@code to} of the packed lower triangle */
    double[] rows(int from, int to) {
        return Arrays.copyOfRange(lower, (int) rowStart(from), (int) rowStart(to));
    }

    /**
     * The rows at which the stripes of the packed triangle start, then P: each stripe holds at
     * most {@code limit} numbers (or one row, if a row is longer).
     *
     * @param p P
     * @param limit numbers per stripe
     * @return 0 = s₀ &lt; s₁ &lt; … &lt; s_k = P
     */
    static int[] stripes(int p, long limit) {
        int[] bounds = new int[p + 1];
        int count = 0;
        int from = 0;
        while (from < p) {
            bounds[count++] = from;
            int to = from + 1;
            while (to < p && rowStart(to + 1) - rowStart(from) <= limit) {
                to++;
            }
            from = to;
        }
        bounds[count++] = p;
        return Arrays.copyOf(bounds, count);
    }

    /**
     * Adds packed rows into the lower triangle of a full P×P matrix, in place.
     *
     * @param gram P×P row-major
     * @param p P
     * @param from first row
     * @param to last row (exclusive)
     * @param values the packed rows
     * @param offset where they start in values
     */
    static void addRows(double[] gram, int p, int from, int to, double[] values, int offset) {
        int at = offset;
        for (int i = from; i < to; i++) {
            int row = i * p;
            for (int j = 0; j <= i; j++) {
                gram[row + j] += values[at++];
            }
        }
    }

    /** Copies the lower triangle of a P×P matrix onto the upper one. */
    static void mirrorLower(double[] gram, int p) {
        for (int i = 0; i < p; i++) {
            for (int j = 0; j < i; j++) {
                gram[j * p + i] = gram[i * p + j];
            }
        }
    }
}

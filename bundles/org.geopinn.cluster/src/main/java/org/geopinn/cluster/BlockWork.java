package org.geopinn.cluster;

import org.geopinn.api.operator.ResidualSystem;
import org.geopinn.linalg.DenseKernels;

/**
 * What a member computes on one block it holds, per request: only θ (and a P-long or the block's
 * own rows' vector) arrives, and P-long, P(P+1)/2-long or the block's rows' values go back.
 */
enum BlockWork {
    /** r of the block's rows. */
    RESIDUALS,
    /** Jᵀr of the block, then ½‖r‖² (P + 1 values). */
    LOSS_GRADIENT,
    /** ½‖r_g‖² per group. */
    GROUP_LOSSES,
    /** Jᵀr, ½‖r‖² and packed rows of JᵀJ, summed over a member's blocks ({@link NormalEquations}); not per block. */
    NORMAL_EQUATIONS,
    /** JᵀJ·v of the block (P values): v is the vector. */
    GAUSS_NEWTON_TIMES,
    /** J·v of the block's rows: v is the vector. */
    JACOBIAN_TIMES,
    /** Jᵀu of the block (P values): u is the vector, the block's rows. */
    JACOBIAN_TRANSPOSE_TIMES,
    /** J of the block's rows, row-major. */
    JACOBIAN;

    /** Kernels keep work buffers and are not thread-safe: one per thread (several members may share a JVM). */
    private static final ThreadLocal<DenseKernels> KERNELS = ThreadLocal.withInitial(DenseKernels::preferred);

    /** @return this thread's dense kernels */
    static DenseKernels kernels() {
        return KERNELS.get();
    }

    /** @return whether the values are the block's rows (gathered), not P- or group-long sums */
    boolean rowValued() {
        return this == RESIDUALS || this == JACOBIAN_TIMES || this == JACOBIAN;
    }

    /**
     * @param system the block's residual system (its weights already set)
     * @param theta the parameters
     * @param vector the request's vector, or null
     * @return the block's values
     */
    double[] on(ResidualSystem system, double[] theta, double[] vector) {
        int p = system.parameterCount();
        int s = system.residualCount();
        switch (this) {
            case RESIDUALS: {
                double[] r = new double[s];
                system.residuals(theta, r);
                return r;
            }
            case LOSS_GRADIENT: {
                double[] out = new double[p + 1];
                double[] g = new double[p];
                out[p] = system.lossAndGradient(theta, g);
                System.arraycopy(g, 0, out, 0, p);
                return out;
            }
            case GROUP_LOSSES:
                return system.groupLosses(theta);
            case GAUSS_NEWTON_TIMES: {
                double[] image = new double[s];
                double[] out = new double[p];
                system.jacobianTimes(theta, vector, image);
                system.jacobianTransposeTimes(theta, image, out);
                return out;
            }
            case JACOBIAN_TIMES: {
                double[] out = new double[s];
                system.jacobianTimes(theta, vector, out);
                return out;
            }
            case JACOBIAN_TRANSPOSE_TIMES: {
                double[] out = new double[p];
                system.jacobianTransposeTimes(theta, vector, out);
                return out;
            }
            case JACOBIAN: {
                double[] out = new double[s * p];
                system.jacobian(theta, out);
                return out;
            }
            default:
                throw new IllegalStateException(name());
        }
    }
}

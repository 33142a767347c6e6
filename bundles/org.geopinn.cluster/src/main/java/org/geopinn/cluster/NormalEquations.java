package org.geopinn.cluster;

import org.geopinn.api.operator.ResidualSystem;

/**
 * Normal equations JᵀJ δ = Jᵀr of a residual system, as summed from blocks of rows: the Gram
 * matrix's upper triangle packed row by row, Jᵀr and the loss ½‖r‖².
 *
 * @param parameters P
 * @param gramUpper JᵀJ, entries (i, j ≥ i) row by row, P(P+1)/2 values
 * @param gradient Jᵀr, P values
 * @param loss ½‖r‖²
 */
record NormalEquations(int parameters, double[] gramUpper, double[] gradient, double loss) {
    /** @return (i, j) of JᵀJ, either order */
    double gram(int i, int j) {
        int a = Math.min(i, j);
        int b = Math.max(i, j);
        return gramUpper[a * parameters - a * (a - 1) / 2 + (b - a)];
    }

    /**
     * One block's part, computed where the block is held.
     *
     * @param system the block's residual system
     * @param theta the parameters
     * @return packed upper JᵀJ, then Jᵀr, then ½‖r‖²
     */
    static double[] part(ResidualSystem system, double[] theta) {
        int p = system.parameterCount();
        int s = system.residualCount();
        double[] j = new double[s * p];
        double[] r = new double[s];
        system.jacobian(theta, j);
        system.residuals(theta, r);
        int packed = p * (p + 1) / 2;
        double[] out = new double[packed + p + 1];
        for (int k = 0; k < s; k++) {
            int row = k * p;
            int at = 0;
            for (int a = 0; a < p; a++) {
                double ja = j[row + a];
                out[packed + a] += ja * r[k];
                for (int b = a; b < p; b++) {
                    out[at++] += ja * j[row + b];
                }
            }
            out[packed + p] += 0.5 * r[k] * r[k];
        }
        return out;
    }

    /**
     * @param p P
     * @param parts the blocks' parts, summed in this order (the same order gives the same sums)
     * @return the normal equations of all blocks
     */
    static NormalEquations sum(int p, Iterable<double[]> parts) {
        int packed = p * (p + 1) / 2;
        double[] total = new double[packed + p + 1];
        for (double[] part : parts) {
            for (int i = 0; i < total.length; i++) {
                total[i] += part[i];
            }
        }
        return new NormalEquations(p, java.util.Arrays.copyOf(total, packed), java.util.Arrays.copyOfRange(total, packed, packed + p),
                total[packed + p]);
    }
}

package org.geopinn.cluster;

import org.ejml.data.DMatrixRMaj;
import org.geopinn.api.operator.ResidualSystem;
import org.geopinn.linalg.DenseKernels;

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
     * One block's part, computed where the block is held: J once, JᵀJ by the dense kernels (the
     * block's rows only, so S_b×P doubles at a time), Jᵀr and ½‖r‖² in row order.
     *
     * @param system the block's residual system
     * @param theta the parameters
     * @param kernels the dense kernels
     * @return packed upper JᵀJ, then Jᵀr, then ½‖r‖²
     */
    static double[] part(ResidualSystem system, double[] theta, DenseKernels kernels) {
        int p = system.parameterCount();
        int s = system.residualCount();
        DMatrixRMaj j = new DMatrixRMaj(s, p);
        double[] r = new double[s];
        system.jacobian(theta, j.data);
        system.residuals(theta, r);
        DMatrixRMaj gram = new DMatrixRMaj(p, p);
        kernels.gramOfColumns(j, gram);
        int packed = p * (p + 1) / 2;
        double[] out = new double[packed + p + 1];
        int at = 0;
        for (int a = 0; a < p; a++) {
            System.arraycopy(gram.data, a * p + a, out, at, p - a);
            at += p - a;
        }
        for (int k = 0; k < s; k++) {
            int row = k * p;
            double rk = r[k];
            for (int a = 0; a < p; a++) {
                out[packed + a] += j.data[row + a] * rk;
            }
            out[packed + p] += 0.5 * rk * rk;
        }
        return out;
    }

    /** @param gram receives the full P×P matrix, both triangles */
    void unpack(double[] gram) {
        int p = parameters;
        int at = 0;
        for (int a = 0; a < p; a++) {
            for (int b = a; b < p; b++) {
                double v = gramUpper[at++];
                gram[a * p + b] = v;
                gram[b * p + a] = v;
            }
        }
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

package org.geopinn.diagnostics;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.SingularOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;
import org.geopinn.api.GeopinnException;

/**
 * The tangent kernels of a residual system on its S points, built from its Jacobian J (S×P):
 * <ul>
 * <li>the empirical NTK K = J Jᵀ;</li>
 * <li>the natural NTK J G⁺ Jᵀ with G = JᵀJ (Schwencke & Furtlehner, 2025): the orthogonal projection on the range of
 * J, so its eigenvalues are 0 or 1;</li>
 * <li>the preconditioned NTK K_P = J H⁺ Jᵀ with H = diag(J_1ᵀJ_1, …, J_NᵀJ_N) the block-diagonal
 * Gauss–Newton matrix, one block per network, J_n the columns of network n (coupling study, 2026): the sum of the projections on the ranges
 * of the networks' column blocks J_s, so λ_max(K_P) ≤ number of networks.</li>
 * </ul>
 * Pseudo-inverses drop singular values below {@code cutoff · σ_max} of the block they belong to
 * (σ of J, so eigenvalues of G below cutoff² · λ_max(G)). The usual default is
 * {@link #defaultCutoff(int, int)}.
 */
public final class TangentKernels {
    private TangentKernels() {
    }

    /**
     * The pseudo-inverse cut-off LAPACK and NumPy use by default: max(S, P) · machine epsilon,
     * relative to the largest singular value.
     *
     * @param rows S
     * @param cols P
     * @return the relative cut-off
     */
    public static double defaultCutoff(int rows, int cols) {
        return Math.max(rows, cols) * Math.ulp(1.0);
    }

    /**
     * @param jacobian J, row-major S×P (not modified)
     * @param rows S
     * @param cols P
     * @return the empirical NTK K = J Jᵀ in factored form
     */
    public static KernelFactor ntk(double[] jacobian, int rows, int cols) {
        return new KernelFactor(jacobian, rows, cols);
    }

    /**
     * @param jacobian J, row-major S×P (not modified)
     * @param rows S
     * @param cols P
     * @param cutoff relative singular-value cut-off of the pseudo-inverse
     * @return the natural NTK J G⁺ Jᵀ = U_k U_kᵀ (U_k the leading left singular vectors of J)
     */
    public static KernelFactor naturalNtk(double[] jacobian, int rows, int cols, double cutoff) {
        return preconditionedNtk(jacobian, rows, cols, new int[][] {{0, cols}}, cutoff);
    }

    /**
     * @param jacobian J, row-major S×P (not modified)
     * @param rows S
     * @param cols P
     * @param blocks the [start, end) column range of each network (together they must tile [0, P))
     * @param cutoff relative singular-value cut-off of each block's pseudo-inverse
     * @return K_P = J H⁺ Jᵀ = Σ_n U_n U_nᵀ in factored form W = [U_1 | … | U_N]
     * @throws GeopinnException if the ranges do not tile the columns or the cut-off is not in [0, 1)
     */
    public static KernelFactor preconditionedNtk(double[] jacobian, int rows, int cols, int[][] blocks, double cutoff) {
        checkShape(jacobian, rows, cols);
        checkTiling(blocks, cols);
        if (!(cutoff >= 0 && cutoff < 1)) {
            throw new GeopinnException("pseudo-inverse cut-off must satisfy 0 <= cutoff < 1, got " + cutoff);
        }
        DMatrixRMaj[] bases = new DMatrixRMaj[blocks.length];
        int total = 0;
        for (int s = 0; s < blocks.length; s++) {
            bases[s] = rangeBasis(jacobian, rows, cols, blocks[s][0], blocks[s][1], cutoff);
            total += bases[s].numCols;
        }
        double[] w = new double[rows * total];
        int column = 0;
        for (DMatrixRMaj u : bases) {
            for (int i = 0; i < rows; i++) {
                System.arraycopy(u.data, i * u.numCols, w, i * total + column, u.numCols);
            }
            column += u.numCols;
        }
        return new KernelFactor(w, rows, total);
    }

    /** Orthonormal basis (S×k) of the range of the columns [start, end) of J, up to the cut-off. */
    private static DMatrixRMaj rangeBasis(double[] jacobian, int rows, int cols, int start, int end, double cutoff) {
        int width = end - start;
        DMatrixRMaj block = new DMatrixRMaj(rows, width);
        for (int i = 0; i < rows; i++) {
            System.arraycopy(jacobian, i * cols + start, block.data, i * width, width);
        }
        if (rows == 0 || width == 0) {
            return new DMatrixRMaj(rows, 0);
        }
        SingularValueDecomposition_F64<DMatrixRMaj> svd = DecompositionFactory_DDRM.svd(rows, width, true, false, true);
        if (!svd.decompose(block)) {
            throw new GeopinnException("singular value decomposition of a " + rows + "x" + width + " Jacobian block did not converge");
        }
        DMatrixRMaj u = svd.getU(null, false);
        DMatrixRMaj sigma = svd.getW(null);
        SingularOps_DDRM.descendingOrder(u, false, sigma, null, false);
        int n = Math.min(sigma.numRows, sigma.numCols);
        double max = n == 0 ? 0 : sigma.get(0, 0);
        int keep = 0;
        while (keep < n && max > 0 && sigma.get(keep, keep) >= cutoff * max) {
            keep++;
        }
        DMatrixRMaj kept = new DMatrixRMaj(rows, keep);
        for (int i = 0; i < rows; i++) {
            System.arraycopy(u.data, i * u.numCols, kept.data, i * keep, keep);
        }
        return kept;
    }

    private static void checkShape(double[] jacobian, int rows, int cols) {
        if (rows < 0 || cols < 0 || jacobian.length != rows * cols) {
            throw new GeopinnException("Jacobian of " + rows + "x" + cols + " needs " + rows * cols + " entries, got " + jacobian.length);
        }
    }

    private static void checkTiling(int[][] blocks, int cols) {
        int next = 0;
        for (int[] b : blocks) {
            if (b.length != 2 || b[0] != next || b[1] < b[0]) {
                throw new GeopinnException("network column ranges must tile [0, " + cols + ") in order; a range starts at "
                        + (b.length > 0 ? b[0] : -1) + ", expected " + next);
            }
            next = b[1];
        }
        if (next != cols) {
            throw new GeopinnException("network column ranges cover [0, " + next + ") but the Jacobian has " + cols + " columns");
        }
    }
}

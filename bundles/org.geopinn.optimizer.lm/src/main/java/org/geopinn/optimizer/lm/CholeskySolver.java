package org.geopinn.optimizer.lm;

import org.ejml.data.DMatrixRMaj;
import org.geopinn.linalg.MatrixProducts;

/**
 * The damped system by Cholesky: the Gram matrix of the smaller side (JJᵀ, S×S, when S ≤ P;
 * JᵀJ, P×P, otherwise) is formed once per step with the shared Gram kernel, then each λ tried
 * costs one Cholesky factorization of the Gram matrix plus λI (n³/3) and two triangular solves.
 * JJᵀ skips the column chunks where a row of J is zero ({@link SparseRowGram}).
 */
final class CholeskySolver implements DampedSolver {
    private final DampedGram system = new DampedGram();
    /** JJᵀ without the zero blocks of a one-network-per-field Jacobian. */
    private final SparseRowGram rowGram = new SparseRowGram(system.kernels());
    private DMatrixRMaj jacobian;
    private boolean wide;
    private double[] rhs = new double[0];
    private double[] work = new double[0];

    @Override
    public void prepare(DMatrixRMaj j) {
        this.jacobian = j;
        wide = j.numRows <= j.numCols;
        int n = wide ? j.numRows : j.numCols;
        if (rhs.length != n) {
            rhs = new double[n];
            work = new double[n];
        }
        DMatrixRMaj gram = system.gram(n);
        if (wide) {
            rowGram.gramOfRows(j, gram);
        } else {
            system.kernels().gramOfColumns(j, gram);
        }
    }

    @Override
    public boolean solve(double lambda, double[] u, double[] out) {
        int n = rhs.length;
        if (wide) {
            System.arraycopy(u, 0, rhs, 0, n);
        } else {
            MatrixProducts.transposeTimes(jacobian, u, rhs);
        }
        if (!system.solve(lambda, rhs, work)) {
            return false;
        }
        if (wide) {
            MatrixProducts.transposeTimes(jacobian, work, out);
            for (int i = 0; i < out.length; i++) {
                out[i] = -out[i];
            }
        } else {
            for (int i = 0; i < n; i++) {
                out[i] = -work[i];
            }
        }
        return true;
    }

    /** @return the multiply-adds of the last JJᵀ product (S²·P when dense), 0 on the JᵀJ side */
    double lastGramWork() {
        return wide ? rowGram.lastWork() : 0;
    }

    @Override
    public String side() {
        int n = rhs.length;
        if (wide && jacobian != null) {
            double dense = (double) n * n * jacobian.numCols;
            double work = rowGram.lastWork();
            return "JJᵀ " + n + "×" + n + ", Cholesky" + (work < dense
                    ? String.format(java.util.Locale.ROOT, ", zero blocks skipped: %.2g of %.2g multiply-adds", work, dense) : "");
        }
        return (wide ? "JJᵀ " : "JᵀJ ") + n + "×" + n + ", Cholesky";
    }
}

package org.geopinn.optimizer.lm;

import org.ejml.data.DMatrixRMaj;
import org.geopinn.linalg.BlockGram;
import org.geopinn.linalg.BlockPattern;
import org.geopinn.linalg.MatrixProducts;

/**
 * The damped system by Cholesky: the Gram matrix of the smaller side (JJᵀ, S×S, when S ≤ P;
 * JᵀJ, P×P, otherwise) is formed once per step with the shared Gram kernel, then each λ tried
 * costs one Cholesky factorization of the Gram matrix plus λI (n³/3) and two triangular solves.
 * Both sides skip the blocks of J that are exactly zero ({@link BlockPattern}, found from every
 * Jacobian: a model with one network per field has rows that are zero on the networks their
 * condition does not involve).
 */
final class CholeskySolver implements DampedSolver {
    private final DampedGram system = new DampedGram();
    /** The Gram product without the zero blocks of a one-network-per-field Jacobian. */
    private final BlockGram blockGram = system.kernels().blockGram();
    private final BlockPattern pattern = new BlockPattern();
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
        pattern.find(j);
        if (wide) {
            blockGram.gramOfRows(j, pattern, gram);
        } else {
            blockGram.gramOfColumns(j, pattern, gram);
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

    /** @return the multiply-adds of the last Gram product, both triangles counted (S²·P or P²·S when dense) */
    double lastGramWork() {
        if (jacobian == null) {
            return 0;
        }
        double dense = wide ? (double) rhs.length * rhs.length * jacobian.numCols : (double) rhs.length * rhs.length * jacobian.numRows;
        return pattern.worthSkipping(!wide) ? pattern.gramWork(!wide) : dense;
    }

    @Override
    public String side() {
        int n = rhs.length;
        String side = (wide ? "JJᵀ " : "JᵀJ ") + n + "×" + n + ", Cholesky";
        if (jacobian != null && pattern.worthSkipping(!wide)) {
            double dense = (double) n * n * (wide ? jacobian.numCols : jacobian.numRows);
            return side + String.format(java.util.Locale.ROOT, ", zero blocks skipped: %.2g of %.2g multiply-adds", lastGramWork(), dense);
        }
        return side;
    }
}

package org.geopinn.optimizer.lm;

import org.ejml.data.DMatrixRMaj;
import org.geopinn.linalg.pinv.QrPseudoInverse;

/**
 * The damped system without forming a Gram matrix: Householder QR of the tall orientation of J,
 * then the SVD of the small triangle (the factorization ANaGRAM's {@code qr} route uses), so every
 * λ reweights the coefficients by σᵢ/(σᵢ² + λ). It resolves singular values down to about
 * eps·σ_max where a Gram matrix (JᵀJ or JJᵀ) squares the condition number and resolves only
 * about sqrt(eps)·σ_max: the directions a converged fit on a small network still needs. It costs
 * about 2·max(S,P)·min(S,P)² plus the SVD of a min(S,P)-square matrix per step, a few times the
 * Gram matrix's max(S,P)·min(S,P)².
 */
final class QrSolver implements DampedSolver {
    private final QrPseudoInverse pseudoInverse = new QrPseudoInverse();
    private int rows;
    private int cols;

    @Override
    public void prepare(DMatrixRMaj jacobian) {
        rows = jacobian.numRows;
        cols = jacobian.numCols;
        pseudoInverse.factorize(jacobian);
    }

    @Override
    public boolean solve(double lambda, double[] u, double[] out) {
        pseudoInverse.prepare(u);
        pseudoInverse.dampedDirection(lambda, out);
        for (int i = 0; i < out.length; i++) {
            out[i] = -out[i];
        }
        return true;
    }

    @Override
    public String side() {
        int n = Math.min(rows, cols);
        return (rows >= cols ? "QR of J, " : "QR of Jᵀ, ") + "SVD " + n + "×" + n;
    }
}

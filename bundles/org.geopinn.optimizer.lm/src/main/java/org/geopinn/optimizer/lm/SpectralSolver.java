package org.geopinn.optimizer.lm;

import org.ejml.data.DMatrixRMaj;
import org.geopinn.linalg.DenseKernels;
import org.geopinn.linalg.pinv.GramPseudoInverse;
import org.geopinn.linalg.pinv.PseudoInverse;
import org.geopinn.linalg.pinv.QrPseudoInverse;

/**
 * The damped system through one factorization of J per step that gives its singular values and
 * vectors: every λ then only reweights the coefficients σᵢ/(σᵢ² + λ), at O(min(S,P)²) per λ.
 * Costlier per step than one Cholesky, cheaper when a step tries many λ. Two factorizations:
 * <ul>
 * <li>{@link #eigen()}: the eigendecomposition of the smaller Gram matrix (the factorization
 * ANaGRAM uses);</li>
 * <li>{@link #qr()}: Householder QR of the tall orientation of J, then the SVD of the small
 * triangle (ANaGRAM's {@code qr} route). It resolves singular values down to about eps·σ_max where
 * a Gram matrix (JᵀJ or JJᵀ) squares the condition number and resolves only about
 * sqrt(eps)·σ_max: the directions a converged fit on a small network still needs. It costs about
 * 2·max(S,P)·min(S,P)² plus the SVD of a min(S,P)-square matrix per step, a few times the Gram
 * matrix's max(S,P)·min(S,P)².</li>
 * </ul>
 */
final class SpectralSolver implements DampedSolver {
    private final PseudoInverse pseudoInverse;
    private final boolean gram;
    private int rows;
    private int cols;

    private SpectralSolver(PseudoInverse pseudoInverse, boolean gram) {
        this.pseudoInverse = pseudoInverse;
        this.gram = gram;
    }

    /** @return the solver through the eigendecomposition of the smaller Gram matrix */
    static SpectralSolver eigen() {
        return new SpectralSolver(new GramPseudoInverse(DenseKernels.preferred()), true);
    }

    /** @return the solver through a QR of J and the SVD of its triangle (no Gram matrix) */
    static SpectralSolver qr() {
        return new SpectralSolver(new QrPseudoInverse(), false);
    }

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
        if (gram) {
            return (rows <= cols ? "JJᵀ " : "JᵀJ ") + n + "×" + n + ", eigen";
        }
        return (rows >= cols ? "QR of J, " : "QR of Jᵀ, ") + "SVD " + n + "×" + n;
    }
}

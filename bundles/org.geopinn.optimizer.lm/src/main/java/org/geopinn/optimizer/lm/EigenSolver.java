package org.geopinn.optimizer.lm;

import org.ejml.data.DMatrixRMaj;
import org.geopinn.linalg.DenseKernels;
import org.geopinn.linalg.pinv.GramPseudoInverse;

/**
 * The damped system through one eigendecomposition of the smaller Gram matrix per step (the
 * factorization ANaGRAM uses): every λ then only reweights the eigen-coefficients,
 * σᵢ/(σᵢ² + λ), at O(min(S,P)²) per λ. Costlier per step than one Cholesky, cheaper when a step
 * tries many λ.
 */
final class EigenSolver implements DampedSolver {
    private final GramPseudoInverse pseudoInverse = new GramPseudoInverse(DenseKernels.preferred());
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
        return (rows <= cols ? "JJᵀ " : "JᵀJ ") + n + "×" + n + ", eigen";
    }
}

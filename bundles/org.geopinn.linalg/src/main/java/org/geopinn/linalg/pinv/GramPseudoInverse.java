package org.geopinn.linalg.pinv;

import org.ejml.data.DMatrixRMaj;
import org.geopinn.linalg.DenseKernels;
import org.geopinn.linalg.LeadingEigenSolver;
import org.geopinn.linalg.MatrixProducts;

/**
 * Fast pseudo-inverse through the smaller Gram matrix: K = JJᵀ (S×S) when S ≤ P, G = JᵀJ (P×P)
 * otherwise, and its symmetric eigendecomposition (λ = σ²). Cost O(min²·max) with a blocked,
 * multi-threaded product. Squaring J squares its condition number: singular values below about
 * sqrt(eps·n)·σ_max are not resolved, which {@link #resolutionFloor()} reports.
 *
 * <p>S ≤ P: d_k = Jᵀ U_k Λ_k⁻¹ U_kᵀ r. S &gt; P: d_k = V_k Λ_k⁻¹ V_kᵀ Jᵀr.
 *
 * <p>Only the eigenvectors a direction needs are computed ({@link LeadingEigenSolver}): a
 * truncated direction of rank k needs the k leading ones, the damped direction all of them
 * (the kernels' {@link DenseKernels#leadingEigen()}). Should
 * that partial decomposition fail its residual check, the full one is taken instead.
 */
public final class GramPseudoInverse implements PseudoInverse {
    private final DenseKernels kernels;
    private final boolean alwaysColumns;
    private final DMatrixRMaj gram = new DMatrixRMaj(1, 1);
    private final LeadingEigenSolver leading;
    /** The full decomposition, used only when the partial one fails. */
    private final DMatrixRMaj fullVectors = new DMatrixRMaj(1, 1);
    private boolean full;
    private DMatrixRMaj jacobian;
    private boolean wide;
    private double[] lambda = new double[0];
    private double[] sigma = new double[0];
    /** The vector being projected: r when S ≤ P, Jᵀr otherwise. */
    private double[] projected = new double[0];
    private double[] coefficients = new double[0];
    private int coefficientsKnown;
    private double[] combination = new double[0];
    private double[] rows = new double[0];

    /**
     * @param kernels the dense kernels
     * @param alwaysColumns true to always use G = JᵀJ (P×P, as ENGD defines it), false to use the smaller Gram matrix
     */
    public GramPseudoInverse(DenseKernels kernels, boolean alwaysColumns) {
        this.kernels = kernels;
        this.alwaysColumns = alwaysColumns;
        this.leading = kernels.leadingEigen();
    }

    /** @param kernels the dense kernels; uses the smaller Gram matrix */
    public GramPseudoInverse(DenseKernels kernels) {
        this(kernels, false);
    }

    @Override
    public void factorize(DMatrixRMaj j) {
        this.jacobian = j;
        wide = !alwaysColumns && j.numRows <= j.numCols;
        int n = wide ? j.numRows : j.numCols;
        if (lambda.length != n) {
            lambda = new double[n];
            sigma = new double[n];
            projected = new double[n];
            coefficients = new double[n];
            combination = new double[n];
            rows = new double[n];
        }
        if (wide) {
            kernels.gramOfRows(j, gram);
        } else {
            kernels.gramOfColumns(j, gram);
        }
        full = false;
        if (leading.decompose(gram)) {
            System.arraycopy(leading.values(), 0, lambda, 0, n);
            singularValuesFromLambda();
        } else {
            decomposeFully();
        }
        coefficientsKnown = 0;
    }

    /** The full decomposition, when the partial one cannot be trusted; replaces λ and σ. */
    private void decomposeFully() {
        full = true;
        kernels.symmetricEigen(gram, lambda, fullVectors);
        singularValuesFromLambda();
        coefficientsKnown = 0;
    }

    private void singularValuesFromLambda() {
        for (int i = 0; i < lambda.length; i++) {
            sigma[i] = Math.sqrt(Math.max(lambda[i], 0));
        }
    }

    @Override
    public double[] singularValues() {
        return sigma;
    }

    @Override
    public double[] singularValuesSquared() {
        return lambda;
    }

    @Override
    public double resolutionFloor() {
        return Math.sqrt(Math.ulp(1.0) * Math.max(jacobian.numRows, jacobian.numCols));
    }

    @Override
    public void prepare(double[] residual) {
        if (wide) {
            System.arraycopy(residual, 0, projected, 0, projected.length);
        } else {
            MatrixProducts.transposeTimes(jacobian, residual, projected);
        }
        coefficientsKnown = 0;
    }

    @Override
    public void direction(int rank, double[] out) {
        ensure(rank);
        int n = sigma.length;
        for (int i = 0; i < n; i++) {
            combination[i] = i < rank && lambda[i] > 0 ? coefficients[i] / lambda[i] : 0;
        }
        combine(rank, out);
    }

    @Override
    public void dampedDirection(double damping, double[] out) {
        int n = sigma.length;
        ensure(n);
        for (int i = 0; i < n; i++) {
            double d = Math.max(lambda[i], 0) + damping;
            combination[i] = d > 0 ? coefficients[i] / d : 0;
        }
        combine(n, out);
    }

    /** Makes the k leading eigenvectors and their coefficients u_iᵀx available. */
    private void ensure(int k) {
        if (!full && !leading.ensure(k)) {
            decomposeFully();
        }
        int n = sigma.length;
        for (int i = coefficientsKnown; i < k; i++) {
            double c = 0;
            for (int r = 0; r < n; r++) {
                c += vector(i, r) * projected[r];
            }
            coefficients[i] = c;
        }
        coefficientsKnown = Math.max(coefficientsKnown, k);
    }

    /** @return component r of eigenvector i */
    private double vector(int i, int r) {
        int n = sigma.length;
        return full ? fullVectors.data[r * n + i] : leading.vectors()[i * n + r];
    }

    private void combine(int rank, double[] out) {
        int n = sigma.length;
        // wide: c = U_k Λ_k⁻¹ U_kᵀ r (length S), then d = Jᵀ c; tall: d = V_k Λ_k⁻¹ V_kᵀ Jᵀr directly.
        double[] target = wide ? rows : out;
        java.util.Arrays.fill(target, 0, n, 0);
        for (int k = 0; k < rank; k++) {
            double w = combination[k];
            if (w == 0) {
                continue;
            }
            for (int i = 0; i < n; i++) {
                target[i] += vector(k, i) * w;
            }
        }
        if (wide) {
            MatrixProducts.transposeTimes(jacobian, target, out);
        }
    }
}

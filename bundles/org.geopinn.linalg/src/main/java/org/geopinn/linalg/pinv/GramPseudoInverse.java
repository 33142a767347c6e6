package org.geopinn.linalg.pinv;

import org.ejml.data.DMatrixRMaj;
import org.geopinn.linalg.DenseKernels;

/**
 * Fast pseudo-inverse through the smaller Gram matrix: K = JJᵀ (S×S) when S ≤ P, G = JᵀJ (P×P)
 * otherwise, and its symmetric eigendecomposition (λ = σ²). Cost O(min²·max) with a blocked,
 * multi-threaded product. Squaring J squares its condition number: singular values below about
 * sqrt(eps·n)·σ_max are not resolved, which {@link #resolutionFloor()} reports.
 *
 * <p>S ≤ P: d_k = Jᵀ U_k Λ_k⁻¹ U_kᵀ r. S &gt; P: d_k = V_k Λ_k⁻¹ V_kᵀ Jᵀr.
 */
public final class GramPseudoInverse implements PseudoInverse {
    private final DenseKernels kernels;
    private final DMatrixRMaj gram = new DMatrixRMaj(1, 1);
    private final DMatrixRMaj vectors = new DMatrixRMaj(1, 1);
    private DMatrixRMaj jacobian;
    private boolean wide;
    private double[] lambda = new double[0];
    private double[] sigma = new double[0];
    private double[] coefficients = new double[0];
    private double[] combination = new double[0];
    private double[] gradient = new double[0];

    private final boolean alwaysColumns;

    /**
     * @param kernels the dense kernels
     * @param alwaysColumns true to always use G = JᵀJ (P×P, as ENGD defines it), false to use the smaller Gram matrix
     */
    public GramPseudoInverse(DenseKernels kernels, boolean alwaysColumns) {
        this.kernels = kernels;
        this.alwaysColumns = alwaysColumns;
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
            coefficients = new double[n];
            combination = new double[n];
        }
        if (gradient.length != j.numCols) {
            gradient = new double[j.numCols];
        }
        if (wide) {
            kernels.gramOfRows(j, gram);
        } else {
            kernels.gramOfColumns(j, gram);
        }
        kernels.symmetricEigen(gram, lambda, vectors);
        for (int i = 0; i < n; i++) {
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
        double[] x = residual;
        if (!wide) {
            transposeTimes(jacobian, residual, gradient);
            x = gradient;
        }
        // coefficients = Qᵀ x
        int n = sigma.length;
        java.util.Arrays.fill(coefficients, 0);
        for (int i = 0; i < n; i++) {
            double xi = x[i];
            int row = i * n;
            for (int c = 0; c < n; c++) {
                coefficients[c] += vectors.data[row + c] * xi;
            }
        }
    }

    private static void transposeTimes(DMatrixRMaj a, double[] x, double[] out) {
        int cols = a.numCols;
        java.util.Arrays.fill(out, 0);
        for (int i = 0; i < a.numRows; i++) {
            double xi = x[i];
            if (xi == 0) {
                continue;
            }
            int row = i * cols;
            for (int c = 0; c < cols; c++) {
                out[c] += a.data[row + c] * xi;
            }
        }
    }

    @Override
    public void direction(int rank, double[] out) {
        int n = sigma.length;
        for (int i = 0; i < n; i++) {
            combination[i] = i < rank && lambda[i] > 0 ? coefficients[i] / lambda[i] : 0;
        }
        combine(rank, out);
    }

    @Override
    public void dampedDirection(double damping, double[] out) {
        int n = sigma.length;
        for (int i = 0; i < n; i++) {
            double d = Math.max(lambda[i], 0) + damping;
            combination[i] = d > 0 ? coefficients[i] / d : 0;
        }
        combine(n, out);
    }

    private void combine(int rank, double[] out) {
        int n = sigma.length;
        // wide: c = U_k Λ_k⁻¹ U_kᵀ r (length S), then d = Jᵀ c; tall: d = V_k Λ_k⁻¹ V_kᵀ Jᵀr directly.
        double[] target = wide ? rowBuffer(n) : out;
        for (int i = 0; i < n; i++) {
            double sum = 0;
            int row = i * n;
            for (int k = 0; k < rank; k++) {
                sum += vectors.data[row + k] * combination[k];
            }
            target[i] = sum;
        }
        if (wide) {
            transposeTimes(jacobian, target, out);
        }
    }

    private double[] rows = new double[0];

    private double[] rowBuffer(int n) {
        if (rows.length != n) {
            rows = new double[n];
        }
        return rows;
    }
}

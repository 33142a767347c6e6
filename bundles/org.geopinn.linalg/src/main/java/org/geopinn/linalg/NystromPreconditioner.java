package org.geopinn.linalg;

import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * Randomized Nyström preconditioner of rank ℓ for M + μI, M symmetric positive semi-definite and
 * given only by products (Finzi et al. (2023), Frangella et al.):
 * Ω = qr(randn(n, ℓ)).Q; Y = MΩ; ν = 1e-8‖Y‖_F; Y += νΩ; C = chol(ΩᵀY); B = Y C⁻ᵀ;
 * U, Σ = svd(B); Λ = max(Σ² − ν, 0); and P⁻¹v = v + U((λ_min + μ)/(Λ + μ) − 1)Uᵀv.
 *
 * <p>The thin SVD of the tall B is taken through the eigendecomposition of the ℓ×ℓ matrix BᵀB
 * (B = U Σ Wᵀ, so U = B W Σ⁻¹): cost O(nℓ²) with a small constant, linear in n. Squaring B only
 * affects the smallest Nyström eigenvalues, which are clamped anyway. The shift μ can be changed
 * without rebuilding ({@link #setShift}).
 */
public final class NystromPreconditioner implements LinearOperator {
    private static final double NU_FACTOR = 1e-8;

    private final int n;
    private final int rank;
    private final DMatrixRMaj u;
    private final double[] lambda;
    private final double[] scale;
    private final double[] coefficients;
    private double shift;

    private NystromPreconditioner(int n, DMatrixRMaj u, double[] lambda) {
        this.n = n;
        this.rank = lambda.length;
        this.u = u;
        this.lambda = lambda;
        this.scale = new double[rank];
        this.coefficients = new double[rank];
        setShift(0);
    }

    /**
     * Builds the preconditioner with ℓ products of M.
     *
     * @param m the PSD operator (without the shift)
     * @param rank ℓ, 1 ≤ ℓ ≤ n
     * @param random the source of the test matrix Ω
     * @param kernels the dense kernels
     * @return the preconditioner, with shift 0 (set it with {@link #setShift})
     */
    public static NystromPreconditioner build(LinearOperator m, int rank, Random random, DenseKernels kernels) {
        int n = m.size();
        if (rank < 1 || rank > n) {
            throw new IllegalArgumentException("Nystrom rank must be in [1, " + n + "], got " + rank);
        }
        DMatrixRMaj gauss = new DMatrixRMaj(n, rank);
        for (int i = 0; i < gauss.data.length; i++) {
            gauss.data[i] = random.nextGaussian();
        }
        DMatrixRMaj omega = new DMatrixRMaj(n, rank);
        kernels.qr(gauss, omega, new DMatrixRMaj(rank, rank));
        DMatrixRMaj y = sketch(m, omega);
        double nu = NU_FACTOR * normF(y);
        if (nu == 0) {
            nu = Double.MIN_NORMAL;
        }
        DMatrixRMaj lower = new DMatrixRMaj(rank, rank);
        DMatrixRMaj small = new DMatrixRMaj(rank, rank);
        // ΩᵀY is positive definite after the ν shift; raise ν if rounding says otherwise.
        while (true) {
            CommonOps_DDRM.addEquals(y, nu, omega);
            kernels.multiplyTransA(omega, y, small);
            symmetrize(small);
            if (kernels.cholesky(small, lower)) {
                break;
            }
            CommonOps_DDRM.addEquals(y, -nu, omega);
            nu *= 10;
        }
        // B = Y L⁻ᵀ; BᵀB = L⁻¹ (YᵀY) L⁻ᵀ = W Σ² Wᵀ; U = Y (L⁻ᵀ W Σ⁻¹).
        DMatrixRMaj lowerInverse = lower.copy();
        if (!CommonOps_DDRM.invert(lowerInverse)) {
            throw new ArithmeticException("Nystrom: Cholesky factor is singular");
        }
        DMatrixRMaj yty = new DMatrixRMaj(rank, rank);
        kernels.gramOfColumns(y, yty);
        DMatrixRMaj tmp = new DMatrixRMaj(rank, rank);
        DMatrixRMaj btb = new DMatrixRMaj(rank, rank);
        kernels.multiply(lowerInverse, yty, tmp);
        kernels.multiplyTransB(tmp, lowerInverse, btb);
        symmetrize(btb);
        double[] sigma2 = new double[rank];
        DMatrixRMaj w = new DMatrixRMaj(rank, rank);
        kernels.symmetricEigen(btb, sigma2, w);
        double[] lambda = new double[rank];
        DMatrixRMaj transform = new DMatrixRMaj(rank, rank);
        kernels.multiplyTransA(lowerInverse, w, transform);
        double floor = sigma2[0] * 1e-14;
        for (int c = 0; c < rank; c++) {
            double s2 = sigma2[c];
            double inv = s2 > floor && s2 > 0 ? 1 / Math.sqrt(s2) : 0;
            for (int r = 0; r < rank; r++) {
                transform.data[r * rank + c] *= inv;
            }
            lambda[c] = inv == 0 ? 0 : Math.max(s2 - nu, 0);
        }
        DMatrixRMaj basis = new DMatrixRMaj(n, rank);
        kernels.multiply(y, transform, basis);
        return new NystromPreconditioner(n, basis, lambda);
    }

    private static DMatrixRMaj sketch(LinearOperator m, DMatrixRMaj omega) {
        int n = omega.numRows;
        int rank = omega.numCols;
        DMatrixRMaj y = new DMatrixRMaj(n, rank);
        double[] column = new double[n];
        double[] image = new double[n];
        for (int c = 0; c < rank; c++) {
            for (int r = 0; r < n; r++) {
                column[r] = omega.data[r * rank + c];
            }
            m.apply(column, image);
            for (int r = 0; r < n; r++) {
                y.data[r * rank + c] = image[r];
            }
        }
        return y;
    }

    private static double normF(DMatrixRMaj a) {
        double s = 0;
        for (double v : a.data) {
            s += v * v;
        }
        return Math.sqrt(s);
    }

    private static void symmetrize(DMatrixRMaj a) {
        int n = a.numRows;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < i; j++) {
                double v = 0.5 * (a.data[i * n + j] + a.data[j * n + i]);
                a.data[i * n + j] = v;
                a.data[j * n + i] = v;
            }
        }
    }

    /**
     * Sets μ, the shift of the system M + μI this preconditioner is applied to.
     *
     * @param mu the shift, ≥ 0
     */
    public void setShift(double mu) {
        this.shift = mu;
        double lMin = lambda[rank - 1];
        for (int i = 0; i < rank; i++) {
            double denominator = lambda[i] + mu;
            scale[i] = denominator > 0 ? (lMin + mu) / denominator - 1 : 0;
        }
    }

    /** @return μ */
    public double shift() {
        return shift;
    }

    /** @return the largest Nyström eigenvalue λ_max (the reference damping is mu·λ_max) */
    public double largestEigenvalue() {
        return lambda[0];
    }

    /** @return a copy of the Nyström eigenvalues Λ, descending */
    public double[] eigenvalues() {
        return lambda.clone();
    }

    @Override
    public int size() {
        return n;
    }

    @Override
    public void apply(double[] v, double[] out) {
        double[] ud = u.data;
        java.util.Arrays.fill(coefficients, 0);
        for (int r = 0; r < n; r++) {
            double vr = v[r];
            int row = r * rank;
            for (int c = 0; c < rank; c++) {
                coefficients[c] += ud[row + c] * vr;
            }
        }
        for (int c = 0; c < rank; c++) {
            coefficients[c] *= scale[c];
        }
        for (int r = 0; r < n; r++) {
            double s = 0;
            int row = r * rank;
            for (int c = 0; c < rank; c++) {
                s += ud[row + c] * coefficients[c];
            }
            out[r] = v[r] + s;
        }
    }
}

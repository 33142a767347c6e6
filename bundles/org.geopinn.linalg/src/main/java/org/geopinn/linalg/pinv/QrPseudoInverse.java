package org.geopinn.linalg.pinv;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.SingularOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.dense.row.decomposition.qr.QRDecompositionHouseholderColumn_DDRM;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;

/**
 * Full-precision pseudo-inverse: Householder QR of the tall orientation (J if S ≥ P, Jᵀ
 * otherwise), then the SVD of the small min(S,P)-square triangle. Cost O(max·min²); singular
 * values are resolved down to about eps·σ_max.
 *
 * <p>S ≥ P: J = QR, R = U_R Σ V_Rᵀ, so d_k = V_R,k Σ_k⁻¹ U_R,kᵀ Qᵀr.
 * S &lt; P: Jᵀ = QR, R = U_R Σ V_Rᵀ, so J = V_R Σ (Q U_R)ᵀ and d_k = Q U_R,k Σ_k⁻¹ V_R,kᵀ r.
 */
public final class QrPseudoInverse implements PseudoInverse {
    private int s = -1;
    private int p = -1;
    private boolean tall;
    private QRDecompositionHouseholderColumn_DDRM qr;
    private SingularValueDecomposition_F64<DMatrixRMaj> svd;
    private final DMatrixRMaj transposed = new DMatrixRMaj(1, 1);
    private double[] work = new double[0];
    private final DMatrixRMaj r = new DMatrixRMaj(1, 1);
    private DMatrixRMaj uSmall;
    private DMatrixRMaj vSmall;
    private DMatrixRMaj w;
    private double[] sigma;
    private double[] coefficients;
    private double[] projected;
    private double[] small;

    @Override
    public void factorize(DMatrixRMaj jacobian) {
        int rows = jacobian.numRows;
        int cols = jacobian.numCols;
        if (rows != s || cols != p) {
            s = rows;
            p = cols;
            tall = s >= p;
            int n = Math.min(s, p);
            qr = new QRDecompositionHouseholderColumn_DDRM();
            work = new double[Math.max(s, p)];
            svd = DecompositionFactory_DDRM.svd(n, n, true, true, false);
            sigma = new double[n];
            coefficients = new double[n];
            projected = new double[n];
            small = new double[n];
        }
        DMatrixRMaj tallMatrix = jacobian;
        if (!tall) {
            transposed.reshape(p, s);
            CommonOps_DDRM.transpose(jacobian, transposed);
            tallMatrix = transposed;
        }
        // EJML reports "failure" for a column that is zero below the diagonal (an exactly
        // rank-deficient J, e.g. a unit with no influence); its reflector is then the identity and
        // the factorization is still exact, so the flag is ignored.
        qr.decompose(tallMatrix);
        qr.getR(r, true);
        if (!svd.decompose(r)) {
            throw new ArithmeticException("SVD of the triangular factor failed");
        }
        uSmall = svd.getU(uSmall, false);
        vSmall = svd.getV(vSmall, false);
        w = svd.getW(w);
        SingularOps_DDRM.descendingOrder(uSmall, false, w, vSmall, false);
        for (int i = 0; i < sigma.length; i++) {
            sigma[i] = w.get(i, i);
        }
    }

    @Override
    public double[] singularValues() {
        return sigma;
    }

    @Override
    public double resolutionFloor() {
        return Math.ulp(1.0) * Math.max(s, p);
    }

    @Override
    public void prepare(double[] residual) {
        if (tall) {
            // Qᵀr by the Householder reflectors (Q is never formed), then U_Rᵀ(Qᵀr)[:n]
            System.arraycopy(residual, 0, work, 0, s);
            applyReflectors(work, s, false);
            System.arraycopy(work, 0, projected, 0, projected.length);
            transposeTimes(uSmall, projected, coefficients);
        } else {
            transposeTimes(vSmall, residual, coefficients);
        }
    }

    /**
     * x ← Qᵀx (transpose) or Qx, Q = H₀H₁…H_{n−1}, H_j = I − γ_j u_j u_jᵀ with u_j = (0…0, 1, QR[j][j+1…]).
     */
    private void applyReflectors(double[] x, int m, boolean forward) {
        double[][] columns = qr.getQR();
        double[] gammas = qr.getGammas();
        int n = sigma.length;
        for (int step = 0; step < n; step++) {
            int j = forward ? n - 1 - step : step;
            double[] u = columns[j];
            double dot = x[j];
            for (int i = j + 1; i < m; i++) {
                dot += u[i] * x[i];
            }
            dot *= gammas[j];
            x[j] -= dot;
            for (int i = j + 1; i < m; i++) {
                x[i] -= dot * u[i];
            }
        }
    }

    private static void transposeTimes(DMatrixRMaj a, double[] x, double[] out) {
        int n = a.numCols;
        java.util.Arrays.fill(out, 0);
        for (int i = 0; i < a.numRows; i++) {
            double xi = x[i];
            int row = i * n;
            for (int c = 0; c < n; c++) {
                out[c] += a.data[row + c] * xi;
            }
        }
    }

    /** out = a[:, :k]·diag(scale[:k]) (as a vector of length a.numRows). */
    private static void leadingColumnsTimes(DMatrixRMaj a, double[] scale, int k, double[] out) {
        int n = a.numCols;
        for (int i = 0; i < a.numRows; i++) {
            double sum = 0;
            int row = i * n;
            for (int c = 0; c < k; c++) {
                sum += a.data[row + c] * scale[c];
            }
            out[i] = sum;
        }
    }

    @Override
    public void direction(int rank, double[] out) {
        for (int i = 0; i < rank; i++) {
            small[i] = coefficients[i] / sigma[i];
        }
        combine(rank, out);
    }

    @Override
    public void dampedDirection(double lambda, double[] out) {
        int n = sigma.length;
        for (int i = 0; i < n; i++) {
            double s2 = sigma[i] * sigma[i] + lambda;
            small[i] = s2 > 0 ? coefficients[i] * sigma[i] / s2 : 0;
        }
        combine(n, out);
    }

    private void combine(int rank, double[] out) {
        if (tall) {
            leadingColumnsTimes(vSmall, small, rank, out);
        } else {
            // d = Q·(U_R,k Σ_k⁻¹ V_R,kᵀ r) with the P×S factor Q applied by reflectors
            leadingColumnsTimes(uSmall, small, rank, projected);
            java.util.Arrays.fill(out, 0);
            System.arraycopy(projected, 0, out, 0, projected.length);
            applyReflectors(out, p, true);
        }
    }
}

package org.geopinn.linalg;

import java.util.stream.IntStream;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.SingularOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.CholeskyDecomposition_F64;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.ejml.interfaces.decomposition.QRDecomposition;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;

/**
 * {@link DenseKernels} on EJML, with a cache-blocked, multi-threaded Gram kernel of its own
 * (the Gram matrix J·Jᵀ is the dominant cost of an ANaGRAM step when S ≪ P).
 */
public final class EjmlDenseKernels implements DenseKernels {
    /** Columns processed per pass, so that the rows' chunks stay in cache. */
    private static final int CHUNK = 384;
    /** Rows per register block of the Gram kernel. */
    private static final int BLOCK = 4;

    private final DMatrixRMaj transposed = new DMatrixRMaj(1, 1);

    @Override
    public void multiply(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c) {
        c.reshape(a.numRows, b.numCols);
        CommonOps_DDRM.mult(a, b, c);
    }

    @Override
    public void multiplyTransA(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c) {
        c.reshape(a.numCols, b.numCols);
        CommonOps_DDRM.multTransA(a, b, c);
    }

    @Override
    public void multiplyTransB(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c) {
        c.reshape(a.numRows, b.numRows);
        CommonOps_DDRM.multTransB(a, b, c);
    }

    @Override
    public void gramOfRows(DMatrixRMaj a, DMatrixRMaj c) {
        int m = a.numRows;
        int n = a.numCols;
        c.reshape(m, m);
        c.zero();
        int blocks = (m + BLOCK - 1) / BLOCK;
        double[] x = a.data;
        double[] out = c.data;
        for (int k0 = 0; k0 < n; k0 += CHUNK) {
            int k1 = Math.min(n, k0 + CHUNK);
            int from = k0;
            // Block rows run in parallel: each writes only its own rows of the lower triangle.
            IntStream.range(0, blocks).parallel().forEach(ib -> lowerBlockRow(x, n, m, ib, from, k1, out));
        }
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < i; j++) {
                out[j * m + i] = out[i * m + j];
            }
        }
    }

    private static void lowerBlockRow(double[] x, int n, int m, int ib, int k0, int k1, double[] out) {
        int i0 = ib * BLOCK;
        boolean fullI = i0 + BLOCK <= m;
        for (int j0 = 0; j0 <= i0; j0 += BLOCK) {
            if (fullI && j0 + BLOCK <= m) {
                block4x4(x, n, m, i0, j0, k0, k1, out);
            } else {
                for (int i = i0; i < Math.min(m, i0 + BLOCK); i++) {
                    for (int j = j0; j < Math.min(i + 1, j0 + BLOCK); j++) {
                        double s = 0;
                        int ri = i * n;
                        int rj = j * n;
                        for (int k = k0; k < k1; k++) {
                            s += x[ri + k] * x[rj + k];
                        }
                        out[i * m + j] += s;
                    }
                }
            }
        }
    }

    /** 4×4 register block: 16 accumulators fed by 8 loads per column. */
    private static void block4x4(double[] x, int n, int m, int i0, int j0, int k0, int k1, double[] out) {
        int a0 = i0 * n;
        int a1 = a0 + n;
        int a2 = a1 + n;
        int a3 = a2 + n;
        int b0 = j0 * n;
        int b1 = b0 + n;
        int b2 = b1 + n;
        int b3 = b2 + n;
        double s00 = 0, s01 = 0, s02 = 0, s03 = 0, s10 = 0, s11 = 0, s12 = 0, s13 = 0;
        double s20 = 0, s21 = 0, s22 = 0, s23 = 0, s30 = 0, s31 = 0, s32 = 0, s33 = 0;
        for (int k = k0; k < k1; k++) {
            double u0 = x[a0 + k], u1 = x[a1 + k], u2 = x[a2 + k], u3 = x[a3 + k];
            double v0 = x[b0 + k], v1 = x[b1 + k], v2 = x[b2 + k], v3 = x[b3 + k];
            s00 += u0 * v0; s01 += u0 * v1; s02 += u0 * v2; s03 += u0 * v3;
            s10 += u1 * v0; s11 += u1 * v1; s12 += u1 * v2; s13 += u1 * v3;
            s20 += u2 * v0; s21 += u2 * v1; s22 += u2 * v2; s23 += u2 * v3;
            s30 += u3 * v0; s31 += u3 * v1; s32 += u3 * v2; s33 += u3 * v3;
        }
        int r0 = i0 * m + j0;
        out[r0] += s00; out[r0 + 1] += s01; out[r0 + 2] += s02; out[r0 + 3] += s03;
        r0 += m;
        out[r0] += s10; out[r0 + 1] += s11; out[r0 + 2] += s12; out[r0 + 3] += s13;
        r0 += m;
        out[r0] += s20; out[r0 + 1] += s21; out[r0 + 2] += s22; out[r0 + 3] += s23;
        r0 += m;
        out[r0] += s30; out[r0 + 1] += s31; out[r0 + 2] += s32; out[r0 + 3] += s33;
    }

    @Override
    public void gramOfColumns(DMatrixRMaj a, DMatrixRMaj c) {
        transposed.reshape(a.numCols, a.numRows);
        CommonOps_DDRM.transpose(a, transposed);
        gramOfRows(transposed, c);
    }

    @Override
    public ThinSvd svd(DMatrixRMaj a) {
        SingularValueDecomposition_F64<DMatrixRMaj> svd =
                DecompositionFactory_DDRM.svd(a.numRows, a.numCols, true, true, true);
        if (!svd.decompose(a.copy())) {
            throw new ArithmeticException("singular value decomposition failed (non-finite entries?)");
        }
        DMatrixRMaj u = svd.getU(null, false);
        DMatrixRMaj v = svd.getV(null, false);
        DMatrixRMaj w = svd.getW(null);
        SingularOps_DDRM.descendingOrder(u, false, w, v, false);
        int k = Math.min(a.numRows, a.numCols);
        double[] sigma = new double[k];
        for (int i = 0; i < k; i++) {
            sigma[i] = w.get(i, i);
        }
        return new ThinSvd(u, sigma, v);
    }

    @Override
    public void symmetricEigen(DMatrixRMaj a, double[] values, DMatrixRMaj vectors) {
        int n = a.numRows;
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(n, true, true);
        if (!eig.decompose(a.copy())) {
            throw new ArithmeticException("symmetric eigendecomposition failed (non-finite entries?)");
        }
        Integer[] order = new Integer[n];
        double[] raw = new double[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
            raw[i] = eig.getEigenvalue(i).real;
        }
        java.util.Arrays.sort(order, (p, q) -> Double.compare(raw[q], raw[p]));
        vectors.reshape(n, n);
        for (int c = 0; c < n; c++) {
            values[c] = raw[order[c]];
            DMatrixRMaj vec = eig.getEigenVector(order[c]);
            for (int r = 0; r < n; r++) {
                vectors.data[r * n + c] = vec.data[r];
            }
        }
    }

    @Override
    public boolean cholesky(DMatrixRMaj a, DMatrixRMaj lower) {
        CholeskyDecomposition_F64<DMatrixRMaj> chol = DecompositionFactory_DDRM.chol(a.numRows, true);
        if (!chol.decompose(a.copy())) {
            return false;
        }
        lower.reshape(a.numRows, a.numCols);
        chol.getT(lower);
        return true;
    }

    @Override
    public void qr(DMatrixRMaj a, DMatrixRMaj q, DMatrixRMaj r) {
        if (a.numRows < a.numCols) {
            throw new IllegalArgumentException("thin QR needs rows >= columns, got " + a.numRows + "x" + a.numCols);
        }
        QRDecomposition<DMatrixRMaj> qr = DecompositionFactory_DDRM.qr(a.numRows, a.numCols);
        if (!qr.decompose(a.copy())) {
            throw new ArithmeticException("QR decomposition failed");
        }
        q.reshape(a.numRows, a.numCols);
        r.reshape(a.numCols, a.numCols);
        qr.getQ(q, true);
        qr.getR(r, true);
    }
}

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
 * {@link DenseKernels} on EJML, with a cache-blocked, two-threaded Gram kernel of its own
 * (the Gram matrix J·Jᵀ is the dominant cost of an ANaGRAM step when S ≪ P). Its workspace, the
 * matrix's columns as separate arrays and the triangle being summed, is kept and reused (grown, never
 * shrunk): an instance is meant for one optimizer, not to be shared between threads.
 */
public final class EjmlDenseKernels implements DenseKernels {
    /** Columns of X per pass of the Gram kernel, so that the ones in use stay in cache. */
    private static final int CHUNK = 64;
    /** Tile of the blocked transpose. */
    private static final int TILE = 32;
    /** Threads of the Gram kernel (the machine this is tuned on has two cores). */
    private static final int LANES = 2;

    /** The columns of X as separate arrays (workspace of the Gram kernel, reused). */
    private double[][] columns = new double[0][];
    /** The lower triangle being accumulated, one array per row (workspace, reused). */
    private double[][] rows = new double[0][];
    /** Cholesky workspace: the decomposition for the last size and the copy it factorizes in place. */
    private CholeskyDecomposition_F64<DMatrixRMaj> chol;
    private int cholSize = -1;
    private final DMatrixRMaj cholInput = new DMatrixRMaj(1, 1);

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
        double[][] columns = columnArrays(n, m);
        for (int i0 = 0; i0 < m; i0 += TILE) {
            for (int k0 = 0; k0 < n; k0 += TILE) {
                for (int i = i0; i < Math.min(m, i0 + TILE); i++) {
                    int row = i * n;
                    for (int k = k0; k < Math.min(n, k0 + TILE); k++) {
                        columns[k][i] = a.data[row + k];
                    }
                }
            }
        }
        gram(a.data, n, 1, m, n, columns, c);
    }

    @Override
    public void gramOfColumns(DMatrixRMaj a, DMatrixRMaj c) {
        // AᵀA = X Xᵀ with X = Aᵀ: X's columns are the rows of A (copied into separate arrays, which
        // C2 vectorises), X's entries are read from A in place (X[i][k] = A[k][i]), no transposed copy
        double[][] columns = columnArrays(a.numRows, a.numCols);
        for (int k = 0; k < a.numRows; k++) {
            System.arraycopy(a.data, k * a.numCols, columns[k], 0, a.numCols);
        }
        gram(a.data, 1, a.numCols, a.numCols, a.numRows, columns, c);
    }

    /** Column arrays of at least {@code length} for {@code count} columns; grown, never shrunk, so blocks of varying size reuse them. */
    private double[][] columnArrays(int count, int length) {
        if (columns.length < count || count > 0 && columns[0].length < length) {
            columns = new double[Math.max(count, columns.length)][Math.max(length, columns.length > 0 ? columns[0].length : 0)];
        }
        return columns;
    }

    /**
     * c = X·Xᵀ for X (m×n) with X[i][k] at x[i·rowStride + k·columnStride] and column k also given
     * as its own array. Each row of the lower triangle is accumulated as axpy sums of four columns
     * at a time, two rows sharing the loads: loops over distinct arrays that C2 vectorises (one flat
     * array read at two offsets is not). The k range is walked in chunks so the columns in use stay
     * in cache; the row pairs are split between two threads. Only the lower triangle is summed (half
     * the multiply-adds of a general product), then mirrored.
     */
    private void gram(double[] x, int rowStride, int columnStride, int m, int n, double[][] columns, DMatrixRMaj c) {
        if (rows.length < m || m > 0 && rows[0].length < m) {
            rows = new double[m][m];
        }
        double[][] acc = rows;
        for (int i = 0; i < m; i++) {
            java.util.Arrays.fill(acc[i], 0, m, 0);
        }
        int pairs = (m + 1) / 2;
        IntStream.range(0, LANES).parallel().forEach(lane -> {
            for (int k0 = 0; k0 < n; k0 += CHUNK) {
                int k1 = Math.min(n, k0 + CHUNK);
                for (int p = lane; p < pairs; p += LANES) {
                    rowPair(x, rowStride, columnStride, m, 2 * p, k0, k1, columns, acc);
                }
            }
        });
        c.reshape(m, m);
        double[] out = c.data;
        for (int i = 0; i < m; i++) {
            double[] r = acc[i];
            for (int j = 0; j <= i; j++) {
                out[i * m + j] = r[j];
                out[j * m + i] = r[j];
            }
        }
    }

    /** Rows i and i+1 (if any) of the lower triangle, columns 0..i+1, over k0 ≤ k &lt; k1. */
    private static void rowPair(double[] x, int rs, int cs, int m, int i, int k0, int k1, double[][] columns, double[][] acc) {
        double[] ci = acc[i];
        int rowI = i * rs;
        if (i + 1 >= m) {
            for (int k = k0; k < k1; k++) {
                double x0 = x[rowI + k * cs];
                double[] b0 = columns[k];
                for (int j = 0; j <= i; j++) {
                    ci[j] += x0 * b0[j];
                }
            }
            return;
        }
        double[] cj = acc[i + 1];
        int rowJ = rowI + rs;
        int len = i + 2;
        int k = k0;
        for (; k + 4 <= k1; k += 4) {
            int o0 = k * cs;
            int o1 = o0 + cs;
            int o2 = o1 + cs;
            int o3 = o2 + cs;
            double x0 = x[rowI + o0], x1 = x[rowI + o1], x2 = x[rowI + o2], x3 = x[rowI + o3];
            double y0 = x[rowJ + o0], y1 = x[rowJ + o1], y2 = x[rowJ + o2], y3 = x[rowJ + o3];
            double[] b0 = columns[k], b1 = columns[k + 1], b2 = columns[k + 2], b3 = columns[k + 3];
            for (int j = 0; j < len; j++) {
                double v0 = b0[j], v1 = b1[j], v2 = b2[j], v3 = b3[j];
                ci[j] += x0 * v0 + x1 * v1 + x2 * v2 + x3 * v3;
                cj[j] += y0 * v0 + y1 * v1 + y2 * v2 + y3 * v3;
            }
        }
        for (; k < k1; k++) {
            double x0 = x[rowI + k * cs], y0 = x[rowJ + k * cs];
            double[] b0 = columns[k];
            for (int j = 0; j < len; j++) {
                ci[j] += x0 * b0[j];
                cj[j] += y0 * b0[j];
            }
        }
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
        // The decomposition works in place: it gets a kept copy, and the decomposition object is
        // kept per size, so that repeated factorizations (damped solves) allocate nothing.
        if (chol == null || cholSize != a.numRows) {
            chol = DecompositionFactory_DDRM.chol(a.numRows, true);
            cholSize = a.numRows;
        }
        cholInput.reshape(a.numRows, a.numCols);
        System.arraycopy(a.data, 0, cholInput.data, 0, a.numRows * a.numCols);
        if (!chol.decompose(cholInput)) {
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

package org.geopinn.kernels.openblas;

import static org.bytedeco.openblas.global.openblas_full.CblasLower;
import static org.bytedeco.openblas.global.openblas_full.CblasNoTrans;
import static org.bytedeco.openblas.global.openblas_full.CblasRowMajor;
import static org.bytedeco.openblas.global.openblas_full.CblasTrans;
import static org.bytedeco.openblas.global.openblas_full.LAPACK_COL_MAJOR;

import java.util.Arrays;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.openblas.global.openblas_full;
import org.ejml.data.DMatrixRMaj;
import org.geopinn.linalg.DenseKernels;
import org.geopinn.linalg.LeadingEigenSolver;
import org.geopinn.linalg.ThinSvd;

/**
 * {@link DenseKernels} on OpenBLAS: CBLAS for the products (row-major directly), LAPACK (column-major)
 * for the decompositions. A row-major m×n matrix is, read column-major, its n×m transpose; the
 * decompositions are set up on that transpose (LQ for QR, the SVD of Aᵀ) so that no matrix is
 * transposed in Java but the few outputs that need it. Work buffers are off-heap and reused; an
 * instance is meant for one optimizer, not to be shared between threads.
 */
final class OpenBlasKernels implements DenseKernels {
    private static final byte LOWER = 'L';
    private static final byte UPPER = 'U';

    private final int productThreads;
    private final int factorizationThreads;
    private final NativeBuffer first = new NativeBuffer();
    private final NativeBuffer second = new NativeBuffer();
    private final NativeBuffer third = new NativeBuffer();
    private final NativeBuffer fourth = new NativeBuffer();
    private final NativeBuffer fifth = new NativeBuffer();
    private double[] scratch = new double[0];

    /**
     * @param productThreads OpenBLAS threads for the products
     * @param factorizationThreads OpenBLAS threads inside LAPACK
     */
    OpenBlasKernels(int productThreads, int factorizationThreads) {
        this.productThreads = productThreads;
        this.factorizationThreads = factorizationThreads;
    }

    /** Threads for the next products (the OpenBLAS setting is process-wide; set before every call). */
    void productThreads() {
        OpenBlasThreads.use(productThreads);
    }

    /** Threads for the next LAPACK call. */
    void factorizationThreads() {
        OpenBlasThreads.use(factorizationThreads);
    }

    @Override
    public org.geopinn.linalg.ShiftedCholesky shiftedCholesky() {
        return new OpenBlasShiftedCholesky(this);
    }

    @Override
    public org.geopinn.linalg.BlockGram blockGram() {
        return new OpenBlasBlockGram(this);
    }

    /** @return the off-heap buffer the Gram products copy their matrix into (shared with {@link OpenBlasBlockGram}) */
    NativeBuffer matrixBuffer() {
        return first;
    }

    /** @return the off-heap buffer the Gram products write into */
    NativeBuffer productBuffer() {
        return third;
    }

    /** @return the threads of the products (2 or more: the Gram products split between the caller and the helper lane) */
    int productThreadCount() {
        return productThreads;
    }

    @Override
    public LeadingEigenSolver leadingEigen() {
        return new OpenBlasLeadingEigen(this);
    }

    @Override
    public void multiply(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c) {
        requireEqual(a.numCols, b.numRows, "a·b");
        gemm(false, false, a, b, c, a.numRows, b.numCols, a.numCols);
    }

    @Override
    public void multiplyTransA(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c) {
        requireEqual(a.numRows, b.numRows, "aᵀ·b");
        gemm(true, false, a, b, c, a.numCols, b.numCols, a.numRows);
    }

    @Override
    public void multiplyTransB(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c) {
        requireEqual(a.numCols, b.numCols, "a·bᵀ");
        gemm(false, true, a, b, c, a.numRows, b.numRows, a.numCols);
    }

    private static void requireEqual(int p, int q, String what) {
        if (p != q) {
            throw new IllegalArgumentException("inner dimensions of " + what + " differ: " + p + " and " + q);
        }
    }

    /** c (m×n) = op(a)·op(b), inner dimension k. */
    private void gemm(boolean transA, boolean transB, DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c, int m, int n, int k) {
        int sizeA = a.getNumElements();
        int sizeB = b.getNumElements();
        DoublePointer pa = first.copyOf(a.data, sizeA);
        DoublePointer pb = second.copyOf(b.data, sizeB);
        c.reshape(m, n);
        if (m == 0 || n == 0) {
            return;
        }
        if (k == 0) {
            Arrays.fill(c.data, 0, m * n, 0);
            return;
        }
        DoublePointer pc = third.ofSize((long) m * n);
        productThreads();
        openblas_full.cblas_dgemm(CblasRowMajor, transA ? CblasTrans : CblasNoTrans, transB ? CblasTrans : CblasNoTrans, m, n, k,
                1.0, pa, Math.max(1, a.numCols), pb, Math.max(1, b.numCols), 0.0, pc, Math.max(1, n));
        pc.get(c.data, 0, m * n);
    }

    @Override
    public void gramOfRows(DMatrixRMaj a, DMatrixRMaj c) {
        syrk(a, c, false);
    }

    @Override
    public void gramOfColumns(DMatrixRMaj a, DMatrixRMaj c) {
        syrk(a, c, true);
    }

    /** c = a·aᵀ (or aᵀ·a): one triangle by SYRK, mirrored. */
    private void syrk(DMatrixRMaj a, DMatrixRMaj c, boolean columns) {
        int n = columns ? a.numCols : a.numRows;
        int k = columns ? a.numRows : a.numCols;
        c.reshape(n, n);
        if (n == 0) {
            return;
        }
        if (k == 0) {
            Arrays.fill(c.data, 0, n * n, 0);
            return;
        }
        DoublePointer pa = first.copyOf(a.data, a.getNumElements());
        DoublePointer pc = third.ofSize((long) n * n);
        if (productThreads >= 2 && n >= SPLIT_MIN_ORDER && (double) n * n * k >= SPLIT_MIN_WORK) {
            splitGram.run(pa, pc, n, k, a.numCols, columns);
        } else {
            productThreads();
            openblas_full.cblas_dsyrk(CblasRowMajor, CblasLower, columns ? CblasTrans : CblasNoTrans, n, k, 1.0, pa,
                    Math.max(1, a.numCols), 0.0, pc, n);
        }
        pc.get(c.data, 0, n * n);
        mirrorLower(c.data, n);
    }

    /** Below this order or this n²k the Gram matrix is one SYRK call (the split's hand-off would cost more than it saves). */
    static final int SPLIT_MIN_ORDER = 128;
    static final double SPLIT_MIN_WORK = 2e7;

    /**
     * The lower triangle of C = A·Aᵀ (rows) or Aᵀ·A (columns) on two cores as three single-threaded
     * calls of equal work: with h = n/√2, the caller takes SYRK of the first h rows (or columns) of A
     * into C[0:h, 0:h], the {@link HelperLane} takes GEMM C[h:n, 0:h] = A_lowerᵀ-part · A_upper and SYRK
     * into C[h:n, h:n]. Both write disjoint blocks of C; the sums are the same products as one SYRK
     * (the results agree to rounding). The off-heap views are allocated once per buffer.
     */
    private final class SplitGram {
        private final Runnable helperPart = this::helperPart;
        private final Runnable callerPart = this::callerPart;
        private DoublePointer a;
        private DoublePointer c;
        private DoublePointer aLower;
        private DoublePointer c21;
        private DoublePointer c22;
        private int n;
        private int k;
        private int h;
        private int lda;
        private boolean columns;

        void run(DoublePointer pa, DoublePointer pc, int order, int inner, int leading, boolean byColumns) {
            if (pa != a) {
                a = pa;
                aLower = new DoublePointer(pa);
            }
            if (pc != c) {
                c = pc;
                c21 = new DoublePointer(pc);
                c22 = new DoublePointer(pc);
            }
            n = order;
            k = inner;
            lda = Math.max(1, leading);
            columns = byColumns;
            h = (int) Math.round(n / Math.sqrt(2));
            // rows: the lower part of A starts at row h; columns: at column h (same leading dimension)
            aLower.position(columns ? h : (long) h * lda);
            c21.position((long) h * n);
            c22.position((long) h * n + h);
            OpenBlasThreads.use(1);
            HelperLane.shared().runBoth(helperPart, callerPart);
        }

        private void callerPart() {
            openblas_full.cblas_dsyrk(CblasRowMajor, CblasLower, columns ? CblasTrans : CblasNoTrans, h, k, 1.0, a, lda, 0.0, c, n);
        }

        private void helperPart() {
            if (columns) {
                openblas_full.cblas_dgemm(CblasRowMajor, CblasTrans, CblasNoTrans, n - h, h, k, 1.0, aLower, lda, a, lda, 0.0, c21, n);
            } else {
                openblas_full.cblas_dgemm(CblasRowMajor, CblasNoTrans, CblasTrans, n - h, h, k, 1.0, aLower, lda, a, lda, 0.0, c21, n);
            }
            openblas_full.cblas_dsyrk(CblasRowMajor, CblasLower, columns ? CblasTrans : CblasNoTrans, n - h, k, 1.0, aLower, lda, 0.0, c22, n);
        }
    }

    private final SplitGram splitGram = new SplitGram();

    /** Copies the lower triangle of a row-major n×n matrix onto its upper one. */
    static void mirrorLower(double[] x, int n) {
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < i; j++) {
                x[j * n + i] = x[i * n + j];
            }
        }
    }

    @Override
    public ThinSvd svd(DMatrixRMaj a) {
        requireFinite(a, "singular value decomposition");
        int m = a.numRows;
        int n = a.numCols;
        int k = Math.min(m, n);
        if (k == 0) {
            return new ThinSvd(new DMatrixRMaj(m, 0), new double[0], new DMatrixRMaj(n, 0));
        }
        // Read column-major, a is Aᵀ (n×m): Aᵀ = U'·Σ·V'ᵀ, so A = V'·Σ·U'ᵀ.
        DoublePointer work = first.copyOf(a.data, m * n);
        DoublePointer s = second.ofSize(k);
        DoublePointer uPrime = third.ofSize((long) n * k);
        DoublePointer vtPrime = fourth.ofSize((long) k * m);
        factorizationThreads();
        int info = openblas_full.LAPACKE_dgesdd(LAPACK_COL_MAJOR, (byte) 'S', n, m, work, n, s, uPrime, n, vtPrime, k);
        if (info > 0) {
            // divide and conquer did not converge: the QR-iteration driver, on a fresh copy (dgesdd overwrote it)
            work = first.copyOf(a.data, m * n);
            info = openblas_full.LAPACKE_dgesvd(LAPACK_COL_MAJOR, (byte) 'S', (byte) 'S', n, m, work, n, s, uPrime, n, vtPrime, k,
                    fifth.ofSize(k));
        }
        if (info != 0) {
            throw new ArithmeticException("singular value decomposition failed (LAPACK info " + info + ")");
        }
        double[] sigma = new double[k];
        s.get(sigma, 0, k);
        // U (m×k, row-major) = (V'ᵀ)ᵀ: V'ᵀ column-major k×m has the same layout
        DMatrixRMaj u = new DMatrixRMaj(m, k);
        vtPrime.get(u.data, 0, m * k);
        // V (n×k, row-major) = U' (column-major n×k): transpose
        double[] t = scratch(n * k);
        uPrime.get(t, 0, n * k);
        DMatrixRMaj v = new DMatrixRMaj(n, k);
        for (int c = 0; c < k; c++) {
            for (int r = 0; r < n; r++) {
                v.data[r * k + c] = t[c * n + r];
            }
        }
        return new ThinSvd(u, sigma, v);
    }

    @Override
    public void symmetricEigen(DMatrixRMaj a, double[] values, DMatrixRMaj vectors) {
        requireFinite(a, "symmetric eigendecomposition");
        int n = a.numRows;
        vectors.reshape(n, n);
        if (n == 0) {
            return;
        }
        // symmetric: the row-major data is the column-major matrix
        DoublePointer work = first.copyOf(a.data, n * n);
        DoublePointer w = second.ofSize(n);
        DoublePointer z = third.ofSize((long) n * n);
        org.bytedeco.javacpp.IntPointer found = new org.bytedeco.javacpp.IntPointer(1);
        org.bytedeco.javacpp.IntPointer support = new org.bytedeco.javacpp.IntPointer(2L * n);
        try {
            factorizationThreads();
            int info = openblas_full.LAPACKE_dsyevr(LAPACK_COL_MAJOR, (byte) 'V', (byte) 'A', LOWER, n, work, n, 0, 0, 0, 0,
                    Double.MIN_NORMAL, found, w, z, n, support);
            if (info != 0) {
                throw new ArithmeticException("symmetric eigendecomposition failed (LAPACK info " + info + ")");
            }
        } finally {
            found.close();
            support.close();
        }
        double[] ascending = scratch(n * n);
        w.get(values, 0, n);
        reverse(values, n);
        z.get(ascending, 0, n * n);
        // column j of Z (ascending) becomes column n−1−j of the row-major result
        for (int c = 0; c < n; c++) {
            int column = (n - 1 - c) * n;
            for (int r = 0; r < n; r++) {
                vectors.data[r * n + c] = ascending[column + r];
            }
        }
    }

    static void reverse(double[] x, int n) {
        for (int i = 0, j = n - 1; i < j; i++, j--) {
            double t = x[i];
            x[i] = x[j];
            x[j] = t;
        }
    }

    @Override
    public boolean cholesky(DMatrixRMaj a, DMatrixRMaj lower) {
        int n = a.numRows;
        lower.reshape(n, n);
        if (n == 0) {
            return true;
        }
        // column-major upper U with A = UᵀU is, read row-major, the lower L = Uᵀ
        DoublePointer work = first.copyOf(a.data, n * n);
        factorizationThreads();
        int info = openblas_full.LAPACKE_dpotrf(LAPACK_COL_MAJOR, UPPER, n, work, n);
        if (info != 0) {
            return false;
        }
        work.get(lower.data, 0, n * n);
        for (int i = 0; i < n; i++) {
            Arrays.fill(lower.data, i * n + i + 1, (i + 1) * n, 0);
        }
        return true;
    }

    @Override
    public void qr(DMatrixRMaj a, DMatrixRMaj q, DMatrixRMaj r) {
        int m = a.numRows;
        int n = a.numCols;
        if (m < n) {
            throw new IllegalArgumentException("thin QR needs rows >= columns, got " + m + "x" + n);
        }
        q.reshape(m, n);
        r.reshape(n, n);
        if (n == 0) {
            return;
        }
        requireFinite(a, "QR decomposition");
        // Read column-major, a is Aᵀ (n×m). Its LQ factorisation Aᵀ = L·Q' gives A = Q'ᵀ·Lᵀ.
        DoublePointer work = first.copyOf(a.data, m * n);
        DoublePointer tau = second.ofSize(n);
        factorizationThreads();
        int info = openblas_full.LAPACKE_dgelqf(LAPACK_COL_MAJOR, n, m, work, n, tau);
        if (info != 0) {
            throw new ArithmeticException("QR decomposition failed (LAPACK info " + info + ")");
        }
        // R = Lᵀ: L(j, i) (column-major, at i·n + j) is R(i, j) (row-major, at i·n + j), j ≥ i
        work.get(r.data, 0, n * n);
        for (int i = 0; i < n; i++) {
            Arrays.fill(r.data, i * n, i * n + i, 0);
        }
        info = openblas_full.LAPACKE_dorglq(LAPACK_COL_MAJOR, n, m, n, work, n, tau);
        if (info != 0) {
            throw new ArithmeticException("QR decomposition failed forming Q (LAPACK info " + info + ")");
        }
        // Q = Q'ᵀ: Q' column-major n×m has Q's row-major layout
        work.get(q.data, 0, m * n);
    }

    private static void requireFinite(DMatrixRMaj a, String what) {
        double[] d = a.data;
        for (int i = 0, size = a.getNumElements(); i < size; i++) {
            if (!Double.isFinite(d[i])) {
                throw new ArithmeticException(what + " failed (non-finite entries)");
            }
        }
    }

    double[] scratch(int length) {
        if (scratch.length < length) {
            scratch = new double[length];
        }
        return scratch;
    }
}

package org.geopinn.kernels.openblas;

import static org.bytedeco.openblas.global.openblas_full.LAPACK_COL_MAJOR;

import java.util.Arrays;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.openblas.global.openblas_full;
import org.ejml.data.DMatrixRMaj;
import org.geopinn.linalg.LeadingEigenSolver;

/**
 * All eigenvalues and the leading eigenvectors of a symmetric matrix with LAPACK, split the way
 * {@code dsyevr} works inside so that the reduction is done once however many vectors are asked
 * for later: {@code dsytrd} reduces A = Q T Qᵀ, {@code dsterf} gives every eigenvalue of T
 * (no vectors), and {@link #ensure(int)} takes the k leading eigenvectors of T from {@code dstemr}
 * (multiple relatively robust representations, O(nk)) and maps them back with {@code dormtr}
 * (Q applied as blocked reflectors, on one thread like the other LAPACK calls). Asking for more vectors later recomputes the leading set, so
 * the vectors always come from one {@code dstemr} call and stay orthogonal to each other.
 */
final class OpenBlasLeadingEigen implements LeadingEigenSolver {
    private static final byte LOWER = 'L';

    private final OpenBlasKernels kernels;
    private final NativeBuffer reduced = new NativeBuffer();
    private final NativeBuffer diagonal = new NativeBuffer();
    private final NativeBuffer offDiagonal = new NativeBuffer();
    private final NativeBuffer tau = new NativeBuffer();
    private final NativeBuffer d = new NativeBuffer();
    private final NativeBuffer e = new NativeBuffer();
    private final NativeBuffer w = new NativeBuffer();
    private final NativeBuffer z = new NativeBuffer();
    private final IntPointer found = new IntPointer(1);
    private final IntPointer tryRelativeAccuracy = new IntPointer(1);
    private IntPointer support = new IntPointer(2);
    private int n;
    private double[] values = new double[0];
    private double[] vectors = new double[0];
    private int computed;

    OpenBlasLeadingEigen(OpenBlasKernels kernels) {
        this.kernels = kernels;
    }

    @Override
    public boolean decompose(DMatrixRMaj a) {
        n = a.numRows;
        computed = 0;
        if (values.length != n) {
            values = new double[n];
        }
        if (n == 0) {
            return true;
        }
        for (int i = 0, size = n * n; i < size; i++) {
            if (!Double.isFinite(a.data[i])) {
                return false;
            }
        }
        // symmetric: the row-major data is the column-major matrix; the lower triangle is reduced
        DoublePointer work = reduced.copyOf(a.data, n * n);
        DoublePointer diag = diagonal.ofSize(n);
        DoublePointer off = offDiagonal.ofSize(n);
        kernels.factorizationThreads();
        if (openblas_full.LAPACKE_dsytrd(LAPACK_COL_MAJOR, LOWER, n, work, n, diag, off, tau.ofSize(n)) != 0) {
            return false;
        }
        DoublePointer dd = copy(diag, d, n);
        DoublePointer ee = copy(off, e, n);
        if (openblas_full.LAPACKE_dsterf(n, dd, ee) != 0) {
            return false;
        }
        dd.get(values, 0, n);
        OpenBlasKernels.reverse(values, n);
        return true;
    }

    /** @return to, holding the first length doubles of from */
    private static DoublePointer copy(DoublePointer from, NativeBuffer to, int length) {
        DoublePointer p = to.ofSize(length);
        org.bytedeco.javacpp.Pointer.memcpy(p, from, (long) length * Double.BYTES);
        return p;
    }

    @Override
    public double[] values() {
        return values;
    }

    @Override
    public boolean ensure(int k) {
        if (k <= computed) {
            return true;
        }
        if (k > n) {
            throw new IllegalArgumentException("asked for " + k + " eigenvectors of a " + n + "×" + n + " matrix");
        }
        // dstemr destroys d and e: fresh copies of the tridiagonal matrix
        DoublePointer dd = copy(diagonal.ofSize(n), d, n);
        DoublePointer ee = copy(offDiagonal.ofSize(n), e, n);
        DoublePointer zz = z.ofSize((long) n * k);
        if (support.capacity() < 2L * k) {
            support.close();
            support = new IntPointer(2L * k);
        }
        tryRelativeAccuracy.put(0, 1);
        kernels.factorizationThreads();
        // indices are ascending and 1-based: the k largest are n−k+1 … n
        int info = openblas_full.LAPACKE_dstemr(LAPACK_COL_MAJOR, (byte) 'V', (byte) 'I', n, dd, ee, 0, 0, n - k + 1, n, found,
                w.ofSize(n), zz, n, k, support, tryRelativeAccuracy);
        if (info != 0 || found.get(0) != k) {
            return false;
        }
        // one thread: with k ≪ n the blocked reflectors are thin products, and OpenBLAS's threaded
        // dormtr measured 10-40 times the CPU time of one thread (0.17-0.78 s against 0.01-0.02 s, n = 1020)
        info = openblas_full.LAPACKE_dormtr(LAPACK_COL_MAJOR, (byte) 'L', LOWER, (byte) 'N', n, k, reduced.ofSize((long) n * n), n,
                tau.ofSize(n), zz, n);
        if (info != 0) {
            return false;
        }
        if (vectors.length < n * k) {
            vectors = Arrays.copyOf(vectors, n * Math.min(n, Math.max(k, 2 * computed)));
        }
        // column j of Z (ascending) is the eigenvector of values()[k−1−j]: rows of length n, reversed order
        double[] ascending = kernels.scratch(n * k);
        zz.get(ascending, 0, n * k);
        for (int j = 0; j < k; j++) {
            System.arraycopy(ascending, j * n, vectors, (k - 1 - j) * n, n);
        }
        computed = k;
        return true;
    }

    @Override
    public double[] vectors() {
        return vectors;
    }

    @Override
    public int computed() {
        return computed;
    }
}

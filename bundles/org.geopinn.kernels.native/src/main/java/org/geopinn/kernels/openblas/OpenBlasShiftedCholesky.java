package org.geopinn.kernels.openblas;

import static org.bytedeco.openblas.global.openblas_full.LAPACK_COL_MAJOR;

import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.Pointer;
import org.bytedeco.openblas.global.openblas_full;
import org.ejml.data.DMatrixRMaj;
import org.geopinn.linalg.ShiftedCholesky;

/**
 * {@link ShiftedCholesky} on LAPACK: G is copied off-heap once; each shift copies it off-heap to
 * off-heap, adds σ on the diagonal and factorizes by {@code dpotrf}; each solve is {@code dpotrs}.
 * Against {@link org.geopinn.linalg.DenseKernels#cholesky} plus Java triangular solves this saves,
 * per damping value tried, the copies of the n×n matrix into and out of the Java heap and the Java
 * substitution (whose backward half reads the row-major factor by columns). A symmetric row-major
 * matrix is its own column-major layout, so nothing is transposed.
 */
final class OpenBlasShiftedCholesky implements ShiftedCholesky {
    private static final byte LOWER = 'L';

    private final OpenBlasKernels kernels;
    private final NativeBuffer gram = new NativeBuffer();
    private final NativeBuffer factor = new NativeBuffer();
    private final NativeBuffer rhs = new NativeBuffer();
    private double[] diagonal = new double[0];
    private int n;
    private boolean factored;

    OpenBlasShiftedCholesky(OpenBlasKernels kernels) {
        this.kernels = kernels;
    }

    @Override
    public void load(DMatrixRMaj g) {
        n = g.numRows;
        if (diagonal.length != n) {
            diagonal = new double[n];
        }
        for (int i = 0; i < n; i++) {
            diagonal[i] = g.data[i * n + i];
        }
        gram.copyOf(g.data, n * n);
        factored = false;
    }

    @Override
    public boolean factor(double shift) {
        factored = false;
        if (n == 0) {
            factored = true;
            return true;
        }
        long size = (long) n * n;
        DoublePointer source = gram.ofSize(size);
        DoublePointer work = factor.ofSize(size);
        Pointer.memcpy(work, source, size * Double.BYTES);
        for (int i = 0; i < n; i++) {
            work.put((long) i * n + i, diagonal[i] + shift);
        }
        kernels.factorizationThreads();
        factored = openblas_full.LAPACKE_dpotrf(LAPACK_COL_MAJOR, LOWER, n, work, n) == 0;
        return factored;
    }

    @Override
    public void solve(double[] b, double[] x) {
        if (!factored) {
            throw new IllegalStateException("no successful factorization to solve with");
        }
        if (n == 0) {
            return;
        }
        DoublePointer v = rhs.copyOf(b, n);
        kernels.factorizationThreads();
        int info = openblas_full.LAPACKE_dpotrs(LAPACK_COL_MAJOR, LOWER, n, 1, factor.ofSize((long) n * n), n, v, n);
        if (info != 0) {
            throw new ArithmeticException("triangular solve failed (LAPACK info " + info + ")");
        }
        v.get(x, 0, n);
    }
}

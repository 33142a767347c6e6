package org.geopinn.diagnostics;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.geopinn.api.GeopinnException;

/**
 * A positive semi-definite kernel on S points held in factored form K = W Wᵀ, W of size S×r.
 * Every tangent kernel here has that form (the NTK with W = J, the natural NTK with W an
 * orthonormal basis of the range of J, the preconditioned NTK with one such basis per network side
 * by side), so its spectrum is the squared singular values of W and the S×S matrix is only built
 * when it is asked for. Immutable.
 */
public final class KernelFactor {
    private final double[] factor;
    private final int size;
    private final int columns;

    /**
     * @param factor W, row-major size×columns (copied)
     * @param size S, the number of points (rows of W)
     * @param columns r, the columns of W
     * @throws GeopinnException if the array does not hold size×columns entries
     */
    public KernelFactor(double[] factor, int size, int columns) {
        if (size < 0 || columns < 0 || factor.length != size * columns) {
            throw new GeopinnException("kernel factor of " + size + "x" + columns + " needs " + size * columns
                    + " entries, got " + factor.length);
        }
        this.factor = factor.clone();
        this.size = size;
        this.columns = columns;
    }

    /** @return S, the number of points the kernel is defined on */
    public int size() {
        return size;
    }

    /** @return r, the number of columns of the factor W */
    public int columns() {
        return columns;
    }

    /** @return the S eigenvalues of K = W Wᵀ, descending (squared singular values of W, zeros beyond min(S, r)) */
    public double[] eigenvalues() {
        double[] values = new double[size];
        if (size == 0 || columns == 0) {
            return values;
        }
        double[] sv = Spectra.singularValues(factor, size, columns);
        for (int k = 0; k < sv.length; k++) {
            values[k] = sv[k] * sv[k];
        }
        return values;
    }

    /** @return the kernel matrix K = W Wᵀ, row-major S×S */
    public double[] matrix() {
        int[] all = new int[size];
        for (int i = 0; i < size; i++) {
            all[i] = i;
        }
        return matrix(all);
    }

    /**
     * @param points indices of points, each in [0, S) (not modified)
     * @return the kernel restricted to those points, K[points, points], row-major m×m
     * @throws GeopinnException for an index out of range
     */
    public double[] matrix(int[] points) {
        int m = points.length;
        DMatrixRMaj w = new DMatrixRMaj(m, columns);
        for (int i = 0; i < m; i++) {
            if (points[i] < 0 || points[i] >= size) {
                throw new GeopinnException("point index " + points[i] + " is outside [0, " + size + ")");
            }
            System.arraycopy(factor, points[i] * columns, w.data, i * columns, columns);
        }
        DMatrixRMaj k = new DMatrixRMaj(m, m);
        CommonOps_DDRM.multTransB(w, w, k);
        return k.data;
    }
}

package org.geopinn.diagnostics;

import java.util.Arrays;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;
import org.geopinn.api.GeopinnException;

/**
 * Spectra of dense matrices and the two spectral summaries of Chen, Yang, Xiang & Hao (2024): the effective cut-off
 * number e(a) = #{σ ≥ a·σ_max} and the truncated entropy
 * H(a) = −(1/e) Σ_{k≤e} p_k log p_k with p_k = σ_k / Σ_{k≤e} σ_k (natural logarithm).
 *
 * <p>Matrices are row-major {@code double[]} with their dimensions; inputs are never modified.
 * Spectra are returned in descending order.
 */
public final class Spectra {
    private Spectra() {
    }

    /**
     * @param a a rows×cols matrix, row-major (not modified)
     * @param rows its row count
     * @param cols its column count
     * @return its min(rows, cols) singular values, descending
     * @throws GeopinnException if the array does not hold rows×cols entries or the SVD fails
     */
    public static double[] singularValues(double[] a, int rows, int cols) {
        DMatrixRMaj m = matrix(a, rows, cols);
        SingularValueDecomposition_F64<DMatrixRMaj> svd = DecompositionFactory_DDRM.svd(rows, cols, false, false, true);
        if (!svd.decompose(m)) {
            throw new GeopinnException("singular value decomposition of a " + rows + "x" + cols + " matrix did not converge");
        }
        return descending(Arrays.copyOf(svd.getSingularValues(), Math.min(rows, cols)));
    }

    /**
     * @param a a symmetric n×n matrix, row-major (not modified; only symmetry is assumed, not checked)
     * @param n its order
     * @return its n eigenvalues, descending
     * @throws GeopinnException if the array does not hold n×n entries or the decomposition fails
     */
    public static double[] symmetricEigenvalues(double[] a, int n) {
        DMatrixRMaj m = matrix(a, n, n);
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(n, false, true);
        if (!eig.decompose(m)) {
            throw new GeopinnException("eigendecomposition of a " + n + "x" + n + " matrix did not converge");
        }
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            values[i] = eig.getEigenvalue(i).real;
        }
        return descending(values);
    }

    /**
     * The effective cut-off number e(a) of Chen, Yang, Xiang & Hao (2024): how many values are at least a times the largest.
     *
     * @param values non-negative singular values or eigenvalues, descending (not modified)
     * @param a the relative level, 0 ≤ a &lt; 1
     * @return e(a); 0 for an empty or all-zero spectrum
     */
    public static int effectiveCutoff(double[] values, double a) {
        checkLevel(a);
        if (values.length == 0 || !(values[0] > 0)) {
            return 0;
        }
        double threshold = a * values[0];
        int count = 0;
        for (double v : values) {
            if (v >= threshold) {
                count++;
            }
        }
        return count;
    }

    /**
     * The truncated entropy H(a) of Chen, Yang, Xiang & Hao (2024) over the e(a) leading values.
     *
     * @param values non-negative singular values or eigenvalues, descending (not modified)
     * @param a the relative level, 0 ≤ a &lt; 1
     * @return H(a); 0 when e(a) is 0
     */
    public static double truncatedEntropy(double[] values, double a) {
        int e = effectiveCutoff(values, a);
        if (e == 0) {
            return 0;
        }
        double[] kept = leading(values, a, e);
        double sum = 0;
        for (double v : kept) {
            sum += v;
        }
        double h = 0;
        for (double v : kept) {
            double p = v / sum;
            if (p > 0) {
                h -= p * Math.log(p);
            }
        }
        return h / e;
    }

    /**
     * @param values non-negative values, descending (not modified)
     * @return largest over smallest; +∞ when the smallest is 0, NaN for an empty spectrum
     */
    public static double conditionNumber(double[] values) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double min = values[values.length - 1];
        return min > 0 ? values[0] / min : Double.POSITIVE_INFINITY;
    }

    /**
     * @param values non-negative values, descending (not modified)
     * @param a the relative level
     * @return the condition number over the e(a) leading values (the part a truncated solve inverts)
     */
    public static double effectiveConditionNumber(double[] values, double a) {
        int e = effectiveCutoff(values, a);
        return e == 0 ? Double.NaN : values[0] / values[e - 1];
    }

    private static double[] leading(double[] values, double a, int e) {
        double[] kept = Arrays.copyOf(values, e);
        if (e > 1 && kept[0] < kept[e - 1]) {
            throw new GeopinnException("spectrum for level " + a + " must be sorted in descending order");
        }
        return kept;
    }

    private static void checkLevel(double a) {
        if (!(a >= 0 && a < 1)) {
            throw new GeopinnException("cut-off level a must satisfy 0 <= a < 1, got " + a);
        }
    }

    /** Sorts descending in place and returns the array. */
    static double[] descending(double[] values) {
        Arrays.sort(values);
        for (int i = 0, j = values.length - 1; i < j; i++, j--) {
            double t = values[i];
            values[i] = values[j];
            values[j] = t;
        }
        return values;
    }

    /** Wraps a copy (the constructor copies): EJML decompositions may overwrite their input. */
    static DMatrixRMaj matrix(double[] a, int rows, int cols) {
        if (rows < 0 || cols < 0 || a.length != rows * cols) {
            throw new GeopinnException("matrix of " + rows + "x" + cols + " needs " + rows * cols + " entries, got " + a.length);
        }
        return new DMatrixRMaj(rows, cols, true, a);
    }
}

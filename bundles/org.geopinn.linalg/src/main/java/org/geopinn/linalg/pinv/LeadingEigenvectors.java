package org.geopinn.linalg.pinv;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.decomposition.eig.symm.SymmetricQrAlgorithm_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.TridiagonalSimilarDecomposition_F64;

/**
 * All eigenvalues of a symmetric matrix A and, on demand, only its leading eigenvectors: the ones
 * a truncated pseudo-inverse keeps. A = Q T Qᵀ is reduced to tridiagonal form (EJML), the
 * eigenvalues of T come from the implicit QR algorithm without vectors, and the eigenvector of
 * each requested eigenvalue is found by inverse iteration on T (tridiagonal solves, O(n) each),
 * orthogonalised against its neighbours in a cluster of close eigenvalues, then mapped back by Q.
 * This is LAPACK's dsyevx recipe. It costs the reduction plus O(n²k) for k vectors, where the full
 * decomposition also accumulates every QR rotation (O(n³) more): an ANaGRAM step keeps tens to a few
 * hundred of about a thousand directions.
 *
 * <p>Every vector is checked: ‖A u − λ u‖ must be at most {@link #RESIDUAL_TOLERANCE}·‖A‖. Should
 * inverse iteration ever miss (a pathological cluster), the caller falls back to the full
 * decomposition; {@link #ensure(int)} says so by returning false.
 */
public final class LeadingEigenvectors implements org.geopinn.linalg.LeadingEigenSolver {
    /** Largest accepted relative residual of an eigenpair (a full QR decomposition reaches about n·eps). */
    static final double RESIDUAL_TOLERANCE = 1e-9;
    /** Eigenvalues closer than this times ‖T‖ are one cluster, orthogonalised together (dstein's choice). */
    private static final double CLUSTER_GAP = 1e-3;
    private static final int ITERATIONS = 3;

    private DMatrixRMaj matrix;
    private final DMatrixRMaj reduced = new DMatrixRMaj(1, 1);
    private TridiagonalSimilarDecomposition_F64<DMatrixRMaj> tri;
    private DMatrixRMaj q;
    private double[] diag = new double[0];
    private double[] off = new double[0];
    private double[] values = new double[0];
    private double norm;
    /** Eigenvectors of A as rows, descending eigenvalue order; the first {@code computed} are valid. */
    private double[] vectors = new double[0];
    /** Eigenvectors of T as rows, same order. */
    private double[] tVectors = new double[0];
    private int computed;
    private double previousShift;
    // tridiagonal LU workspace
    private double[] lu0 = new double[0];
    private double[] lu1 = new double[0];
    private double[] lu2 = new double[0];
    private double[] mult = new double[0];
    private boolean[] swapped = new boolean[0];
    private double[] work = new double[0];

    /**
     * Reduces A and computes its eigenvalues.
     *
     * @param a a symmetric n×n matrix (not modified; kept until the next call for the residual check)
     * @return false when the QR iteration did not converge
     */
    @Override
    public boolean decompose(DMatrixRMaj a) {
        int n = a.numRows;
        matrix = a;
        if (diag.length != n) {
            diag = new double[n];
            off = new double[Math.max(n - 1, 1)];
            values = new double[n];
            lu0 = new double[n];
            lu1 = new double[n];
            lu2 = new double[n];
            mult = new double[n];
            swapped = new boolean[n];
            work = new double[n];
        }
        if (tri == null || reduced.numRows != n) {
            tri = DecompositionFactory_DDRM.tridiagonal(n);
        }
        reduced.setTo(a);
        if (!tri.decompose(reduced)) {
            return false;
        }
        tri.getDiagonal(diag, off);
        q = tri.getQ(q != null && q.numRows == n ? q : null, false);
        norm = 0;
        for (int i = 0; i < n; i++) {
            norm = Math.max(norm, Math.abs(diag[i]) + (i > 0 ? Math.abs(off[i - 1]) : 0) + (i < n - 1 ? Math.abs(off[i]) : 0));
        }
        SymmetricQrAlgorithm_DDRM qr = new SymmetricQrAlgorithm_DDRM();
        if (!qr.process(n, diag.clone(), off.clone())) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            values[i] = qr.getEigenvalue(i);
        }
        Arrays.sort(values);
        for (int i = 0, j = n - 1; i < j; i++, j--) {
            double t = values[i];
            values[i] = values[j];
            values[j] = t;
        }
        computed = 0;
        return true;
    }

    /** @return the eigenvalues, descending; do not modify */
    @Override
    public double[] values() {
        return values;
    }

    /** @return the eigenvectors computed so far as rows of length n (row i belongs to values()[i]); do not modify */
    @Override
    public double[] vectors() {
        return vectors;
    }

    /** @return how many leading eigenvectors are available */
    @Override
    public int computed() {
        return computed;
    }

    /**
     * Computes the eigenvectors of the k largest eigenvalues, if not yet done.
     *
     * @param k how many
     * @return false when a vector failed its residual check (use a full decomposition instead)
     */
    @Override
    public boolean ensure(int k) {
        int n = values.length;
        if (k <= computed) {
            return true;
        }
        if (vectors.length < k * n) {
            int capacity = Math.min(n, Math.max(k, 2 * computed));
            vectors = Arrays.copyOf(vectors, capacity * n);
            tVectors = Arrays.copyOf(tVectors, capacity * n);
        }
        double gapTolerance = CLUSTER_GAP * norm;
        for (int i = computed; i < k; i++) {
            int clusterStart = i;
            while (clusterStart > 0 && values[clusterStart - 1] - values[clusterStart] <= gapTolerance) {
                clusterStart--;
            }
            // Equal shifts would favour the same vectors: move each one a little below the previous
            // shift (dstein's perturbation), the orthogonalisation does the rest.
            double shift = values[i];
            double perturbation = 10 * Math.ulp(Math.abs(shift));
            if (i > clusterStart && previousShift - shift < perturbation) {
                shift = previousShift - perturbation;
            }
            previousShift = shift;
            inverseIteration(shift, clusterStart, i);
            backTransform(i);
            if (!residualOk(i)) {
                return false;
            }
        }
        computed = k;
        return true;
    }

    private void inverseIteration(double shift, int clusterStart, int index) {
        int n = values.length;
        factor(shift);
        double[] y = work;
        // The start vector depends on the index only, so the same matrix always gives the same
        // vectors (an optimizer's step is reproducible after its state is exported and imported).
        SplittableRandom random = new SplittableRandom(index + 1);
        for (int r = 0; r < n; r++) {
            y[r] = random.nextDouble(-1, 1);
        }
        for (int it = 0; it < ITERATIONS; it++) {
            solve(y);
            for (int c = clusterStart; c < index; c++) {
                double dot = 0;
                int row = c * n;
                for (int r = 0; r < n; r++) {
                    dot += tVectors[row + r] * y[r];
                }
                for (int r = 0; r < n; r++) {
                    y[r] -= dot * tVectors[row + r];
                }
            }
            double s = 0;
            for (int r = 0; r < n; r++) {
                s += y[r] * y[r];
            }
            double scale = 1 / Math.sqrt(s);
            for (int r = 0; r < n; r++) {
                y[r] *= scale;
            }
        }
        System.arraycopy(y, 0, tVectors, index * n, n);
    }

    /** LU with partial pivoting of T − shift·I; a zero pivot is replaced by eps·‖T‖. */
    private void factor(double shift) {
        int n = values.length;
        double tiny = Math.ulp(1.0) * Math.max(norm, Double.MIN_NORMAL);
        // row r holds lu0[r] (diagonal), lu1[r] (first super), lu2[r] (second super, from swaps)
        double d = diag[0] - shift;
        double e = n > 1 ? off[0] : 0;
        for (int r = 0; r < n - 1; r++) {
            double below = off[r];
            double nextDiag = diag[r + 1] - shift;
            double nextOff = r + 1 < n - 1 ? off[r + 1] : 0;
            if (Math.abs(d) >= Math.abs(below)) {
                swapped[r] = false;
                if (d == 0) {
                    d = tiny;
                }
                double m = below / d;
                mult[r] = m;
                lu0[r] = d;
                lu1[r] = e;
                lu2[r] = 0;
                d = nextDiag - m * e;
                e = nextOff;
            } else {
                swapped[r] = true;
                double m = d / below;
                mult[r] = m;
                lu0[r] = below;
                lu1[r] = nextDiag;
                lu2[r] = nextOff;
                d = e - m * nextDiag;
                e = -m * nextOff;
            }
        }
        lu0[n - 1] = d == 0 ? tiny : d;
    }

    /** Solves (T − shift·I) x = y in place with the factors of {@link #factor}. */
    private void solve(double[] y) {
        int n = values.length;
        for (int r = 0; r < n - 1; r++) {
            if (swapped[r]) {
                double t = y[r];
                y[r] = y[r + 1];
                y[r + 1] = t - mult[r] * y[r];
            } else {
                y[r + 1] -= mult[r] * y[r];
            }
        }
        y[n - 1] /= lu0[n - 1];
        if (n > 1) {
            y[n - 2] = (y[n - 2] - lu1[n - 2] * y[n - 1]) / lu0[n - 2];
        }
        for (int r = n - 3; r >= 0; r--) {
            y[r] = (y[r] - lu1[r] * y[r + 1] - lu2[r] * y[r + 2]) / lu0[r];
        }
    }

    /** u = Q y for eigenvector index i. */
    private void backTransform(int i) {
        int n = values.length;
        double[] qd = q.data;
        int yRow = i * n;
        int uRow = i * n;
        for (int r = 0; r < n; r++) {
            double s = 0;
            int qRow = r * n;
            for (int c = 0; c < n; c++) {
                s += qd[qRow + c] * tVectors[yRow + c];
            }
            vectors[uRow + r] = s;
        }
    }

    private boolean residualOk(int i) {
        int n = values.length;
        double[] a = matrix.data;
        int row = i * n;
        double lambda = values[i];
        double worst = 0;
        for (int r = 0; r < n; r++) {
            double s = -lambda * vectors[row + r];
            int ar = r * n;
            for (int c = 0; c < n; c++) {
                s += a[ar + c] * vectors[row + c];
            }
            worst = Math.max(worst, Math.abs(s));
        }
        return worst <= RESIDUAL_TOLERANCE * Math.max(norm, Double.MIN_NORMAL);
    }
}

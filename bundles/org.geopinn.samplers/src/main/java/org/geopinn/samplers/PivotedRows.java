package org.geopinn.samplers;

/**
 * Greedy maximum-volume choice of rows, the collocation chooser's core: pivoted Gram–Schmidt on the rows of an
 * M×P matrix A, each pick the row with the largest part outside the span of those already picked (Businger &amp;
 * Golub, 1965), until a given count or until the largest part left falls below a floor (the numerical rank).
 *
 * <p>Left-looking: the rows are only read, once per pick, and only the pivot's row is orthogonalised. The
 * right-looking form (every remaining row updated in place at every pick) reads and writes all of them per pick,
 * twice the arithmetic and twice the memory traffic for the same pivots. A randomised blocked form (picks in
 * blocks of 32 chosen on a Gaussian sketch of 40 columns, then one pass per block: Duersch &amp; Gu, "Randomized QR
 * with column pivoting", 2017) was tried and measured no faster here: it does the same M·P·r multiply-adds, the
 * rows of a choice (5000 candidates × 921 parameters) are not so large that one pass per pick is bound by memory,
 * and the sketch cannot be narrower than the rank it must reveal.
 */
final class PivotedRows {
    private PivotedRows() {
    }

    /**
     * The greedy, left-looking: the rows are only read; the coefficient of row i on the new basis vector q_j
     * is a_i·q_j (q_j is orthogonal to the earlier basis, so the row's projected part gives the same dot), its
     * remaining squared norm is downdated by it, and only the pivot's row is orthogonalised, twice (classical
     * Gram–Schmidt with reorthogonalisation: Giraud, Langou &amp; Rozložník, 2005).
     *
     * @param a the rows, M×P row-major (not modified)
     * @param floor the squared part below which a row counts as in the span
     * @param taken receives true for the picked rows
     * @param picked receives the picked rows' indices in order
     * @param coef receives every row's coefficients on the picks' orthonormal basis, M×limit
     * @return how many were picked (at most limit)
     */
    static int choose(double[] a, int m, int p, int limit, double floor, boolean[] taken, int[] picked, double[] coef) {
        double[] norm2 = norms(a, m, p);
        double[] basis = new double[limit * p];
        double[] v = new double[p];
        int core = 0;
        while (core < limit) {
            int best = largest(norm2, taken, m);
            if (best < 0 || !(norm2[best] > floor)) {
                break;
            }
            if (!orthogonalise(a, best, p, basis, core, v, floor)) {
                norm2[best] = 0; // in the span after all: the running norm had drifted
                continue;
            }
            taken[best] = true;
            picked[core] = best;
            for (int i = 0; i < m; i++) {
                double c = dot(a, i * p, basis, core * p, p);
                coef[i * limit + core] = c;
                norm2[i] = Math.max(0, norm2[i] - c * c);
            }
            core++;
        }
        return core;
    }

    /** The row's part outside the basis's first n vectors, made the (n+1)-th if its square exceeds the floor. */
    private static boolean orthogonalise(double[] a, int row, int p, double[] basis, int n, double[] v, double floor) {
        System.arraycopy(a, row * p, v, 0, p);
        for (int pass = 0; pass < 2; pass++) {
            for (int l = 0; l < n; l++) {
                double c = dot(v, 0, basis, l * p, p);
                for (int q = 0, o = l * p; q < p; q++) {
                    v[q] -= c * basis[o + q];
                }
            }
        }
        double r2 = dot(v, 0, v, 0, p);
        if (!(r2 > floor)) {
            return false;
        }
        double inv = 1 / Math.sqrt(r2);
        for (int q = 0, o = n * p; q < p; q++) {
            basis[o + q] = v[q] * inv;
        }
        return true;
    }

    /** @return the index of the largest value not excluded, −1 when all are */
    private static int largest(double[] values, boolean[] excluded, int m) {
        int best = -1;
        for (int i = 0; i < m; i++) {
            if (!excluded[i] && (best < 0 || values[i] > values[best])) {
                best = i;
            }
        }
        return best;
    }

    private static double[] norms(double[] a, int m, int p) {
        double[] n = new double[m];
        for (int i = 0; i < m; i++) {
            n[i] = dot(a, i * p, a, i * p, p);
        }
        return n;
    }

    /** x[xo..xo+n)·y[yo..yo+n) with four partial sums (the JIT does not reorder a floating-point reduction itself). */
    static double dot(double[] x, int xo, double[] y, int yo, int n) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int q = 0;
        for (; q + 3 < n; q += 4) {
            s0 += x[xo + q] * y[yo + q];
            s1 += x[xo + q + 1] * y[yo + q + 1];
            s2 += x[xo + q + 2] * y[yo + q + 2];
            s3 += x[xo + q + 3] * y[yo + q + 3];
        }
        for (; q < n; q++) {
            s0 += x[xo + q] * y[yo + q];
        }
        return (s0 + s1) + (s2 + s3);
    }
}

package org.geopinn.diagnostics.internal;

import org.geopinn.api.operator.LeastSquaresSystem;

/**
 * The Jacobian of a residual system on an evenly spread subset of at most {@code maxRows} of its
 * rows (every row when there are few): kernels are S×S, so diagnostics during training look at
 * a bounded sample of the points.
 *
 * @param values J restricted to the rows, row-major rows×cols
 * @param rows the number of rows kept
 * @param cols P
 * @param rowIndices the residual rows kept, ascending
 */
record JacobianSample(double[] values, int rows, int cols, int[] rowIndices) {

    static JacobianSample of(LeastSquaresSystem system, double[] theta, int maxRows) {
        int s = system.residualCount();
        int p = system.parameterCount();
        double[] full = new double[s * p];
        system.jacobian(theta, full);
        int m = maxRows <= 0 ? s : Math.min(s, maxRows);
        int[] rows = spread(s, m);
        if (m == s) {
            return new JacobianSample(full, s, p, rows);
        }
        double[] kept = new double[m * p];
        for (int i = 0; i < m; i++) {
            System.arraycopy(full, rows[i] * p, kept, i * p, p);
        }
        return new JacobianSample(kept, m, p, rows);
    }

    /** m indices spread evenly over [0, n), ascending, the first being 0. */
    static int[] spread(int n, int m) {
        int[] idx = new int[m];
        for (int i = 0; i < m; i++) {
            idx[i] = (int) ((long) i * n / m);
        }
        return idx;
    }
}

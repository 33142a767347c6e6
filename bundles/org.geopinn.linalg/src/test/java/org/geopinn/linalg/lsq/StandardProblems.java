package org.geopinn.linalg.lsq;

import java.util.List;
import org.geopinn.api.operator.ResidualGroup;

/**
 * Classic small least-squares problems with known solutions, for checking optimizers without a
 * network.
 */
public final class StandardProblems {
    private StandardProblems() {
    }

    /**
     * Rosenbrock as residuals r = (10(y − x²), 1 − x): L = ½((10(y−x²))² + (1−x)²), minimum 0 at (1, 1).
     *
     * @return the system (P = 2, S = 2, two groups "curve" and "offset")
     */
    public static FunctionResidualSystem rosenbrock() {
        return new FunctionResidualSystem(2, List.of(new ResidualGroup("curve", 0, 1), new ResidualGroup("offset", 1, 1)), null,
                (t, r) -> {
                    r[0] = 10 * (t[1] - t[0] * t[0]);
                    r[1] = 1 - t[0];
                },
                (t, j) -> {
                    j[0] = -20 * t[0];
                    j[1] = 10;
                    j[2] = -1;
                    j[3] = 0;
                });
    }

    /**
     * Fitting y_i = a·exp(b·x_i) to exact data from (a, b) = (2, −1.5) at x_i = i/(n−1):
     * residuals r_i = a·exp(b x_i) − y_i, zero residual at the solution.
     *
     * @param n the number of data points, ≥ 2
     * @return the system (P = 2, S = n)
     */
    public static FunctionResidualSystem exponentialFit(int n) {
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = i / (n - 1.0);
            y[i] = 2 * Math.exp(-1.5 * x[i]);
        }
        return FunctionResidualSystem.single(2, n,
                (t, r) -> {
                    for (int i = 0; i < n; i++) {
                        r[i] = t[0] * Math.exp(t[1] * x[i]) - y[i];
                    }
                },
                (t, j) -> {
                    for (int i = 0; i < n; i++) {
                        double e = Math.exp(t[1] * x[i]);
                        j[2 * i] = e;
                        j[2 * i + 1] = t[0] * x[i] * e;
                    }
                });
    }

    /**
     * The linear residual r = Aθ − b.
     *
     * @param rows S
     * @param cols P
     * @param a row-major S×P (not copied: do not modify)
     * @param b length S (not copied)
     * @return the system
     */
    public static FunctionResidualSystem linear(int rows, int cols, double[] a, double[] b) {
        return FunctionResidualSystem.single(cols, rows,
                (t, r) -> {
                    for (int i = 0; i < rows; i++) {
                        double s = -b[i];
                        for (int k = 0; k < cols; k++) {
                            s += a[i * cols + k] * t[k];
                        }
                        r[i] = s;
                    }
                },
                (t, j) -> System.arraycopy(a, 0, j, 0, a.length));
    }
}

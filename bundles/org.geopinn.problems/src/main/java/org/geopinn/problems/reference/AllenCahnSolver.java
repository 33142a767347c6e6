package org.geopinn.problems.reference;

import org.apache.commons.math3.transform.DstNormalization;
import org.apache.commons.math3.transform.FastSineTransformer;
import org.apache.commons.math3.transform.TransformType;

/**
 * A reference solution of Allen–Cahn u_t = D u_xx + r(u − u³) on x ∈ [−1,1], t ∈ [0,T] with
 * u(t,±1) = −1 and u(0,x) = x² cos πx, by the method of lines: the fourth-order central stencil
 * (−1, 16, −30, 16, −1)/12h² on a uniform grid of N intervals for w = u + 1 (zero on the boundary,
 * odd reflection for the ghost points), integrated in time by the fourth-order exponential
 * scheme ETDRK4 (Cox–Matthews, Kassam–Trefethen). The sine transform diagonalises the stencil
 * exactly, so the stiff linear part is integrated exactly and the matrix functions are scalars per
 * mode. Every time step is stored; values between nodes come from cubic Lagrange interpolation in
 * x and in t.
 */
public final class AllenCahnSolver {
    private final int intervals;
    private final double duration;
    private final double[][] snapshots;

    /**
     * Solves the problem at construction (a fraction of a second for N = 2048, 500 steps).
     *
     * @param diffusion D
     * @param reaction r
     * @param duration T
     * @param intervals N, a power of two (the sine transform needs it)
     * @param steps the number of time steps (at least 3)
     */
    public AllenCahnSolver(double diffusion, double reaction, double duration, int intervals, int steps) {
        if (Integer.bitCount(intervals) != 1 || intervals < 8) {
            throw new IllegalArgumentException("the number of intervals must be a power of two ≥ 8, got " + intervals);
        }
        this.intervals = intervals;
        this.duration = duration;
        this.snapshots = integrate(diffusion, reaction, steps);
    }

    private double[][] integrate(double diffusion, double reaction, int steps) {
        int n = intervals;
        double h = 2.0 / n;
        double dt = duration / steps;
        // Per-mode ETDRK4 coefficients: e^(dt λ), e^(dt λ/2), Q, f1, f2, f3.
        double[] e = new double[n];
        double[] e2 = new double[n];
        double[] q = new double[n];
        double[] f1 = new double[n];
        double[] f2 = new double[n];
        double[] f3 = new double[n];
        for (int k = 1; k < n; k++) {
            double theta = Math.PI * k / n;
            double lambda = diffusion * (-2 * Math.cos(2 * theta) + 32 * Math.cos(theta) - 30) / (12 * h * h);
            double z = dt * lambda;
            double[] full = PhiFunctions.phi123(z);
            double[] half = PhiFunctions.phi123(z / 2);
            e[k] = Math.exp(z);
            e2[k] = Math.exp(z / 2);
            q[k] = dt / 2 * half[0];
            f1[k] = dt * (full[0] - 3 * full[1] + 4 * full[2]);
            f2[k] = dt * (full[1] - 2 * full[2]);
            f3[k] = dt * (-full[1] + 4 * full[2]);
        }
        FastSineTransformer dst = new FastSineTransformer(DstNormalization.ORTHOGONAL_DST_I);
        double[][] out = new double[steps + 1][];
        double[] w = new double[n];
        for (int j = 1; j < n; j++) {
            double x = -1 + j * h;
            w[j] = x * x * Math.cos(Math.PI * x) + 1;
        }
        out[0] = withBoundary(w);
        double[] v = dst.transform(w, TransformType.FORWARD);
        for (int s = 1; s <= steps; s++) {
            double[] nv = nonlinear(dst, v, reaction);
            double[] a = new double[n];
            for (int k = 1; k < n; k++) {
                a[k] = e2[k] * v[k] + q[k] * nv[k];
            }
            double[] na = nonlinear(dst, a, reaction);
            double[] b = new double[n];
            for (int k = 1; k < n; k++) {
                b[k] = e2[k] * v[k] + q[k] * na[k];
            }
            double[] nb = nonlinear(dst, b, reaction);
            double[] c = new double[n];
            for (int k = 1; k < n; k++) {
                c[k] = e2[k] * a[k] + q[k] * (2 * nb[k] - nv[k]);
            }
            double[] nc = nonlinear(dst, c, reaction);
            for (int k = 1; k < n; k++) {
                v[k] = e[k] * v[k] + f1[k] * nv[k] + 2 * f2[k] * (na[k] + nb[k]) + f3[k] * nc[k];
            }
            v[0] = 0;
            out[s] = withBoundary(dst.transform(v, TransformType.INVERSE));
        }
        return out;
    }

    /** The reaction r(u − u³) of the sine coefficients v of w = u + 1, returned as sine coefficients. */
    private static double[] nonlinear(FastSineTransformer dst, double[] v, double reaction) {
        double[] w = dst.transform(v, TransformType.INVERSE);
        w[0] = 0;
        for (int j = 1; j < w.length; j++) {
            double u = w[j] - 1;
            w[j] = reaction * (u - u * u * u);
        }
        double[] out = dst.transform(w, TransformType.FORWARD);
        out[0] = 0;
        return out;
    }

    /** u = w − 1 at all N+1 nodes, with u = −1 on the boundary. */
    private static double[] withBoundary(double[] w) {
        int n = w.length;
        double[] u = new double[n + 1];
        u[0] = -1;
        u[n] = -1;
        for (int j = 1; j < n; j++) {
            u[j] = w[j] - 1;
        }
        return u;
    }

    /**
     * @param t the time, in [0, T]
     * @param x the position, in [−1, 1]
     * @return the interpolated u(t, x)
     */
    public double value(double t, double x) {
        int steps = snapshots.length - 1;
        double s = Math.max(0, Math.min(steps, t / duration * steps));
        int i = Math.max(0, Math.min(steps - 3, (int) Math.floor(s) - 1));
        double u = s - i;
        return UniformGridFunction.lagrange0(u) * spatial(snapshots[i], x)
                + UniformGridFunction.lagrange1(u) * spatial(snapshots[i + 1], x)
                + UniformGridFunction.lagrange2(u) * spatial(snapshots[i + 2], x)
                + UniformGridFunction.lagrange3(u) * spatial(snapshots[i + 3], x);
    }

    private double spatial(double[] values, double x) {
        double s = Math.max(0, Math.min(intervals, (x + 1) / 2 * intervals));
        int i = Math.max(0, Math.min(intervals - 3, (int) Math.floor(s) - 1));
        double u = s - i;
        return UniformGridFunction.lagrange0(u) * values[i] + UniformGridFunction.lagrange1(u) * values[i + 1]
                + UniformGridFunction.lagrange2(u) * values[i + 2] + UniformGridFunction.lagrange3(u) * values[i + 3];
    }
}

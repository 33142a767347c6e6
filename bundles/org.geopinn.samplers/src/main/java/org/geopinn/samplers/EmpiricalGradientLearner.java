package org.geopinn.samplers;

import org.ejml.data.DMatrixRMaj;
import org.geopinn.api.GeopinnException;
import org.geopinn.api.operator.ResidualSystem;
import org.geopinn.linalg.DenseKernels;
import org.geopinn.linalg.ThinSvd;

/**
 * Learned collocation points whose objective is the error of the empirical natural gradient itself, with the
 * singular-value cut-off adapted together with the points (Schwencke &amp; Furtlehner, "ANaGRAM: A Natural Gradient
 * Relative to Adapted Model for efficient PINNs learning", 2025, and their slides "empirical natural gradient":
 * well-chosen points make the empirical natural gradient exact, "coupled with SVD cut-off factor adaptation").
 *
 * <p>On the S points the natural-gradient step is z = A_τ⁺ r_S (A the S×P operator rows, r_S the residuals there,
 * A_τ⁺ the pseudo-inverse cut at the relative cut-off τ); its functional update seen on N reference points with
 * rows F is F z, the exact one F F⁺ r. The learner minimises over (x, τ) the error
 * E(x, τ) = ‖F A(x)_τ⁺ r_S(x) − F F⁺ r‖ (plus the part of r outside the tangent space, which no point changes),
 * reported relative to ‖r‖. Unlike {@link CollocationLearner}, whose coefficients α are fitted freely to r on the
 * reference points (a lower bound the optimizer never sees once the points span the tangent space), here the
 * coefficients are the ones the optimizer uses: those fixed by the residuals at the points.
 *
 * <p>How: in the coordinates of Im F (F = U Σ Vᵀ, W = Σ Vᵀ, c = Uᵀ r) the error vector is e = W z − c. Its derivative
 * in one coordinate of one point follows from the derivative of a pseudo-inverse (Golub &amp; Pereyra, 1973): with
 * row i changed by g = ∂a_i/∂x and r_i by ρ', dz = (I − V_A V_Aᵀ) g w_i + A⁺ e_i (ρ' − gᵀ z) + A⁺A⁺ᵀ g q_i, where
 * w = A⁺ᵀ z and q = r_S − A z (zero when the points do not outnumber the rank). Row i depends only on point i,
 * so the g and ρ' of every point in one coordinate come from two evaluations with all points shifted (central
 * differences, step 1e-4 of the box). The step is Levenberg–Marquardt on e, damping raised tenfold until the
 * error decreases, no point moving by more than a tenth of the box, points clamped into the box and kept where
 * they were when the step would leave the domain. τ is re-chosen from {@link CollocationLearner#CUTOFFS} at every
 * evaluation as the one of the smallest error, so the accepted steps never raise min_τ E.
 *
 * <p>The decompositions and products run on the dense kernels ({@link DenseKernels#preferred()}: LAPACK and BLAS
 * where the native kernels are installed), the per-point derivatives as a few matrix products per coordinate.
 *
 * <p>The system's points of the condition are restored to the learned points on return. Not thread-safe.
 */
public final class EmpiricalGradientLearner {
    private final DenseKernels kernels = DenseKernels.preferred();
    private final double[] lower;
    private final double[] upper;
    private final java.util.function.Predicate<double[]> inside;
    private double cutoff = Double.NaN;

    /**
     * The outcome of a learning run.
     *
     * @param points the learned points, row-major S×d
     * @param errors E/‖r‖ before the first step and after each step (at each evaluation's best cut-off)
     * @param cutoff the cut-off of the last error (adapted with the points)
     * @param best ‖F F⁺ r − r‖/‖r‖: the part of r no update in the tangent space removes
     */
    public record Result(double[] points, double[] errors, double cutoff, double best) {
    }

    /**
     * @param lower the box's lower corner (points are kept inside)
     * @param upper the box's upper corner
     * @param inside whether a point lies in the domain (a point whose step would leave it stays where it was)
     */
    public EmpiricalGradientLearner(double[] lower, double[] upper, java.util.function.Predicate<double[]> inside) {
        if (lower.length != upper.length) {
            throw new GeopinnException("collocation learning: box corners of different dimension");
        }
        this.lower = lower.clone();
        this.upper = upper.clone();
        this.inside = java.util.Objects.requireNonNull(inside);
    }

    /** @return the cut-off chosen with the last learned points (NaN before the first run) */
    public double cutoff() {
        return cutoff;
    }

    /**
     * Moves the points of one condition by {@code steps} Levenberg–Marquardt steps on the empirical natural
     * gradient's error.
     *
     * @param system the residual system (the group's points end at the learned ones)
     * @param theta the parameters (not modified)
     * @param group the condition's name
     * @param reference the N reference points, row-major
     * @param steps learning steps (0 only measures)
     * @return the learned points and the error history
     */
    public Result learn(ResidualSystem system, double[] theta, String group, double[] reference, int steps) {
        return learn(system, theta, group, reference, steps, Double.POSITIVE_INFINITY);
    }

    /**
     * As {@link #learn(ResidualSystem, double[], String, double[], int)}, stopping before a step once the time
     * allowed has passed (a session's time budget: the round then costs at most one learning step more).
     *
     * @param system the residual system (the group's points end at the learned ones)
     * @param theta the parameters (not modified)
     * @param group the condition's name
     * @param reference the N reference points, row-major
     * @param steps learning steps at most
     * @param seconds the time the learning may take; {@link Double#POSITIVE_INFINITY} for no limit
     * @return the learned points and the history of the steps taken
     */
    public Result learn(ResidualSystem system, double[] theta, String group, double[] reference, int steps, double seconds) {
        TimeAllowance allowance = new TimeAllowance(seconds);
        int d = lower.length;
        double[] x = system.points(group);
        int s = x.length / d;
        int n = reference.length / d;
        int p = system.parameterCount();
        system.setPoints(group, reference);
        double[] f = GroupRows.rows(system, theta, group, n, p);
        double[] r = GroupRows.residuals(system, theta, group, n);
        double rNorm = Math.sqrt(Solves.dot(r, 0, r, r.length));
        double[] history = new double[steps + 1];
        if (rNorm == 0) {
            system.setPoints(group, x);
            return new Result(x, history, cutoff, 0);
        }
        Tangent t = new Tangent(kernels, f, n, p, r, false);
        int k = t.k;
        Eval current = evaluate(system, theta, group, x, t, s, p);
        history[0] = current.error / rNorm;
        double[] h = differenceSteps();
        PointSteps moves = new PointSteps(lower, upper, inside);
        for (int step = 1; step <= steps; step++) {
            if (allowance.over()) {
                history = java.util.Arrays.copyOf(history, step); // the steps taken
                break;
            }
            double[] jac = jacobian(system, theta, group, x, current, t, s, d, p, h);
            double[] minusE = new double[k];
            for (int j = 0; j < k; j++) {
                minusE[j] = -current.e[j];
            }
            PointSteps.Accepted<Eval> next = moves.step(x, new Solves.Damped(kernels, jac, k, s * d), minusE, current.error,
                    xt -> evaluate(system, theta, group, xt, t, s, p), ev -> ev.error);
            if (next != null) {
                x = next.points();
                current = next.state();
            }
            history[step] = current.error / rNorm;
        }
        system.setPoints(group, x);
        cutoff = current.tau;
        return new Result(x, history, cutoff, t.offset / rNorm);
    }

    /**
     * For tests: the error vector e = W z − c at the points x (at its best cut-off) and its Jacobian in x, as the
     * steps use them.
     *
     * @return {e, J (k×(S·d), row-major, column c·S + i for coordinate c of point i), {τ}}
     */
    double[][] probe(ResidualSystem system, double[] theta, String group, double[] x, double[] reference) {
        int d = lower.length;
        int s = x.length / d;
        int n = reference.length / d;
        int p = system.parameterCount();
        system.setPoints(group, reference);
        Tangent t = new Tangent(kernels, GroupRows.rows(system, theta, group, n, p), n, p, GroupRows.residuals(system, theta, group, n), false);
        Eval ev = evaluate(system, theta, group, x, t, s, p);
        double[] jac = jacobian(system, theta, group, x, ev, t, s, d, p, differenceSteps());
        return new double[][] {ev.e, jac, {ev.tau}};
    }

    /** @return the central-difference step of each coordinate: 1e-4 of the box's extent */
    private double[] differenceSteps() {
        double[] h = new double[lower.length];
        for (int c = 0; c < h.length; c++) {
            h[c] = 1e-4 * (upper[c] - lower[c]);
        }
        return h;
    }

    /** The state at one point set: the rows' SVD at the best cut-off, z = A⁺ r_S, e = W z − c, and the error. */
    private static final class Eval {
        double[] a;
        double[] rs;
        double[] z;
        double[] e;
        double error;
        double tau;
        int rank;
        /** the rows' decomposition A = U Σ Vᵀ (U S×m, V P×m, m = min(S, P)) */
        ThinSvd svd;
        /** Uᵀ r_S */
        double[] uts;
        /** W V, k×m */
        DMatrixRMaj wv;
    }

    /** E(x, τ) at every candidate τ from one SVD of the rows; keeps the best τ. */
    private Eval evaluate(ResidualSystem system, double[] theta, String group, double[] x, Tangent t, int s, int p) {
        system.setPoints(group, x);
        Eval ev = new Eval();
        ev.a = GroupRows.rows(system, theta, group, s, p);
        ev.rs = GroupRows.residuals(system, theta, group, s);
        ev.svd = Solves.svd(kernels, ev.a, s, p);
        double[] sigma = ev.svd.sigma();
        int m = sigma.length;
        int k = t.k;
        ev.uts = Solves.transposeTimes(ev.svd.u().data, s, m, ev.rs, m);
        ev.wv = new DMatrixRMaj(k, m);
        kernels.multiply(DMatrixRMaj.wrap(k, p, t.wt), ev.svd.v(), ev.wv);
        // z = Σ_l v_l uᵀ_l r_S / σ_l grows one singular direction at a time, and e = W z − c with it (column l of W V),
        // so every cut-off costs O(k) per direction.
        double[] coef = new double[m];
        double[] e = new double[k];
        for (int j = 0; j < k; j++) {
            e[j] = -t.c[j];
        }
        ev.error = Double.POSITIVE_INFINITY;
        ev.tau = CollocationLearner.CUTOFFS[0];
        int rank = 0;
        for (double tau : CollocationLearner.CUTOFFS) {
            while (rank < m && sigma[rank] > 0 && sigma[rank] >= tau * sigma[0]) {
                coef[rank] = ev.uts[rank] / sigma[rank];
                for (int j = 0; j < k; j++) {
                    e[j] += ev.wv.data[j * m + rank] * coef[rank];
                }
                rank++;
            }
            double err = Math.sqrt(Solves.dot(e, 0, e, e.length) + t.offset * t.offset);
            if (err < ev.error) {
                ev.error = err;
                ev.tau = tau;
                ev.rank = rank;
            }
        }
        ev.z = Solves.combine(ev.svd.v().data, p, m, coef, ev.rank);
        // e at the best cut-off, formed anew from its coefficients (the running e has gone on to the smallest cut-off)
        ev.e = new double[k];
        for (int j = 0; j < k; j++) {
            ev.e[j] = -t.c[j] + Solves.dot(ev.wv.data, j * m, coef, ev.rank);
        }
        return ev;
    }

    /** J = ∂e/∂x, k×(S·d), column c·S + i: W dz for point i moved along coordinate c (see the class comment). */
    private double[] jacobian(ResidualSystem system, double[] theta, String group, double[] x, Eval ev, Tangent t, int s, int d, int p,
            double[] h) {
        int k = t.k;
        int rho = ev.rank;
        int m = ev.svd.sigma().length;
        double[] sigma = ev.svd.sigma();
        double[] u = ev.svd.u().data;
        // Precomputed: V and W V cut to the rank ρ, w = U Σ⁻² Uᵀ r_S, q = r_S − A z.
        DMatrixRMaj vr = leadingColumns(ev.svd.v().data, p, m, rho);
        DMatrixRMaj wvr = leadingColumns(ev.wv.data, k, m, rho);
        DMatrixRMaj wt = DMatrixRMaj.wrap(k, p, t.wt);
        double[] w = new double[s];
        double[] q = new double[s];
        for (int i = 0; i < s; i++) {
            double sum = 0;
            for (int l = 0; l < rho; l++) {
                sum += u[i * m + l] * ev.uts[l] / (sigma[l] * sigma[l]);
            }
            w[i] = sum;
            q[i] = ev.rs[i] - Solves.dot(ev.a, i * p, ev.z, p);
        }
        double[] jac = new double[k * s * d];
        DMatrixRMaj g = new DMatrixRMaj(s, p);
        DMatrixRMaj vg = new DMatrixRMaj(s, rho);
        DMatrixRMaj wg = new DMatrixRMaj(s, k);
        DMatrixRMaj mix = new DMatrixRMaj(s, rho);
        DMatrixRMaj jc = new DMatrixRMaj(k, s);
        for (int c = 0; c < d; c++) {
            double[] plus = x.clone();
            double[] minus = x.clone();
            for (int i = 0; i < s; i++) {
                plus[i * d + c] += h[c];
                minus[i * d + c] -= h[c];
            }
            system.setPoints(group, plus);
            double[] ap = GroupRows.rows(system, theta, group, s, p);
            double[] rp = GroupRows.residuals(system, theta, group, s);
            system.setPoints(group, minus);
            double[] am = GroupRows.rows(system, theta, group, s, p);
            double[] rm = GroupRows.residuals(system, theta, group, s);
            // g_i = ∂a_i/∂x_c for every point i at once (row i of G depends on point i only)
            for (int idx = 0; idx < s * p; idx++) {
                g.data[idx] = (ap[idx] - am[idx]) / (2 * h[c]);
            }
            kernels.multiply(g, vr, vg);
            kernels.multiplyTransB(g, wt, wg);
            // dz_i = −V Vᵀ g_i w_i + V Σ⁻¹ Uᵀ e_i (ρ'_i − g_iᵀ z) + V Σ⁻² Vᵀ g_i q_i (the part along V), plus g_i w_i
            for (int i = 0; i < s; i++) {
                double lead = (rp[i] - rm[i]) / (2 * h[c]) - Solves.dot(g.data, i * p, ev.z, p);
                for (int l = 0; l < rho; l++) {
                    double sl = sigma[l];
                    mix.data[i * rho + l] = vg.data[i * rho + l] * (q[i] / (sl * sl) - w[i]) + u[i * m + l] / sl * lead;
                }
            }
            kernels.multiplyTransB(wvr, mix, jc);
            for (int j = 0; j < k; j++) {
                int row = j * s * d + c * s;
                for (int i = 0; i < s; i++) {
                    jac[row + i] = jc.data[j * s + i] + wg.data[i * k + j] * w[i];
                }
            }
        }
        return jac;
    }

    /** @return the first r columns of a row-major n×m matrix, as an n×r matrix */
    private static DMatrixRMaj leadingColumns(double[] a, int n, int m, int r) {
        DMatrixRMaj out = new DMatrixRMaj(n, r);
        for (int i = 0; i < n; i++) {
            System.arraycopy(a, i * m, out.data, i * r, r);
        }
        return out;
    }
}

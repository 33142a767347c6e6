package org.geopinn.samplers;

import org.geopinn.api.GeopinnException;
import org.geopinn.api.operator.ResidualSystem;
import org.geopinn.linalg.DenseKernels;

/**
 * Learned collocation points (Schwencke &amp; Furtlehner, "ANaGRAM: A Natural Gradient Relative to
 * Adapted Model for efficient PINNs learning", 2025, and their slides "Geometrical perspectives",
 * "empirical natural gradient"): S points x_i of one condition, with coefficients α, are moved so
 * that Σ_i α_i K_θ(x_i, ·) comes as close as possible to the condition's functional gradient r (its
 * residual), K_θ(x, y) = Σ_p ∂_p D[u](x) ∂_p D[u](y) the operator-applied tangent kernel. The
 * empirical natural gradient on the points x projects r on span{K_θ(x_i, ·)}; the best projection
 * possible is on the whole tangent space Im(∂_p D[u]).
 *
 * <p>Discretisation: L² is the mean over N reference points y_k (a dense set the caller gives). With
 * F the N×P operator rows at the reference points, A(x) the S×P rows at the points and r the N
 * residuals, the regression is v(x, α) = F A(x)ᵀ α ≈ r (solved in the k ≤ min(N, P) coordinates of Im F:
 * F = U Σ Vᵀ, so the cost of a step grows with P and S, not with N); its natural gradient in (x, α) is the
 * Gauss–Newton step of min ‖F A(x)ᵀ α − r‖² whose Jacobian is [F Aᵀ | F (∂_{x_c} A)ᵀ diag(α)] (the
 * slides' inner products K(x_i, x_j), α_j ∂₁K, α_i ∂₂∂₁K α_j, in this discretisation), solved by
 * variable projection since α enters linearly (Golub &amp; Pereyra, 1973; Kaufman's Gauss–Newton
 * variant, 1975): α = Φ⁺r at the current points, the x-step solves the x-columns with their part in
 * the range of Φ removed against the residual e = r − Φα with Levenberg–Marquardt damping (raised
 * tenfold until the distance decreases, lowered after a success), the step scaled to move no point
 * by more than a tenth of the box, points clamped into the box, and α solved again at the new points. The x-derivatives of the rows are central differences of the residual system's rows
 * (step 1e-4 of the box's extent): the {@link ResidualSystem} contract exposes rows, not their
 * x-jets.
 *
 * <p>The system's points of the condition are restored to the learned points on return; other
 * conditions are untouched. Not thread-safe (it drives the system).
 */
public final class CollocationLearner {
    private final DenseKernels kernels = DenseKernels.preferred();
    /** The cut-offs the adaptive rule chooses from (relative, one per two decades). */
    static final double[] CUTOFFS = {1e-2, 1e-4, 1e-6, 1e-8, 1e-10};
    private final double[] lower;
    private final double[] upper;
    private final boolean adaptive;
    private final boolean natural;
    private final java.util.function.Predicate<double[]> inside;
    private double cutoff;

    /**
     * The outcome of a learning run.
     *
     * @param points the learned points, row-major S×d
     * @param alpha their coefficients
     * @param residuals ‖Σ α_i K(x_i, ·) − r‖/‖r‖ before the first step and after each step
     * @param best ‖Π r − r‖/‖r‖, the projection on the whole tangent space seen from the reference points
     */
    public record Result(double[] points, double[] alpha, double[] residuals, double best) {
    }

    /**
     * @param lower the box's lower corner (points are kept inside)
     * @param upper the box's upper corner
     * @param cutoff relative singular-value cut-off of the Gauss–Newton solves, in [0, 1)
     */
    public CollocationLearner(double[] lower, double[] upper, double cutoff) {
        this(lower, upper, cutoff, x -> true);
    }

    /**
     * @param lower the box's lower corner (points are kept inside)
     * @param upper the box's upper corner
     * @param cutoff relative singular-value cut-off of the solves, in [0, 1); NaN for the adaptive rule: each
     *        {@link #learn} first picks from {@link #CUTOFFS} the one whose coefficients α, fitted on every other
     *        reference point, best represent the residual on the points left out (the rank that generalises)
     * @param inside whether a point lies in the domain (a point whose step would leave it stays where it was)
     */
    public CollocationLearner(double[] lower, double[] upper, double cutoff, java.util.function.Predicate<double[]> inside) {
        this(lower, upper, cutoff, inside, false);
    }

    /**
     * @param lower the box's lower corner (points are kept inside)
     * @param upper the box's upper corner
     * @param cutoff relative singular-value cut-off, NaN for the adaptive rule (see above)
     * @param inside whether a point lies in the domain
     * @param natural true for the natural kernel K(x, y) = ∂D[u](x)ᵀ G⁺ ∂D[u](y), G the Gram matrix of the reference
     *        rows (the slides' kernel, for which the L² projection's coefficients α are the ones the empirical natural
     *        gradient on the points uses, and whose tangent space is cut at the same cut-off as the solves); false for
     *        the tangent kernel ∂D[u](x)ᵀ ∂D[u](y)
     */
    public CollocationLearner(double[] lower, double[] upper, double cutoff, java.util.function.Predicate<double[]> inside, boolean natural) {
        this.natural = natural;
        this.adaptive = Double.isNaN(cutoff);
        this.inside = java.util.Objects.requireNonNull(inside);
        if (adaptive) {
            cutoff = 1e-6;
        }
        if (lower.length != upper.length) {
            throw new GeopinnException("collocation learning: box corners of different dimension");
        }
        if (!(cutoff >= 0 && cutoff < 1)) {
            throw new GeopinnException("collocation learning: cut-off must satisfy 0 <= cutoff < 1, got " + cutoff);
        }
        this.lower = lower.clone();
        this.upper = upper.clone();
        this.cutoff = cutoff;
    }

    /**
     * Moves the points of one condition by {@code steps} natural-gradient steps.
     *
     * @param system the residual system (the group's points end at the learned ones)
     * @param theta the parameters (not modified)
     * @param group the condition's name
     * @param reference the N reference points of the L² inner product, row-major
     * @param steps learning steps (0 only measures)
     * @return the learned points and the projection residual history
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
        double rNorm = norm(r);
        if (rNorm == 0) {
            system.setPoints(group, x);
            return new Result(x, new double[s], new double[steps + 1], 0);
        }
        // Reduction to the tangent space seen from the reference points: with F = U_k Σ_k V_kᵀ (σ ≥ 1e-10·σ_max),
        // ‖F Aᵀα − r‖² = ‖Σ_k V_kᵀ Aᵀ α − U_kᵀ r‖² + ‖r‖² − ‖U_kᵀ r‖², so every solve below has k ≤ min(N, P)
        // rows instead of N, and the constant part is the best any points can do.
        Tangent t = new Tangent(kernels, f, n, p, r, natural);
        double best = t.offset / rNorm;
        double[] phi = features(system, theta, group, x, t.wt, t.k, p, s);
        if (adaptive) {
            cutoff = natural ? HeldOutCutoff.natural(kernels, CUTOFFS, t, phi, n, s, r) : HeldOutCutoff.plain(kernels, CUTOFFS, t.full(phi, s), n, s, r);
        }
        if (natural) {
            // the natural kernel weighs directions by 1/σ: the tangent space itself is cut where the solves are
            int rank = t.rank(cutoff);
            t = t.truncate(rank);
            phi = java.util.Arrays.copyOf(phi, rank * s);
        }
        double offset = t.offset;
        n = t.k;
        r = t.c;
        f = t.wt;
        double[] alpha = leastSquares(phi, n, s, r);
        double[] history = new double[steps + 1];
        double current = Math.hypot(distance(phi, n, s, alpha, r), offset);
        history[0] = current / rNorm;
        double[] h = new double[d];
        for (int c = 0; c < d; c++) {
            h[c] = 1e-4 * (upper[c] - lower[c]);
        }
        PointSteps moves = new PointSteps(lower, upper, inside);
        for (int step = 1; step <= steps; step++) {
            if (allowance.over()) {
                history = java.util.Arrays.copyOf(history, step); // the steps taken
                break;
            }
            int cols = s * (1 + d);
            double[] m = new double[n * cols];
            for (int k = 0; k < n; k++) {
                System.arraycopy(phi, k * s, m, k * cols, s);
            }
            for (int c = 0; c < d; c++) {
                double[] plus = shifted(x, s, d, c, h[c]);
                double[] minus = shifted(x, s, d, c, -h[c]);
                double[] fp = features(system, theta, group, plus, f, n, p, s);
                double[] fm = features(system, theta, group, minus, f, n, p, s);
                for (int k = 0; k < n; k++) {
                    for (int i = 0; i < s; i++) {
                        double step2 = (plus[i * d + c] - minus[i * d + c]);
                        double dPhi = step2 > 0 ? (fp[k * s + i] - fm[k * s + i]) / step2 : 0;
                        m[k * cols + s * (1 + c) + i] = dPhi * alpha[i];
                    }
                }
            }
            double[] e = new double[n];
            for (int k = 0; k < n; k++) {
                double v = -r[k];
                for (int i = 0; i < s; i++) {
                    v += phi[k * s + i] * alpha[i];
                }
                e[k] = -v;
            }
            // Variable projection (Kaufman's Gauss–Newton): e is already orthogonal to the range of Φ, so
            // the x-step is solved against the x-columns with their part in that range removed.
            double[] mx = Solves.projectOut(m, n, cols, s, Solves.rangeBasis(kernels, phi, n, s, cutoff));
            final int rows = n;
            final double[] target = r;
            final double[] reduced = f;
            PointSteps.Accepted<Fit> next = moves.step(x, new Solves.Damped(kernels, mx, n, s * d), e, current, xt -> {
                double[] phiT = features(system, theta, group, xt, reduced, rows, p, s);
                double[] at = leastSquares(phiT, rows, s, target);
                return new Fit(phiT, at, Math.hypot(distance(phiT, rows, s, at, target), offset));
            }, Fit::distance);
            if (next != null) {
                x = next.points();
                alpha = next.state().alpha();
                phi = next.state().phi();
                current = next.state().distance();
            }
            history[step] = current / rNorm;
        }
        system.setPoints(group, x);
        return new Result(x, alpha, history, best);
    }

    /** The kernel sections Φ at trial points, their coefficients α and the distance ‖Φα − r‖ (with the constant part). */
    private record Fit(double[] phi, double[] alpha, double distance) {
    }

    /** @return the relative cut-off in use (the adaptive rule's last choice) */
    public double cutoff() {
        return cutoff;
    }

    /** Φ = F A(x)ᵀ, N×S: the kernel sections K(x_i, y_k) on the reference points. */
    private static double[] features(ResidualSystem system, double[] theta, String group, double[] x, double[] f, int n, int p, int s) {
        system.setPoints(group, x);
        double[] a = GroupRows.rows(system, theta, group, s, p);
        double[] phi = new double[n * s];
        for (int k = 0; k < n; k++) {
            for (int i = 0; i < s; i++) {
                double v = 0;
                for (int q = 0; q < p; q++) {
                    v += f[k * p + q] * a[i * p + q];
                }
                phi[k * s + i] = v;
            }
        }
        return phi;
    }

    private static double[] shifted(double[] x, int s, int d, int c, double h) {
        double[] y = x.clone();
        for (int i = 0; i < s; i++) {
            y[i * d + c] = y[i * d + c] + h;
        }
        return y;
    }

    private static double distance(double[] phi, int n, int s, double[] alpha, double[] r) {
        double sum = 0;
        for (int k = 0; k < n; k++) {
            double v = -r[k];
            for (int i = 0; i < s; i++) {
                v += phi[k * s + i] * alpha[i];
            }
            sum += v * v;
        }
        return Math.sqrt(sum);
    }

    private double[] leastSquares(double[] m, int rows, int cols, double[] b) {
        return Solves.truncated(kernels, m, rows, cols, b, cutoff);
    }

    private static double norm(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x * x;
        }
        return Math.sqrt(s);
    }
}

package org.geopinn.optimizer.ssbfgs;

/**
 * The dense inverse-Hessian approximation H (P×P, row-major, symmetric) and its self-scaled
 * Broyden-family update, done in place:
 *
 * <pre>
 *   H ← (1/τ)·(H − (Hy)(Hy)ᵀ/(yᵀHy) + φ·(yᵀHy)·v vᵀ) + ρ s sᵀ,
 *   v = ρ s − Hy/(yᵀHy),   φ = (1 − θ)/(1 + aθ),   ρ = 1/(yᵀs),
 * </pre>
 *
 * the inverse form of Al-Baali's self-scaled Broyden class (θ = 0, φ = 1 is BFGS, θ = 1 is DFP;
 * τ = 1 is no scaling). Every member keeps the secant equation H_{k+1}y = s, because vᵀy = 0.
 * Choice of θ and τ, with b = −αρ sᵀg_k, h = ρ yᵀHy, a = bh − 1 (see {@link Variant}):
 * <ul>
 * <li>SSBFGS: θ = 0; τ = h at the first update (the initial scaling), afterwards min(1, 1/b).</li>
 * <li>SSBroyden: c = √(a/(1+a)), ρ⁻ = min(1, h(1 − c)), θ⁻ = (ρ⁻ − 1)/a, θ⁺ = 1/ρ⁻,
 * θ = max(θ⁻, min(θ⁺, (1 − b)/b)); σ = 1 + aθ; τ = h/σ at the first update, afterwards, with
 * ρ_k = min(1, 1/b) and σ_n = |σ|^{1/(1−n)}: τ = min(ρ_k σ_n, σ) if θ ≤ 0, else ρ_k·min(σ_n, 1/θ).</li>
 * <li>BFGS: θ = 0, τ = 1.</li>
 * </ul>
 * An update whose scalars are not finite and positive (yᵀs ≤ 0, yᵀHy ≤ 0, τ ≤ 0) is skipped.
 */
final class InverseHessian {
    private final int n;
    private final double[] h;
    private final double[] hy;
    private final double[] v;
    private boolean updated;
    private double lastTau = 1;
    private double lastTheta;

    /** @param n the dimension P; starts as the identity */
    InverseHessian(int n) {
        this.n = n;
        this.h = new double[n * n];
        this.hy = new double[n];
        this.v = new double[n];
        reset();
    }

    /** H ← I; the next update is a first update again (initial scaling). */
    void reset() {
        java.util.Arrays.fill(h, 0);
        for (int i = 0; i < n; i++) {
            h[i * n + i] = 1;
        }
        updated = false;
    }

    /**
     * H ← γI, counted as updated: the starting matrix of a replay of curvature pairs (the scaling
     * γ = sᵀy/yᵀy of the newest pair, Nocedal &amp; Wright eq. 7.20), after which no first-update
     * scaling applies.
     *
     * @param gamma the diagonal value, positive
     */
    void resetScaled(double gamma) {
        java.util.Arrays.fill(h, 0);
        for (int i = 0; i < n; i++) {
            h[i * n + i] = gamma;
        }
        updated = true;
    }

    /** @return whether H was updated since the last reset */
    boolean updated() {
        return updated;
    }

    /** @return τ of the last update */
    double lastTau() {
        return lastTau;
    }

    /** @return θ of the last update */
    double lastTheta() {
        return lastTheta;
    }

    /** out = H·x. */
    void times(double[] x, double[] out) {
        for (int i = 0; i < n; i++) {
            int row = i * n;
            double s = 0;
            for (int j = 0; j < n; j++) {
                s += h[row + j] * x[j];
            }
            out[i] = s;
        }
    }

    /**
     * @param s the step θ_{k+1} − θ_k (not modified)
     * @param y the gradient change g_{k+1} − g_k (not modified)
     * @param alpha the line-search step α_k (s = α_k d_k)
     * @param sDotGradient sᵀg_k, with g_k the gradient at the start of the step (&lt; 0)
     * @param variant the family member
     * @return false if the update was skipped
     */
    boolean update(double[] s, double[] y, double alpha, double sDotGradient, Variant variant) {
        double inner = dot(y, s);
        if (!(inner > 0) || !Double.isFinite(inner)) {
            return false;
        }
        double rho = 1 / inner;
        times(y, hy);
        double yhy = dot(y, hy);
        if (!(yhy > 0) || !Double.isFinite(yhy)) {
            return false;
        }
        double hk = yhy * rho;
        double bk = -alpha * rho * sDotGradient;
        double ak = Math.max(0, bk * hk - 1);
        double theta = 0;
        double tau = 1;
        switch (variant) {
            case BFGS -> {
                theta = 0;
                tau = 1;
            }
            case SSBFGS -> tau = updated ? Math.min(1, 1 / bk) : hk;
            case SSBROYDEN -> {
                if (ak > 1e-12) {
                    double c = Math.sqrt(ak / (1 + ak));
                    double rhoMinus = Math.min(1, hk * (1 - c));
                    double thetaMinus = (rhoMinus - 1) / ak;
                    double thetaPlus = 1 / rhoMinus;
                    theta = Math.max(thetaMinus, Math.min(thetaPlus, (1 - bk) / bk));
                }
                double sigma = 1 + ak * theta;
                if (!updated) {
                    tau = hk / sigma;
                } else {
                    double rhoK = Math.min(1, 1 / bk);
                    double sigmaN = Math.pow(Math.abs(sigma), 1.0 / (1.0 - n));
                    tau = theta <= 0 ? Math.min(rhoK * sigmaN, sigma) : rhoK * Math.min(sigmaN, 1 / theta);
                }
            }
            default -> throw new IllegalStateException(variant.toString());
        }
        double phi = (1 - theta) / (1 + ak * theta);
        if (!(tau > 0) || !Double.isFinite(tau) || !Double.isFinite(1 / tau) || !Double.isFinite(phi)) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            v[i] = rho * s[i] - hy[i] / yhy;
        }
        double inverseTau = 1 / tau;
        double pv = phi * yhy;
        // symmetric: compute the upper triangle and mirror it
        for (int i = 0; i < n; i++) {
            int row = i * n;
            double hyi = hy[i] / yhy;
            double vi = pv * v[i];
            double si = rho * s[i];
            for (int j = i; j < n; j++) {
                double value = (h[row + j] - hyi * hy[j] + vi * v[j]) * inverseTau + si * s[j];
                h[row + j] = value;
                h[j * n + i] = value;
            }
        }
        updated = true;
        lastTau = tau;
        lastTheta = theta;
        return true;
    }

    /** @return the upper triangle row by row, n(n+1)/2 values (a new array) */
    double[] packedUpper() {
        double[] out = new double[n * (n + 1) / 2];
        int k = 0;
        for (int i = 0; i < n; i++) {
            System.arraycopy(h, i * n + i, out, k, n - i);
            k += n - i;
        }
        return out;
    }

    /** @param packed the upper triangle row by row (as {@link #packedUpper}) @param wasUpdated the first-update flag */
    void restore(double[] packed, boolean wasUpdated) {
        if (packed.length != n * (n + 1) / 2) {
            throw new org.geopinn.api.GeopinnException("ssbfgs state has " + packed.length + " inverse-Hessian entries, expected "
                    + n * (n + 1) / 2 + " for " + n + " parameters");
        }
        int k = 0;
        for (int i = 0; i < n; i++) {
            for (int j = i; j < n; j++) {
                h[i * n + j] = packed[k];
                h[j * n + i] = packed[k];
                k++;
            }
        }
        updated = wasUpdated;
    }

    /** @return H(i, j) */
    double get(int i, int j) {
        return h[i * n + j];
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}

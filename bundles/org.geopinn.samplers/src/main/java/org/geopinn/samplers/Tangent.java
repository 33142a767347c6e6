package org.geopinn.samplers;

import org.geopinn.linalg.DenseKernels;
import org.geopinn.linalg.ThinSvd;

/**
 * The collocation learner's view of the tangent space from the reference points: the reference rows
 * F = U_k Σ_k V_kᵀ reduced to W = (V_k Σ_k)ᵀ (k×P) for the tangent kernel, or (V_k Σ_k⁻¹)ᵀ for the natural one
 * (sections F G⁺ a(x), G = FᵀF: U_k Σ_k⁻¹ V_kᵀ a(x)); c = U_kᵀ r, and the part of r outside the span.
 */
final class Tangent {
    final int k;
    final double[] wt;
    final double[] c;
    final double offset;
    /** U of the reference rows' decomposition, row-major N×m (m = min(N, P)); its first k columns span Im F. */
    private final double[] u;
    private final int m;
    private final double[] sigma;
    private final int n;
    private final int p;
    private final double rr;

    Tangent(DenseKernels kernels, double[] f, int n, int p, double[] r, boolean natural) {
        this.n = n;
        this.p = p;
        ThinSvd svd = Solves.svd(kernels, f, n, p);
        double[] all = svd.sigma();
        m = all.length;
        k = Solves.rankAbove(all, 1e-10);
        u = svd.u().data;
        double[] v = svd.v().data;
        sigma = java.util.Arrays.copyOf(all, k);
        wt = new double[k * p];
        for (int j = 0; j < k; j++) {
            double scale = natural ? 1 / sigma[j] : sigma[j];
            for (int q = 0; q < p; q++) {
                wt[j * p + q] = scale * v[q * m + j];
            }
        }
        c = Solves.transposeTimes(u, n, m, r, k);
        double inside = 0;
        for (double x : c) {
            inside += x * x;
        }
        double rn = 0;
        for (double x : r) {
            rn += x * x;
        }
        rr = rn;
        offset = Math.sqrt(Math.max(0, rr - inside));
    }

    private Tangent(Tangent t, int k) {
        this.k = k;
        this.n = t.n;
        this.p = t.p;
        this.u = t.u;
        this.m = t.m;
        this.rr = t.rr;
        this.sigma = java.util.Arrays.copyOf(t.sigma, k);
        this.wt = java.util.Arrays.copyOf(t.wt, k * t.p);
        this.c = java.util.Arrays.copyOf(t.c, k);
        double inside = 0;
        for (double x : c) {
            inside += x * x;
        }
        this.offset = Math.sqrt(Math.max(0, rr - inside));
    }

    /** @param tau a relative cut-off @return how many singular values of F reach τ·σ_max */
    int rank(double tau) {
        int r = 0;
        while (r < k && sigma[r] >= tau * sigma[0]) {
            r++;
        }
        return r;
    }

    /** @param rank the leading directions to keep @return the tangent space cut to them */
    Tangent truncate(int rank) {
        return new Tangent(this, rank);
    }

    /** @return U_k Φ̃: the kernel sections on the reference points, N×S */
    double[] full(double[] phi, int s) {
        return full(phi, s, k);
    }

    /** @return U_r Φ̃_r for the leading r rows */
    double[] full(double[] phi, int s, int rank) {
        double[] out = new double[n * s];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < rank; j++) {
                double uij = u[i * m + j];
                for (int q = 0; q < s; q++) {
                    out[i * s + q] += uij * phi[j * s + q];
                }
            }
        }
        return out;
    }
}

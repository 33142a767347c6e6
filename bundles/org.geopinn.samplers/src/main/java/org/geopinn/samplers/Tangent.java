package org.geopinn.samplers;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.SingularOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;
import org.geopinn.api.GeopinnException;

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
    private final DMatrixRMaj u;
    private final double[] sigma;
    private final int n;
    private final int p;
    private final double rr;

    Tangent(double[] f, int n, int p, double[] r, boolean natural) {
        this.n = n;
        this.p = p;
        SingularValueDecomposition_F64<DMatrixRMaj> svd = DecompositionFactory_DDRM.svd(n, p, true, true, true);
        if (!svd.decompose(new DMatrixRMaj(n, p, true, f.clone()))) {
            throw new GeopinnException("collocation learning: singular value decomposition of the reference rows did not converge");
        }
        DMatrixRMaj uu = svd.getU(null, false);
        DMatrixRMaj v = svd.getV(null, false);
        DMatrixRMaj w = svd.getW(null);
        SingularOps_DDRM.descendingOrder(uu, false, w, v, false);
        k = Solves.rankAbove(w, 1e-10);
        u = uu;
        sigma = new double[k];
        wt = new double[k * p];
        c = new double[k];
        double inside = 0;
        for (int j = 0; j < k; j++) {
            sigma[j] = w.get(j, j);
            double scale = natural ? 1 / sigma[j] : sigma[j];
            for (int q = 0; q < p; q++) {
                wt[j * p + q] = scale * v.get(q, j);
            }
            double dot = 0;
            for (int i = 0; i < n; i++) {
                dot += uu.get(i, j) * r[i];
            }
            c[j] = dot;
            inside += dot * dot;
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
                double uij = u.get(i, j);
                for (int q = 0; q < s; q++) {
                    out[i * s + q] += uij * phi[j * s + q];
                }
            }
        }
        return out;
    }
}

package org.geopinn.samplers;

import org.geopinn.linalg.DenseKernels;

/**
 * The collocation learner's adaptive cut-off: from a list of relative cut-offs, the one whose coefficients α,
 * fitted on every other reference point, best represent the residual on the points left out (the rank that
 * generalises).
 */
final class HeldOutCutoff {

    private HeldOutCutoff() {
    }

    /**
     * The adaptive rule: α fitted on the even reference rows at each candidate cut-off, the distance measured on
     * the odd rows; the cut-off of the smallest held-out distance wins (the larger one on ties).
     */
    static double plain(DenseKernels kernels, double[] cutoffs, double[] phi, int n, int s, double[] r) {
        double bestTau = cutoffs[0];
        double bestDistance = Double.POSITIVE_INFINITY;
        for (double tau : cutoffs) {
            double sum = error(kernels, phi, n, s, r, tau);
            if (sum < bestDistance * (1 - 1e-9)) {
                bestDistance = sum;
                bestTau = tau;
            }
        }
        return bestTau;
    }

    /** The natural kernel's rule: the tangent basis and the solves are cut at the same τ, chosen on held-out rows. */
    static double natural(DenseKernels kernels, double[] cutoffs, Tangent t, double[] phi, int n, int s, double[] r) {
        double bestTau = cutoffs[0];
        double bestDistance = Double.POSITIVE_INFINITY;
        for (double tau : cutoffs) {
            double sum = error(kernels, t.full(phi, s, t.rank(tau)), n, s, r, tau);
            if (sum < bestDistance * (1 - 1e-9)) {
                bestDistance = sum;
                bestTau = tau;
            }
        }
        return bestTau;
    }

    /** ‖Φα − r‖² on the odd rows for α fitted on the even rows at cut-off τ. */
    private static double error(DenseKernels kernels, double[] phi, int n, int s, double[] r, double tau) {
        int train = (n + 1) / 2;
        double[] a = new double[train * s];
        double[] b = new double[train];
        for (int k = 0; k < n; k += 2) {
            System.arraycopy(phi, k * s, a, (k / 2) * s, s);
            b[k / 2] = r[k];
        }
        double[] alpha = Solves.truncated(kernels, a, train, s, b, tau);
        double sum = 0;
        for (int k = 1; k < n; k += 2) {
            double v = -r[k];
            for (int i = 0; i < s; i++) {
                v += phi[k * s + i] * alpha[i];
            }
            sum += v * v;
        }
        return sum;
    }
}

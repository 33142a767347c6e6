package org.geopinn.samplers;

import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.geopinn.api.GeopinnException;
import org.geopinn.api.operator.ResidualSystem;
import org.geopinn.linalg.DenseKernels;

/**
 * Chosen collocation points: from a candidate set, the S points of one condition whose operator rows
 * ∂_θ D[u](x) best carry the empirical natural gradient.
 *
 * <p>Why (Schwencke &amp; Furtlehner, "ANaGRAM: A Natural Gradient Relative to Adapted Model for
 * efficient PINNs learning", 2025, and their slides "Geometrical perspectives", "empirical natural
 * gradient"): on S points the natural-gradient step is δθ = A_S⁺ r_S (A_S the rows, r_S the residuals
 * there) and its functional update F δθ, seen on a dense set with rows F, should be the projection
 * F F⁺ r of the residual on the tangent space. Write r = F δ* + r⊥: when the rows A_S span the row
 * space of F the part F δ* is reproduced exactly whatever the points, and the error is
 * F A_S⁺ r⊥_S, whose size is governed by how well conditioned A_S is against F (‖F A_S⁺‖). So the
 * points should span the tangent space with a well-conditioned set of rows: a maximum-volume
 * selection, done greedily by column-pivoted QR on the candidates' rows (Businger &amp; Golub, 1965;
 * as in Q-DEIM, Drmač &amp; Gugercin, "A new selection operator for the discrete empirical
 * interpolation method", 2016). For as many points as the rank, the maximum-volume set does not
 * depend on a right change of basis (all determinants scale alike), so the rows are used as they
 * are, without whitening.
 *
 * <p>How: (1) the core: greedy pivoted Gram–Schmidt on the rows of the M candidates, each pick the
 * row with the largest part outside the span of those already picked, until S rows are picked or the
 * largest part left falls below {@code cutoff} times the largest row norm (the numerical rank is
 * reached); (2) the fill, when S exceeds that rank: by default the first candidates not in the core,
 * in the order given (a quasi-random sampler's order keeps its low discrepancy, so the loss still
 * weighs the domain evenly); or, asked for, drawn without replacement with probability
 * ∝ ℓ_i/mean(ℓ) + 1, ℓ_i the leverage of candidate i in the candidates' own Gram matrix (in the core's
 * basis), half leverage sampling (Drineas, Mahoney &amp; Muthukrishnan, "Sampling algorithms for l2
 * regression and applications", 2006; Cohen &amp; Migliorati, "Optimal weighted least-squares
 * methods", 2017) and half uniform, with Efraimidis–Spirakis keys from a generator seeded with the
 * seed. The leverage fill is not the default: without the weights of weighted least squares it
 * shifts the loss's measure, and ANaGRAM on the 2-D Laplace problem stalled at 2e-4 with it (against
 * 7e-7 with the ordered fill). The same arguments give the same points. The residual itself does not
 * enter: the selection is for the whole tangent space, not for one residual.
 *
 * <p>Cost: the candidates' rows once (M×P), then 2·M·P multiply-adds per core point ({@link PivotedRows},
 * left-looking) and M·k² for the leverage (k the core's size). Not thread-safe (it drives the system); it runs between optimizer steps.
 */
public final class CollocationChooser {
    private final double cutoff;
    private final boolean leverageFill;

    /**
     * The outcome of a choice.
     *
     * @param points the chosen points, row-major S×d
     * @param indices the chosen candidates' indices, core first
     * @param core how many were picked by the pivoted QR (the numerical rank reached, at most S)
     */
    public record Result(double[] points, int[] indices, int core) {
    }

    /**
     * @param cutoff relative size, against the largest candidate row, below which a row's part outside the span
     *        of the picked rows counts as zero (the numerical rank), in (0, 1); the fill keeps the candidates' order
     * @throws GeopinnException when the cut-off is out of range
     */
    public CollocationChooser(double cutoff) {
        this(cutoff, false);
    }

    /**
     * @param cutoff relative size below which a row's part outside the span counts as zero, in (0, 1)
     * @param leverageFill true: the points after the core are drawn by leverage mixed with uniform; false: they are the
     *        first candidates not in the core, in the order given (the sampler's order keeps a quasi-random set's low discrepancy)
     * @throws GeopinnException when the cut-off is out of range
     */
    public CollocationChooser(double cutoff, boolean leverageFill) {
        this.leverageFill = leverageFill;
        if (!(cutoff > 0 && cutoff < 1)) {
            throw new GeopinnException("collocation choice: cut-off must satisfy 0 < cutoff < 1, got " + cutoff);
        }
        this.cutoff = cutoff;
    }

    /**
     * Chooses the points of one condition and leaves the system at them.
     *
     * @param system the residual system (the group's points end at the chosen ones)
     * @param theta the parameters (not modified)
     * @param group the condition's name
     * @param candidates the candidates, row-major M×d (all on the condition's part)
     * @param dimension d
     * @param count S, at most M
     * @param seed the seed of the fill's draw
     * @return the chosen points
     * @throws GeopinnException when the group is unknown or there are fewer candidates than points
     */
    public Result choose(ResidualSystem system, double[] theta, String group, double[] candidates, int dimension, int count, long seed) {
        int d = dimension;
        int m = candidates.length / d;
        if (count < 1 || count > m) {
            throw new GeopinnException("collocation choice: " + count + " points asked from " + m + " candidates of '" + group + "'");
        }
        int p = system.parameterCount();
        system.setPoints(group, candidates);
        double[] a = GroupRows.rows(system, theta, group, m, p);
        double top = 0;
        for (int i = 0; i < m; i++) {
            top = Math.max(top, PivotedRows.dot(a, i * p, a, i * p, p));
        }
        double floor = cutoff * cutoff * top;
        boolean[] taken = new boolean[m];
        int[] picked = new int[count];
        int limit = Math.min(count, p);
        double[] coef = new double[m * limit]; // coefficients of every candidate row on the core's orthonormal basis
        int core = PivotedRows.choose(a, m, p, limit, floor, taken, picked, coef);
        if (core < count && leverageFill) {
            fill(coef, m, limit, core, taken, picked, count, seed);
        } else {
            for (int i = 0, j = core; j < count; i++) {
                if (!taken[i]) {
                    taken[i] = true;
                    picked[j++] = i;
                }
            }
        }
        double[] x = new double[count * d];
        for (int j = 0; j < count; j++) {
            System.arraycopy(candidates, picked[j] * d, x, j * d, d);
        }
        system.setPoints(group, x);
        return new Result(x, picked, core);
    }

    /** The fill: the points after the core, drawn with probability ∝ leverage/mean + 1 without replacement. */
    private void fill(double[] coef, int m, int stride, int k, boolean[] taken, int[] picked, int count, long seed) {
        double[] lev = leverage(coef, m, stride, k);
        double mean = 0;
        for (double l : lev) {
            mean += l;
        }
        mean /= m;
        SplittableRandom random = new SplittableRandom(seed);
        double[] key = new double[m];
        Integer[] order = new Integer[m];
        for (int i = 0; i < m; i++) {
            double w = (mean > 0 ? lev[i] / mean : 0) + 1;
            double u = random.nextDouble();
            key[i] = taken[i] ? Double.NEGATIVE_INFINITY : Math.log(Math.max(u, Double.MIN_VALUE)) / w; // log of u^(1/w)
            order[i] = i;
        }
        java.util.Arrays.sort(order, (i, j) -> Double.compare(key[j], key[i]) != 0 ? Double.compare(key[j], key[i]) : Integer.compare(i, j));
        for (int j = k, o = 0; j < count; j++, o++) {
            picked[j] = order[o];
            taken[order[o]] = true;
        }
    }

    /**
     * ℓ_i = c_i G⁺ c_iᵀ with c_i the i-th candidate's coefficients on the core's basis and G = Σ c_iᵀ c_i,
     * directions of G below cutoff² of its largest eigenvalue left out.
     */
    private double[] leverage(double[] coef, int m, int stride, int k) {
        double[] lev = new double[m];
        if (k == 0) {
            return lev;
        }
        DMatrixRMaj g = new DMatrixRMaj(k, k);
        for (int i = 0; i < m; i++) {
            int o = i * stride;
            for (int a = 0; a < k; a++) {
                double ca = coef[o + a];
                if (ca == 0) {
                    continue;
                }
                for (int b = a; b < k; b++) {
                    g.data[a * k + b] += ca * coef[o + b];
                }
            }
        }
        for (int a = 0; a < k; a++) {
            for (int b = 0; b < a; b++) {
                g.data[a * k + b] = g.data[b * k + a];
            }
        }
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(k, true, true);
        if (!eig.decompose(g)) {
            throw new GeopinnException("collocation choice: eigen-decomposition of the candidates' Gram matrix did not converge");
        }
        double lmax = 0;
        for (int j = 0; j < k; j++) {
            lmax = Math.max(lmax, eig.getEigenvalue(j).real);
        }
        double[] c = new double[k];
        for (int j = 0; j < k; j++) {
            double l = eig.getEigenvalue(j).real;
            if (!(l > cutoff * cutoff * lmax)) {
                continue;
            }
            DMatrixRMaj v = eig.getEigenVector(j);
            for (int a = 0; a < k; a++) {
                c[a] = v.data[a];
            }
            for (int i = 0; i < m; i++) {
                int o = i * stride;
                double dot = 0;
                for (int a = 0; a < k; a++) {
                    dot += coef[o + a] * c[a];
                }
                lev[i] += dot * dot / l;
            }
        }
        return lev;
    }

    /**
     * The error of the empirical natural gradient on some points, seen on a reference set: ‖F A_S⁺ r_S − F F⁺ r‖/‖r‖,
     * F and r the rows and residuals of the group at the reference points, A_S and r_S at the points, pseudo-inverses
     * cut at a relative singular value. The system is left at the points.
     *
     * @param system the residual system
     * @param theta the parameters
     * @param group the condition's name
     * @param points the points S×d
     * @param reference the reference points N×d
     * @param dimension d
     * @param cutoff the relative cut-off of both pseudo-inverses
     * @return the relative error, 0 when the residual vanishes
     */
    public static double naturalGradientError(ResidualSystem system, double[] theta, String group, double[] points, double[] reference,
            int dimension, double cutoff) {
        int p = system.parameterCount();
        int d = dimension;
        int s = points.length / d;
        int n = reference.length / d;
        system.setPoints(group, reference);
        double[] f = GroupRows.rows(system, theta, group, n, p);
        double[] r = GroupRows.residuals(system, theta, group, n);
        system.setPoints(group, points);
        double[] a = GroupRows.rows(system, theta, group, s, p);
        double[] rs = GroupRows.residuals(system, theta, group, s);
        DenseKernels kernels = DenseKernels.preferred();
        double[] exact = Solves.truncated(kernels, f, n, p, r, cutoff);
        double[] empirical = Solves.truncated(kernels, a, s, p, rs, cutoff);
        double e = 0;
        double rr = 0;
        for (int k = 0; k < n; k++) {
            double v = 0;
            for (int q = 0; q < p; q++) {
                v += f[k * p + q] * (empirical[q] - exact[q]);
            }
            e += v * v;
            rr += r[k] * r[k];
        }
        return rr == 0 ? 0 : Math.sqrt(e / rr);
    }
}

package org.geopinn.samplers;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.geopinn.api.GeopinnException;

/**
 * Residual-adaptive resampling: from candidate points and their residuals r_i, selects a new set
 * of collocation points that concentrates where the residual is large.
 *
 * <ol>
 * <li>The fraction {@code keepFraction} of the new set is the candidates with the largest |r|
 * (greedy refinement, as in RAR).</li>
 * <li>The rest is drawn without replacement from the other candidates with probability proportional
 * to |r_i|^k / mean_j |r_j|^k + c (the RAD density of Wu et al.; k = {@code exponent},
 * c = {@code offset}; c &gt; 0 keeps some uniform coverage), by the Efraimidis–Spirakis keys
 * log(U_i)/w_i with U_i from a generator seeded with the seed.</li>
 * </ol>
 * {@link #select} chooses among distinct locations: a candidate equal to an earlier one (the
 * current points, or a sampler that returns the same grid every round) is not a second chance to be
 * drawn. A condition with no more distinct candidates than points keeps every one of them, so a
 * part made of a few points (the two ends of an interval) never loses one to the draw.
 * The selection is invariant to a constant factor on all residuals, so the scaled rows of one
 * group of a {@link org.geopinn.api.operator.ResidualSystem} can be passed as they are. A typical
 * call every k steps, for group g on part P with n points:
 *
 * <pre>{@code
 * double[] candidates = concat(system.points(g), sampler.sample(domain, P, 4 * n, seed, options));
 * system.setPoints(g, candidates);
 * system.residuals(theta, rows);                       // rows of g: offset .. offset + size
 * double[] r = Arrays.copyOfRange(rows, offset, offset + size);
 * system.setPoints(g, resampler.select(candidates, r, d, n, seed));
 * }</pre>
 *
 * Immutable and thread-safe; the same arguments and seed give the same selection.
 */
public final class ResidualAdaptiveResampler {
    private final double keepFraction;
    private final double exponent;
    private final double offset;

    /**
     * @param keepFraction share of the new points taken greedily by largest |r|, in [0, 1]
     * @param exponent k ≥ 0 in |r|^k (0 samples uniformly among the rest)
     * @param offset c ≥ 0 added to the normalised density
     * @throws GeopinnException for values outside those ranges
     */
    public ResidualAdaptiveResampler(double keepFraction, double exponent, double offset) {
        if (!(keepFraction >= 0 && keepFraction <= 1)) {
            throw new GeopinnException("keep fraction must be in [0, 1], got " + keepFraction);
        }
        if (!(exponent >= 0) || Double.isInfinite(exponent)) {
            throw new GeopinnException("residual exponent must be finite and non-negative, got " + exponent);
        }
        if (!(offset >= 0) || Double.isInfinite(offset)) {
            throw new GeopinnException("density offset must be finite and non-negative, got " + offset);
        }
        this.keepFraction = keepFraction;
        this.exponent = exponent;
        this.offset = offset;
    }

    /** @return RAD with its published defaults k = 1, c = 1 and nothing kept greedily */
    public static ResidualAdaptiveResampler rad() {
        return new ResidualAdaptiveResampler(0, 1, 1);
    }

    /**
     * @param candidates candidate points, row-major N×d (not modified)
     * @param residuals one residual per candidate (not modified)
     * @param dimension d
     * @param count how many points to select, at most N
     * @param seed the random seed
     * @return the selected points, row-major count×d, in candidate order; distinct locations, unless
     *         there are at most {@code count} distinct candidates: then all of them, repeated in
     *         order to fill {@code count} rows
     * @throws GeopinnException when the sizes do not fit
     */
    public double[] select(double[] candidates, double[] residuals, int dimension, int count, long seed) {
        if (dimension < 1 || candidates.length % dimension != 0 || candidates.length / dimension != residuals.length) {
            throw new GeopinnException("expected one residual per candidate point: " + candidates.length + " coordinates in "
                    + dimension + " dimensions and " + residuals.length + " residuals");
        }
        checkCount(count, residuals.length);
        int[] distinct = distinctRows(candidates, dimension);
        int[] chosen;
        if (distinct.length <= count) {
            chosen = new int[count];
            for (int i = 0; i < count; i++) {
                chosen[i] = distinct[i % distinct.length];
            }
        } else {
            double[] r = new double[distinct.length];
            for (int i = 0; i < r.length; i++) {
                r[i] = residuals[distinct[i]];
            }
            chosen = selectIndices(r, count, seed);
            for (int i = 0; i < count; i++) {
                chosen[i] = distinct[chosen[i]];
            }
        }
        double[] out = new double[count * dimension];
        for (int i = 0; i < count; i++) {
            System.arraycopy(candidates, chosen[i] * dimension, out, i * dimension, dimension);
        }
        return out;
    }

    /** @throws GeopinnException unless 0 ≤ count ≤ candidates */
    private static void checkCount(int count, int candidates) {
        if (count < 0 || count > candidates) {
            throw new GeopinnException("cannot select " + count + " points from " + candidates + " candidates");
        }
    }

    /** @return the index of the first occurrence of every distinct row, increasing */
    private static int[] distinctRows(double[] points, int dimension) {
        int n = points.length / dimension;
        Set<Row> seen = new HashSet<>();
        int[] first = new int[n];
        int k = 0;
        for (int i = 0; i < n; i++) {
            if (seen.add(new Row(Arrays.copyOfRange(points, i * dimension, (i + 1) * dimension)))) {
                first[k++] = i;
            }
        }
        return Arrays.copyOf(first, k);
    }

    /** A point's coordinates with value equality (renewal is rare; the copies do not reach the training step). */
    private record Row(double[] x) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Row r && Arrays.equals(x, r.x);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(x);
        }
    }

    /**
     * @param residuals one residual per candidate (not modified)
     * @param count how many to select, at most the number of candidates
     * @param seed the random seed
     * @return the indices of the selected candidates, increasing
     */
    public int[] selectIndices(double[] residuals, int count, long seed) {
        int n = residuals.length;
        checkCount(count, n);
        for (double r : residuals) {
            if (!Double.isFinite(r)) {
                throw new GeopinnException("a candidate residual is " + r + "; residuals must be finite");
            }
        }
        Integer[] byResidual = new Integer[n];
        for (int i = 0; i < n; i++) {
            byResidual[i] = i;
        }
        Arrays.sort(byResidual, (a, b) -> Double.compare(Math.abs(residuals[b]), Math.abs(residuals[a])));
        int keep = (int) Math.round(keepFraction * count);
        boolean[] taken = new boolean[n];
        for (int i = 0; i < keep; i++) {
            taken[byResidual[i]] = true;
        }
        drawWeighted(residuals, taken, count - keep, seed);
        int[] out = new int[count];
        int k = 0;
        for (int i = 0; i < n; i++) {
            if (taken[i]) {
                out[k++] = i;
            }
        }
        return out;
    }

    /** Marks {@code m} more candidates as taken, without replacement, with probability ∝ density. */
    private void drawWeighted(double[] residuals, boolean[] taken, int m, long seed) {
        int n = residuals.length;
        double mean = 0;
        int free = 0;
        for (int i = 0; i < n; i++) {
            if (!taken[i]) {
                mean += Math.pow(Math.abs(residuals[i]), exponent);
                free++;
            }
        }
        mean = free == 0 ? 0 : mean / free;
        SplittableRandom random = new SplittableRandom(seed);
        double[] key = new double[n];
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
            double u = 1 - random.nextDouble(); // in (0, 1], so log(u) is finite
            double density = (mean > 0 ? Math.pow(Math.abs(residuals[i]), exponent) / mean : 1) + offset;
            // log(U)/w: the m largest keys are a weighted sample without replacement; w = 0 comes last.
            key[i] = taken[i] ? Double.NEGATIVE_INFINITY : density > 0 ? Math.log(u) / density : -Double.MAX_VALUE;
        }
        Arrays.sort(order, (a, b) -> Double.compare(key[b], key[a]));
        for (int j = 0; j < m; j++) {
            taken[order[j]] = true;
        }
    }
}

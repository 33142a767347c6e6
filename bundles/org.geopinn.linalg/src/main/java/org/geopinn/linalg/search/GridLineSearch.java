package org.geopinn.linalg.search;

/**
 * The grid line search of the natural-gradient references: evaluate φ(η) for η = 2⁻ᵏ,
 * k = 0..maxExponent, and take the η of smallest finite value (the first one on ties).
 *
 * <p>With a patience p &gt; 0 the scan stops early once a value below the reference φ(0) has been
 * found and the p values after the best one were all higher: the loss along a descent direction
 * is usually unimodal in k, so this usually returns the same η as the full scan at a fraction of
 * the evaluations. Patience 0 scans the whole grid, as the references do.
 */
public final class GridLineSearch {
    private final int maxExponent;
    private final int patience;

    /** @param maxExponent the largest k (the references use 30), ≥ 0 */
    public GridLineSearch(int maxExponent) {
        this(maxExponent, 0);
    }

    /**
     * @param maxExponent the largest k (the references use 30), ≥ 0
     * @param patience stop after this many values above the best once a decrease was found; 0 never stops early
     */
    public GridLineSearch(int maxExponent, int patience) {
        if (maxExponent < 0 || maxExponent > 1000 || patience < 0) {
            throw new IllegalArgumentException("grid line search needs 0 <= maxExponent <= 1000 and patience >= 0, got "
                    + maxExponent + ", " + patience);
        }
        this.maxExponent = maxExponent;
        this.patience = patience;
    }

    /** @return the largest exponent k */
    public int maxExponent() {
        return maxExponent;
    }

    /**
     * Scans the whole grid (or stops early per the patience, with no reference value: never).
     *
     * @param phi the loss along the line
     * @return the best step
     */
    public GridSearchResult search(LineFunction phi) {
        return search(phi, Double.NEGATIVE_INFINITY);
    }

    /**
     * @param phi the loss along the line
     * @param reference φ(0): early stopping needs a value below it
     * @return the best step
     */
    public GridSearchResult search(LineFunction phi, double reference) {
        double best = Double.POSITIVE_INFINITY;
        int bestK = -1;
        int worseSinceBest = 0;
        int evaluations = 0;
        double eta = 1;
        for (int k = 0; k <= maxExponent; k++) {
            double v = phi.value(eta);
            evaluations++;
            if (Double.isFinite(v) && v < best) {
                best = v;
                bestK = k;
                worseSinceBest = 0;
            } else if (bestK >= 0) {
                worseSinceBest++;
            }
            if (patience > 0 && best < reference && worseSinceBest >= patience) {
                break;
            }
            eta *= 0.5;
        }
        return new GridSearchResult(bestK < 0 ? Double.NaN : Math.scalb(1.0, -bestK), bestK, best, evaluations);
    }
}

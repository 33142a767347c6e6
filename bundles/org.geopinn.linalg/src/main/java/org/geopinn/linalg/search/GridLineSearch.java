package org.geopinn.linalg.search;

/**
 * The grid line search of the natural-gradient references: evaluate φ(η) for η = 2⁻ᵏ,
 * k = 0..maxExponent, and take the η of smallest finite value (the first one on ties).
 */
public final class GridLineSearch {
    private final int maxExponent;

    /** @param maxExponent the largest k (the references use 30), ≥ 0 */
    public GridLineSearch(int maxExponent) {
        if (maxExponent < 0 || maxExponent > 1000) {
            throw new IllegalArgumentException("grid line search needs 0 <= maxExponent <= 1000, got " + maxExponent);
        }
        this.maxExponent = maxExponent;
    }

    /** @return the largest exponent k */
    public int maxExponent() {
        return maxExponent;
    }

    /**
     * @param phi the loss along the line
     * @return the best step
     */
    public GridSearchResult search(LineFunction phi) {
        double best = Double.POSITIVE_INFINITY;
        int bestK = -1;
        double eta = 1;
        for (int k = 0; k <= maxExponent; k++) {
            double v = phi.value(eta);
            if (Double.isFinite(v) && v < best) {
                best = v;
                bestK = k;
            }
            eta *= 0.5;
        }
        return new GridSearchResult(bestK < 0 ? Double.NaN : Math.scalb(1.0, -bestK), bestK, best, maxExponent + 1);
    }
}

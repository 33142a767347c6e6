package org.geopinn.evolution.problems;

/**
 * One-dimensional Gaussian profiles: the free pulse exp(−z²/(2s²)) and its odd image sum on
 * [−1, 1], which vanishes at x = ±1 and solves the heat equation with zero Dirichlet data there
 * (sources +at 4n, −at 2 + 4n; terms beyond |n| = {@value #IMAGES} are below 1e-300 for s ≤ 1).
 */
final class GaussianPulse {
    static final int IMAGES = 3;

    private GaussianPulse() {
    }

    /**
     * @param z the offset from the centre
     * @param s the width
     * @return exp(−z²/(2s²))
     */
    static double free(double z, double s) {
        return Math.exp(-z * z / (2 * s * s));
    }

    /**
     * @param x a point of [−1, 1]
     * @param s the width
     * @return Σ_n [g(x − 4n) − g(x − 2 − 4n)], g the free pulse centred at 0
     */
    static double dirichlet(double x, double s) {
        double sum = 0;
        for (int k = -IMAGES; k <= IMAGES; k++) {
            sum += free(x - 4 * k, s) - free(x - 2 - 4 * k, s);
        }
        return sum;
    }
}

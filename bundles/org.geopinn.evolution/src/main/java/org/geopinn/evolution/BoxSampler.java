package org.geopinn.evolution;

import java.util.Random;

/** Uniform random points in a box: fresh collocation samples for every time step and fit. */
final class BoxSampler {
    private final double[] lower;
    private final double[] width;
    private final Random random;

    /**
     * @param lower lower corner
     * @param upper upper corner
     * @param random the source of the points
     */
    BoxSampler(double[] lower, double[] upper, Random random) {
        this.lower = lower.clone();
        this.width = new double[lower.length];
        for (int j = 0; j < lower.length; j++) {
            width[j] = upper[j] - lower[j];
        }
        this.random = random;
    }

    /** @return the dimension d */
    int dimension() {
        return lower.length;
    }

    /**
     * @param out receives n points, row-major n×d (modified)
     * @param n the number of points
     */
    void draw(double[] out, int n) {
        int d = lower.length;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                out[i * d + j] = lower[j] + width[j] * random.nextDouble();
            }
        }
    }
}

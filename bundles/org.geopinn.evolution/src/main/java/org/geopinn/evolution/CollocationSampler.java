package org.geopinn.evolution;

import java.util.Random;

/**
 * Fresh collocation points for a step or a fit: a fraction of them uniform in the box, the rest
 * drawn from a uniform pool ({@value #POOL_FACTOR}× larger) with probability ∝ Σ_f |g_f(x)| (g the
 * current solution, or the fit's target) by systematic resampling. A narrow pulse covers a few
 * percent of the box, so uniform points alone leave the projection θ̇ = argmin ‖Jθ̇ − L[u]‖ to a
 * handful of samples where the solution lives; the uniform part keeps every region represented.
 * The points are not reweighted: the projection is in the L² norm of the sampling density, which
 * weights the region where the solution (and the relative error) lives.
 */
final class CollocationSampler {
    /** Pool size relative to the number of importance points. */
    static final int POOL_FACTOR = 4;

    private final BoxSampler uniform;
    private final Random random;
    private final int dimension;
    private final int fields;
    private final double importance;
    private final double[] pool;
    private final double[] poolValues;
    private final double[] cumulative;

    /**
     * @param uniform the uniform box sampler
     * @param fields F
     * @param maxPoints the largest sample set
     * @param importance fraction of points drawn by magnitude, in [0, 1]
     * @param random the source of the resampling offsets
     */
    CollocationSampler(BoxSampler uniform, int fields, int maxPoints, double importance, Random random) {
        this.uniform = uniform;
        this.random = random;
        this.dimension = uniform.dimension();
        this.fields = fields;
        this.importance = importance;
        int poolSize = POOL_FACTOR * (int) Math.ceil(importance * maxPoints);
        this.pool = new double[poolSize * dimension];
        this.poolValues = new double[poolSize * fields];
        this.cumulative = new double[poolSize];
    }

    /**
     * @param magnitude the function whose magnitude guides the points (values at {@code f*n + i})
     * @param out receives n points, row-major (modified)
     * @param n the number of points
     */
    void draw(LeastSquaresFit.Target magnitude, double[] out, int n) {
        int guided = (int) Math.round(importance * n);
        int poolSize = POOL_FACTOR * guided;
        uniform.draw(out, n);
        if (guided == 0) {
            return;
        }
        uniform.draw(pool, poolSize);
        magnitude.values(pool, poolSize, poolValues);
        double total = 0;
        for (int i = 0; i < poolSize; i++) {
            double w = 0;
            for (int f = 0; f < fields; f++) {
                w += Math.abs(poolValues[f * poolSize + i]);
            }
            total += Double.isFinite(w) ? w : 0;
            cumulative[i] = total;
        }
        if (!(total > 0)) {
            return; // a zero solution: keep the uniform points
        }
        double step = total / guided;
        double u = random.nextDouble() * step;
        int j = 0;
        for (int k = 0; k < guided; k++, u += step) {
            while (j < poolSize - 1 && cumulative[j] < u) {
                j++;
            }
            System.arraycopy(pool, j * dimension, out, (n - guided + k) * dimension, dimension);
        }
    }
}

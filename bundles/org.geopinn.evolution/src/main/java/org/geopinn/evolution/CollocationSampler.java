package org.geopinn.evolution;

import java.util.Map;
import java.util.Random;
import org.geopinn.api.GeopinnException;
import org.geopinn.api.evolution.InitialValueProblem;
import org.geopinn.api.problem.Domain;
import org.geopinn.api.problem.DomainPart;
import org.geopinn.api.sampler.Sampler;

/**
 * Fresh collocation points for a step or a fit, drawn by a {@link Sampler} service on the
 * problem's interior part with a new seed per draw (seed, seed + 1, …), so successive sample sets
 * are independent and a run is reproducible. The seeds run in streams keyed by the run's counters
 * ({@link #startStream}: the step number, the fit number), not by how many draws this object has
 * made: a run resumed from its saved state then draws the seeds an uninterrupted run would have
 * drawn, never the first run's again. Optionally a fraction of them is drawn from a pool
 * ({@value #POOL_FACTOR}× larger, from the same sampler) with probability ∝ Σ_f |g_f(x)| (g the
 * current solution, or the fit's target) by systematic resampling. A narrow pulse covers a few
 * percent of the box, so uniform points alone leave the projection θ̇ = argmin ‖Jθ̇ − L[u]‖ to a
 * handful of samples where the solution lives; the unguided part keeps every region represented.
 * The points are not reweighted: the projection is in the L² norm of the sampling density.
 */
final class CollocationSampler {
    /** Pool size relative to the number of importance points. */
    static final int POOL_FACTOR = 4;

    private final Sampler sampler;
    private final Domain domain;
    private final DomainPart interior;
    private final Random random;
    private final int dimension;
    private final int fields;
    private final double importance;
    private final double[] poolValues;
    private final double[] cumulative;
    private final long baseSeed;
    private long nextSeed;

    /**
     * @param sampler the sampler service
     * @param domain the problem's domain (its {@value InitialValueProblem#INTERIOR} part is sampled)
     * @param seed the seed of the first draw
     * @param fields F
     * @param maxPoints the largest sample set
     * @param importance fraction of points drawn by magnitude, in [0, 1]
     * @param random the source of the resampling offsets
     * @throws GeopinnException when the domain has no interior part
     */
    CollocationSampler(Sampler sampler, Domain domain, long seed, int fields, int maxPoints, double importance,
            Random random) {
        this.sampler = sampler;
        this.domain = domain;
        this.interior = interior(domain);
        this.baseSeed = seed;
        this.nextSeed = seed;
        this.random = random;
        this.dimension = domain.dimension();
        this.fields = fields;
        this.importance = importance;
        int poolSize = POOL_FACTOR * (int) Math.ceil(importance * maxPoints);
        this.poolValues = new double[poolSize * fields];
        this.cumulative = new double[poolSize];
    }

    /**
     * @param domain a domain
     * @return its {@value InitialValueProblem#INTERIOR} part
     * @throws GeopinnException when it has none
     */
    static DomainPart interior(Domain domain) {
        return domain.parts().stream().filter(p -> p.name().equals(InitialValueProblem.INTERIOR)).findFirst()
                .orElseThrow(() -> new GeopinnException("an initial-value problem's domain needs a part named '"
                        + InitialValueProblem.INTERIOR + "'; it has " + domain.parts().stream().map(DomainPart::name).toList()));
    }

    /**
     * Draws exactly n points of the interior with a fresh seed.
     *
     * @param sampler the sampler
     * @param domain the domain
     * @param part the part
     * @param n the number of points
     * @param seed the seed
     * @param out receives n points, row-major n×d (modified)
     * @throws GeopinnException when the sampler rounds the count (a grid)
     */
    static void drawExactly(Sampler sampler, Domain domain, DomainPart part, int n, long seed, double[] out) {
        double[] points = sampler.sample(domain, part, n, seed, Map.of());
        if (points.length != n * domain.dimension()) {
            throw new GeopinnException("sampler '" + sampler.id() + "' gave " + points.length / domain.dimension()
                    + " points where " + n + " were asked; Neural IVP needs fresh sets of exactly that many"
                    + " (use uniform, sobol, halton or lhs)");
        }
        System.arraycopy(points, 0, out, 0, points.length);
    }

    /**
     * Starts the seed stream of one counter value: the following draws use the seeds s, s + 1, …
     * with s a hash of (seed, kind, counter), and the resampling offsets restart from s. Distinct
     * (kind, counter) pairs give unrelated streams.
     *
     * @param kind which counter (steps, fits)
     * @param counter its value
     */
    void startStream(long kind, long counter) {
        nextSeed = streamSeed(baseSeed, kind, counter);
        random.setSeed(nextSeed);
    }

    /**
     * @param seed the run's seed
     * @param kind which counter
     * @param counter its value
     * @return a well-mixed seed of the three (SplittableRandom's 64-bit finaliser)
     */
    static long streamSeed(long seed, long kind, long counter) {
        long z = seed + 0x9E3779B97F4A7C15L * (1 + kind) + 0xBF58476D1CE4E5B9L * counter;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /**
     * @param magnitude the function whose magnitude guides the points (values at {@code f*n + i})
     * @param out receives n points, row-major (modified)
     * @param n the number of points
     */
    void draw(LeastSquaresFit.Target magnitude, double[] out, int n) {
        int guided = (int) Math.round(importance * n);
        drawExactly(sampler, domain, interior, n, nextSeed++, out);
        if (guided == 0) {
            return;
        }
        int poolSize = POOL_FACTOR * guided;
        double[] pool = new double[poolSize * dimension];
        drawExactly(sampler, domain, interior, poolSize, nextSeed++, pool);
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
            return; // a zero solution: keep the unguided points
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

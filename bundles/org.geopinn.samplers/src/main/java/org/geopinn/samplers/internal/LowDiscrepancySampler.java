package org.geopinn.samplers.internal;

import java.util.SplittableRandom;
import java.util.Set;
import org.apache.commons.math3.random.RandomVectorGenerator;

/**
 * Sobol and Halton points from Commons Math. The first point of both sequences is the origin, a
 * corner of the box, so sampling starts at the second point (plus {@code skip}). With
 * {@code randomize=true} (the default) each coordinate is shifted by a seeded random offset modulo 1
 * (a Cranley–Patterson rotation), so different seeds give different, equally well spread sets;
 * with {@code randomize=false} the seed is ignored.
 */
abstract class LowDiscrepancySampler extends SequenceSampler {
    static final String RANDOMIZE = "randomize";
    static final String SKIP = "skip";

    /** @param q the dimension @return a fresh generator at its first point */
    abstract RandomVectorGenerator generator(int q);

    @Override
    final Set<String> allowedOptions() {
        return SamplerOptions.withClustering(RANDOMIZE, SKIP);
    }

    @Override
    final double[] unitCube(int q, int count, long seed, SamplerOptions options) {
        RandomVectorGenerator g = generator(q);
        int skip = 1 + options.nonNegativeInteger(SKIP, 0);
        for (int s = 0; s < skip; s++) {
            g.nextVector();
        }
        double[] shift = new double[q];
        if (options.flag(RANDOMIZE, true)) {
            SplittableRandom random = new SplittableRandom(seed);
            for (int j = 0; j < q; j++) {
                shift[j] = random.nextDouble();
            }
        }
        double[] u = new double[count * q];
        for (int i = 0; i < count; i++) {
            double[] v = g.nextVector();
            for (int j = 0; j < q; j++) {
                double x = v[j] + shift[j];
                u[i * q + j] = x >= 1 ? x - 1 : x;
            }
        }
        return u;
    }
}

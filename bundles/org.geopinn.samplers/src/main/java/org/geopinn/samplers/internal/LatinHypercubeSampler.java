package org.geopinn.samplers.internal;

import java.util.SplittableRandom;
import java.util.Set;
import org.geopinn.api.sampler.Sampler;
import org.osgi.service.component.annotations.Component;

/**
 * Latin hypercube points: each coordinate axis is cut into n equal strata and every stratum holds
 * exactly one point, the strata being matched across axes by seeded random permutations. Options:
 * {@code centered} (true puts each point at its stratum's centre; default false, a uniform
 * position inside it) and the clustering options.
 */
@Component(service = Sampler.class, property = {"geopinn.id=lhs",
    "geopinn.description=Latin hypercube points"})
public final class LatinHypercubeSampler extends SequenceSampler {
    static final String CENTERED = "centered";

    @Override
    public String id() {
        return "lhs";
    }

    @Override
    public String description() {
        return "Latin hypercube points";
    }

    @Override
    Set<String> allowedOptions() {
        return SamplerOptions.withClustering(CENTERED);
    }

    @Override
    double[] unitCube(int q, int count, long seed, SamplerOptions options) {
        boolean centered = options.flag(CENTERED, false);
        SplittableRandom random = new SplittableRandom(seed);
        double[] u = new double[count * q];
        int[] strata = new int[count];
        for (int j = 0; j < q; j++) {
            for (int i = 0; i < count; i++) {
                strata[i] = i;
            }
            for (int i = count - 1; i > 0; i--) { // Fisher–Yates
                int k = random.nextInt(i + 1);
                int t = strata[i];
                strata[i] = strata[k];
                strata[k] = t;
            }
            for (int i = 0; i < count; i++) {
                double offset = centered ? 0.5 : random.nextDouble();
                u[i * q + j] = (strata[i] + offset) / count;
            }
        }
        return u;
    }
}

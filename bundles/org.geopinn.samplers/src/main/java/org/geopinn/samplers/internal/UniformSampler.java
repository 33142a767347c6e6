package org.geopinn.samplers.internal;

import java.util.SplittableRandom;
import java.util.Set;
import org.geopinn.api.sampler.Sampler;
import org.osgi.service.component.annotations.Component;

/**
 * Independent uniform random points ({@link SplittableRandom} seeded with the seed). Options: the
 * clustering options only ({@code cluster.variable}, {@code cluster.side}, {@code cluster.strength}).
 */
@Component(service = Sampler.class, property = {"geopinn.id=uniform",
    "geopinn.description=Independent uniform random points"})
public final class UniformSampler extends SequenceSampler {
    @Override
    public String id() {
        return "uniform";
    }

    @Override
    public String description() {
        return "Independent uniform random points";
    }

    @Override
    Set<String> allowedOptions() {
        return SamplerOptions.withClustering();
    }

    @Override
    double[] unitCube(int q, int count, long seed, SamplerOptions options) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] u = new double[count * q];
        for (int i = 0; i < u.length; i++) {
            u[i] = random.nextDouble();
        }
        return u;
    }
}

package org.geopinn.samplers.internal;

import org.apache.commons.math3.random.RandomVectorGenerator;
import org.apache.commons.math3.random.SobolSequenceGenerator;
import org.geopinn.api.GeopinnException;
import org.geopinn.api.sampler.Sampler;
import org.osgi.service.component.annotations.Component;

/**
 * Sobol points (Commons Math {@link SobolSequenceGenerator}, up to 1000 dimensions). Options:
 * {@code randomize} (true: seeded random shift modulo 1; false: the plain sequence), {@code skip}
 * (sequence points to skip after the origin, default 0), and the clustering options.
 */
@Component(service = Sampler.class, property = {"geopinn.id=sobol",
    "geopinn.description=Sobol quasi-random points (randomly shifted)"})
public final class SobolSampler extends LowDiscrepancySampler {
    @Override
    public String id() {
        return "sobol";
    }

    @Override
    public String description() {
        return "Sobol quasi-random points (randomly shifted)";
    }

    @Override
    RandomVectorGenerator generator(int q) {
        if (q > 1000) {
            throw new GeopinnException("the Sobol sampler handles up to 1000 dimensions, got " + q);
        }
        return new SobolSequenceGenerator(q);
    }
}

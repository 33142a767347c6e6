package org.geopinn.samplers.internal;

import org.apache.commons.math3.random.HaltonSequenceGenerator;
import org.apache.commons.math3.random.RandomVectorGenerator;
import org.geopinn.api.GeopinnException;
import org.geopinn.api.sampler.Sampler;
import org.osgi.service.component.annotations.Component;

/**
 * Halton points (Commons Math {@link HaltonSequenceGenerator}, with its Faure–Lemieux scrambling
 * weights, up to 40 dimensions). Options: {@code randomize}, {@code skip} and the clustering
 * options, as for Sobol.
 */
@Component(service = Sampler.class, property = {"geopinn.id=halton",
    "geopinn.description=Halton quasi-random points (randomly shifted)"})
public final class HaltonSampler extends LowDiscrepancySampler {
    @Override
    public String id() {
        return "halton";
    }

    @Override
    public String description() {
        return "Halton quasi-random points (randomly shifted)";
    }

    @Override
    RandomVectorGenerator generator(int q) {
        if (q > 40) {
            throw new GeopinnException("the Halton sampler handles up to 40 dimensions, got " + q + "; use sobol");
        }
        return new HaltonSequenceGenerator(q);
    }
}

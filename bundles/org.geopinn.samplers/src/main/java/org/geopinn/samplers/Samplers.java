package org.geopinn.samplers;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.geopinn.api.GeopinnException;
import org.geopinn.api.sampler.Sampler;
import org.geopinn.samplers.internal.GridSampler;
import org.geopinn.samplers.internal.HaltonSampler;
import org.geopinn.samplers.internal.LatinHypercubeSampler;
import org.geopinn.samplers.internal.SobolSampler;
import org.geopinn.samplers.internal.UniformSampler;

/**
 * The built-in samplers without a framework (in a framework they are {@link Sampler} services with
 * the same ids). Every sampler works on box interiors, single faces and boundaries (unions of faces,
 * points shared among faces by measure) in any dimension, and is reproducible: same arguments and
 * seed, same points.
 *
 * <table>
 * <caption>Samplers and their options (besides the clustering options)</caption>
 * <tr><th>id</th><th>points</th><th>own options</th></tr>
 * <tr><td>grid</td><td>regular grid, strictly inside interiors and faces; closed lattice on boundaries,
 * corners once; seed ignored</td><td>none</td></tr>
 * <tr><td>uniform</td><td>independent uniform</td><td>none</td></tr>
 * <tr><td>sobol</td><td>Sobol sequence (Commons Math), seeded random shift</td><td>randomize, skip</td></tr>
 * <tr><td>halton</td><td>Halton sequence (Commons Math), seeded random shift</td><td>randomize, skip</td></tr>
 * <tr><td>lhs</td><td>Latin hypercube</td><td>centered</td></tr>
 * </table>
 *
 * Clustering options, understood by every sampler: {@code cluster.variable} (a variable name),
 * {@code cluster.side} ({@code lower}, {@code upper} or {@code both}, default lower),
 * {@code cluster.strength} (β &gt; 0, default 3; at the chosen face the density is
 * (e^β − 1)/β times the mean). An option a sampler does not know is an error. See docs/SAMPLERS.md.
 */
public final class Samplers {
    private static final Map<String, Supplier<Sampler>> BUILT_IN = Map.of(
            "grid", GridSampler::new,
            "uniform", UniformSampler::new,
            "sobol", SobolSampler::new,
            "halton", HaltonSampler::new,
            "lhs", LatinHypercubeSampler::new);

    private Samplers() {
    }

    /** @return the ids of the built-in samplers, sorted */
    public static List<String> ids() {
        return BUILT_IN.keySet().stream().sorted().toList();
    }

    /**
     * @param id a sampler id
     * @return a new sampler of that kind
     * @throws GeopinnException for an unknown id, naming the known ones
     */
    public static Sampler create(String id) {
        Supplier<Sampler> s = BUILT_IN.get(id);
        if (s == null) {
            throw new GeopinnException("unknown sampler '" + id + "'; samplers are " + ids());
        }
        return s.get();
    }
}

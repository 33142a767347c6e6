package org.geopinn.api.sampler;

import java.util.Map;
import org.geopinn.api.Identified;
import org.geopinn.api.problem.Domain;
import org.geopinn.api.problem.DomainPart;

/**
 * Draws collocation points on a part of a domain. Registered with the {@code geopinn.id} property
 * (e.g. {@code grid}, {@code uniform}, {@code sobol}, {@code halton}, {@code lhs}). The same
 * arguments and seed always give the same points.
 */
@org.osgi.annotation.versioning.ConsumerType
public interface Sampler extends Identified {
    /** @return the sampler id */
    String id();

    /** @return a one-line description */
    String description();

    /**
     * @param domain the box
     * @param part the part of it to sample
     * @param count the number of points wanted (a grid may round it; the result's length tells)
     * @param seed the random seed
     * @param options sampler options (e.g. clustering toward a face), documented by each sampler
     * @return points, row-major n×d
     * @throws org.geopinn.api.GeopinnException for bad options
     */
    double[] sample(Domain domain, DomainPart part, int count, long seed, Map<String, String> options);
}

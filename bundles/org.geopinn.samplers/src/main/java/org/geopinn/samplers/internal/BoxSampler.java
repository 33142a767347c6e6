package org.geopinn.samplers.internal;

import java.util.Map;
import java.util.Set;
import org.geopinn.api.GeopinnException;
import org.geopinn.api.problem.Domain;
import org.geopinn.api.problem.DomainPart;
import org.geopinn.api.sampler.Sampler;

/**
 * What every sampler shares: checking the request, reading options, drawing points in unit
 * coordinates of the box (faces hold their fixed variable at exactly 0 or 1), clustering, and the
 * affine map to the box, exact at both bounds.
 */
abstract class BoxSampler implements Sampler {

    /** @return the option keys this sampler understands, clustering included */
    abstract Set<String> allowedOptions();

    /**
     * @param domain the box
     * @param part the part to sample
     * @param count the number of points asked for (at least 1)
     * @param seed the random seed
     * @param options the validated options
     * @return points in unit coordinates, row-major n×d
     */
    abstract double[] unitPoints(Domain domain, DomainPart part, int count, long seed, SamplerOptions options);

    /** @return whether the sampler rounds the count (a grid) rather than giving exactly the count asked for */
    boolean roundsCount() {
        return false;
    }

    @Override
    public final double[] sample(Domain domain, DomainPart part, int count, long seed, Map<String, String> options) {
        if (domain == null || part == null) {
            throw new GeopinnException("sampler '" + id() + "' needs a domain and a part");
        }
        if (count < 1) {
            throw new GeopinnException("sampler '" + id() + "' was asked for " + count + " points on '" + part.name()
                    + "'; ask for at least 1");
        }
        SamplerOptions o = new SamplerOptions(id(), options, allowedOptions());
        Clustering clustering = Clustering.from(domain, o);
        if (domain.geometry().isPresent()) {
            return GeometryPoints.sample(this, domain, part, count, seed, o, clustering);
        }
        checkPart(domain, part);
        int d = domain.dimension();
        double[] points = unitPoints(domain, part, count, seed, o);
        if (clustering != null) {
            clustering.apply(points, d);
        }
        for (int i = 0; i < points.length; i++) {
            int j = i % d;
            double u = points[i];
            points[i] = domain.lower(j) * (1 - u) + domain.upper(j) * u;
        }
        return points;
    }

    private void checkPart(Domain domain, DomainPart part) {
        int d = domain.dimension();
        if (part.kind() == DomainPart.Kind.GEOMETRY) {
            throw new GeopinnException("part '" + part.name() + "' names boundary parts of a geometry but the domain is a box");
        }
        int[] vs = part.kind() == DomainPart.Kind.FACE ? new int[] {part.variable()} : part.boundaryVariables();
        if (part.kind() == DomainPart.Kind.BOUNDARY && vs.length == 0) {
            throw new GeopinnException("boundary part '" + part.name() + "' lists no variables whose faces it unites");
        }
        for (int j : vs) {
            if (j < 0 || j >= d) {
                throw new GeopinnException("part '" + part.name() + "' refers to variable #" + j + " but the domain has "
                        + d + " variables " + domain.variables());
            }
        }
    }
}

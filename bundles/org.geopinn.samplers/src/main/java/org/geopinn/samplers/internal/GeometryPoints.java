package org.geopinn.samplers.internal;

import java.util.Arrays;
import java.util.List;
import org.geopinn.api.GeopinnException;
import org.geopinn.api.geometry.Geometry;
import org.geopinn.api.problem.Domain;
import org.geopinn.api.problem.DomainPart;

/**
 * Points of a domain given by a geometry. The interior takes the sampler's own points over the
 * bounding box (grid, random, quasi-random, stratified; clustered if asked) and keeps those
 * strictly inside, so a quasi-random sampler keeps its low discrepancy; a grid keeps the nodes
 * inside, about the count asked for. A boundary part takes the geometry's points, uniform by
 * length or area and reproducible from the seed, whatever the sampler.
 */
final class GeometryPoints {
    /** Extra share of box points drawn beyond the estimated need, so one round usually suffices. */
    private static final double MARGIN = 1.2;

    private GeometryPoints() {
    }

    static double[] sample(BoxSampler sampler, Domain domain, DomainPart part, int count, long seed, SamplerOptions options,
            Clustering clustering) {
        Geometry g = domain.geometry().orElseThrow();
        if (part.kind() == DomainPart.Kind.GEOMETRY) {
            if (clustering != null) {
                throw new GeopinnException("sampler '" + sampler.id() + "': clustering toward a face needs a box domain;"
                        + " part '" + part.name() + "' is on the boundary of a geometry");
            }
            return g.sampleBoundary(part.geometryParts(), count, seed).points();
        }
        if (part.kind() != DomainPart.Kind.INTERIOR) {
            throw new GeopinnException("part '" + part.name() + "' is a box " + part.kind().name().toLowerCase()
                    + " but the domain is a geometry");
        }
        int d = domain.dimension();
        Domain box = new Domain(domain.variables(), domain.lower(), domain.upper(), List.of(DomainPart.interior("interior")));
        DomainPart interior = box.part("interior");
        double boxVolume = 1;
        for (int j = 0; j < d; j++) {
            boxVolume *= domain.upper(j) - domain.lower(j);
        }
        double fraction = Math.min(1, Math.max(g.volume() / boxVolume, 1e-6));
        int asked = (int) Math.min(Integer.MAX_VALUE / (2L * d), (long) Math.ceil(count / fraction * MARGIN) + 16);
        double[] x = new double[d];
        for (int round = 0; round < 8; round++) {
            double[] unit = sampler.unitPoints(box, interior, asked, seed, options);
            if (clustering != null) {
                clustering.apply(unit, d);
            }
            int n = unit.length / d;
            double[] kept = new double[n * d];
            int k = 0;
            for (int i = 0; i < n && (sampler.roundsCount() || k < count); i++) {
                for (int j = 0; j < d; j++) {
                    double u = unit[i * d + j];
                    x[j] = domain.lower(j) * (1 - u) + domain.upper(j) * u;
                }
                if (g.signedDistance(x) < 0) {
                    System.arraycopy(x, 0, kept, k * d, d);
                    k++;
                }
            }
            if (k >= count || (sampler.roundsCount() && k > 0)) {
                return Arrays.copyOf(kept, k * d);
            }
            asked = (int) Math.min(Integer.MAX_VALUE / (2L * d), 2L * asked);
        }
        throw new GeopinnException("sampler '" + sampler.id() + "' found too few points inside the geometry of part '"
                + part.name() + "'");
    }
}

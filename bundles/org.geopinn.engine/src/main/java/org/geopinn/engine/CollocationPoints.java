package org.geopinn.engine;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.geopinn.api.GeopinnException;
import org.geopinn.api.problem.Condition;
import org.geopinn.api.problem.Problem;
import org.geopinn.api.sampler.Sampler;
import org.geopinn.api.session.SessionSpec;

/**
 * Draws the collocation points of every condition: each condition's own sampler, count and
 * options unless the spec overrides them. Round k of resampling uses its own seeds, so the same
 * spec and round always give the same points (a resumed run sees the points it left).
 */
final class CollocationPoints {
    private CollocationPoints() {
    }

    /**
     * @param problem the problem
     * @param spec the resolved spec (sampler override, point counts, seed)
     * @param directory where the samplers are
     * @param round the resampling round (0 for the initial points)
     * @return points per condition name, row-major n×d
     * @throws GeopinnException when a sampler is missing or returns no points
     */
    static Map<String, double[]> sample(Problem problem, SessionSpec spec, ServiceDirectory directory, long round) {
        Map<String, double[]> points = new LinkedHashMap<>();
        List<Condition> conditions = problem.conditions();
        for (int g = 0; g < conditions.size(); g++) {
            points.put(conditions.get(g).name(), sample(problem, spec, directory, g, round, 1));
        }
        return points;
    }

    /**
     * @param problem the problem
     * @param spec the resolved spec
     * @param directory where the samplers are
     * @param g the index of the condition
     * @param round the resampling round
     * @param factor how many times the condition's point count to draw (candidates for adaptive resampling)
     * @return the condition's points, row-major n×d
     */
    static double[] sample(Problem problem, SessionSpec spec, ServiceDirectory directory, int g, long round, int factor) {
        Condition c = problem.conditions().get(g);
        if (c.data() != null) {
            return c.data(); // observations: the measured points, in every round
        }
        String samplerId = spec.samplerId() != null ? spec.samplerId() : c.sampler();
        Sampler sampler = directory.find(Sampler.class, samplerId).orElseThrow(() -> new GeopinnException(
                "sampler '" + samplerId + "' of condition '" + c.name() + "' is not available; known: " + directory.ids(Sampler.class)));
        int count = spec.points().getOrDefault(c.name(), c.points()) * factor;
        int d = problem.domain().dimension();
        double[] p = sampler.sample(problem.domain(), problem.domain().part(c.part()), count, seed(spec.seed(), g, round),
                c.samplerOptions());
        if (p == null || p.length == 0 || p.length % d != 0) {
            throw new GeopinnException("sampler '" + samplerId + "' gave " + (p == null ? 0 : p.length)
                    + " coordinates for condition '" + c.name() + "', not a positive multiple of the dimension " + d);
        }
        return p;
    }

    /** Distinct, reproducible seeds per (seed, condition, round), mixed so that neighbours differ in every bit. */
    static long seed(long seed, int condition, long round) {
        long z = seed * 0x9E3779B97F4A7C15L + condition * 0xBF58476D1CE4E5B9L + round * 0x94D049BB133111EBL;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}

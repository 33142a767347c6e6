package org.geopinn.samplers.internal;

import java.util.List;
import org.geopinn.api.GeopinnException;
import org.geopinn.api.problem.Domain;

/**
 * Concentrates points toward a face (or both faces) of one variable by passing that variable's
 * unit coordinate u ∈ [0,1] through a monotone stretching s with s(0) = 0, s(1) = 1:
 * <ul>
 * <li>{@code lower}: s(u) = (e^{βu} − 1)/(e^β − 1), density near the lower face e^β−1 over β times the mean;</li>
 * <li>{@code upper}: the mirror image, 1 − s_lower(1 − u);</li>
 * <li>{@code both}: s(u) = ½(1 + tanh(β(2u − 1))/tanh β).</li>
 * </ul>
 * Options: {@code cluster.variable} (a variable name; clustering is off without it),
 * {@code cluster.side} (lower, upper or both; default lower), {@code cluster.strength} (β &gt; 0; default 3).
 * Points on a face that fixes the variable stay on it, since s maps 0 and 1 to themselves.
 */
final class Clustering {
    static final String VARIABLE = "cluster.variable";
    static final String SIDE = "cluster.side";
    static final String STRENGTH = "cluster.strength";
    static final List<String> KEYS = List.of(VARIABLE, SIDE, STRENGTH);
    private static final List<String> SIDES = List.of("lower", "upper", "both");

    private final int variable;
    private final int side;
    private final double beta;

    private Clustering(int variable, int side, double beta) {
        this.variable = variable;
        this.side = side;
        this.beta = beta;
    }

    /**
     * @param domain the domain, to resolve the variable name
     * @param options the sampler's options
     * @return the clustering, or null when no variable is named
     */
    static Clustering from(Domain domain, SamplerOptions options) {
        if (!options.has(VARIABLE)) {
            if (options.has(SIDE) || options.has(STRENGTH)) {
                throw new GeopinnException("cluster.side and cluster.strength need cluster.variable, one of " + domain.variables());
            }
            return null;
        }
        String name = options.text(VARIABLE, "");
        int j = domain.variables().indexOf(name);
        if (j < 0) {
            throw new GeopinnException("cluster.variable=" + name + " is not a variable; variables are " + domain.variables());
        }
        int side = SIDES.indexOf(options.choice(SIDE, "lower", SIDES));
        return new Clustering(j, side, options.positiveNumber(STRENGTH, 3));
    }

    /** @param u a unit coordinate in [0,1] @return its stretched image in [0,1] */
    double stretch(double u) {
        switch (side) {
            case 0: return Math.expm1(beta * u) / Math.expm1(beta);
            case 1: return 1 - Math.expm1(beta * (1 - u)) / Math.expm1(beta);
            default: return 0.5 * (1 + Math.tanh(beta * (2 * u - 1)) / Math.tanh(beta));
        }
    }

    /**
     * @param unit points in unit coordinates, row-major n×d (modified)
     * @param d the dimension
     */
    void apply(double[] unit, int d) {
        for (int i = variable; i < unit.length; i += d) {
            unit[i] = stretch(unit[i]);
        }
    }
}

package org.geopinn.api.problem;

import java.util.Map;
import java.util.Objects;
import org.geopinn.api.expr.Expr;
import org.geopinn.api.expr.PointFunction;

/**
 * One term of the PINN loss: on a domain part, the residual {@code operator[u](x) - source(x)}
 * should vanish. A PDE in the interior, a Dirichlet or Neumann condition on a face, an initial
 * condition on the slice t = 0 are all conditions.
 *
 * @param name the condition's name, unique in its problem (e.g. "pde", "boundary", "initial")
 * @param part the name of the domain part where it holds
 * @param operator the differential operator applied to the fields
 * @param source the right-hand side; {@code x -> 0} when there is none
 * @param weight the fixed weight of this term in the loss (1 by default)
 * @param points the default number of collocation points
 * @param sampler the default sampler id (e.g. "grid", "sobol")
 * @param samplerOptions options passed to the sampler (e.g. clustering toward a wall)
 * @param data fixed points, row-major n×d, used instead of sampling (observations: the source then
 *        gives the measured values there); null for a sampled condition
 * @param pair for a periodic condition, the map from each point x of the part to its partner; the
 *        residual is then {@code operator[u](x) − operator[u](pair(x)) − source(x)} (for example
 *        u(0, y) = u(1, y) with the part x = 0 and the translation by (1, 0)); null for an ordinary condition
 */
public record Condition(String name, String part, Expr operator, PointFunction source, double weight,
        int points, String sampler, Map<String, String> samplerOptions, double[] data, PointMap pair) {

    /**
     * A condition that is not periodic.
     *
     * @param name the condition's name
     * @param part the domain part
     * @param operator the operator
     * @param source the right-hand side
     * @param weight the loss weight
     * @param points the default number of points
     * @param sampler the sampler id
     * @param samplerOptions the sampler's options
     * @param data fixed points, or null
     */
    public Condition(String name, String part, Expr operator, PointFunction source, double weight,
            int points, String sampler, Map<String, String> samplerOptions, double[] data) {
        this(name, part, operator, source, weight, points, sampler, samplerOptions, data, null);
    }

    /**
     * A sampled condition (no fixed points).
     *
     * @param name the condition's name
     * @param part the domain part
     * @param operator the operator
     * @param source the right-hand side
     * @param weight the loss weight
     * @param points the default number of points
     * @param sampler the sampler id
     * @param samplerOptions the sampler's options
     */
    public Condition(String name, String part, Expr operator, PointFunction source, double weight,
            int points, String sampler, Map<String, String> samplerOptions) {
        this(name, part, operator, source, weight, points, sampler, samplerOptions, null, null);
    }

    /** Validates and copies. */
    public Condition {
        data = data == null ? null : data.clone();
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(part, "part");
        Objects.requireNonNull(operator, "operator");
        source = source == null ? x -> 0.0 : source;
        samplerOptions = Map.copyOf(samplerOptions == null ? Map.of() : samplerOptions);
        sampler = sampler == null ? "grid" : sampler;
    }

    /**
     * A condition with weight 1, the grid sampler and no sampler options.
     *
     * @param name the condition's name
     * @param part the domain part
     * @param operator the operator
     * @param source the right-hand side
     * @param points default number of points
     * @return the condition
     */
    public static Condition of(String name, String part, Expr operator, PointFunction source, int points) {
        return new Condition(name, part, operator, source, 1.0, points, "grid", Map.of());
    }

    /** @return the fixed points (a copy), or null for a sampled condition */
    @Override
    public double[] data() {
        return data == null ? null : data.clone();
    }

    /** @param newPoints a point count @return this condition with another default point count */
    public Condition withPoints(int newPoints) {
        return new Condition(name, part, operator, source, weight, newPoints, sampler, samplerOptions, data, pair);
    }

    /** @param newSampler a sampler id @param options its options @return this condition with another sampler */
    public Condition withSampler(String newSampler, Map<String, String> options) {
        return new Condition(name, part, operator, source, weight, points, newSampler, options, data, pair);
    }

    /** @param newWeight a weight @return this condition with another weight */
    public Condition withWeight(double newWeight) {
        return new Condition(name, part, operator, source, newWeight, points, sampler, samplerOptions, data, pair);
    }

    /**
     * @param map the map from each point of the part to its partner (null: not periodic)
     * @return this condition as a periodic pair: residual operator[u](x) − operator[u](map(x)) − source(x)
     */
    public Condition withPair(PointMap map) {
        return new Condition(name, part, operator, source, weight, points, sampler, samplerOptions, data, map);
    }
}

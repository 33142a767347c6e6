package org.geopinn.api.expr;

/**
 * The outward unit normal of a domain's boundary as a function of the point, which the operator
 * {@code dn(u)} (the normal derivative ∂u/∂n) reads. {@link org.geopinn.api.problem.Domain#normal}
 * is one.
 */
@FunctionalInterface
public interface NormalField {
    /**
     * @param x a point on the boundary (not modified)
     * @param out receives the outward unit normal, one entry per variable (modified)
     */
    void normal(double[] x, double[] out);
}

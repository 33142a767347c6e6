package org.geopinn.api.model;



/**
 * A smooth real function of the point whose partial derivatives are known exactly, as the pieces
 * of a hard constraint need them: the boundary data g and the distance-like function φ of
 * {@code HardConstraint}. {@link TaylorJet} and {@code ExprJets} build one from an expression.
 */
@FunctionalInterface
@org.osgi.annotation.versioning.ConsumerType
public interface SmoothFunction {
    /**
     * @param point the coordinates, in the problem's variable order (not modified)
     * @param request the derivatives wanted, as multi-indices (index 0 the value)
     * @param out receives derivative k of the request at {@code out[k]}, length at least {@code request.size()}
     */
    void derivatives(double[] point, DerivativeRequest request, double[] out);
}

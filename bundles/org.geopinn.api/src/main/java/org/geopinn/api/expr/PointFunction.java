package org.geopinn.api.expr;

/**
 * A real function of a point, written in Java: sources, boundary data, coefficients, exact
 * solutions.
 */
@FunctionalInterface
@org.osgi.annotation.versioning.ConsumerType
public interface PointFunction {
    /**
     * @param point the coordinates, in the problem's variable order (not modified)
     * @return the function's value there
     */
    double value(double[] point);
}

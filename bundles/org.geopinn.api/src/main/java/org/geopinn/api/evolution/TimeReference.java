package org.geopinn.api.evolution;

/** The exact or reference solution of an initial-value problem at any time. */
@FunctionalInterface
@org.osgi.annotation.versioning.ConsumerType
public interface TimeReference {
    /**
     * @param t the time
     * @param points n points, row-major n×d in the problem's spatial variables (not modified)
     * @param n the number of points
     * @param out receives the values, row-major n×F in the problem's field order (modified)
     */
    void evaluate(double t, double[] points, int n, double[] out);
}

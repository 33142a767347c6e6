package org.geopinn.linalg;

/**
 * A symmetric linear map on R^n given only by its action, y = A·x (e.g. JᵀJ + μI applied through
 * Jacobian–vector products).
 */
@org.osgi.annotation.versioning.ConsumerType
public interface LinearOperator {
    /** @return n, the dimension */
    int size();

    /**
     * @param x the argument, length n (not modified)
     * @param y receives A·x, length n (modified; never the same array as x)
     */
    void apply(double[] x, double[] y);
}

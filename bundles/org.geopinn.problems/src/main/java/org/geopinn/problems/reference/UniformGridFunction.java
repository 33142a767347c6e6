package org.geopinn.problems.reference;

/**
 * A function of one variable sampled on a uniform grid, evaluated by cubic Lagrange interpolation
 * through the four nearest nodes (fourth-order accurate, exact at the nodes).
 */
public final class UniformGridFunction {
    private final double lower;
    private final double step;
    private final double[] values;

    /**
     * @param lower the first node
     * @param upper the last node
     * @param values the values at values.length ≥ 4 equally spaced nodes (copied)
     */
    public UniformGridFunction(double lower, double upper, double[] values) {
        if (values.length < 4) {
            throw new IllegalArgumentException("cubic interpolation needs at least 4 nodes, got " + values.length);
        }
        this.lower = lower;
        this.step = (upper - lower) / (values.length - 1);
        this.values = values.clone();
    }

    /** @param x a point in [lower, upper] (clamped outside) @return the interpolated value */
    public double value(double x) {
        int n = values.length;
        double s = (x - lower) / step;
        int i = (int) Math.floor(s) - 1;
        i = Math.max(0, Math.min(n - 4, i));
        double u = s - i;
        return lagrange0(u) * values[i] + lagrange1(u) * values[i + 1] + lagrange2(u) * values[i + 2]
                + lagrange3(u) * values[i + 3];
    }

    /** @param u local coordinate on nodes 0, 1, 2, 3 @return the cubic Lagrange basis of node 0 */
    static double lagrange0(double u) {
        return -(u - 1) * (u - 2) * (u - 3) / 6;
    }

    /** @param u local coordinate @return the basis of node 1 */
    static double lagrange1(double u) {
        return u * (u - 2) * (u - 3) / 2;
    }

    /** @param u local coordinate @return the basis of node 2 */
    static double lagrange2(double u) {
        return -u * (u - 1) * (u - 3) / 2;
    }

    /** @param u local coordinate @return the basis of node 3 */
    static double lagrange3(double u) {
        return u * (u - 1) * (u - 2) / 6;
    }

    /** @return the grid spacing */
    public double step() {
        return step;
    }

    /** @return the number of nodes */
    public int size() {
        return values.length;
    }
}

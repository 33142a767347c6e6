package org.geopinn.api.problem;

import java.util.List;
import org.geopinn.api.expr.PointFunction;

/**
 * The known solution of a problem, in closed form or computed by a classical solver, used to
 * report errors of the trained network.
 */
@org.osgi.annotation.versioning.ConsumerType
public interface ReferenceSolution {
    /**
     * Evaluates every field at a batch of points.
     *
     * @param points n points, row-major n×d (not modified)
     * @param n the number of points
     * @param out receives the values, row-major n×F in the problem's field order (modified)
     */
    void evaluate(double[] points, int n, double[] out);

    /**
     * The points where this reference is known, when it is known only there (held-out
     * measurements); errors are then measured at these points instead of on a grid over the domain.
     *
     * @return row-major n×d points (a copy), or null for a reference known everywhere
     */
    default double[] points() {
        return null;
    }

    /**
     * A reference solution given by one function per field.
     *
     * @param perField the exact solution of each field, in field order
     * @return the reference solution
     */
    static ReferenceSolution of(List<PointFunction> perField) {
        List<PointFunction> fs = List.copyOf(perField);
        return (points, n, out) -> {
            int d = points.length / Math.max(n, 1);
            double[] x = new double[d];
            for (int i = 0; i < n; i++) {
                System.arraycopy(points, i * d, x, 0, d);
                for (int f = 0; f < fs.size(); f++) {
                    out[i * fs.size() + f] = fs.get(f).value(x);
                }
            }
        };
    }

    /** @param exact the exact solution of a single-field problem @return the reference solution */
    static ReferenceSolution of(PointFunction exact) {
        return of(List.of(exact));
    }
}

package org.geopinn.cli;

import java.util.List;
import org.geopinn.api.model.DerivativeRequest;
import org.geopinn.api.problem.Domain;
import org.geopinn.api.problem.Problem;
import org.geopinn.api.solution.TrainedSolution;

/**
 * A trained solution sampled on a regular grid for pictures and VTK: the whole domain in 1-D and
 * 2-D; in more dimensions the plane of the first two variables with the others at mid-range.
 * Holds each field, its reference (when the problem has one) and the absolute error; on a domain
 * given by a geometry, which grid points lie in it (pictures leave the others blank).
 */
final class FieldGrid {
    final List<String> fields;
    /** The variables spanning the grid (one or two). */
    final List<String> axes;
    final int nx;
    final int ny;
    final double[] origin;
    final double[] spacing;
    /** values[f][i], i = ix + nx * iy. */
    final double[][] values;
    /** Null without a reference solution. */
    final double[][] exact;
    /** Null without a reference solution. */
    final double[][] error;
    /** A note on where the slice lies, empty for 1-D and 2-D. */
    final String slice;
    /** Whether each grid point lies in the domain; null for a box, where all do. */
    final boolean[] inside;
    /** The third variable's value on the slice (mid-range), 0 below three dimensions. */
    final double depth;

    private FieldGrid(List<String> fields, List<String> axes, int nx, int ny, double[] origin, double[] spacing,
            double[][] values, double[][] exact, double[][] error, String slice, boolean[] inside, double depth) {
        this.inside = inside;
        this.depth = depth;
        this.fields = fields;
        this.axes = axes;
        this.nx = nx;
        this.ny = ny;
        this.origin = origin;
        this.spacing = spacing;
        this.values = values;
        this.exact = exact;
        this.error = error;
        this.slice = slice;
    }

    /**
     * @param problem the problem (domain, reference)
     * @param solution the trained solution
     * @param perAxis grid points per axis (at least 2)
     * @return the sampled fields
     */
    static FieldGrid sample(Problem problem, TrainedSolution solution, int perAxis) {
        Domain domain = problem.domain();
        int d = domain.dimension();
        int nx = perAxis;
        int ny = d == 1 ? 1 : perAxis;
        int n = nx * ny;
        double[] points = new double[n * d];
        StringBuilder slice = new StringBuilder();
        for (int j = 2; j < d; j++) {
            double mid = 0.5 * (domain.lower(j) + domain.upper(j));
            slice.append(slice.length() == 0 ? "slice at " : ", ").append(domain.variables().get(j)).append(" = ").append(mid);
        }
        double[] origin = {domain.lower(0), d > 1 ? domain.lower(1) : 0};
        double[] spacing = {(domain.upper(0) - domain.lower(0)) / (nx - 1), d > 1 ? (domain.upper(1) - domain.lower(1)) / (ny - 1) : 1};
        for (int iy = 0; iy < ny; iy++) {
            for (int ix = 0; ix < nx; ix++) {
                int i = ix + nx * iy;
                points[i * d] = origin[0] + spacing[0] * ix;
                if (d > 1) {
                    points[i * d + 1] = origin[1] + spacing[1] * iy;
                }
                for (int j = 2; j < d; j++) {
                    points[i * d + j] = 0.5 * (domain.lower(j) + domain.upper(j));
                }
            }
        }
        int fields = solution.fields().size();
        double[] out = new double[fields * n];
        solution.evaluate(points, n, DerivativeRequest.valuesOnly(d), out);
        double[][] values = new double[fields][n];
        for (int f = 0; f < fields; f++) {
            System.arraycopy(out, f * n, values[f], 0, n);
        }
        boolean[] inside = null;
        if (domain.geometry().isPresent()) {
            inside = new boolean[n];
            double[] x = new double[d];
            for (int i = 0; i < n; i++) {
                System.arraycopy(points, i * d, x, 0, d);
                inside[i] = domain.contains(x);
            }
        }
        double[][] exact = null;
        double[][] error = null;
        // A reference known only at its own points (held-out observations) has no values on the grid.
        if (problem.reference().isPresent() && problem.reference().get().points() == null) {
            double[] ref = new double[n * fields];
            problem.reference().get().evaluate(points, n, ref);
            exact = new double[fields][n];
            error = new double[fields][n];
            for (int f = 0; f < fields; f++) {
                for (int i = 0; i < n; i++) {
                    exact[f][i] = ref[i * fields + f];
                    error[f][i] = Math.abs(values[f][i] - exact[f][i]);
                }
            }
        }
        List<String> axes = d == 1 ? List.of(domain.variables().get(0)) : domain.variables().subList(0, 2);
        return new FieldGrid(solution.fields(), List.copyOf(axes), nx, ny, origin, spacing, values, exact, error, slice.toString(), inside,
                d > 2 ? 0.5 * (domain.lower(2) + domain.upper(2)) : 0);
    }

    /** @param ix a column @return its coordinate */
    double x(int ix) {
        return origin[0] + spacing[0] * ix;
    }

    /** @param iy a row @return its coordinate */
    double y(int iy) {
        return origin[1] + spacing[1] * iy;
    }
}

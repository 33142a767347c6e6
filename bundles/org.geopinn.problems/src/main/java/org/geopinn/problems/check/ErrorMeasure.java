package org.geopinn.problems.check;

import org.apache.commons.math3.random.SobolSequenceGenerator;
import org.geopinn.api.GeopinnException;
import org.geopinn.api.model.DerivativeRequest;
import org.geopinn.api.problem.Domain;
import org.geopinn.api.problem.Problem;
import org.geopinn.api.problem.ReferenceSolution;
import org.geopinn.api.solution.TrainedSolution;

/**
 * Per-field relative L2 errors ‖u_f − u_f*‖₂ / ‖u_f*‖₂ on an evaluation grid. A field whose
 * reference vanishes on the grid (the pressure and transverse velocity of the electroosmotic
 * flow) has no relative error; for it the root-mean-square error is reported instead, so every
 * entry is finite and comparable with a tolerance.
 *
 * <p>The evaluation points are a tensor grid including the bounds when it has at least
 * {@value #MIN_GRID_LINES} lines per variable, otherwise (high dimension) the first points of a
 * Sobol sequence scaled to the box. Both are deterministic.
 */
public final class ErrorMeasure {
    /** The default number of evaluation points. */
    public static final int DEFAULT_POINTS = 10_000;
    /** The fewest grid lines per variable for a tensor grid. */
    public static final int MIN_GRID_LINES = 8;

    private ErrorMeasure() {
    }

    /**
     * @param domain the box
     * @param count the wanted number of points (a grid may round it down)
     * @return the points, row-major n×d (n = length / d)
     */
    public static double[] evaluationPoints(Domain domain, int count) {
        int d = domain.dimension();
        int lines = (int) Math.floor(Math.pow(count, 1.0 / d) + 1e-9);
        if (lines >= MIN_GRID_LINES) {
            return tensorGrid(domain, lines);
        }
        SobolSequenceGenerator sobol = new SobolSequenceGenerator(d);
        double[] points = new double[count * d];
        for (int i = 0; i < count; i++) {
            double[] s = sobol.nextVector();
            for (int j = 0; j < d; j++) {
                points[i * d + j] = domain.lower(j) + s[j] * (domain.upper(j) - domain.lower(j));
            }
        }
        return points;
    }

    private static double[] tensorGrid(Domain domain, int lines) {
        int d = domain.dimension();
        int n = (int) Math.round(Math.pow(lines, d));
        double[] points = new double[n * d];
        int[] index = new int[d];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                points[i * d + j] = domain.lower(j) + (domain.upper(j) - domain.lower(j)) * index[j] / (lines - 1);
            }
            for (int j = d - 1; j >= 0; j--) {
                if (++index[j] < lines) {
                    break;
                }
                index[j] = 0;
            }
        }
        return points;
    }

    /**
     * @param reference reference values, row-major n×F (not modified)
     * @param approximation approximate values, row-major n×F (not modified)
     * @param n the number of points
     * @param fields the number of fields F
     * @return per field, the relative L2 error (the RMS error where the reference is zero)
     */
    public static double[] relativeL2(double[] reference, double[] approximation, int n, int fields) {
        double[] errors = new double[fields];
        for (int f = 0; f < fields; f++) {
            double diff = 0;
            double norm = 0;
            for (int i = 0; i < n; i++) {
                double r = reference[i * fields + f];
                double e = approximation[i * fields + f] - r;
                diff += e * e;
                norm += r * r;
            }
            errors[f] = norm > 1e-24 * n ? Math.sqrt(diff / norm) : Math.sqrt(diff / Math.max(n, 1));
        }
        return errors;
    }

    /**
     * Errors of a trained solution against the problem's reference on the default evaluation points.
     *
     * @param problem the problem, with a reference solution
     * @param solution the trained solution
     * @return per field, the relative L2 error
     * @throws GeopinnException if the problem has no reference or the fields differ
     */
    public static double[] relativeL2(Problem problem, TrainedSolution solution) {
        return relativeL2(problem, solution, evaluationPoints(problem.domain(), DEFAULT_POINTS));
    }

    /**
     * @param problem the problem, with a reference solution
     * @param solution the trained solution
     * @param points evaluation points, row-major n×d (not modified)
     * @return per field, the relative L2 error
     * @throws GeopinnException if the problem has no reference or the fields differ
     */
    public static double[] relativeL2(Problem problem, TrainedSolution solution, double[] points) {
        ReferenceSolution reference = problem.reference()
                .orElseThrow(() -> new GeopinnException("problem '" + problem.id() + "' has no reference solution"));
        int d = problem.domain().dimension();
        int fields = problem.vocabulary().fields().size();
        if (!solution.fields().equals(problem.vocabulary().fields())) {
            throw new GeopinnException("the solution's fields " + solution.fields() + " differ from problem '"
                    + problem.id() + "' fields " + problem.vocabulary().fields());
        }
        int n = points.length / d;
        double[] exact = new double[n * fields];
        reference.evaluate(points, n, exact);
        double[] fieldMajor = new double[n * fields];
        solution.evaluate(points, n, DerivativeRequest.valuesOnly(d), fieldMajor);
        double[] approx = new double[n * fields];
        for (int f = 0; f < fields; f++) {
            for (int i = 0; i < n; i++) {
                approx[i * fields + f] = fieldMajor[f * n + i];
            }
        }
        return relativeL2(exact, approx, n, fields);
    }

    /** @param perField per-field errors @return their mean */
    public static double mean(double[] perField) {
        double s = 0;
        for (double e : perField) {
            s += e;
        }
        return perField.length == 0 ? Double.NaN : s / perField.length;
    }
}

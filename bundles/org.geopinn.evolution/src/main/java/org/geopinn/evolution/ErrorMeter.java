package org.geopinn.evolution;

import org.geopinn.api.evolution.InitialValueProblem;
import org.geopinn.api.evolution.TimeReference;
import org.geopinn.api.model.DerivativeRequest;
import org.geopinn.api.model.Model;
import org.geopinn.api.model.ModelEvaluator;
import org.geopinn.api.sampler.Sampler;

/**
 * The relative L2 error of u_θ against the reference at time t, over all fields, on a fixed set of
 * points of the domain drawn by the run's sampler service (the same points at every time, so errors are comparable).
 */
final class ErrorMeter {
    /** A batch function that writes row-major n×F values. */
    @FunctionalInterface
    interface RowMajor {
        /** @param points n points (not modified) @param n count @param out n×F values (modified) */
        void values(double[] points, int n, double[] out);
    }

    private final ModelEvaluator evaluator;
    private final TimeReference reference;
    private final double[] points;
    private final int n;
    private final int fields;
    private final double[] exact;

    /**
     * @param problem the problem (its box)
     * @param model the model
     * @param sampler draws the points on the problem's interior
     * @param reference the reference solution
     * @param count the number of points
     * @param seed the seed of the points
     */
    ErrorMeter(InitialValueProblem problem, Model model, Sampler sampler, TimeReference reference, int count, long seed) {
        this.reference = reference;
        this.n = count;
        this.fields = model.spec().fields().size();
        int d = problem.domain().dimension();
        this.points = new double[count * d];
        CollocationSampler.drawExactly(sampler, problem.domain(), CollocationSampler.interior(problem.domain()), count, seed,
                points);
        this.evaluator = model.evaluator(DerivativeRequest.valuesOnly(d), count);
        this.exact = new double[count * fields];
    }

    /**
     * @param t the time
     * @param theta the parameters (not modified)
     * @return ‖u_θ − u_ref(t)‖ / ‖u_ref(t)‖ over the points and fields
     */
    double relativeError(double t, double[] theta) {
        reference.evaluate(t, points, n, exact);
        evaluator.forward(theta, points, n);
        double[] u = evaluator.values();
        double num = 0;
        double den = 0;
        for (int f = 0; f < fields; f++) {
            for (int i = 0; i < n; i++) {
                double e = exact[i * fields + f];
                double d = u[f * n + i] - e;
                num += d * d;
                den += e * e;
            }
        }
        return den > 0 ? Math.sqrt(num / den) : Math.sqrt(num / (n * fields));
    }

    /**
     * Evaluates a row-major batch function into the field-major layout {@code f*n + i}.
     *
     * @param function the function
     * @param points n points (not modified)
     * @param n the count
     * @param fields F
     * @param out receives the values at {@code f*n + i} (modified)
     */
    static void toFieldMajor(RowMajor function, double[] points, int n, int fields, double[] out) {
        double[] rowMajor = new double[n * fields];
        function.values(points, n, rowMajor);
        for (int i = 0; i < n; i++) {
            for (int f = 0; f < fields; f++) {
                out[f * n + i] = rowMajor[i * fields + f];
            }
        }
    }
}

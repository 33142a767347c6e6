package org.geopinn.evolution;

/**
 * One step of the embedded Runge–Kutta pair of Bogacki and Shampine (orders 3 and 2, "RK23", the
 * integrator of the Neural IVP reference) with an error estimate for step-size control. Written
 * here rather than taken from Commons Math because each step must use one fresh sample set for
 * all its stages (and a rejected step a new one), and each stage's linear solve is warm-started
 * from the previous stage; Commons Math's integrators own the stage loop and allow neither.
 *
 * <p>k1 = f(y), k2 = f(y + h/2 k1), k3 = f(y + 3h/4 k2), y₁ = y + h(2k1 + 3k2 + 4k3)/9,
 * k4 = f(y₁), error = h(−5k1/72 + k2/12 + k3/9 − k4/8). The first-same-as-last stage is not
 * reused, since the next step samples new points. Work arrays are allocated once.
 *
 * <p>Where the error is measured is the caller's {@link ErrorNorm}: on y itself
 * ({@link #PARAMETER_NORM}) or on what y parametrises (Neural IVP measures it on u_θ at the samples,
 * {@link ParameterVelocity#functionSpaceError}).
 */
final class BogackiShampine {
    /** The autonomous ODE y' = f(y). */
    @FunctionalInterface
    interface Derivative {
        /**
         * @param y the state (not modified)
         * @param yDot a warm start on entry, f(y) on exit (modified)
         */
        void compute(double[] y, double[] yDot);
    }

    /** How large a step's error estimate is, against the tolerances; the step is acceptable when ≤ 1. */
    @FunctionalInterface
    interface ErrorNorm {
        /**
         * @param y the state at the step's start (not modified)
         * @param proposal the third-order solution (not modified)
         * @param error the difference of the embedded solutions (not modified)
         * @param rtol relative tolerance
         * @param atol absolute tolerance
         * @return the scaled error
         */
        double scaled(double[] y, double[] proposal, double[] error, double rtol, double atol);
    }

    /** The RMS over the components of e/(atol + rtol·max(|y|, |y₁|)): the usual norm on the state itself. */
    static final ErrorNorm PARAMETER_NORM = BogackiShampine::parameterNorm;

    private static final double SAFETY = 0.9;
    private static final double MIN_FACTOR = 0.2;
    private static final double MAX_FACTOR = 5.0;

    private final double[] k1;
    private final double[] k2;
    private final double[] k3;
    private final double[] k4;
    private final double[] stage;
    private final double[] proposal;
    private final double[] error;

    /** @param size the dimension of y */
    BogackiShampine(int size) {
        k1 = new double[size];
        k2 = new double[size];
        k3 = new double[size];
        k4 = new double[size];
        stage = new double[size];
        proposal = new double[size];
        error = new double[size];
    }

    /**
     * Attempts a step of size h from y.
     *
     * @param f the derivative
     * @param y the state (not modified)
     * @param h the step size
     * @param rtol relative tolerance
     * @param atol absolute tolerance
     * @param norm where the error estimate is measured
     * @return the error estimate scaled by the tolerances; the step is acceptable when ≤ 1
     */
    double attempt(Derivative f, double[] y, double h, double rtol, double atol, ErrorNorm norm) {
        int n = y.length;
        f.compute(y, k1);
        for (int i = 0; i < n; i++) {
            stage[i] = y[i] + 0.5 * h * k1[i];
        }
        System.arraycopy(k1, 0, k2, 0, n);
        f.compute(stage, k2);
        for (int i = 0; i < n; i++) {
            stage[i] = y[i] + 0.75 * h * k2[i];
        }
        System.arraycopy(k2, 0, k3, 0, n);
        f.compute(stage, k3);
        for (int i = 0; i < n; i++) {
            proposal[i] = y[i] + h * (2 * k1[i] + 3 * k2[i] + 4 * k3[i]) / 9;
        }
        System.arraycopy(k3, 0, k4, 0, n);
        f.compute(proposal, k4);
        for (int i = 0; i < n; i++) {
            error[i] = h * (-5 * k1[i] / 72 + k2[i] / 12 + k3[i] / 9 - k4[i] / 8);
        }
        return norm.scaled(y, proposal, error, rtol, atol);
    }

    private static double parameterNorm(double[] y, double[] proposal, double[] error, double rtol, double atol) {
        int n = y.length;
        double sum = 0;
        for (int i = 0; i < n; i++) {
            double scale = atol + rtol * Math.max(Math.abs(y[i]), Math.abs(proposal[i]));
            sum += (error[i] / scale) * (error[i] / scale);
        }
        return Math.sqrt(sum / n);
    }

    /** @return the difference of the embedded solutions of the last attempt; a view, valid until the next attempt */
    double[] error() {
        return error;
    }

    /** @return the third-order solution of the last attempt; a view, valid until the next attempt */
    double[] proposal() {
        return proposal;
    }

    /** @return f(y) of the last attempt's first stage; a view (the next step's warm start) */
    double[] firstStage() {
        return k1;
    }

    /**
     * @param h the step size just attempted
     * @param error its scaled error estimate
     * @return the step size to try next (the usual h·0.9·error^(−1/3), limited to [h/5, 5h])
     */
    static double nextStepSize(double h, double error) {
        double factor = error == 0 ? MAX_FACTOR : SAFETY * Math.pow(error, -1.0 / 3);
        return h * Math.min(MAX_FACTOR, Math.max(MIN_FACTOR, factor));
    }
}

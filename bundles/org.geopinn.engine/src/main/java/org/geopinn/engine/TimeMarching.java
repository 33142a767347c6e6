package org.geopinn.engine;

import java.util.List;
import java.util.Locale;
import org.geopinn.api.GeopinnException;
import org.geopinn.expr.Vocabulary;
import org.geopinn.api.operator.ResidualSystem;
import org.geopinn.api.problem.Condition;
import org.geopinn.api.problem.DomainPart;
import org.geopinn.api.problem.Problem;

/**
 * Time marching: K windows [t₀, t₀ + k(T − t₀)/K], k = 1 … K, trained one after the other on the
 * same parameters. The points of a time-dependent condition (one whose part spans the time range:
 * the interior, a face of a spatial variable, the spatial boundary) are drawn over the whole
 * domain as usual and then squeezed into the window, t ↦ t₀ + (t − t₀)·k/K, so every window has
 * the condition's full point count; conditions on a face of t (the initial condition) keep theirs.
 *
 * <p>Budget: window k ends once the session has taken k/K of its steps (counted from where it
 * started) or used k/K of its time budget, or when the last stage of the chain has converged;
 * what a window leaves unused goes to the next. Each window runs the chain from its first stage
 * with fresh optimizers (the objective changed), starting from the parameters the last window
 * ended with.
 */
final class TimeMarching {
    private final int windows;
    private final int timeColumn;
    private final double t0;
    private final double t1;
    private final boolean[] marched;
    private final int dimension;

    private TimeMarching(int windows, int timeColumn, double t0, double t1, boolean[] marched, int dimension) {
        this.windows = windows;
        this.timeColumn = timeColumn;
        this.t0 = t0;
        this.t1 = t1;
        this.marched = marched;
        this.dimension = dimension;
    }

    /**
     * @param problem the problem
     * @param windows K from the spec
     * @throws GeopinnException when K is negative, or K ≥ 2 and the problem has no time variable
     */
    static void check(Problem problem, int windows) {
        of(problem, windows);
    }

    /**
     * @param problem the problem
     * @param windows K from the spec
     * @return the marching, or null when K ≤ 1 (no marching)
     * @throws GeopinnException when K is negative, or K ≥ 2 and the problem has no time variable
     */
    static TimeMarching of(Problem problem, int windows) {
        if (windows < 0) {
            throw new GeopinnException("the number of time windows must be 0 (off) or at least 2, got " + windows);
        }
        if (windows <= 1) {
            return null;
        }
        List<String> variables = problem.vocabulary().variables();
        int time = variables.indexOf(Vocabulary.TIME);
        if (time < 0) {
            throw new GeopinnException("time marching needs a time variable '" + Vocabulary.TIME + "'; problem '" + problem.id()
                    + "' has variables " + variables);
        }
        List<Condition> conditions = problem.conditions();
        boolean[] marched = new boolean[conditions.size()];
        for (int g = 0; g < marched.length; g++) {
            DomainPart part = problem.domain().part(conditions.get(g).part());
            // Observations stay where they were measured.
            marched[g] = conditions.get(g).data() == null && switch (part.kind()) {
                case INTERIOR -> true;
                case FACE -> part.variable() != time;
                case BOUNDARY -> java.util.Arrays.stream(part.boundaryVariables()).noneMatch(v -> v == time);
                case GEOMETRY -> part.geometryParts().stream().noneMatch(
                        p -> p.equals(org.geopinn.api.geometry.Geometry.INITIAL) || p.equals(org.geopinn.api.geometry.Geometry.FINAL));
            };
        }
        return new TimeMarching(windows, time, problem.domain().lower(time), problem.domain().upper(time), marched,
                variables.size());
    }

    /** @return K */
    int windows() {
        return windows;
    }

    /** @param g a condition index @return whether its points move with the window */
    boolean marched(int g) {
        return marched[g];
    }

    /** @param window k, 1 … K @return the window's end time t₀ + k(T − t₀)/K */
    double end(int window) {
        return t0 + (t1 - t0) * window / windows;
    }

    /** @param window k @return e.g. {@code t ∈ [0, 0.25]} */
    String describe(int window) {
        return String.format(Locale.ROOT, "time window %d/%d: t ∈ [%s, %s]", window, windows, number(t0), number(end(window)));
    }

    private static String number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : String.format(Locale.ROOT, "%.4g", v);
    }

    /**
     * Squeezes points drawn over the whole time range into window k.
     *
     * @param window k
     * @param g the condition index
     * @param points row-major n×d (modified when the condition is marched)
     */
    void squeeze(int window, int g, double[] points) {
        if (!marched[g]) {
            return;
        }
        double f = (double) window / windows;
        for (int i = timeColumn; i < points.length; i += dimension) {
            points[i] = t0 + (points[i] - t0) * f;
        }
    }

    /**
     * Moves the points of a freshly built or resampled system into window k.
     *
     * @param window k
     * @param system the system (its marched conditions get new points)
     * @param names the condition names, in order
     */
    void squeeze(int window, ResidualSystem system, List<String> names) {
        for (int g = 0; g < names.size(); g++) {
            if (marched[g]) {
                double[] p = system.points(names.get(g));
                squeeze(window, g, p);
                system.setPoints(names.get(g), p);
            }
        }
    }

    /**
     * @param window k
     * @param startStep the step the session started at
     * @param maxSteps the session's total step count
     * @return the step at which window k ends
     */
    long stepEnd(int window, long startStep, long maxSteps) {
        return startStep + (maxSteps - startStep) * window / windows;
    }

    /**
     * @param window k
     * @param budget the session's time budget in seconds, 0 for none
     * @return the training seconds at which window k ends, +∞ without a budget
     */
    double timeEnd(int window, double budget) {
        return budget > 0 ? budget * window / windows : Double.POSITIVE_INFINITY;
    }
}

package org.geopinn.engine;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.geopinn.api.GeopinnException;
import org.geopinn.api.model.ModelSpec;
import org.geopinn.api.problem.Condition;
import org.geopinn.api.problem.Problem;
import org.geopinn.api.session.SessionSpec;

/**
 * Checks the sizes a session is about to allocate against the Java heap before allocating them,
 * so that a model or a point set too large for this machine is one line of bad input instead of
 * minutes of swapping and an {@link OutOfMemoryError} (or a {@link NegativeArraySizeException}
 * when an int overflows). The figures are lower bounds, counted in the widest type ({@code long}):
 * <ul>
 * <li>parameters: a dense network with layer widths w₀ (inputs), w₁ … w_k (hidden), w_{k+1}
 * (outputs) has at least Σ wᵢ·wᵢ₊₁ weights, one network per field with separate networks; a
 * session keeps at least {@value #PARAMETER_COPIES} vectors of that length (parameters, backup,
 * snapshot, gradient, trial, optimizer moments);</li>
 * <li>points: n points of dimension d take n·d doubles, and one forward pass over them at least
 * n·Σwᵢ more (the activations) when the operator engine evaluates them in this process (not when
 * cluster members do), doubled when adaptive resampling draws candidates;</li>
 * <li>every array must also fit Java's array index (2³¹ − 1 elements).</li>
 * </ul>
 */
final class SizeGuard {
    /** Parameter-length vectors a session holds at least. */
    static final int PARAMETER_COPIES = 8;
    private static final long MAX_ARRAY = Integer.MAX_VALUE - 8;

    private SizeGuard() {
    }

    /**
     * @param spec the model spec, before the model is built
     * @throws GeopinnException (one line) when its parameters cannot fit the heap
     */
    static void model(ModelSpec spec) {
        long p = minimumParameters(spec);
        long bytes = times(times(p, Double.BYTES), PARAMETER_COPIES);
        if (p > MAX_ARRAY || bytes > heap()) {
            throw new GeopinnException(String.format(Locale.ROOT,
                    "the model %s with hidden widths %s would have at least %s parameters, needing at least %s for its parameter "
                            + "vectors alone; this Java heap holds at most %s (use fewer or narrower layers, or a larger -Xmx)",
                    spec.fields(), shortWidths(spec.hidden()), count(p), size(bytes), size(heap())));
        }
    }

    /**
     * @param problem the problem
     * @param spec the session spec (point counts)
     * @param hidden the hidden widths of the model
     * @param factor how many times each condition's points are drawn at once (candidates for resampling)
     * @param activations whether this process also holds the points' activations (the operator
     *        engine evaluates them here)
     * @throws GeopinnException (one line) when the points cannot fit the heap
     */
    static void points(Problem problem, SessionSpec spec, int[] hidden, int factor, boolean activations) {
        int d = problem.domain().dimension();
        long width = d;
        for (int w : activations ? hidden : new int[0]) {
            width += w;
        }
        long total = 0;
        long bytes = 0;
        List<Condition> conditions = problem.conditions();
        for (Condition c : conditions) {
            long n = times(spec.points().getOrDefault(c.name(), c.points()), factor);
            total = plus(total, n);
            if (times(n, d) > MAX_ARRAY) {
                throw new GeopinnException(String.format(Locale.ROOT,
                        "condition '%s' would have %s points of %d coordinates, more than a Java array holds (2^31 - 1 numbers); "
                                + "use fewer points (--points)", c.name(), count(n), d));
            }
            bytes = plus(bytes, times(times(n, width), Double.BYTES));
        }
        if (bytes > heap()) {
            throw new GeopinnException(String.format(Locale.ROOT,
                    "%s collocation points would need at least %s (%s); this Java heap "
                            + "holds at most %s (use fewer points with --points, or a larger -Xmx)",
                    count(total), size(bytes), activations ? "coordinates and one pass of activations" : "their coordinates",
                    size(heap())));
        }
    }

    /**
     * The message for a session whose points or residual system did not fit the heap while they
     * were built (the checks above are lower bounds: an engine keeps more per point than one pass).
     *
     * @param engineId the operator engine that was building the system
     * @return one line
     */
    static String buildExhausted(String engineId) {
        return String.format(Locale.ROOT, "operator engine '%s' ran out of memory while building the residual system of the "
                + "collocation points; this Java heap holds at most %s (use fewer points with --points, a larger -Xmx, "
                + "or the cluster engine, whose members hold the points)", engineId, size(heap()));
    }

    /**
     * The message for an optimizer that asked for more memory than the heap holds (a Jacobian or
     * Gram matrix formed by a second-order optimizer is the usual cause), with the sizes it implies.
     *
     * @param step the step count reached
     * @param optimizerId the optimizer taking the step
     * @param rows the residual rows of the system
     * @param parameters the parameter count
     * @return one line
     */
    static String exhausted(long step, String optimizerId, long rows, long parameters) {
        return String.format(Locale.ROOT, "optimizer '%s' ran out of memory at step %d: a Jacobian of %d residuals × %d parameters "
                + "takes %s and a Gram matrix %s; this Java heap holds at most %s (use fewer points or parameters, a first-order "
                + "optimizer such as adam, or a larger -Xmx)", optimizerId, step, rows, parameters,
                size(times(times(rows, parameters), Double.BYTES)), size(times(times(parameters, parameters), Double.BYTES)),
                size(heap()));
    }

    /**
     * @param spec a model spec
     * @return a lower bound of its parameter count (saturating at Long.MAX_VALUE)
     */
    static long minimumParameters(ModelSpec spec) {
        int inputs = spec.inputLower().length;
        int fields = Math.max(1, spec.fields().size());
        boolean separate = spec.separateNetworks();
        long sum = 0;
        long previous = inputs;
        for (int w : spec.hidden()) {
            sum = plus(sum, times(previous, w));
            previous = w;
        }
        sum = plus(sum, times(previous, separate ? 1 : fields));
        return separate ? times(sum, fields) : sum;
    }

    private static long heap() {
        return Runtime.getRuntime().maxMemory();
    }

    /** Non-negative product, saturating at Long.MAX_VALUE. */
    private static long times(long a, long b) {
        try {
            return Math.multiplyExact(a, b);
        } catch (ArithmeticException e) {
            return Long.MAX_VALUE;
        }
    }

    /** Non-negative sum, saturating at Long.MAX_VALUE. */
    private static long plus(long a, long b) {
        try {
            return Math.addExact(a, b);
        } catch (ArithmeticException e) {
            return Long.MAX_VALUE;
        }
    }

    private static String shortWidths(int[] hidden) {
        String s = Arrays.toString(hidden);
        return s.length() > 60 ? s.substring(0, 60) + "…]" : s;
    }

    private static String count(long n) {
        return n >= 1_000_000 ? String.format(Locale.ROOT, "%.2g", (double) n) : Long.toString(n);
    }

    /** @param bytes a size @return it in KB, MB, GB … */
    static String size(long bytes) {
        if (bytes == Long.MAX_VALUE) {
            return "more than 9 EB";
        }
        String[] units = {"bytes", "KB", "MB", "GB", "TB", "PB", "EB"};
        double v = bytes;
        int u = 0;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return u == 0 ? bytes + " bytes" : String.format(Locale.ROOT, "%.1f %s", v, units[u]);
    }
}

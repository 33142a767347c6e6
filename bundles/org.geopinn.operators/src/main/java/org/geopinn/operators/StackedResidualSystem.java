package org.geopinn.operators;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.geopinn.api.GeopinnException;
import org.geopinn.api.model.Model;
import org.geopinn.api.model.ParameterLayout;
import org.geopinn.api.operator.LossScaling;
import org.geopinn.api.operator.ResidualGroup;
import org.geopinn.api.operator.ResidualSystem;
import org.geopinn.api.problem.Problem;

/**
 * The residual system of a problem: one block of rows per condition, in the problem's order, each
 * row the pointwise residual D_g[u_θ](x_i) − f_g(x_i) times √(w_g · factor) per {@link LossScaling}.
 *
 * <p>Every method takes θ explicitly. The last forward pass is cached, keyed by θ's content (a copy
 * is kept, so callers may update their array in place): the loss, then the gradient, then the
 * Jacobian at the same θ cost one forward pass. Changing weights rescales rows without a new pass;
 * replacing points invalidates the cache. After the first call at a given point count no method
 * allocates, except {@link #groupLosses}, {@link #weights}, {@link #points} and {@link #groups},
 * whose results are new by contract.
 *
 * <p>With T &gt; 1 threads each condition's points are split into T equal slices, each with its own
 * model evaluator, and every pass (forward, reverse, Jacobian rows, tangents) runs the slices on T
 * threads at once: the caller and T − 1 daemon workers shared by all residual systems. Results do
 * not depend on T beyond rounding in the gradient's summation order.
 *
 * <p>Not thread-safe: call it from one thread at a time.
 *
 * <p>Its parts: {@link StackAssembly} puts it together, {@link RowLayout} places each condition's
 * rows, {@link SlicePasses} runs the passes over the point slices and assembles J, J·v and Jᵀu,
 * {@link GroupControl} moves weights and points; this class keeps the forward pass cached by θ.
 */
public final class StackedResidualSystem implements ResidualSystem {
    /** System property that overrides the default thread count of {@link #build(Problem, Model, Map, LossScaling, EvaluatorFactory)}. */
    public static final String THREADS_PROPERTY = "geopinn.residual.threads";

    private final Model model;
    private final RowLayout rows;
    private final SlicePasses passes;
    private final GroupControl control;
    private final int parameterCount;
    private final double[] cachedTheta;
    private boolean cacheValid;

    StackedResidualSystem(Model model, RowLayout rows, int dimension, int threads) {
        this.model = model;
        this.rows = rows;
        this.parameterCount = model.parameterCount();
        this.passes = new SlicePasses(rows, parameterCount, threads);
        this.control = new GroupControl(rows, dimension);
        this.cachedTheta = new double[parameterCount];
    }

    /**
     * Builds the residual system, after checking that problem, model and points fit together.
     *
     * @param problem the problem (its conditions define the groups, in order)
     * @param model the model the operators act on
     * @param points collocation points per condition name, row-major n×d (copied)
     * @param scaling how rows are scaled by weight, point count and region measure (null: MEAN)
     * @param evaluators how input derivatives are obtained (exact or finite differences)
     * @return the residual system
     * @throws GeopinnException with a one-line message when something does not fit
     */
    public static StackedResidualSystem build(Problem problem, Model model, Map<String, double[]> points,
            LossScaling scaling, EvaluatorFactory evaluators) {
        return build(problem, model, points, scaling, evaluators, 0);
    }

    /**
     * Builds the residual system with a given number of threads.
     *
     * @param problem the problem (its conditions define the groups, in order)
     * @param model the model the operators act on
     * @param points collocation points per condition name, row-major n×d (copied)
     * @param scaling how rows are scaled by weight, point count and region measure (null: MEAN)
     * @param evaluators how input derivatives are obtained (exact or finite differences)
     * @param threads T ≥ 1 threads per pass, or 0 for the default: the system property
     *        {@value #THREADS_PROPERTY} if set, else the available processors, but one thread per
     *        {@value StackAssembly#ROWS_PER_EXTRA_THREAD} rows at most
     * @return the residual system
     * @throws GeopinnException with a one-line message when something does not fit
     */
    public static StackedResidualSystem build(Problem problem, Model model, Map<String, double[]> points,
            LossScaling scaling, EvaluatorFactory evaluators, int threads) {
        return StackAssembly.build(problem, model, points, scaling, evaluators, threads);
    }

    /** @return the number of threads each pass runs on */
    public int threads() {
        return passes.threads();
    }

    private void ensureForward(double[] theta) {
        if (theta == null || theta.length != parameterCount) {
            throw new GeopinnException("the parameter vector has " + (theta == null ? "no" : theta.length)
                    + " entries but the model has " + parameterCount);
        }
        if (cacheValid && Arrays.equals(theta, cachedTheta)) {
            return;
        }
        cacheValid = false; // stays false if a pass fails half-way
        passes.forward(theta);
        System.arraycopy(theta, 0, cachedTheta, 0, parameterCount);
        cacheValid = true;
    }

    private static void requireLength(double[] a, long length, String what) {
        if (a == null || a.length < length) {
            throw new GeopinnException(what + " needs length " + length + ", got " + (a == null ? "null" : a.length));
        }
    }

    @Override
    public int parameterCount() {
        return parameterCount;
    }

    @Override
    public int residualCount() {
        return rows.residualCount();
    }

    @Override
    public List<ResidualGroup> groups() {
        return rows.groups();
    }

    @Override
    public ParameterLayout parameterLayout() {
        return model.layout();
    }

    @Override
    public void residuals(double[] theta, double[] out) {
        requireLength(out, rows.residualCount(), "the residual vector");
        ensureForward(theta);
        for (int b = 0; b < rows.size(); b++) {
            rows.block(b).writeResiduals(out, rows.offset(b));
        }
    }

    @Override
    public double loss(double[] theta) {
        ensureForward(theta);
        double loss = 0;
        for (int b = 0; b < rows.size(); b++) {
            loss += rows.block(b).halfSquaredNorm();
        }
        return loss;
    }

    @Override
    public double lossAndGradient(double[] theta, double[] gradient) {
        requireLength(gradient, parameterCount, "the gradient");
        double loss = loss(theta);
        passes.transposeTimes(null, gradient);
        return loss;
    }

    @Override
    public void jacobian(double[] theta, double[] out) {
        requireLength(out, (long) rows.residualCount() * parameterCount, "the Jacobian (row-major S×P)");
        ensureForward(theta);
        passes.jacobian(out);
    }

    @Override
    public void jacobianTimes(double[] theta, double[] v, double[] out) {
        requireLength(v, parameterCount, "the direction v");
        requireLength(out, rows.residualCount(), "J·v");
        ensureForward(theta);
        passes.jacobianTimes(v, out);
    }

    @Override
    public void jacobianTransposeTimes(double[] theta, double[] u, double[] out) {
        requireLength(u, rows.residualCount(), "the vector u");
        requireLength(out, parameterCount, "Jᵀ·u");
        ensureForward(theta);
        passes.transposeTimes(u, out);
    }

    @Override
    public double[] groupLosses(double[] theta) {
        ensureForward(theta);
        double[] losses = new double[rows.size()];
        for (int b = 0; b < rows.size(); b++) {
            losses[b] = rows.block(b).halfSquaredNorm();
        }
        return losses;
    }

    @Override
    public double[] weights() {
        return control.weights();
    }

    /**
     * {@inheritDoc} Weights must be finite and non-negative (zero switches a group off).
     *
     * @throws GeopinnException for a wrong count or a negative or non-finite weight
     */
    @Override
    public void setWeights(double[] weights) {
        control.setWeights(weights);
    }

    /**
     * {@inheritDoc} A row weight multiplies the row's square on top of the group's weight.
     *
     * @throws GeopinnException for an unknown group, a wrong count or a negative or non-finite weight
     */
    @Override
    public void setRowWeights(String group, double[] rowWeights) {
        control.setRowWeights(group, rowWeights);
    }

    @Override
    public double[] rowWeights(String group) {
        return control.rowWeights(group);
    }

    /**
     * {@inheritDoc}
     *
     * @throws GeopinnException for an unknown group or points of the wrong dimension
     */
    @Override
    public void setPoints(String group, double[] points) {
        control.setPoints(group, points);
        cacheValid = false;
    }

    @Override
    public double[] points(String group) {
        return control.points(group);
    }

    @Override
    public long revision() {
        return control.revision();
    }

    /** @return the groups and sizes, e.g. {@code ResidualSystem[pde 900, boundary 120; P=8577]} */
    @Override
    public String toString() {
        return "ResidualSystem[" + rows.describe() + "; P=" + parameterCount + "]";
    }
}

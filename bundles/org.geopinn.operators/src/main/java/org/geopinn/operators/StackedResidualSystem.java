package org.geopinn.operators;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.geopinn.api.GeopinnException;
import org.geopinn.api.model.Model;
import org.geopinn.api.model.ParameterLayout;
import org.geopinn.api.operator.LossScaling;
import org.geopinn.api.operator.ResidualGroup;
import org.geopinn.api.operator.ResidualSystem;
import org.geopinn.api.problem.CoefficientModel;
import org.geopinn.api.problem.Condition;
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
 */
public final class StackedResidualSystem implements ResidualSystem {
    /** System property that overrides the default thread count of {@link #build(Problem, Model, Map, LossScaling, EvaluatorFactory)}. */
    public static final String THREADS_PROPERTY = "geopinn.residual.threads";
    /** Below this many rows one thread is used by default: the hand-over would cost more than it saves. */
    static final int ROWS_PER_EXTRA_THREAD = 256;

    private static final int FORWARD = 0;
    private static final int TRANSPOSE_TIMES = 1;
    private static final int JACOBIAN = 2;
    private static final int JACOBIAN_TIMES = 3;

    private final Model model;
    private final List<ConditionBlock> blocks;
    private final int parameterCount;
    private final int dimension;
    private final double[] cachedTheta;
    private boolean cacheValid;
    private long revision;
    private List<ResidualGroup> groups;
    private int[] offsets;
    private int residualCount;

    private final int threads;
    /** One gradient accumulator per thread beyond the first (thread 0 writes the output). */
    private final double[][] threadGradients;
    // Arguments of the pass being run by all threads (published to the workers by SlicePool).
    private int op;
    private double[] argTheta;
    private double[] argVector;
    private double[] argOut;

    private StackedResidualSystem(Model model, List<ConditionBlock> blocks, int dimension, int threads) {
        this.model = model;
        this.blocks = blocks;
        this.dimension = dimension;
        this.parameterCount = model.parameterCount();
        this.cachedTheta = new double[parameterCount];
        this.threads = threads;
        this.threadGradients = new double[threads][];
        for (int t = 1; t < threads; t++) {
            threadGradients[t] = new double[parameterCount];
        }
        restack();
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
     *        {@value #ROWS_PER_EXTRA_THREAD} rows at most
     * @return the residual system
     * @throws GeopinnException with a one-line message when something does not fit
     */
    public static StackedResidualSystem build(Problem problem, Model model, Map<String, double[]> points,
            LossScaling scaling, EvaluatorFactory evaluators, int threads) {
        ProblemCheck.check(problem, model, points);
        if (threads < 0) {
            throw new GeopinnException("thread count must be positive (or 0 for the default), got " + threads);
        }
        int rows = 0;
        for (double[] p : points.values()) {
            rows += p.length / problem.domain().dimension();
        }
        int t = threads > 0 ? threads : defaultThreads(rows);
        int d = problem.domain().dimension();
        List<String> unknowns = List.copyOf(problem.unknowns().keySet());
        List<String> carried = CoefficientModel.coefficientNames(model);
        if (!carried.equals(unknowns)) {
            throw new GeopinnException("problem '" + problem.id() + "' trains the coefficients " + unknowns
                    + " but the model's parameter vector carries " + carried + "; extend the model with CoefficientModel.extend");
        }
        List<ConditionBlock> blocks = new ArrayList<>();
        for (Condition c : problem.conditions()) {
            double measure = problem.domain().part(c.part()).measure(problem.domain());
            blocks.add(new ConditionBlock(c.name(), c.operator(), c.source(), c.weight(), model, d, measure,
                    scaling == null ? LossScaling.MEAN : scaling, evaluators, points.get(c.name()), t, unknowns, c.pair()));
        }
        return new StackedResidualSystem(model, List.copyOf(blocks), d, t);
    }

    /**
     * @param rows the number of residual rows
     * @return the default thread count for that many rows
     */
    static int defaultThreads(int rows) {
        int wanted = Runtime.getRuntime().availableProcessors();
        String property = System.getProperty(THREADS_PROPERTY);
        if (property != null) {
            try {
                wanted = Integer.parseInt(property.trim());
            } catch (NumberFormatException e) {
                throw new GeopinnException("system property " + THREADS_PROPERTY + "=" + property + " is not a whole number");
            }
            if (wanted < 1) {
                throw new GeopinnException("system property " + THREADS_PROPERTY + " must be at least 1, got " + wanted);
            }
            return wanted;
        }
        return Math.max(1, Math.min(wanted, rows / ROWS_PER_EXTRA_THREAD));
    }

    /** @return the number of threads each pass runs on */
    public int threads() {
        return threads;
    }

    /** Runs the current pass on every thread (or inline with one thread). */
    private void runPass(int pass) {
        this.op = pass;
        if (threads == 1) {
            runSlice(0);
        } else {
            SlicePool.run(this, threads);
        }
    }

    /**
     * What thread t does in the current pass: its slice of every condition.
     *
     * @param t the thread index, 0 … T−1
     */
    void runSlice(int t) {
        switch (op) {
            case FORWARD:
                for (int b = 0; b < blocks.size(); b++) { // indexed loops: no iterator per call
                    blocks.get(b).slice(t).forward(argTheta);
                }
                break;
            case TRANSPOSE_TIMES: {
                double[] out = t == 0 ? argOut : threadGradients[t];
                if (t > 0) {
                    Arrays.fill(out, 0);
                }
                for (int b = 0; b < blocks.size(); b++) {
                    ConditionBlock block = blocks.get(b);
                    PointSlice s = block.slice(t);
                    s.accumulateTransposeTimes(argVector, offsets[b] + s.start(), block.scale(), out);
                }
                break;
            }
            case JACOBIAN:
                for (int b = 0; b < blocks.size(); b++) {
                    ConditionBlock block = blocks.get(b);
                    PointSlice s = block.slice(t);
                    s.writeJacobian(argOut, offsets[b] + s.start(), block.scale());
                }
                break;
            case JACOBIAN_TIMES:
                for (int b = 0; b < blocks.size(); b++) {
                    ConditionBlock block = blocks.get(b);
                    PointSlice s = block.slice(t);
                    s.writeJacobianTimes(argVector, argOut, offsets[b] + s.start(), block.scale());
                }
                break;
            default:
                throw new AssertionError(op);
        }
    }

    /** out ← Jᵀu (u null: Jᵀr), summing the threads' shares. */
    private void transposeTimes(double[] u, double[] out) {
        Arrays.fill(out, 0, parameterCount, 0);
        argVector = u;
        argOut = out;
        runPass(TRANSPOSE_TIMES);
        for (int t = 1; t < threads; t++) {
            double[] g = threadGradients[t];
            for (int p = 0; p < parameterCount; p++) {
                out[p] += g[p];
            }
        }
        clearArguments();
    }

    /** Drops references to caller arrays so they are not kept alive by the system. */
    private void clearArguments() {
        argTheta = null;
        argVector = null;
        argOut = null;
    }

    private void restack() {
        List<ResidualGroup> g = new ArrayList<>();
        offsets = new int[blocks.size()];
        int offset = 0;
        for (int b = 0; b < blocks.size(); b++) {
            offsets[b] = offset;
            g.add(new ResidualGroup(blocks.get(b).name(), offset, blocks.get(b).size()));
            offset += blocks.get(b).size();
        }
        groups = List.copyOf(g);
        residualCount = offset;
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
        argTheta = theta;
        runPass(FORWARD);
        clearArguments();
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
        return residualCount;
    }

    @Override
    public List<ResidualGroup> groups() {
        return groups;
    }

    @Override
    public ParameterLayout parameterLayout() {
        return model.layout();
    }

    @Override
    public void residuals(double[] theta, double[] out) {
        requireLength(out, residualCount, "the residual vector");
        ensureForward(theta);
        for (int b = 0; b < blocks.size(); b++) {
            blocks.get(b).writeResiduals(out, offsets[b]);
        }
    }

    @Override
    public double loss(double[] theta) {
        ensureForward(theta);
        double loss = 0;
        for (int b = 0; b < blocks.size(); b++) {
            loss += blocks.get(b).halfSquaredNorm();
        }
        return loss;
    }

    @Override
    public double lossAndGradient(double[] theta, double[] gradient) {
        requireLength(gradient, parameterCount, "the gradient");
        double loss = loss(theta);
        transposeTimes(null, gradient);
        return loss;
    }

    @Override
    public void jacobian(double[] theta, double[] out) {
        requireLength(out, (long) residualCount * parameterCount, "the Jacobian (row-major S×P)");
        ensureForward(theta);
        argOut = out;
        runPass(JACOBIAN);
        clearArguments();
    }

    @Override
    public void jacobianTimes(double[] theta, double[] v, double[] out) {
        requireLength(v, parameterCount, "the direction v");
        requireLength(out, residualCount, "J·v");
        ensureForward(theta);
        argVector = v;
        argOut = out;
        runPass(JACOBIAN_TIMES);
        clearArguments();
    }

    @Override
    public void jacobianTransposeTimes(double[] theta, double[] u, double[] out) {
        requireLength(u, residualCount, "the vector u");
        requireLength(out, parameterCount, "Jᵀ·u");
        ensureForward(theta);
        transposeTimes(u, out);
    }

    @Override
    public double[] groupLosses(double[] theta) {
        ensureForward(theta);
        double[] losses = new double[blocks.size()];
        for (int b = 0; b < blocks.size(); b++) {
            losses[b] = blocks.get(b).halfSquaredNorm();
        }
        return losses;
    }

    @Override
    public double[] weights() {
        double[] w = new double[blocks.size()];
        for (int b = 0; b < blocks.size(); b++) {
            w[b] = blocks.get(b).weight();
        }
        return w;
    }

    /**
     * {@inheritDoc} Weights must be finite and non-negative (zero switches a group off).
     *
     * @throws GeopinnException for a wrong count or a negative or non-finite weight
     */
    @Override
    public void setWeights(double[] weights) {
        if (weights == null || weights.length != blocks.size()) {
            throw new GeopinnException("expected " + blocks.size() + " weights, one per group " + names() + ", got "
                    + (weights == null ? "none" : weights.length));
        }
        for (int b = 0; b < weights.length; b++) {
            if (!(weights[b] >= 0) || Double.isInfinite(weights[b])) {
                throw new GeopinnException("weight of group '" + blocks.get(b).name() + "' is " + weights[b]
                        + "; weights must be finite and non-negative");
            }
        }
        for (int b = 0; b < weights.length; b++) {
            blocks.get(b).setWeight(weights[b]);
        }
        revision++;
    }

    /**
     * {@inheritDoc} A row weight multiplies the row's square on top of the group's weight.
     *
     * @throws GeopinnException for an unknown group, a wrong count or a negative or non-finite weight
     */
    @Override
    public void setRowWeights(String group, double[] rowWeights) {
        block(group).setRowWeights(rowWeights);
        revision++;
    }

    @Override
    public double[] rowWeights(String group) {
        return block(group).rowWeights();
    }

    /**
     * {@inheritDoc}
     *
     * @throws GeopinnException for an unknown group or points of the wrong dimension
     */
    @Override
    public void setPoints(String group, double[] points) {
        ConditionBlock block = block(group);
        ProblemCheck.checkPoints(group, points, dimension);
        block.setPoints(points);
        restack();
        cacheValid = false;
        revision++;
    }

    @Override
    public double[] points(String group) {
        return block(group).points();
    }

    @Override
    public long revision() {
        return revision;
    }

    private ConditionBlock block(String group) {
        for (ConditionBlock b : blocks) {
            if (b.name().equals(group)) {
                return b;
            }
        }
        throw new GeopinnException("no residual group '" + group + "'; groups are " + names());
    }

    /** @return the groups and sizes, e.g. {@code ResidualSystem[pde 900, boundary 120; P=8577]} */
    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("ResidualSystem[");
        for (int i = 0; i < blocks.size(); i++) {
            b.append(i == 0 ? "" : ", ").append(blocks.get(i).name()).append(' ').append(blocks.get(i).size());
        }
        return b.append("; P=").append(parameterCount).append(']').toString();
    }

    private List<String> names() {
        return blocks.stream().map(ConditionBlock::name).toList();
    }
}

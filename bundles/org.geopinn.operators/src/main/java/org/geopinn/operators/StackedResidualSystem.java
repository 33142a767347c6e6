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
 * <p>Not thread-safe.
 */
public final class StackedResidualSystem implements ResidualSystem {
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

    private StackedResidualSystem(Model model, List<ConditionBlock> blocks, int dimension) {
        this.model = model;
        this.blocks = blocks;
        this.dimension = dimension;
        this.parameterCount = model.parameterCount();
        this.cachedTheta = new double[parameterCount];
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
        ProblemCheck.check(problem, model, points);
        int d = problem.domain().dimension();
        List<ConditionBlock> blocks = new ArrayList<>();
        for (Condition c : problem.conditions()) {
            double measure = problem.domain().part(c.part()).measure(problem.domain());
            blocks.add(new ConditionBlock(c.name(), c.operator(), c.source(), c.weight(), model, d, measure,
                    scaling == null ? LossScaling.MEAN : scaling, evaluators, points.get(c.name())));
        }
        return new StackedResidualSystem(model, List.copyOf(blocks), d);
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
        for (int b = 0; b < blocks.size(); b++) { // indexed loops: no iterator per call
            blocks.get(b).forward(theta);
        }
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
        Arrays.fill(gradient, 0, parameterCount, 0);
        for (int b = 0; b < blocks.size(); b++) {
            blocks.get(b).accumulateTransposeTimes(null, 0, gradient);
        }
        return loss;
    }

    @Override
    public void jacobian(double[] theta, double[] out) {
        requireLength(out, (long) residualCount * parameterCount, "the Jacobian (row-major S×P)");
        ensureForward(theta);
        for (int b = 0; b < blocks.size(); b++) {
            blocks.get(b).writeJacobian(out, offsets[b]);
        }
    }

    @Override
    public void jacobianTimes(double[] theta, double[] v, double[] out) {
        requireLength(v, parameterCount, "the direction v");
        requireLength(out, residualCount, "J·v");
        ensureForward(theta);
        for (int b = 0; b < blocks.size(); b++) {
            blocks.get(b).writeJacobianTimes(v, out, offsets[b]);
        }
    }

    @Override
    public void jacobianTransposeTimes(double[] theta, double[] u, double[] out) {
        requireLength(u, residualCount, "the vector u");
        requireLength(out, parameterCount, "Jᵀ·u");
        ensureForward(theta);
        Arrays.fill(out, 0, parameterCount, 0);
        for (int b = 0; b < blocks.size(); b++) {
            blocks.get(b).accumulateTransposeTimes(u, offsets[b], out);
        }
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

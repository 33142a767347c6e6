package org.geopinn.linalg.lsq;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.geopinn.api.GeopinnException;
import org.geopinn.api.model.ParameterBlock;
import org.geopinn.api.model.ParameterLayout;
import org.geopinn.api.operator.ResidualGroup;
import org.geopinn.api.operator.ResidualSystem;

/**
 * A {@link ResidualSystem} given by explicit functions: raw residuals ρ(θ) ∈ R^S and their
 * Jacobian. Row i of group g is scaled by √w_g, so L = ½ Σ_g w_g ‖ρ_g‖². Products J·v and Jᵀ·u are
 * formed from the dense Jacobian. Counts its residual evaluations (for tests and benchmarks).
 */
public final class FunctionResidualSystem implements ResidualSystem {
    /** Raw residuals ρ(θ). */
    @FunctionalInterface
    public interface Residuals {
        /** @param theta parameters (not modified) @param out receives ρ(θ), length S (modified) */
        void evaluate(double[] theta, double[] out);
    }

    /** The Jacobian ∂ρ/∂θ. */
    @FunctionalInterface
    public interface Jacobian {
        /** @param theta parameters (not modified) @param out receives ∂ρ/∂θ, row-major S×P (modified) */
        void evaluate(double[] theta, double[] out);
    }

    private final int p;
    private final int s;
    private final Residuals residuals;
    private final Jacobian jacobian;
    private final List<ResidualGroup> groups;
    private final ParameterLayout layout;
    private final double[] weights;
    private final Map<String, double[]> points = new HashMap<>();
    private final double[] raw;
    private final double[] jac;
    private long revision;
    private long residualEvaluations;

    /**
     * @param parameterCount P
     * @param groups the row groups (tiling 0..S in order)
     * @param layout the parameter layout, or null for one OTHER block
     * @param residuals ρ(θ)
     * @param jacobian ∂ρ/∂θ
     */
    public FunctionResidualSystem(int parameterCount, List<ResidualGroup> groups, ParameterLayout layout,
            Residuals residuals, Jacobian jacobian) {
        this.p = parameterCount;
        this.groups = List.copyOf(groups);
        int next = 0;
        for (ResidualGroup g : this.groups) {
            if (g.offset() != next) {
                throw new GeopinnException("residual group " + g.name() + " starts at " + g.offset() + ", expected " + next);
            }
            next += g.size();
        }
        this.s = next;
        this.layout = layout != null ? layout
                : new ParameterLayout(List.of(new ParameterBlock("theta", ParameterBlock.Kind.OTHER, 0, parameterCount, 1, 0)));
        if (this.layout.size() != parameterCount) {
            throw new GeopinnException("parameter layout covers " + this.layout.size() + " parameters, expected " + parameterCount);
        }
        this.residuals = residuals;
        this.jacobian = jacobian;
        this.weights = new double[this.groups.size()];
        Arrays.fill(weights, 1);
        this.raw = new double[s];
        this.jac = new double[s * parameterCount];
    }

    /**
     * A system with a single group named "all".
     *
     * @param parameterCount P
     * @param residualCount S
     * @param residuals ρ(θ)
     * @param jacobian ∂ρ/∂θ
     * @return the system
     */
    public static FunctionResidualSystem single(int parameterCount, int residualCount, Residuals residuals, Jacobian jacobian) {
        return new FunctionResidualSystem(parameterCount, List.of(new ResidualGroup("all", 0, residualCount)), null, residuals, jacobian);
    }

    /** @return how many times the residuals were evaluated */
    public long residualEvaluations() {
        return residualEvaluations;
    }

    @Override
    public int parameterCount() {
        return p;
    }

    @Override
    public int residualCount() {
        return s;
    }

    @Override
    public List<ResidualGroup> groups() {
        return groups;
    }

    @Override
    public ParameterLayout parameterLayout() {
        return layout;
    }

    private void scaleRows(double[] rows, int width) {
        for (int gi = 0; gi < groups.size(); gi++) {
            ResidualGroup g = groups.get(gi);
            double f = Math.sqrt(weights[gi]);
            if (f != 1) {
                for (int i = g.offset() * width; i < (g.offset() + g.size()) * width; i++) {
                    rows[i] *= f;
                }
            }
        }
    }

    @Override
    public void residuals(double[] theta, double[] out) {
        residualEvaluations++;
        residuals.evaluate(theta, out);
        scaleRows(out, 1);
    }

    @Override
    public double loss(double[] theta) {
        residuals(theta, raw);
        double sum = 0;
        for (double v : raw) {
            sum += v * v;
        }
        return 0.5 * sum;
    }

    @Override
    public double lossAndGradient(double[] theta, double[] gradient) {
        double loss = loss(theta);
        jacobian(theta, jac);
        transposeTimes(jac, raw, gradient);
        return loss;
    }

    @Override
    public void jacobian(double[] theta, double[] out) {
        jacobian.evaluate(theta, out);
        scaleRows(out, p);
    }

    @Override
    public void jacobianTimes(double[] theta, double[] v, double[] out) {
        jacobian(theta, jac);
        for (int i = 0; i < s; i++) {
            double sum = 0;
            for (int k = 0; k < p; k++) {
                sum += jac[i * p + k] * v[k];
            }
            out[i] = sum;
        }
    }

    @Override
    public void jacobianTransposeTimes(double[] theta, double[] u, double[] out) {
        jacobian(theta, jac);
        transposeTimes(jac, u, out);
    }

    private void transposeTimes(double[] j, double[] u, double[] out) {
        Arrays.fill(out, 0);
        for (int i = 0; i < s; i++) {
            double ui = u[i];
            for (int k = 0; k < p; k++) {
                out[k] += j[i * p + k] * ui;
            }
        }
    }

    @Override
    public double[] groupLosses(double[] theta) {
        residuals(theta, raw);
        double[] out = new double[groups.size()];
        for (int gi = 0; gi < groups.size(); gi++) {
            ResidualGroup g = groups.get(gi);
            double sum = 0;
            for (int i = g.offset(); i < g.offset() + g.size(); i++) {
                sum += raw[i] * raw[i];
            }
            out[gi] = 0.5 * sum;
        }
        return out;
    }

    @Override
    public double[] weights() {
        return weights.clone();
    }

    @Override
    public void setWeights(double[] w) {
        if (w.length != weights.length) {
            throw new GeopinnException("expected " + weights.length + " weights, got " + w.length);
        }
        for (double v : w) {
            if (!(v > 0) || !Double.isFinite(v)) {
                throw new GeopinnException("weights must be finite and > 0, got " + v);
            }
        }
        System.arraycopy(w, 0, weights, 0, w.length);
        revision++;
    }

    @Override
    public void setPoints(String group, double[] newPoints) {
        points.put(group, newPoints.clone());
        revision++;
    }

    @Override
    public double[] points(String group) {
        double[] pts = points.get(group);
        return pts == null ? new double[0] : pts.clone();
    }

    @Override
    public long revision() {
        return revision;
    }

    /** @return the group names, in order */
    public List<String> groupNames() {
        List<String> names = new ArrayList<>();
        groups.forEach(g -> names.add(g.name()));
        return names;
    }
}

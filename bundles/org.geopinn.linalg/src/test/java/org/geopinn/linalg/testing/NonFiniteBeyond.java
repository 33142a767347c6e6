package org.geopinn.linalg.testing;

import java.util.Arrays;
import java.util.List;
import org.geopinn.api.model.ParameterLayout;
import org.geopinn.api.operator.ResidualGroup;
import org.geopinn.api.operator.ResidualSystem;

/**
 * A residual system that returns NaN (residuals, loss, gradient, Jacobian) wherever max|θ_i|
 * exceeds a radius: a model that blows up outside a region, for testing that optimizers never
 * let non-finite values into θ.
 */
public final class NonFiniteBeyond implements ResidualSystem {
    private final ResidualSystem inner;
    private final double radius;
    private int nonFiniteEvaluations;

    /** @param inner the real system @param radius the largest finite max|θ_i| */
    public NonFiniteBeyond(ResidualSystem inner, double radius) {
        this.inner = inner;
        this.radius = radius;
    }

    /** @return how many evaluations returned NaN */
    public int nonFiniteEvaluations() {
        return nonFiniteEvaluations;
    }

    private boolean outside(double[] theta) {
        for (double v : theta) {
            if (!(Math.abs(v) <= radius)) {
                nonFiniteEvaluations++;
                return true;
            }
        }
        return false;
    }

    @Override public int parameterCount() { return inner.parameterCount(); }
    @Override public int residualCount() { return inner.residualCount(); }
    @Override public List<ResidualGroup> groups() { return inner.groups(); }
    @Override public ParameterLayout parameterLayout() { return inner.parameterLayout(); }

    @Override
    public void residuals(double[] theta, double[] out) {
        if (outside(theta)) {
            Arrays.fill(out, Double.NaN);
        } else {
            inner.residuals(theta, out);
        }
    }

    @Override
    public double loss(double[] theta) {
        return outside(theta) ? Double.NaN : inner.loss(theta);
    }

    @Override
    public double lossAndGradient(double[] theta, double[] gradient) {
        if (outside(theta)) {
            Arrays.fill(gradient, Double.NaN);
            return Double.NaN;
        }
        return inner.lossAndGradient(theta, gradient);
    }

    @Override
    public void jacobian(double[] theta, double[] out) {
        if (outside(theta)) {
            Arrays.fill(out, Double.NaN);
        } else {
            inner.jacobian(theta, out);
        }
    }

    @Override
    public void jacobianTimes(double[] theta, double[] v, double[] out) {
        if (outside(theta)) {
            Arrays.fill(out, Double.NaN);
        } else {
            inner.jacobianTimes(theta, v, out);
        }
    }

    @Override
    public void jacobianTransposeTimes(double[] theta, double[] u, double[] out) {
        if (outside(theta)) {
            Arrays.fill(out, Double.NaN);
        } else {
            inner.jacobianTransposeTimes(theta, u, out);
        }
    }

    @Override public double[] groupLosses(double[] theta) { return inner.groupLosses(theta); }
    @Override public double[] weights() { return inner.weights(); }
    @Override public void setWeights(double[] weights) { inner.setWeights(weights); }
    @Override public void setPoints(String group, double[] points) { inner.setPoints(group, points); }
    @Override public double[] points(String group) { return inner.points(group); }
    @Override public long revision() { return inner.revision(); }
}

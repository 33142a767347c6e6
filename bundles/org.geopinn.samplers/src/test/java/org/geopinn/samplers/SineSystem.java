package org.geopinn.samplers;

import java.util.List;
import org.geopinn.api.model.ParameterLayout;
import org.geopinn.api.operator.ResidualGroup;
import org.geopinn.api.operator.ResidualSystem;

/**
 * The collocation tests' residual system: a linear model on [0, 1] with the rows φ_p(x) = sin((p + 1)πx),
 * p &lt; P (optionally scaled by ρ^p), and the residual r(x) = Σ θ_p φ_p(x) − f(x), f(x) = x²(1 − x)·e^x, one condition named "pde". The
 * tangent space is the span of the P sines, the exact natural-gradient update is the L² projection of r on it,
 * and f is not a finite sine sum, so r keeps a part outside it.
 */
final class SineSystem implements ResidualSystem {
    /** The parameter count of most tests: eight sines. */
    static final int P = 8;
    private final int p;
    private final double decay;
    private double[] x;
    private long revision;

    /** @param x the points (copied) */
    SineSystem(double[] x) {
        this(P, x);
    }

    /**
     * @param p the number of sines (parameters)
     * @param x the points (copied)
     */
    SineSystem(int p, double[] x) {
        this(p, 1, x);
    }

    /**
     * @param p the number of sines (parameters)
     * @param decay ρ in (0, 1]: the p-th row is ρ^p sin((p + 1)πx), so below a cut-off the tangent space has fewer
     *        directions than parameters, as a network's has
     * @param x the points (copied)
     */
    SineSystem(int p, double decay, double[] x) {
        this.p = p;
        this.decay = decay;
        this.x = x.clone();
    }

    private double row(int q, double at) {
        return Math.pow(decay, q) * Math.sin((q + 1) * Math.PI * at);
    }

    @Override
    public int parameterCount() {
        return p;
    }

    @Override
    public int residualCount() {
        return x.length;
    }

    @Override
    public List<ResidualGroup> groups() {
        return List.of(new ResidualGroup("pde", 0, x.length));
    }

    @Override
    public ParameterLayout parameterLayout() {
        throw new UnsupportedOperationException();
    }

    @Override
    public void residuals(double[] theta, double[] out) {
        for (int i = 0; i < x.length; i++) {
            double v = -x[i] * x[i] * (1 - x[i]) * Math.exp(x[i]);
            for (int q = 0; q < p; q++) {
                v += theta[q] * row(q, x[i]);
            }
            out[i] = v;
        }
    }

    @Override
    public double loss(double[] theta) {
        double[] r = new double[x.length];
        residuals(theta, r);
        double s = 0;
        for (double v : r) {
            s += v * v;
        }
        return s / 2;
    }

    @Override
    public double lossAndGradient(double[] theta, double[] gradient) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void jacobian(double[] theta, double[] out) {
        for (int i = 0; i < x.length; i++) {
            for (int q = 0; q < p; q++) {
                out[i * p + q] = row(q, x[i]);
            }
        }
    }

    @Override
    public void jacobianTimes(double[] theta, double[] v, double[] out) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void jacobianTransposeTimes(double[] theta, double[] u, double[] out) {
        throw new UnsupportedOperationException();
    }

    @Override
    public double[] groupLosses(double[] theta) {
        return new double[] {loss(theta)};
    }

    @Override
    public double[] weights() {
        return new double[] {1};
    }

    @Override
    public void setWeights(double[] weights) {
        revision++;
    }

    @Override
    public void setPoints(String group, double[] points) {
        x = points.clone();
        revision++;
    }

    @Override
    public double[] points(String group) {
        return x.clone();
    }

    @Override
    public long revision() {
        return revision;
    }
}

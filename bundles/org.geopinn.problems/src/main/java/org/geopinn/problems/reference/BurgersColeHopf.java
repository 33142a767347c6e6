package org.geopinn.problems.reference;

import org.apache.commons.math3.analysis.integration.gauss.GaussIntegrator;
import org.apache.commons.math3.analysis.integration.gauss.GaussIntegratorFactory;

/**
 * The exact solution of viscous Burgers u_t + u u_x = ν u_xx on [−1,1] with u(0,x) = −sin πx and
 * u(t,±1) = 0, by the Cole–Hopf transformation:
 *
 * <pre>
 * u(t,x) = −∫ sin π(x−η) f(x−η) e^(−η²/4νt) dη / ∫ f(x−η) e^(−η²/4νt) dη,   f(y) = e^(−cos πy / 2πν)
 * </pre>
 *
 * Both integrals are computed with η = √(4νt)·z by Gauss–Hermite quadrature (weight e^(−z²)).
 * f is scaled by e^(−1/2πν) so that it stays in [e^(−1/πν), 1]: no overflow, and the scale cancels.
 */
public final class BurgersColeHopf {
    private final double nu;
    private final double[] nodes;
    private final double[] weights;

    /**
     * @param nu the viscosity ν
     * @param quadraturePoints the number of Gauss–Hermite nodes
     */
    public BurgersColeHopf(double nu, int quadraturePoints) {
        this.nu = nu;
        GaussIntegrator rule = new GaussIntegratorFactory().hermite(quadraturePoints);
        int n = rule.getNumberOfPoints();
        nodes = new double[n];
        weights = new double[n];
        for (int k = 0; k < n; k++) {
            nodes[k] = rule.getPoint(k);
            weights[k] = rule.getWeight(k);
        }
    }

    /**
     * @param t the time, in [0, 1]
     * @param x the position, in [−1, 1]
     * @return u(t, x)
     */
    public double value(double t, double x) {
        if (t <= 0) {
            return -Math.sin(Math.PI * x);
        }
        double scale = Math.sqrt(4 * nu * t);
        double a = 1 / (2 * Math.PI * nu);
        double numerator = 0;
        double denominator = 0;
        for (int k = 0; k < nodes.length; k++) {
            double y = x - scale * nodes[k];
            double f = Math.exp(-a * (1 + Math.cos(Math.PI * y)));
            double wf = weights[k] * f;
            numerator += wf * Math.sin(Math.PI * y);
            denominator += wf;
        }
        return -numerator / denominator;
    }
}

package org.geopinn.diagnostics.internal;

import java.util.ArrayList;
import java.util.List;
import org.geopinn.api.GeopinnException;
import org.geopinn.api.model.ParameterBlock;
import org.geopinn.api.model.ParameterLayout;
import org.geopinn.api.operator.ResidualGroup;
import org.geopinn.api.operator.ResidualSystem;

/**
 * The coupling study's linearly coupled thermoelasticity on [0, 1] with one network per field:
 * −κT″ = f_T, −E u″ + γT′ = f_u, Dirichlet data from T = sin πx + 1, u = sin 2πx. Rows are scaled
 * as {@link org.geopinn.api.operator.LossScaling#MEAN} (√(w_g/n_g)). The residuals are linear in the
 * fields, so the Jacobian is exact and cheap; it is the test bed of {@code diagnose coupling}.
 */
final class ThermoelasticSystem implements ResidualSystem {
    private static final String[] NAMES = {"pde_T", "pde_u", "bc_T", "bc_u"};

    private final ShallowNetwork net;
    private final double kappa;
    private final double stiffness;
    private final double gamma;
    private final double[][] points = new double[4][];
    private final double[] weights = {1, 1, 1, 1};
    private long revision;

    ThermoelasticSystem(ShallowNetwork net, double kappa, double stiffness, double gamma, int interiorPoints) {
        this.net = net;
        this.kappa = kappa;
        this.stiffness = stiffness;
        this.gamma = gamma;
        double[] inside = new double[interiorPoints];
        for (int i = 0; i < interiorPoints; i++) {
            inside[i] = (i + 1.0) / (interiorPoints + 1);
        }
        points[0] = inside;
        points[1] = inside.clone();
        points[2] = new double[] {0, 1};
        points[3] = new double[] {0, 1};
    }

    @Override
    public int parameterCount() {
        return 2 * net.parameterCount();
    }

    @Override
    public int residualCount() {
        int s = 0;
        for (double[] p : points) {
            s += p.length;
        }
        return s;
    }

    @Override
    public List<ResidualGroup> groups() {
        List<ResidualGroup> g = new ArrayList<>();
        int offset = 0;
        for (int k = 0; k < 4; k++) {
            g.add(new ResidualGroup(NAMES[k], offset, points[k].length));
            offset += points[k].length;
        }
        return g;
    }

    @Override
    public ParameterLayout parameterLayout() {
        List<ParameterBlock> blocks = new ArrayList<>();
        int m = net.width();
        String[] fields = {"T", "u"};
        for (int n = 0; n < 2; n++) {
            int base = n * net.parameterCount();
            blocks.add(new ParameterBlock(fields[n] + ".hidden.weight", ParameterBlock.Kind.WEIGHT, base, m, 1, n));
            blocks.add(new ParameterBlock(fields[n] + ".hidden.bias", ParameterBlock.Kind.BIAS, base + m, m, 1, n));
            blocks.add(new ParameterBlock(fields[n] + ".output.weight", ParameterBlock.Kind.WEIGHT, base + 2 * m, 1, m, n));
            blocks.add(new ParameterBlock(fields[n] + ".output.bias", ParameterBlock.Kind.BIAS, base + 3 * m, 1, 1, n));
        }
        return new ParameterLayout(blocks);
    }

    @Override
    public void residuals(double[] theta, double[] out) {
        int u = net.parameterCount();
        int row = 0;
        for (int k = 0; k < 4; k++) {
            double scale = Math.sqrt(weights[k] / points[k].length);
            for (double x : points[k]) {
                double r;
                switch (k) {
                    case 0: r = -kappa * net.derivative(theta, 0, 2, x) - sourceT(x); break;
                    case 1: r = -stiffness * net.derivative(theta, u, 2, x) + gamma * net.derivative(theta, 0, 1, x) - sourceU(x); break;
                    case 2: r = net.derivative(theta, 0, 0, x) - exactT(x); break;
                    default: r = net.derivative(theta, u, 0, x) - exactU(x); break;
                }
                out[row++] = scale * r;
            }
        }
    }

    @Override
    public void jacobian(double[] theta, double[] out) {
        int p = parameterCount();
        int u = net.parameterCount();
        java.util.Arrays.fill(out, 0, residualCount() * p, 0);
        double[] row = new double[p];
        int i = 0;
        for (int k = 0; k < 4; k++) {
            double scale = Math.sqrt(weights[k] / points[k].length);
            for (double x : points[k]) {
                java.util.Arrays.fill(row, 0);
                switch (k) {
                    case 0: net.addGradient(theta, 0, 2, x, -kappa * scale, row, 0); break;
                    case 1:
                        net.addGradient(theta, u, 2, x, -stiffness * scale, row, u);
                        net.addGradient(theta, 0, 1, x, gamma * scale, row, 0);
                        break;
                    case 2: net.addGradient(theta, 0, 0, x, scale, row, 0); break;
                    default: net.addGradient(theta, u, 0, x, scale, row, u); break;
                }
                System.arraycopy(row, 0, out, i * p, p);
                i++;
            }
        }
    }

    @Override
    public double loss(double[] theta) {
        double[] r = new double[residualCount()];
        residuals(theta, r);
        double s = 0;
        for (double v : r) {
            s += v * v;
        }
        return 0.5 * s;
    }

    @Override
    public double lossAndGradient(double[] theta, double[] gradient) {
        double[] r = new double[residualCount()];
        residuals(theta, r);
        jacobianTransposeTimes(theta, r, gradient);
        double s = 0;
        for (double v : r) {
            s += v * v;
        }
        return 0.5 * s;
    }

    @Override
    public void jacobianTimes(double[] theta, double[] v, double[] out) {
        int s = residualCount();
        int p = parameterCount();
        double[] j = new double[s * p];
        jacobian(theta, j);
        for (int i = 0; i < s; i++) {
            double sum = 0;
            for (int c = 0; c < p; c++) {
                sum += j[i * p + c] * v[c];
            }
            out[i] = sum;
        }
    }

    @Override
    public void jacobianTransposeTimes(double[] theta, double[] u, double[] out) {
        int s = residualCount();
        int p = parameterCount();
        double[] j = new double[s * p];
        jacobian(theta, j);
        java.util.Arrays.fill(out, 0, p, 0);
        for (int i = 0; i < s; i++) {
            for (int c = 0; c < p; c++) {
                out[c] += j[i * p + c] * u[i];
            }
        }
    }

    @Override
    public double[] groupLosses(double[] theta) {
        double[] r = new double[residualCount()];
        residuals(theta, r);
        double[] losses = new double[4];
        for (ResidualGroup g : groups()) {
            int k = List.of(NAMES).indexOf(g.name());
            for (int i = g.offset(); i < g.offset() + g.size(); i++) {
                losses[k] += 0.5 * r[i] * r[i];
            }
        }
        return losses;
    }

    @Override
    public double[] weights() {
        return weights.clone();
    }

    @Override
    public void setWeights(double[] newWeights) {
        if (newWeights.length != 4) {
            throw new GeopinnException("thermoelasticity has 4 conditions " + List.of(NAMES) + ", got " + newWeights.length + " weights");
        }
        for (double w : newWeights) {
            if (!(w > 0)) {
                throw new GeopinnException("condition weights must be positive, got " + w);
            }
        }
        System.arraycopy(newWeights, 0, weights, 0, 4);
        revision++;
    }

    @Override
    public void setPoints(String group, double[] newPoints) {
        int k = index(group);
        if (k >= 2) {
            throw new GeopinnException("the boundary points of '" + group + "' are fixed at x = 0 and x = 1");
        }
        points[k] = newPoints.clone();
        revision++;
    }

    @Override
    public double[] points(String group) {
        return points[index(group)].clone();
    }

    @Override
    public long revision() {
        return revision;
    }

    private static int index(String group) {
        int k = List.of(NAMES).indexOf(group);
        if (k < 0) {
            throw new GeopinnException("no condition '" + group + "'; conditions are " + List.of(NAMES));
        }
        return k;
    }

    private double sourceT(double x) {
        return kappa * Math.PI * Math.PI * Math.sin(Math.PI * x);
    }

    private double sourceU(double x) {
        return stiffness * 4 * Math.PI * Math.PI * Math.sin(2 * Math.PI * x) + gamma * Math.PI * Math.cos(Math.PI * x);
    }

    private static double exactT(double x) {
        return Math.sin(Math.PI * x) + 1;
    }

    private static double exactU(double x) {
        return Math.sin(2 * Math.PI * x);
    }
}

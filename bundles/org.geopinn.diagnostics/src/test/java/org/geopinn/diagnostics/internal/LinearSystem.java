package org.geopinn.diagnostics.internal;

import java.util.ArrayList;
import java.util.List;
import org.geopinn.api.model.ParameterBlock;
import org.geopinn.api.model.ParameterLayout;
import org.geopinn.api.operator.ResidualGroup;
import org.geopinn.api.operator.ResidualSystem;

/** A hand-made linear residual system r(θ) = Jθ − b with a known Jacobian and one block per network. */
final class LinearSystem implements ResidualSystem {
    private final double[] j;
    private final int rows;
    private final int cols;
    private final int[] networkSizes;

    LinearSystem(double[] j, int rows, int cols, int... networkSizes) {
        this.j = j.clone();
        this.rows = rows;
        this.cols = cols;
        this.networkSizes = networkSizes.clone();
    }

    @Override
    public int parameterCount() {
        return cols;
    }

    @Override
    public int residualCount() {
        return rows;
    }

    @Override
    public List<ResidualGroup> groups() {
        return List.of(new ResidualGroup("all", 0, rows));
    }

    @Override
    public ParameterLayout parameterLayout() {
        List<ParameterBlock> blocks = new ArrayList<>();
        int offset = 0;
        for (int n = 0; n < networkSizes.length; n++) {
            blocks.add(new ParameterBlock("net" + n, ParameterBlock.Kind.OTHER, offset, networkSizes[n], 1, n));
            offset += networkSizes[n];
        }
        return new ParameterLayout(blocks);
    }

    @Override
    public void residuals(double[] theta, double[] out) {
        jacobianTimes(theta, theta, out);
        for (int i = 0; i < rows; i++) {
            out[i] -= 1;
        }
    }

    @Override
    public double loss(double[] theta) {
        double[] r = new double[rows];
        residuals(theta, r);
        double s = 0;
        for (double v : r) {
            s += v * v;
        }
        return s / 2;
    }

    @Override
    public double lossAndGradient(double[] theta, double[] gradient) {
        double[] r = new double[rows];
        residuals(theta, r);
        jacobianTransposeTimes(theta, r, gradient);
        return loss(theta);
    }

    @Override
    public void jacobian(double[] theta, double[] out) {
        System.arraycopy(j, 0, out, 0, j.length);
    }

    @Override
    public void jacobianTimes(double[] theta, double[] v, double[] out) {
        for (int i = 0; i < rows; i++) {
            double s = 0;
            for (int c = 0; c < cols; c++) {
                s += j[i * cols + c] * v[c];
            }
            out[i] = s;
        }
    }

    @Override
    public void jacobianTransposeTimes(double[] theta, double[] u, double[] out) {
        java.util.Arrays.fill(out, 0);
        for (int i = 0; i < rows; i++) {
            for (int c = 0; c < cols; c++) {
                out[c] += j[i * cols + c] * u[i];
            }
        }
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
        throw new UnsupportedOperationException();
    }

    @Override
    public void setPoints(String group, double[] points) {
        throw new UnsupportedOperationException();
    }

    @Override
    public double[] points(String group) {
        return new double[0];
    }

    @Override
    public long revision() {
        return 0;
    }
}

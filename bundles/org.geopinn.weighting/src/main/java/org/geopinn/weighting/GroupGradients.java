package org.geopinn.weighting;

import java.util.List;
import org.geopinn.api.operator.ResidualGroup;
import org.geopinn.api.operator.ResidualSystem;

/**
 * The gradient of each condition's own loss term: ∇θ(½‖r_g‖²) = Jᵀu with u the residual masked to
 * the rows of group g, divided by the group's current weight so that it is the gradient of the
 * unweighted term. One residual evaluation and one Jᵀ·u product per group; buffers are reused.
 */
final class GroupGradients {
    private double[] residual = new double[0];
    private double[] masked = new double[0];
    private double[][] gradients = new double[0][];

    /**
     * @param system the residual system
     * @param theta the parameters (not modified)
     * @return one gradient per group (views owned by this object, valid until the next call)
     */
    double[][] compute(ResidualSystem system, double[] theta) {
        int s = system.residualCount();
        int p = system.parameterCount();
        List<ResidualGroup> groups = system.groups();
        if (residual.length != s) {
            residual = new double[s];
            masked = new double[s];
        }
        if (gradients.length != groups.size() || (gradients.length > 0 && gradients[0].length != p)) {
            gradients = new double[groups.size()][p];
        }
        system.residuals(theta, residual);
        double[] weights = system.weights();
        for (int gi = 0; gi < groups.size(); gi++) {
            ResidualGroup g = groups.get(gi);
            java.util.Arrays.fill(masked, 0);
            System.arraycopy(residual, g.offset(), masked, g.offset(), g.size());
            system.jacobianTransposeTimes(theta, masked, gradients[gi]);
            double scale = 1 / weights[gi];
            for (int k = 0; k < p; k++) {
                gradients[gi][k] *= scale;
            }
        }
        return gradients;
    }
}

package org.geopinn.samplers;

import org.geopinn.api.GeopinnException;
import org.geopinn.api.operator.ResidualGroup;
import org.geopinn.api.operator.ResidualSystem;

/**
 * One condition's slice of a residual system's Jacobian and residuals, as the collocation learner
 * and the collocation chooser both read them (between training steps, so the copies are allowed).
 */
final class GroupRows {

    private GroupRows() {
    }

    /** @return the group's rows of the Jacobian at θ, count×P, row-major */
    static double[] rows(ResidualSystem system, double[] theta, String group, int count, int p) {
        double[] j = new double[system.residualCount() * p];
        system.jacobian(theta, j);
        double[] out = new double[count * p];
        System.arraycopy(j, group(system, group).offset() * p, out, 0, count * p);
        return out;
    }

    /** @return the group's residuals at θ */
    static double[] residuals(ResidualSystem system, double[] theta, String group, int count) {
        double[] all = new double[system.residualCount()];
        system.residuals(theta, all);
        double[] out = new double[count];
        System.arraycopy(all, group(system, group).offset(), out, 0, count);
        return out;
    }

    private static ResidualGroup group(ResidualSystem system, String name) {
        for (ResidualGroup g : system.groups()) {
            if (g.name().equals(name)) {
                return g;
            }
        }
        throw new GeopinnException("collocation points: the residual system has no condition '" + name + "'");
    }
}

package org.geopinn.engine;

import org.geopinn.api.operator.ResidualGroup;
import org.geopinn.api.operator.ResidualSystem;

/**
 * A condition's residuals at its current points and a round's fresh candidates, in one evaluation:
 * what the residual-adaptive renewal selects from and what the held-out check compares.
 */
final class CandidateResiduals {
    private CandidateResiduals() {
    }

    /**
     * @param current the condition's current points, row-major
     * @param fresh fresh candidates, row-major
     * @return the current points followed by the fresh ones
     */
    static double[] currentThenFresh(double[] current, double[] fresh) {
        double[] candidates = new double[current.length + fresh.length];
        System.arraycopy(current, 0, candidates, 0, current.length);
        System.arraycopy(fresh, 0, candidates, current.length, fresh.length);
        return candidates;
    }

    /**
     * Sets the condition's points of {@code system} to {@code candidates} and evaluates them.
     *
     * @param system the residual system (its points of the group change)
     * @param theta the parameters (not modified)
     * @param group the condition's name
     * @param candidates the points, row-major
     * @return one residual per candidate, in their order
     */
    static double[] at(ResidualSystem system, double[] theta, String group, double[] candidates) {
        system.setPoints(group, candidates);
        double[] rows = new double[system.residualCount()];
        system.residuals(theta, rows);
        ResidualGroup g = system.groups().stream().filter(x -> x.name().equals(group)).findFirst().orElseThrow();
        return java.util.Arrays.copyOfRange(rows, g.offset(), g.offset() + g.size());
    }
}

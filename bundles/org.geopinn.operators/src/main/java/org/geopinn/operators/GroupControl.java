package org.geopinn.operators;

import org.geopinn.api.GeopinnException;

/**
 * The engine's control of a stacked residual system's groups: their loss weights, row weights and
 * collocation points, each checked before anything changes, and the revision that counts the
 * changes (so a consumer knows when weights or points moved under it).
 */
final class GroupControl {
    private final RowLayout rows;
    private final int dimension;
    private long revision;

    /**
     * @param rows the blocks and their rows
     * @param dimension d, the length of a point
     */
    GroupControl(RowLayout rows, int dimension) {
        this.rows = rows;
        this.dimension = dimension;
    }

    /** @return the groups' loss weights, in stacking order (a new array) */
    double[] weights() {
        double[] w = new double[rows.size()];
        for (int b = 0; b < rows.size(); b++) {
            w[b] = rows.block(b).weight();
        }
        return w;
    }

    /**
     * @param weights one per group, finite and non-negative (zero switches a group off)
     * @throws GeopinnException for a wrong count or a negative or non-finite weight; then none changes
     */
    void setWeights(double[] weights) {
        if (weights == null || weights.length != rows.size()) {
            throw new GeopinnException("expected " + rows.size() + " weights, one per group " + rows.names() + ", got "
                    + (weights == null ? "none" : weights.length));
        }
        for (int b = 0; b < weights.length; b++) {
            if (!(weights[b] >= 0) || Double.isInfinite(weights[b])) {
                throw new GeopinnException("weight of group '" + rows.block(b).name() + "' is " + weights[b]
                        + "; weights must be finite and non-negative");
            }
        }
        for (int b = 0; b < weights.length; b++) {
            rows.block(b).setWeight(weights[b]);
        }
        revision++;
    }

    /**
     * @param group a group name
     * @param rowWeights one per row of the group, on top of the group's weight
     * @throws GeopinnException for an unknown group, a wrong count or a negative or non-finite weight
     */
    void setRowWeights(String group, double[] rowWeights) {
        rows.block(group).setRowWeights(rowWeights);
        revision++;
    }

    /** @param group a group name @return its row weights */
    double[] rowWeights(String group) {
        return rows.block(group).rowWeights();
    }

    /**
     * Replaces a group's points and lays the rows out again; the caller drops its forward pass.
     *
     * @param group a group name
     * @param points row-major n×d
     * @throws GeopinnException for an unknown group or points of the wrong dimension
     */
    void setPoints(String group, double[] points) {
        ConditionBlock block = rows.block(group);
        ProblemCheck.checkPoints(group, points, dimension);
        block.setPoints(points);
        rows.restack();
        revision++;
    }

    /** @param group a group name @return a copy of its points */
    double[] points(String group) {
        return rows.block(group).points();
    }

    /** @return how many times weights or points changed */
    long revision() {
        return revision;
    }
}

package org.geopinn.cluster;

import java.util.Map;
import org.geopinn.api.operator.ResidualSystem;

/**
 * Builds, on a member, the residual system of one block of collocation points: the same problem,
 * model and loss scaling as the whole system, on the block's points only. With
 * {@link org.geopinn.api.operator.LossScaling#SUM} the blocks' rows are exactly the whole
 * system's rows, so the blocks' JᵀJ and Jᵀr add up to the whole system's.
 */
@FunctionalInterface
interface BlockBuilder {
    /**
     * @param model the problem, model, engine and scaling of the whole system
     * @param points the block's points per condition, row-major n×d
     * @return the block's residual system
     */
    ResidualSystem build(BlockModel model, Map<String, double[]> points);
}

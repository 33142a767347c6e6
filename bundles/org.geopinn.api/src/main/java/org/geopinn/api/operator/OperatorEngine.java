package org.geopinn.api.operator;

import java.util.Map;
import org.geopinn.api.Identified;
import org.geopinn.api.model.Model;
import org.geopinn.api.problem.Problem;

/**
 * Builds residual systems from a problem, a model and collocation points. Engines differ in how
 * they obtain input derivatives: {@code autodiff} (Taylor mode, exact) or {@code finite-difference}
 * (central stencils). Registered with the {@code geopinn.id} property.
 */
@org.osgi.annotation.versioning.ProviderType
public interface OperatorEngine extends Identified {
    /** @return the engine id */
    String id();

    /** @return "operator engine ID": an engine has no description of its own */
    @Override
    default String description() {
        return "operator engine " + id();
    }

    /**
     * Whether the points' forward passes (their activations and derivatives) are held in this
     * process. An engine that spreads the points over cluster members holds only their
     * coordinates here, so the engine's memory check before a session counts no activations for it.
     *
     * @return true unless the engine evaluates the points elsewhere
     * @since 2.1
     */
    default boolean evaluatesPointsHere() {
        return true;
    }

    /**
     * @param problem the problem (its conditions define the rows)
     * @param model the model whose fields the operators act on
     * @param points collocation points per condition name, row-major n×d (not modified)
     * @param scaling how rows are scaled by weights, counts and measures
     * @return the residual system
     * @throws org.geopinn.api.GeopinnException when problem and model do not fit (dimension, fields,
     *         missing points, unsupported derivative order)
     */
    ResidualSystem build(Problem problem, Model model, Map<String, double[]> points, LossScaling scaling);
}

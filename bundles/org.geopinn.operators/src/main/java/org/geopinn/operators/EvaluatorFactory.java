package org.geopinn.operators;

import org.geopinn.api.model.DerivativeRequest;
import org.geopinn.api.model.Model;
import org.geopinn.api.model.ModelEvaluator;

/**
 * How a residual system obtains the input derivatives of a model: {@code Model::evaluator} for exact
 * (automatic-differentiation) derivatives, {@link FiniteDifferenceEvaluator#factory} for central
 * finite differences. The residual-system code is the same for both.
 */
@FunctionalInterface
public interface EvaluatorFactory {
    /** Exact derivatives from the model's own evaluator. */
    EvaluatorFactory EXACT = Model::evaluator;

    /**
     * @param model the model
     * @param request the input derivatives the operator needs
     * @param capacity the largest number of points the evaluator will be given
     * @return a new evaluator with its own workspace
     */
    ModelEvaluator create(Model model, DerivativeRequest request, int capacity);
}

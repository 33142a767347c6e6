package org.geopinn.api.model;

/**
 * A parametric function of the inputs with one output per field, u_θ : R^d → R^F. Parameters
 * live outside the model in one flat {@code double[]} described by {@link #layout()}, so
 * optimizers, checkpoints and line searches handle them as plain vectors.
 */
@org.osgi.annotation.versioning.ConsumerType
public interface Model {
    /** @return the spec this model was built from */
    ModelSpec spec();

    /** @return the layout of the parameter vector */
    ParameterLayout layout();

    /** @return the number of parameters P */
    default int parameterCount() {
        return layout().size();
    }

    /**
     * @param seed the random seed; the same seed gives the same parameters
     * @return freshly initialised parameters
     */
    double[] initialParameters(long seed);

    /**
     * Creates an evaluator with its own workspace. Evaluators are not thread-safe; create one per
     * thread.
     *
     * @param request the input derivatives to produce
     * @param maxPoints the largest batch it will be given
     * @return the evaluator
     */
    ModelEvaluator evaluator(DerivativeRequest request, int maxPoints);
}

package org.geopinn.models;

import java.util.Objects;
import org.geopinn.api.model.DerivativeRequest;
import org.geopinn.api.model.Model;
import org.geopinn.api.model.ModelEvaluator;
import org.geopinn.api.model.ModelSpec;
import org.geopinn.api.model.ParameterLayout;

/**
 * A model that answers as the model it wraps: the base of models that change one thing about
 * another (its fields, as {@link HardConstraintModel}; its parameter vector, as
 * {@link TrainedCoefficientModel}) and override only that, so each wrapper states what it changes
 * and nothing else.
 */
public abstract class ForwardingModel implements Model {
    /** The wrapped model. */
    protected final Model network;

    /** @param network the wrapped model */
    protected ForwardingModel(Model network) {
        this.network = Objects.requireNonNull(network, "network");
    }

    @Override
    public ModelSpec spec() {
        return network.spec();
    }

    @Override
    public ParameterLayout layout() {
        return network.layout();
    }

    @Override
    public double[] initialParameters(long seed) {
        return network.initialParameters(seed);
    }

    @Override
    public ModelEvaluator evaluator(DerivativeRequest request, int maxPoints) {
        return network.evaluator(request, maxPoints);
    }
}

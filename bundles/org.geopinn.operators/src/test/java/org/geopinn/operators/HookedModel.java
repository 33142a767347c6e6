package org.geopinn.operators;

import java.util.function.Consumer;
import java.util.function.IntConsumer;
import org.geopinn.api.model.DerivativeRequest;
import org.geopinn.api.model.Model;
import org.geopinn.api.model.ModelEvaluator;
import org.geopinn.models.ForwardingEvaluator;
import org.geopinn.models.ForwardingModel;

/**
 * A model that behaves as the one it wraps, but calls a hook before each forward pass of its
 * evaluators (with θ) and before each backward pass (with the points it back-propagates): the
 * tests count passes with it, or refuse some θ.
 */
class HookedModel extends ForwardingModel {
    private final Consumer<double[]> beforeForward;
    private final IntConsumer beforeBackward;

    /**
     * @param inner the model
     * @param beforeForward called with θ before every forward pass
     * @param beforeBackward called with the point count before every backward pass
     */
    HookedModel(Model inner, Consumer<double[]> beforeForward, IntConsumer beforeBackward) {
        super(inner);
        this.beforeForward = beforeForward;
        this.beforeBackward = beforeBackward;
    }

    @Override
    public ModelEvaluator evaluator(DerivativeRequest request, int maxPoints) {
        return new ForwardingEvaluator(network.evaluator(request, maxPoints)) {
            @Override
            public void forward(double[] theta, double[] points, int n) {
                beforeForward.accept(theta);
                inner.forward(theta, points, n);
            }

            @Override
            public void backward(double[] seeds, double[] gradient) {
                beforeBackward.accept(inner.pointCount());
                inner.backward(seeds, gradient);
            }
        };
    }
}

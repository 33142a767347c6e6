package org.geopinn.operators;

import java.util.function.Consumer;
import java.util.function.IntConsumer;
import org.geopinn.api.model.DerivativeRequest;
import org.geopinn.api.model.Model;
import org.geopinn.api.model.ModelEvaluator;
import org.geopinn.api.model.ModelSpec;
import org.geopinn.api.model.ParameterLayout;

/**
 * A model that behaves as the one it wraps, but calls a hook before each forward pass of its
 * evaluators (with θ) and before each backward pass (with the points it back-propagates): the
 * tests count passes with it, or refuse some θ.
 */
class HookedModel implements Model {
    private final Model inner;
    private final Consumer<double[]> beforeForward;
    private final IntConsumer beforeBackward;

    /**
     * @param inner the model
     * @param beforeForward called with θ before every forward pass
     * @param beforeBackward called with the point count before every backward pass
     */
    HookedModel(Model inner, Consumer<double[]> beforeForward, IntConsumer beforeBackward) {
        this.inner = inner;
        this.beforeForward = beforeForward;
        this.beforeBackward = beforeBackward;
    }

    @Override
    public ModelSpec spec() {
        return inner.spec();
    }

    @Override
    public ParameterLayout layout() {
        return inner.layout();
    }

    @Override
    public double[] initialParameters(long seed) {
        return inner.initialParameters(seed);
    }

    @Override
    public ModelEvaluator evaluator(DerivativeRequest request, int maxPoints) {
        ModelEvaluator e = inner.evaluator(request, maxPoints);
        return new ModelEvaluator() {
            @Override
            public DerivativeRequest request() {
                return e.request();
            }

            @Override
            public int fieldCount() {
                return e.fieldCount();
            }

            @Override
            public int parameterCount() {
                return e.parameterCount();
            }

            @Override
            public void forward(double[] theta, double[] points, int n) {
                beforeForward.accept(theta);
                e.forward(theta, points, n);
            }

            @Override
            public int pointCount() {
                return e.pointCount();
            }

            @Override
            public double[] values() {
                return e.values();
            }

            @Override
            public void backward(double[] seeds, double[] gradient) {
                beforeBackward.accept(e.pointCount());
                e.backward(seeds, gradient);
            }

            @Override
            public void jacobianRows(double[] seeds, double[] jacobian, int rowOffset) {
                e.jacobianRows(seeds, jacobian, rowOffset);
            }

            @Override
            public void tangent(double[] v, double[] out) {
                e.tangent(v, out);
            }
        };
    }
}

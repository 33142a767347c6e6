package org.geopinn.models;

import java.util.Objects;
import org.geopinn.api.model.DerivativeRequest;
import org.geopinn.api.model.ModelEvaluator;

/**
 * An evaluator that answers as the evaluator it wraps: the base of the evaluators of
 * {@link ForwardingModel}s, which override the passes they change. Adds no work and no
 * allocation to a pass it forwards.
 */
public abstract class ForwardingEvaluator implements ModelEvaluator {
    /** The wrapped evaluator. */
    protected final ModelEvaluator inner;

    /** @param inner the wrapped evaluator */
    protected ForwardingEvaluator(ModelEvaluator inner) {
        this.inner = Objects.requireNonNull(inner, "inner");
    }

    @Override
    public DerivativeRequest request() {
        return inner.request();
    }

    @Override
    public int fieldCount() {
        return inner.fieldCount();
    }

    @Override
    public int parameterCount() {
        return inner.parameterCount();
    }

    @Override
    public void forward(double[] theta, double[] points, int n) {
        inner.forward(theta, points, n);
    }

    @Override
    public int pointCount() {
        return inner.pointCount();
    }

    @Override
    public double[] values() {
        return inner.values();
    }

    @Override
    public void backward(double[] seeds, double[] gradient) {
        inner.backward(seeds, gradient);
    }

    @Override
    public void jacobianRows(double[] seeds, double[] jacobian, int rowOffset) {
        inner.jacobianRows(seeds, jacobian, rowOffset);
    }

    @Override
    public void tangent(double[] v, double[] out) {
        inner.tangent(v, out);
    }
}

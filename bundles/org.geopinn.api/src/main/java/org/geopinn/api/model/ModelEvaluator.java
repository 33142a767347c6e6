package org.geopinn.api.model;

/**
 * Evaluates a model and its input derivatives on a batch of points (forward), and differentiates
 * linear functionals of those values with respect to the parameters (reverse mode, per-point rows,
 * and forward tangents). Values are laid out as {@code values[((f * K) + k) * n + i]} for field f,
 * derivative k of the {@link DerivativeRequest} (K of them) and point i of the n of the last
 * {@link #forward} call.
 *
 * <p>Workspaces are allocated once and reused: the training step's hot path allocates nothing.
 */
@org.osgi.annotation.versioning.ProviderType
public interface ModelEvaluator {
    /** @return the derivatives this evaluator produces */
    DerivativeRequest request();

    /** @return the number of fields F */
    int fieldCount();

    /** @return the number of parameters P */
    int parameterCount();

    /**
     * Evaluates the model and the requested input derivatives, keeping what the reverse and tangent
     * passes need.
     *
     * @param theta the parameters (not modified)
     * @param points n points, row-major n×d (not modified)
     * @param n the number of points, at most the evaluator's capacity
     */
    void forward(double[] theta, double[] points, int n);

    /** @return the number of points of the last forward pass */
    int pointCount();

    /**
     * @return the values of the last forward pass, layout {@code ((f*K)+k)*n + i}; a view owned by
     *         the evaluator, valid until the next forward pass (do not modify)
     */
    double[] values();

    /**
     * Reverse mode: {@code gradient[p] += Σ_{f,k,i} seeds[((f*K)+k)*n+i] · ∂values[((f*K)+k)*n+i]/∂θ_p}.
     *
     * @param seeds weights on the values, same layout (not modified)
     * @param gradient accumulates the result, length P (modified)
     */
    void backward(double[] seeds, double[] gradient);

    /**
     * Per-point gradients: for each point i, row {@code rowOffset + i} of a row-major matrix with P
     * columns is overwritten with {@code Σ_{f,k} seeds[((f*K)+k)*n+i] · ∂values[((f*K)+k)*n+i]/∂θ}.
     *
     * @param seeds weights on the values, same layout (not modified)
     * @param jacobian row-major matrix with P columns and at least rowOffset + n rows (modified)
     * @param rowOffset the row of point 0
     */
    void jacobianRows(double[] seeds, double[] jacobian, int rowOffset);

    /**
     * Forward mode in the parameters: {@code out[((f*K)+k)*n+i] = Σ_p ∂values[((f*K)+k)*n+i]/∂θ_p · v[p]}.
     *
     * @param v a parameter direction, length P (not modified)
     * @param out receives the directional derivatives, same layout as values (modified)
     */
    void tangent(double[] v, double[] out);
}

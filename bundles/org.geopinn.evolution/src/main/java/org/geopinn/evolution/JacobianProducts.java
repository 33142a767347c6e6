package org.geopinn.evolution;

import java.util.Arrays;
import org.geopinn.api.model.DerivativeRequest;
import org.geopinn.api.model.Model;
import org.geopinn.api.model.ModelEvaluator;
import org.geopinn.linalg.LinearOperator;

/**
 * Matrix-free products with J = ∂u_θ(x_i)/∂θ (rows: field f, point i, at {@code f*n + i}) on one
 * sample set: J·v by the model's forward tangent, Jᵀ·u by its reverse pass, and the Gram operator
 * M = JᵀJ/n. M is never formed, so the cost of a product is linear in P. Only values (no input
 * derivatives) are propagated, which keeps these products cheaper than the evaluation of L[u].
 */
final class JacobianProducts {
    private final ModelEvaluator evaluator;
    private final int fields;
    private final int parameters;
    private final double[] rows;
    private final double[] seeds;
    private final LinearOperator gram;
    /** √w_f per field: the Gram operator and the assembled J weight field f's rows by w_f (1 unless set). */
    private final double[] rowScales;
    private int n;

    /**
     * @param model the model
     * @param maxPoints the largest sample set
     */
    JacobianProducts(Model model, int maxPoints) {
        this.evaluator = model.evaluator(DerivativeRequest.valuesOnly(model.spec().inputDimension()), maxPoints);
        this.fields = evaluator.fieldCount();
        this.parameters = evaluator.parameterCount();
        this.rows = new double[fields * maxPoints];
        this.seeds = new double[fields * maxPoints];
        this.rowScales = new double[fields];
        Arrays.fill(rowScales, 1);
        this.gram = new LinearOperator() {
            @Override
            public int size() {
                return parameters;
            }

            @Override
            public void apply(double[] v, double[] out) {
                evaluator.tangent(v, rows);
                for (int f = 0; f < fields; f++) {
                    double w = rowScales[f] * rowScales[f];
                    if (w != 1) {
                        for (int r = f * n; r < (f + 1) * n; r++) {
                            rows[r] *= w;
                        }
                    }
                }
                transposeTimes(rows, out);
                double inv = 1.0 / n;
                for (int p = 0; p < parameters; p++) {
                    out[p] *= inv;
                }
            }
        };
    }

    /**
     * Evaluates u_θ on the points; later products are at this θ and these points.
     *
     * @param theta the parameters (not modified)
     * @param points n points, row-major (not modified)
     * @param count n
     */
    void linearizeAt(double[] theta, double[] points, int count) {
        evaluator.forward(theta, points, count);
        this.n = count;
    }

    /** @return u_θ at the points, layout {@code f*n + i}; a view valid until the next {@link #linearizeAt} */
    double[] values() {
        return evaluator.values();
    }

    /**
     * Weights the rows of field f by w_f in the Gram operator, M = JᵀWJ/n, and scales the rows of
     * the assembled {@link #jacobian} by √w_f (so that its Gram product is the same M); {@link #times}
     * and {@link #transposeTimes} stay the plain J·v and Jᵀu.
     *
     * @param weights w_f > 0, one per field (not kept)
     */
    void setFieldWeights(double[] weights) {
        for (int f = 0; f < fields; f++) {
            rowScales[f] = Math.sqrt(weights[f]);
        }
    }

    /** @return the number of points n */
    int pointCount() {
        return n;
    }

    /** @return the number of fields F */
    int fieldCount() {
        return fields;
    }

    /** @return P */
    int parameterCount() {
        return parameters;
    }

    /** @param v a direction in θ (not modified) @param out receives J·v, layout {@code f*n + i} (modified) */
    void times(double[] v, double[] out) {
        evaluator.tangent(v, out);
    }

    /** @param u weights per row, layout {@code f*n + i} (not modified) @param out receives Jᵀ·u (modified) */
    void transposeTimes(double[] u, double[] out) {
        Arrays.fill(out, 0);
        evaluator.backward(u, out);
    }

    /**
     * J itself, row-major with P columns, row {@code f*n + i} = √w_f ∂u_f(x_i)/∂θ (w_f the field
     * weights, 1 unless set): one reverse pass per field that keeps each point's gradient (the
     * model's per-point Jacobian rows), O(F·n·P).
     *
     * @param out receives the F·n × P matrix (modified)
     */
    void jacobian(double[] out) {
        for (int f = 0; f < fields; f++) {
            Arrays.fill(seeds, 0, fields * n, 0);
            Arrays.fill(seeds, f * n, (f + 1) * n, rowScales[f]);
            evaluator.jacobianRows(seeds, out, f * n);
        }
    }

    /** @return M = JᵀJ/n as an operator, at the current linearisation */
    LinearOperator gram() {
        return gram;
    }
}

package org.geopinn.operators;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntToDoubleFunction;
import org.geopinn.api.GeopinnException;
import org.geopinn.api.model.DerivativeRequest;
import org.geopinn.api.model.Model;
import org.geopinn.api.model.ModelEvaluator;

/**
 * A {@link ModelEvaluator} that obtains input derivatives by central finite differences of model
 * values, decorating value-only evaluators of the model. Each requested derivative ∂^α is the
 * tensor product of 1-D second-order central stencils of orders α_j (1 to 4 per variable) with step
 * h(|α|) (times a per-variable scale, e.g. the input's range); all stencil displacements are gathered once, deduplicated, and evaluated by one
 * value-only evaluator each. Every derivative is then a fixed linear combination of those values,
 * so the reverse pass, the per-point Jacobian rows and the tangents combine the base evaluators'
 * results with the same coefficients: the residual-system code is unchanged.
 *
 * <p>The per-point Jacobian needs one n×P scratch matrix beyond the output (allocated on first use).
 */
public final class FiniteDifferenceEvaluator implements ModelEvaluator {
    /** Integer offsets and weights (before division by h^order) of 1-D central stencils, orders 1–4. */
    private static final int[][] OFFSETS = {{0}, {-1, 1}, {-1, 0, 1}, {-2, -1, 1, 2}, {-2, -1, 0, 1, 2}};
    private static final double[][] WEIGHTS = {{1}, {-0.5, 0.5}, {1, -2, 1}, {-0.5, 1, -1, 0.5}, {1, -4, 6, -4, 1}};

    private final DerivativeRequest request;
    private final int dimension;
    private final int fieldCount;
    private final int parameterCount;
    private final int capacity;
    private final ModelEvaluator[] base;
    private final double[][] displacement;
    private final double[][] shifted;
    private final double[][] baseSeeds;
    private final double[][] baseTangents;
    /** For derivative k: the stencil points it uses and their weights. */
    private final int[][] termPoint;
    private final double[][] termWeight;
    private final double[] values;
    private double[] scratchRows;
    private int n;

    /**
     * @param model the model to differentiate
     * @param request the derivatives to produce (orders up to 4 per variable)
     * @param capacity the largest number of points
     * @param step the step h for each total derivative order (called for orders ≥ 1)
     * @throws GeopinnException for an order above 4 in some variable or a non-positive step
     */
    public FiniteDifferenceEvaluator(Model model, DerivativeRequest request, int capacity, IntToDoubleFunction step) {
        this(model, request, capacity, step, null);
    }

    /**
     * @param model the model to differentiate
     * @param request the derivatives to produce (orders up to 4 per variable)
     * @param capacity the largest number of points
     * @param step the step h for each total derivative order (called for orders ≥ 1)
     * @param variableScale per input variable, a factor on the step (null: 1 for every variable)
     * @throws GeopinnException for an order above 4 in some variable or a non-positive step
     */
    public FiniteDifferenceEvaluator(Model model, DerivativeRequest request, int capacity, IntToDoubleFunction step,
            double[] variableScale) {
        this.request = request;
        this.dimension = request.dimension();
        this.capacity = capacity;
        int k = request.size();
        List<double[]> points = new ArrayList<>();
        this.termPoint = new int[k][];
        this.termWeight = new double[k][];
        double[] scale = new double[dimension];
        for (int j = 0; j < dimension; j++) {
            scale[j] = variableScale == null ? 1 : variableScale[j];
        }
        for (int r = 0; r < k; r++) {
            buildStencil(r, step, scale, points);
        }
        int stencilSize = points.size();
        this.displacement = points.toArray(double[][]::new);
        this.base = new ModelEvaluator[stencilSize];
        for (int s = 0; s < stencilSize; s++) {
            base[s] = model.evaluator(DerivativeRequest.valuesOnly(dimension), capacity);
        }
        this.fieldCount = base[0].fieldCount();
        this.parameterCount = base[0].parameterCount();
        this.shifted = new double[stencilSize][capacity * dimension];
        this.baseSeeds = new double[stencilSize][fieldCount * capacity];
        this.baseTangents = new double[stencilSize][fieldCount * capacity];
        this.values = new double[fieldCount * k * capacity];
    }

    /**
     * @param step the step h in input units for every order and variable, or 0 for the automatic
     *        step: {@link #defaultStep(int)} per order times the width of each input's range in the
     *        model's spec (its inputLower/inputUpper), so the stencil scales with the domain
     * @return a factory of finite-difference evaluators for residual systems
     */
    public static EvaluatorFactory factory(double step) {
        if (!(step >= 0) || Double.isInfinite(step)) {
            throw new GeopinnException("finite-difference step must be positive (or 0 for automatic), got " + step);
        }
        if (step > 0) {
            return (model, request, capacity) -> new FiniteDifferenceEvaluator(model, request, capacity, order -> step, null);
        }
        return (model, request, capacity) -> new FiniteDifferenceEvaluator(model, request, capacity,
                FiniteDifferenceEvaluator::defaultStep, inputWidths(model, request.dimension()));
    }

    /** The width of each input's range from the model's spec; 1 where it is not a positive finite number. */
    private static double[] inputWidths(Model model, int dimension) {
        double[] widths = new double[dimension];
        double[] lower = model.spec() == null ? null : model.spec().inputLower();
        double[] upper = model.spec() == null ? null : model.spec().inputUpper();
        for (int j = 0; j < dimension; j++) {
            double w = lower != null && upper != null && j < lower.length && j < upper.length ? upper[j] - lower[j] : 1;
            widths[j] = w > 0 && Double.isFinite(w) ? w : 1;
        }
        return widths;
    }

    /**
     * The step that balances the O(h²) truncation error of a second-order central stencil of the
     * given order against its O(ε/h^order) rounding error for a function of unit scale:
     * h = ε^(1/(order+2)), about 6e-6 for first, 1.2e-4 for second and 2.5e-3 for fourth derivatives.
     *
     * @param order the total derivative order, at least 1
     * @return the step
     */
    public static double defaultStep(int order) {
        return Math.pow(Math.ulp(1.0), 1.0 / (order + 2));
    }

    private void buildStencil(int r, IntToDoubleFunction step, double[] scale, List<double[]> points) {
        int[] alpha = request.multiIndex(r);
        int order = Arrays.stream(alpha).sum();
        double h = order == 0 ? 0 : step.applyAsDouble(order);
        if (order > 0 && !(h > 0)) {
            throw new GeopinnException("finite-difference step for order " + order + " must be positive, got " + h);
        }
        // Tensor product of the 1-D stencils, one variable after the other.
        List<double[]> disp = new ArrayList<>();
        List<Double> weight = new ArrayList<>();
        disp.add(new double[dimension]);
        weight.add(1.0);
        for (int j = 0; j < dimension; j++) {
            int a = alpha[j];
            if (a == 0) {
                continue;
            }
            if (a >= OFFSETS.length) {
                throw new GeopinnException("finite differences support derivative orders up to " + (OFFSETS.length - 1)
                        + " per variable, the operator asks for " + a);
            }
            List<double[]> nextDisp = new ArrayList<>();
            List<Double> nextWeight = new ArrayList<>();
            double hj = h * scale[j];
            double norm = Math.pow(hj, a);
            for (int t = 0; t < disp.size(); t++) {
                for (int o = 0; o < OFFSETS[a].length; o++) {
                    double[] x = disp.get(t).clone();
                    x[j] += OFFSETS[a][o] * hj;
                    nextDisp.add(x);
                    nextWeight.add(weight.get(t) * WEIGHTS[a][o] / norm);
                }
            }
            disp = nextDisp;
            weight = nextWeight;
        }
        termPoint[r] = new int[disp.size()];
        termWeight[r] = new double[disp.size()];
        for (int t = 0; t < disp.size(); t++) {
            termPoint[r][t] = indexOf(points, disp.get(t));
            termWeight[r][t] = weight.get(t);
        }
    }

    private static int indexOf(List<double[]> points, double[] x) {
        for (int s = 0; s < points.size(); s++) {
            if (Arrays.equals(points.get(s), x)) {
                return s;
            }
        }
        points.add(x);
        return points.size() - 1;
    }

    /** @return the number of distinct stencil displacements (value-only evaluations per point) */
    public int stencilSize() {
        return base.length;
    }

    @Override
    public DerivativeRequest request() {
        return request;
    }

    @Override
    public int fieldCount() {
        return fieldCount;
    }

    @Override
    public int parameterCount() {
        return parameterCount;
    }

    @Override
    public void forward(double[] theta, double[] points, int count) {
        if (count > capacity) {
            throw new GeopinnException("evaluator capacity is " + capacity + " points, got " + count);
        }
        this.n = count;
        for (int s = 0; s < base.length; s++) {
            double[] x = shifted[s];
            double[] dx = displacement[s];
            for (int i = 0; i < count; i++) {
                for (int j = 0; j < dimension; j++) {
                    x[i * dimension + j] = points[i * dimension + j] + dx[j];
                }
            }
            base[s].forward(theta, x, count);
        }
        int k = request.size();
        for (int f = 0; f < fieldCount; f++) {
            for (int r = 0; r < k; r++) {
                int out = (f * k + r) * count;
                Arrays.fill(values, out, out + count, 0);
                for (int t = 0; t < termPoint[r].length; t++) {
                    double[] v = base[termPoint[r][t]].values();
                    double w = termWeight[r][t];
                    for (int i = 0; i < count; i++) {
                        values[out + i] += w * v[f * count + i];
                    }
                }
            }
        }
    }

    @Override
    public int pointCount() {
        return n;
    }

    @Override
    public double[] values() {
        return values;
    }

    /** baseSeeds[s][f*n+i] = Σ_k c_{k,s} seeds[((f*K)+k)*n+i]: the transpose of the stencil combination. */
    private void distributeSeeds(double[] seeds) {
        int k = request.size();
        for (double[] b : baseSeeds) {
            Arrays.fill(b, 0, fieldCount * n, 0);
        }
        for (int f = 0; f < fieldCount; f++) {
            for (int r = 0; r < k; r++) {
                int in = (f * k + r) * n;
                for (int t = 0; t < termPoint[r].length; t++) {
                    double[] b = baseSeeds[termPoint[r][t]];
                    double w = termWeight[r][t];
                    for (int i = 0; i < n; i++) {
                        b[f * n + i] += w * seeds[in + i];
                    }
                }
            }
        }
    }

    @Override
    public void backward(double[] seeds, double[] gradient) {
        distributeSeeds(seeds);
        for (int s = 0; s < base.length; s++) {
            base[s].backward(baseSeeds[s], gradient);
        }
    }

    @Override
    public void jacobianRows(double[] seeds, double[] jacobian, int rowOffset) {
        distributeSeeds(seeds);
        base[0].jacobianRows(baseSeeds[0], jacobian, rowOffset);
        if (base.length == 1) {
            return;
        }
        if (scratchRows == null) {
            scratchRows = new double[capacity * parameterCount];
        }
        int p = parameterCount;
        int start = rowOffset * p;
        for (int s = 1; s < base.length; s++) {
            base[s].jacobianRows(baseSeeds[s], scratchRows, 0);
            for (int e = 0; e < n * p; e++) {
                jacobian[start + e] += scratchRows[e];
            }
        }
    }

    @Override
    public void tangent(double[] v, double[] out) {
        for (int s = 0; s < base.length; s++) {
            base[s].tangent(v, baseTangents[s]);
        }
        int k = request.size();
        for (int f = 0; f < fieldCount; f++) {
            for (int r = 0; r < k; r++) {
                int o = (f * k + r) * n;
                Arrays.fill(out, o, o + n, 0);
                for (int t = 0; t < termPoint[r].length; t++) {
                    double[] b = baseTangents[termPoint[r][t]];
                    double w = termWeight[r][t];
                    for (int i = 0; i < n; i++) {
                        out[o + i] += w * b[f * n + i];
                    }
                }
            }
        }
    }
}

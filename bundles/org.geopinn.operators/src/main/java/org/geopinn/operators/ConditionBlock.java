package org.geopinn.operators;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.geopinn.api.GeopinnException;
import org.geopinn.api.expr.Expr;
import org.geopinn.api.expr.PointFunction;
import org.geopinn.api.model.DerivativeRequest;
import org.geopinn.api.model.Model;
import org.geopinn.api.model.ModelEvaluator;
import org.geopinn.api.operator.LossScaling;

/**
 * The residual rows of one condition: its compiled operator, its points with the cached source
 * and coefficient values there, and an evaluator sized for them. After a forward pass it holds the
 * raw residuals r_i = D[u](x_i) − f(x_i) and their partials ∂D/∂leaf_l at every point; every
 * parameter-space product then reduces to one evaluator call with seeds built from those partials.
 * Rows are the raw residuals times {@link #scale()}.
 */
final class ConditionBlock {
    private final String name;
    private final ExpressionProgram program;
    private final PointFunction source;
    private final Model model;
    private final DerivativeRequest request;
    private final EvaluatorFactory evaluators;
    private final int dimension;
    private final double measure;
    private final LossScaling scaling;
    private final int leafCount;
    private final int coefficientCount;
    /** Position (f*K + k) of each leaf in the evaluator's value layout. */
    private final int[] leafSlot;

    private ModelEvaluator evaluator;
    private int capacity;
    private int slotCount;
    private double[] points;
    private int n;
    private double weight;
    private double scale;

    private double[] sourceValues;
    private double[] coefficientValues; // layout m*n + i
    private double[] raw;               // raw residual per point
    private double[] partials;          // layout l*n + i
    private double[] seeds;             // evaluator value layout, zero outside leaf slots
    private double[] tangents;          // evaluator value layout

    private final double[] leafBuffer;
    private final double[] coefficientBuffer;
    private final double[] partialBuffer;
    private final double[] workspace;

    ConditionBlock(String name, Expr operator, PointFunction source, double weight, Model model, int dimension,
            double measure, LossScaling scaling, EvaluatorFactory evaluators, double[] points) {
        this.name = name;
        this.program = ExpressionProgram.compile(operator);
        this.source = source;
        this.model = model;
        this.dimension = dimension;
        this.measure = measure;
        this.scaling = scaling;
        this.evaluators = evaluators;
        this.weight = weight;
        List<int[]> orders = new ArrayList<>();
        for (Expr.FieldDerivative d : program.leaves()) {
            orders.add(d.orders());
        }
        this.request = DerivativeRequest.of(dimension, orders);
        this.leafCount = program.leaves().size();
        this.coefficientCount = program.coefficients().size();
        this.leafSlot = new int[leafCount];
        this.leafBuffer = new double[leafCount];
        this.coefficientBuffer = new double[coefficientCount];
        this.partialBuffer = new double[leafCount];
        this.workspace = program.newWorkspace();
        setPoints(points);
    }

    /** @return the condition's name */
    String name() {
        return name;
    }

    /** @return the number of points (rows) */
    int size() {
        return n;
    }

    /** @return the current weight */
    double weight() {
        return weight;
    }

    /** @return the factor from raw residuals to rows */
    double scale() {
        return scale;
    }

    /** @return a copy of the points, row-major n×d */
    double[] points() {
        return Arrays.copyOf(points, n * dimension);
    }

    /** @param w the new weight */
    void setWeight(double w) {
        this.weight = w;
        this.scale = computeScale();
    }

    /**
     * Replaces the points: recomputes the source and coefficient values there and grows the
     * evaluator and buffers when the count exceeds their capacity.
     *
     * @param newPoints row-major n×d (copied)
     */
    void setPoints(double[] newPoints) {
        this.points = newPoints.clone();
        this.n = newPoints.length / dimension;
        if (evaluator == null || n > capacity) {
            capacity = n;
            evaluator = evaluators.create(model, request, capacity);
            int fieldCount = evaluator.fieldCount();
            int k = request.size();
            slotCount = fieldCount * k;
            for (int l = 0; l < leafCount; l++) {
                Expr.FieldDerivative d = program.leaves().get(l);
                leafSlot[l] = d.field() * k + request.indexOf(d.orders());
            }
            raw = new double[capacity];
            sourceValues = new double[capacity];
            coefficientValues = new double[coefficientCount * capacity];
            partials = new double[leafCount * capacity];
            seeds = new double[slotCount * capacity];
            tangents = new double[slotCount * capacity];
        }
        // Seeds are only ever written at leaf slots; the layout moved with n, so clear it once here.
        Arrays.fill(seeds, 0);
        cacheSourceAndCoefficients();
        this.scale = computeScale();
    }

    private void cacheSourceAndCoefficients() {
        double[] x = new double[dimension];
        List<Expr.Coefficient> coefficients = program.coefficients();
        for (int i = 0; i < n; i++) {
            System.arraycopy(points, i * dimension, x, 0, dimension);
            sourceValues[i] = callUserFunction(source, x, "source");
            for (int m = 0; m < coefficientCount; m++) {
                Expr.Coefficient c = coefficients.get(m);
                coefficientValues[m * n + i] = callUserFunction(c.function(), x, "coefficient '" + c.name() + "'");
            }
        }
    }

    /** Problem code runs here once per point set: its failures become one clear line. */
    private double callUserFunction(PointFunction f, double[] x, String what) {
        try {
            return f.value(x);
        } catch (RuntimeException e) {
            throw new GeopinnException("the " + what + " of condition '" + name + "' failed at point "
                    + Arrays.toString(x) + ": " + e, e);
        }
    }

    private double computeScale() {
        switch (scaling) {
            case SUM: return Math.sqrt(weight);
            case MEASURE: return Math.sqrt(weight * measure / n);
            case MEAN:
            default: return Math.sqrt(weight / n);
        }
    }

    /**
     * Evaluates the model and the operator at every point, keeping raw residuals and partials.
     *
     * @param theta the parameters (not modified)
     */
    void forward(double[] theta) {
        evaluator.forward(theta, points, n);
        double[] values = evaluator.values();
        for (int i = 0; i < n; i++) {
            for (int l = 0; l < leafCount; l++) {
                leafBuffer[l] = values[leafSlot[l] * n + i];
            }
            for (int m = 0; m < coefficientCount; m++) {
                coefficientBuffer[m] = coefficientValues[m * n + i];
            }
            raw[i] = program.evaluate(leafBuffer, coefficientBuffer, points, i * dimension, partialBuffer, workspace)
                    - sourceValues[i];
            for (int l = 0; l < leafCount; l++) {
                partials[l * n + i] = partialBuffer[l];
            }
        }
    }

    /**
     * @param out receives the scaled rows (modified)
     * @param offset the row of point 0
     */
    void writeResiduals(double[] out, int offset) {
        double s = scale;
        for (int i = 0; i < n; i++) {
            out[offset + i] = s * raw[i];
        }
    }

    /** @return ½ Σ_i (scale · r_i)² */
    double halfSquaredNorm() {
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += raw[i] * raw[i];
        }
        return 0.5 * scale * scale * sum;
    }

    /**
     * Accumulates Jᵀ_g·u_g into {@code out}; with {@code u == null} the rows themselves are used, giving
     * this group's share of ∇L = Jᵀr.
     *
     * @param u residual-space vector or null (not modified)
     * @param offset the row of point 0 in {@code u}
     * @param out accumulates, length P (modified)
     */
    void accumulateTransposeTimes(double[] u, int offset, double[] out) {
        double s = scale;
        for (int i = 0; i < n; i++) {
            double row = u == null ? s * raw[i] : u[offset + i];
            double factor = s * row;
            for (int l = 0; l < leafCount; l++) {
                seeds[leafSlot[l] * n + i] = factor * partials[l * n + i];
            }
        }
        evaluator.backward(seeds, out);
    }

    /**
     * Writes this group's Jacobian rows, already scaled, straight into the S×P matrix.
     *
     * @param out row-major S×P (modified)
     * @param offset the row of point 0
     */
    void writeJacobian(double[] out, int offset) {
        double s = scale;
        for (int l = 0; l < leafCount; l++) {
            int slot = leafSlot[l] * n;
            int part = l * n;
            for (int i = 0; i < n; i++) {
                seeds[slot + i] = s * partials[part + i];
            }
        }
        evaluator.jacobianRows(seeds, out, offset);
    }

    /**
     * @param v a parameter direction (not modified)
     * @param out receives this group's rows of J·v (modified)
     * @param offset the row of point 0
     */
    void writeJacobianTimes(double[] v, double[] out, int offset) {
        evaluator.tangent(v, tangents);
        double s = scale;
        for (int i = 0; i < n; i++) {
            double sum = 0;
            for (int l = 0; l < leafCount; l++) {
                sum += partials[l * n + i] * tangents[leafSlot[l] * n + i];
            }
            out[offset + i] = s * sum;
        }
    }
}

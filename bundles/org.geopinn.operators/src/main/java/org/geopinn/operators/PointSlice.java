package org.geopinn.operators;

import java.util.Arrays;
import java.util.List;
import org.geopinn.api.GeopinnException;
import org.geopinn.api.expr.Expr;
import org.geopinn.api.expr.PointFunction;
import org.geopinn.api.model.DerivativeRequest;
import org.geopinn.api.model.Model;
import org.geopinn.api.model.ModelEvaluator;

/**
 * A contiguous range of one condition's points with everything needed to evaluate it on its own
 * thread: its own evaluator (evaluators are not thread-safe), the cached source and coefficient
 * values, and after a forward pass the raw residuals r_i = D[u](x_i) − f(x_i) and the partials
 * ∂D/∂leaf_l at each point. Every parameter-space product is then one evaluator call with seeds
 * built from those partials.
 *
 * <p>A periodic condition's slice has a partner: the same operator at the paired points M(x_i),
 * with its own evaluator; the rows are then D[u](x_i) − D[u](M x_i) − f(x_i), and every pass
 * subtracts the partner's share (its seeds are the negated ones).
 */
final class PointSlice {
    private final String condition;
    private final ExpressionProgram program;
    private final PointFunction source;
    private final Model model;
    private final DerivativeRequest request;
    private final EvaluatorFactory evaluators;
    private final int dimension;
    private final int leafCount;
    private final int coefficientCount;
    /** Position (f*K + k) of each leaf in the evaluator's value layout. */
    private final int[] leafSlot;
    /** Trained coefficients: their count U, the index of the first in θ, and per coefficient function its unknown (or −1). */
    private final int unknownCount;
    private final int unknownOffset;
    private final int[] coefficientUnknown;
    /** Columns of the Jacobian: all parameters, the network's and the coefficients'. */
    private final int columns;

    private ModelEvaluator evaluator;
    private int capacity;
    private int start;
    private int n;
    private double[] points = new double[0];
    private double[] sourceValues;
    private double[] coefficientValues; // layout m*n + i
    private double[] raw;
    private double[] partials;          // layout l*n + i
    private double[] unknownPartials;   // layout u*n + i: ∂D/∂c_u
    private double[] seeds;             // evaluator value layout, zero outside leaf slots
    private double[] tangents;          // evaluator value layout
    /** √ρ per point of the whole condition (index start + i), null while every row weight is 1. */
    private double[] rowScale;

    private final double[] leafBuffer;
    private final double[] coefficientBuffer;
    private final double[] partialBuffer;
    private final double[] workspace;

    /** The slice at the paired points of a periodic condition, or null; and the map to them. */
    private final PointSlice partner;
    private final org.geopinn.api.problem.PointMap pair;
    /** Periodic conditions: the row factors of the last Jᵀu pass and the partner's Jacobian rows, n×P. */
    private double[] factors;
    private double[] partnerRows;

    PointSlice(String condition, ExpressionProgram program, PointFunction source, Model model, DerivativeRequest request,
            EvaluatorFactory evaluators, int dimension) {
        this(condition, program, source, model, request, evaluators, dimension, null);
    }

    /**
     * @param pair for a periodic condition the map to the paired points (a partner slice evaluates
     *        the operator there), else null
     */
    PointSlice(String condition, ExpressionProgram program, PointFunction source, Model model, DerivativeRequest request,
            EvaluatorFactory evaluators, int dimension, org.geopinn.api.problem.PointMap pair) {
        this.pair = pair;
        this.partner = pair == null ? null : new PointSlice(condition, program, x -> 0.0, model, request, evaluators, dimension, null);
        this.condition = condition;
        this.program = program;
        this.source = source;
        this.model = model;
        this.request = request;
        this.evaluators = evaluators;
        this.dimension = dimension;
        this.leafCount = program.leaves().size();
        this.coefficientCount = program.coefficients().size();
        this.unknownCount = program.unknowns().size();
        this.columns = model.parameterCount();
        this.unknownOffset = columns - unknownCount;
        this.coefficientUnknown = new int[coefficientCount];
        for (int m = 0; m < coefficientCount; m++) {
            coefficientUnknown[m] = program.unknowns().indexOf(program.coefficients().get(m).name());
        }
        this.leafSlot = new int[leafCount];
        this.leafBuffer = new double[leafCount];
        this.coefficientBuffer = new double[coefficientCount];
        this.partialBuffer = new double[leafCount + unknownCount];
        this.workspace = program.newWorkspace();
    }

    /** @return the index of this slice's first point in its condition */
    int start() {
        return start;
    }

    /** @return the number of points */
    int size() {
        return n;
    }

    /**
     * Takes points {@code from .. from+count} of the condition: caches the source and coefficients
     * there and grows the evaluator and buffers when the count exceeds their capacity.
     *
     * @param all the condition's points, row-major (not modified)
     * @param from the first point
     * @param count the number of points (may be 0)
     */
    void setPoints(double[] all, int from, int count) {
        this.start = from;
        this.n = count;
        this.points = Arrays.copyOfRange(all, from * dimension, (from + count) * dimension);
        if (partner != null) {
            partner.setPoints(paired(), 0, count);
            partner.start = from;
        }
        if (count == 0) {
            return;
        }
        if (evaluator == null || count > capacity) {
            capacity = count;
            evaluator = evaluators.create(model, request, capacity);
            int k = request.size();
            int slotCount = evaluator.fieldCount() * k;
            for (int l = 0; l < leafCount; l++) {
                Expr.FieldDerivative d = program.leaves().get(l);
                leafSlot[l] = d.field() * k + request.indexOf(d.orders());
            }
            raw = new double[capacity];
            sourceValues = new double[capacity];
            coefficientValues = new double[coefficientCount * capacity];
            partials = new double[leafCount * capacity];
            unknownPartials = new double[unknownCount * capacity];
            seeds = new double[slotCount * capacity];
            tangents = new double[slotCount * capacity];
            if (partner != null) {
                factors = new double[capacity];
                partnerRows = new double[capacity * columns];
            }
        }
        // Seeds are only ever written at leaf slots; the layout moved with n, so clear it once here.
        Arrays.fill(seeds, 0);
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

    /** @return the paired points M(x_i) of this slice's points, row-major */
    private double[] paired() {
        double[] out = new double[points.length];
        double[] x = new double[dimension];
        double[] y = new double[dimension];
        for (int i = 0; i < n; i++) {
            System.arraycopy(points, i * dimension, x, 0, dimension);
            try {
                pair.map(x, y);
            } catch (RuntimeException e) {
                throw new GeopinnException("the pairing of periodic condition '" + condition + "' failed at point "
                        + Arrays.toString(x) + ": " + e, e);
            }
            System.arraycopy(y, 0, out, i * dimension, dimension);
        }
        return out;
    }

    /**
     * @param conditionRowScale √ρ per point of the condition (shared, indexed from the condition's
     *        first point), or null for all 1
     */
    void setRowScale(double[] conditionRowScale) {
        this.rowScale = conditionRowScale;
    }

    /** @return √ρ of this slice's point i */
    private double rowScale(int i) {
        return rowScale == null ? 1 : rowScale[start + i];
    }

    /** Problem code runs here once per point set: its failures become one clear line. */
    private double callUserFunction(PointFunction f, double[] x, String what) {
        try {
            return f.value(x);
        } catch (RuntimeException e) {
            throw new GeopinnException("the " + what + " of condition '" + condition + "' failed at point "
                    + Arrays.toString(x) + ": " + e, e);
        }
    }

    /**
     * Evaluates the model and the operator at every point, keeping raw residuals and partials.
     *
     * @param theta the parameters (not modified)
     */
    void forward(double[] theta) {
        if (n == 0) {
            return;
        }
        evaluator.forward(theta, points, n);
        double[] values = evaluator.values();
        for (int i = 0; i < n; i++) {
            for (int l = 0; l < leafCount; l++) {
                leafBuffer[l] = values[leafSlot[l] * n + i];
            }
            for (int m = 0; m < coefficientCount; m++) {
                int u = coefficientUnknown[m];
                coefficientBuffer[m] = u < 0 ? coefficientValues[m * n + i] : theta[unknownOffset + u];
            }
            raw[i] = program.evaluate(leafBuffer, coefficientBuffer, points, i * dimension, partialBuffer, workspace)
                    - sourceValues[i];
            for (int l = 0; l < leafCount; l++) {
                partials[l * n + i] = partialBuffer[l];
            }
            for (int u = 0; u < unknownCount; u++) {
                unknownPartials[u * n + i] = partialBuffer[leafCount + u];
            }
        }
        if (partner != null) {
            partner.forward(theta);
            for (int i = 0; i < n; i++) {
                raw[i] -= partner.raw[i];
            }
            for (int k = 0; k < unknownCount * n; k++) {
                unknownPartials[k] -= partner.unknownPartials[k];
            }
        }
    }

    /**
     * @param out receives the scaled rows (modified)
     * @param offset the row of this slice's first point
     * @param scale the condition's row scale
     */
    void writeResiduals(double[] out, int offset, double scale) {
        for (int i = 0; i < n; i++) {
            out[offset + i] = scale * rowScale(i) * raw[i];
        }
    }

    /** @return Σ_i ρ_i r_i² of the raw residuals, with the row weights ρ_i */
    double sumOfSquares() {
        double sum = 0;
        for (int i = 0; i < n; i++) {
            double r = rowScale(i) * raw[i];
            sum += r * r;
        }
        return sum;
    }

    /**
     * Accumulates this slice's share of Jᵀu into {@code out}; with {@code u == null} the rows
     * themselves are used, giving its share of ∇L = Jᵀr.
     *
     * @param u residual-space vector or null (not modified)
     * @param offset the row of this slice's first point in {@code u}
     * @param scale the condition's row scale
     * @param out accumulates, length P (modified)
     */
    void accumulateTransposeTimes(double[] u, int offset, double scale, double[] out) {
        if (n == 0 || (u != null && isZero(u, offset, n))) {
            // A zero u on this slice contributes nothing: skip the reverse pass. Per-condition
            // gradients (loss weighting) mask u to one condition's rows; without this every one of
            // them cost a full backward pass over all S rows (a step of a 17-condition system spent
            // 17 full passes in its weighting update).
            return;
        }
        for (int i = 0; i < n; i++) {
            double rs = scale * rowScale(i);
            double row = u == null ? rs * raw[i] : u[offset + i];
            double factor = rs * row;
            for (int l = 0; l < leafCount; l++) {
                seeds[leafSlot[l] * n + i] = factor * partials[l * n + i];
            }
            for (int c = 0; c < unknownCount; c++) {
                out[unknownOffset + c] += factor * unknownPartials[c * n + i];
            }
            if (partner != null) {
                factors[i] = -factor;
            }
        }
        evaluator.backward(seeds, out);
        if (partner != null) {
            partner.backwardWithFactors(factors, out);
        }
    }

    private static boolean isZero(double[] u, int offset, int count) {
        for (int i = 0; i < count; i++) {
            if (u[offset + i] != 0) {
                return false;
            }
        }
        return true;
    }

    /** The partner's share of Jᵀu: its leaf partials times the given (negated) row factors. */
    private void backwardWithFactors(double[] rowFactors, double[] out) {
        for (int i = 0; i < n; i++) {
            for (int l = 0; l < leafCount; l++) {
                seeds[leafSlot[l] * n + i] = rowFactors[i] * partials[l * n + i];
            }
        }
        evaluator.backward(seeds, out);
    }

    /**
     * Writes this slice's Jacobian rows, already scaled, straight into the S×P matrix.
     *
     * @param out row-major S×P (modified)
     * @param offset the row of this slice's first point
     * @param scale the condition's row scale
     */
    void writeJacobian(double[] out, int offset, double scale) {
        if (n == 0) {
            return;
        }
        for (int l = 0; l < leafCount; l++) {
            int slot = leafSlot[l] * n;
            int part = l * n;
            for (int i = 0; i < n; i++) {
                seeds[slot + i] = scale * rowScale(i) * partials[part + i];
            }
        }
        evaluator.jacobianRows(seeds, out, offset);
        if (partner != null) {
            for (int l = 0; l < leafCount; l++) {
                int slot = partner.leafSlot[l] * n;
                int part = l * n;
                for (int i = 0; i < n; i++) {
                    partner.seeds[slot + i] = scale * rowScale(i) * partner.partials[part + i];
                }
            }
            partner.evaluator.jacobianRows(partner.seeds, partnerRows, 0);
            for (int i = 0; i < n; i++) {
                int row = (offset + i) * columns;
                for (int p = 0; p < columns; p++) {
                    out[row + p] -= partnerRows[i * columns + p];
                }
            }
        }
        for (int u = 0; u < unknownCount; u++) { // the model left these columns zero
            int part = u * n;
            for (int i = 0; i < n; i++) {
                out[(offset + i) * columns + unknownOffset + u] = scale * rowScale(i) * unknownPartials[part + i];
            }
        }
    }

    /**
     * @param v a parameter direction (not modified)
     * @param out receives this slice's rows of J·v (modified)
     * @param offset the row of this slice's first point
     * @param scale the condition's row scale
     */
    void writeJacobianTimes(double[] v, double[] out, int offset, double scale) {
        if (n == 0) {
            return;
        }
        evaluator.tangent(v, tangents);
        if (partner != null) {
            partner.evaluator.tangent(v, partner.tangents);
        }
        for (int i = 0; i < n; i++) {
            double sum = 0;
            for (int l = 0; l < leafCount; l++) {
                sum += partials[l * n + i] * tangents[leafSlot[l] * n + i];
            }
            if (partner != null) {
                for (int l = 0; l < leafCount; l++) {
                    sum -= partner.partials[l * n + i] * partner.tangents[partner.leafSlot[l] * n + i];
                }
            }
            for (int u = 0; u < unknownCount; u++) {
                sum += unknownPartials[u * n + i] * v[unknownOffset + u];
            }
            out[offset + i] = scale * rowScale(i) * sum;
        }
    }
}

package org.geopinn.operators;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.geopinn.api.expr.Expr;
import org.geopinn.api.expr.PointFunction;
import org.geopinn.api.model.DerivativeRequest;
import org.geopinn.api.model.Model;
import org.geopinn.api.operator.LossScaling;

/**
 * The residual rows of one condition: its compiled operator, weight and row scale, and its points
 * split into one {@link PointSlice} per thread (slice t holds points ⌊t·n/T⌋ … ⌊(t+1)·n/T⌋ − 1, so
 * every thread gets an equal share of every condition). Rows are the raw residuals times
 * {@link #scale()}.
 */
final class ConditionBlock {
    private final String name;
    private final int dimension;
    private final double measure;
    private final LossScaling scaling;
    private final PointSlice[] slices;
    private double[] points;
    private int n;
    private double weight;
    private double scale;
    /** ρ per point, null while all are 1; and √ρ, shared with the slices. */
    private double[] rowWeights;
    private double[] rowScale;

    ConditionBlock(String name, Expr operator, PointFunction source, double weight, Model model, int dimension,
            double measure, LossScaling scaling, EvaluatorFactory evaluators, double[] points, int sliceCount,
            List<String> unknowns) {
        this(name, operator, source, weight, model, dimension, measure, scaling, evaluators, points, sliceCount, unknowns, null);
    }

    /** As above; {@code pair} (or null) makes it a periodic condition: rows D[u](x) − D[u](pair(x)) − f(x). */
    ConditionBlock(String name, Expr operator, PointFunction source, double weight, Model model, int dimension,
            double measure, LossScaling scaling, EvaluatorFactory evaluators, double[] points, int sliceCount,
            List<String> unknowns, org.geopinn.api.problem.PointMap pair) {
        this.name = name;
        this.dimension = dimension;
        this.measure = measure;
        this.scaling = scaling;
        this.weight = weight;
        ExpressionProgram program = ExpressionProgram.compile(operator, unknowns);
        List<int[]> orders = new ArrayList<>();
        for (Expr.FieldDerivative d : program.leaves()) {
            orders.add(d.orders());
        }
        DerivativeRequest request = DerivativeRequest.of(dimension, orders);
        this.slices = new PointSlice[sliceCount];
        for (int t = 0; t < sliceCount; t++) {
            slices[t] = new PointSlice(name, program, source, model, request, evaluators, dimension, pair);
        }
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

    /** @param t a thread index @return the slice that thread evaluates */
    PointSlice slice(int t) {
        return slices[t];
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
     * @param weights ρ per point (copied; finite, non-negative), or null for all 1
     * @throws GeopinnException for a wrong count or a bad weight
     */
    void setRowWeights(double[] weights) {
        if (weights == null) {
            rowWeights = null;
            rowScale = null;
        } else {
            if (weights.length != n) {
                throw new org.geopinn.api.GeopinnException("condition '" + name + "' has " + n + " rows, got " + weights.length
                        + " row weights");
            }
            double[] root = new double[n];
            for (int i = 0; i < n; i++) {
                if (!(weights[i] >= 0) || Double.isInfinite(weights[i])) {
                    throw new org.geopinn.api.GeopinnException("row weight " + i + " of condition '" + name + "' is " + weights[i]
                            + "; row weights must be finite and non-negative");
                }
                root[i] = Math.sqrt(weights[i]);
            }
            rowWeights = weights.clone();
            rowScale = root;
        }
        for (PointSlice s : slices) {
            s.setRowScale(rowScale);
        }
    }

    /** @return ρ per point (a copy), null while all are 1 */
    double[] rowWeights() {
        return rowWeights == null ? null : rowWeights.clone();
    }

    /** @param newPoints row-major n×d (copied), shared among the slices; resets the row weights to 1 */
    void setPoints(double[] newPoints) {
        this.rowWeights = null;
        this.rowScale = null;
        this.points = newPoints.clone();
        this.n = newPoints.length / dimension;
        int count = slices.length;
        for (int t = 0; t < count; t++) {
            int from = (int) ((long) t * n / count);
            int to = (int) ((long) (t + 1) * n / count);
            slices[t].setPoints(points, from, to - from);
            slices[t].setRowScale(null);
        }
        this.scale = computeScale();
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
     * @param out receives the scaled rows (modified)
     * @param offset the row of point 0
     */
    void writeResiduals(double[] out, int offset) {
        for (PointSlice s : slices) {
            s.writeResiduals(out, offset + s.start(), scale);
        }
    }

    /** @return ½ Σ_i (scale · r_i)² */
    double halfSquaredNorm() {
        double sum = 0;
        for (PointSlice s : slices) {
            sum += s.sumOfSquares();
        }
        return 0.5 * scale * scale * sum;
    }
}

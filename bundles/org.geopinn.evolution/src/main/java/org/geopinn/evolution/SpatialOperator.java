package org.geopinn.evolution;

import java.util.ArrayList;
import java.util.List;
import org.geopinn.api.GeopinnException;
import org.geopinn.api.expr.Expr;
import org.geopinn.api.model.DerivativeRequest;
import org.geopinn.api.model.Model;
import org.geopinn.api.model.ModelEvaluator;
import org.geopinn.operators.ExpressionProgram;

/**
 * The right-hand sides L_f[u_θ] of an initial-value problem at a batch of points. Each L_f is
 * compiled once by the operators bundle's {@link ExpressionProgram} (the same pointwise program
 * the residual systems use), fed with the input derivatives of one model evaluation that
 * requests exactly the derivatives the right-hand sides use.
 */
final class SpatialOperator {
    private final ExpressionProgram[] programs;
    /** Per field f and leaf l: the offset block (field·K + k) of the leaf in the evaluator's values. */
    private final int[][] leafBlocks;
    private final ModelEvaluator evaluator;
    private final int dimension;
    private final double[][] leafValues;
    private final double[][] coefficientValues;
    private final double[][] partials;
    private final double[][] workspaces;
    private final double[] point;

    /**
     * @param model the model; its fields are the problem's fields
     * @param rightHandSides one expression per field over the spatial variables
     * @param maxPoints the largest batch
     * @throws GeopinnException when the number of right-hand sides is not the number of fields
     */
    SpatialOperator(Model model, List<Expr> rightHandSides, int maxPoints) {
        int fields = model.spec().fields().size();
        if (rightHandSides.size() != fields) {
            throw new GeopinnException("the problem gives " + rightHandSides.size() + " right-hand sides for "
                    + fields + " fields " + model.spec().fields());
        }
        this.dimension = model.spec().inputDimension();
        this.programs = new ExpressionProgram[fields];
        List<int[]> orders = new ArrayList<>();
        for (int f = 0; f < fields; f++) {
            programs[f] = ExpressionProgram.compile(rightHandSides.get(f));
            if (programs[f].maxCoordinateIndex() >= dimension) {
                throw new GeopinnException("right-hand side of field " + model.spec().fields().get(f)
                        + " uses a coordinate beyond the " + dimension + " spatial variables");
            }
            for (Expr.FieldDerivative leaf : programs[f].leaves()) {
                orders.add(leaf.orders());
            }
        }
        DerivativeRequest request = DerivativeRequest.of(dimension, orders);
        this.evaluator = model.evaluator(request, maxPoints);
        int k = request.size();
        this.leafBlocks = new int[fields][];
        this.leafValues = new double[fields][];
        this.coefficientValues = new double[fields][];
        this.partials = new double[fields][];
        this.workspaces = new double[fields][];
        for (int f = 0; f < fields; f++) {
            List<Expr.FieldDerivative> leaves = programs[f].leaves();
            leafBlocks[f] = new int[leaves.size()];
            for (int l = 0; l < leaves.size(); l++) {
                Expr.FieldDerivative leaf = leaves.get(l);
                if (leaf.field() >= fields) {
                    throw new GeopinnException("right-hand side uses field #" + leaf.field() + " of " + fields);
                }
                leafBlocks[f][l] = leaf.field() * k + request.indexOf(leaf.orders());
            }
            leafValues[f] = new double[leaves.size()];
            coefficientValues[f] = new double[programs[f].coefficients().size()];
            partials[f] = new double[Math.max(1, leaves.size())];
            workspaces[f] = programs[f].newWorkspace();
        }
        this.point = new double[dimension];
    }

    /**
     * Evaluates every right-hand side.
     *
     * @param theta the parameters (not modified)
     * @param points n points, row-major n×d (not modified)
     * @param n the number of points
     * @param out receives L_f[u_θ](x_i) at {@code f*n + i} (modified)
     */
    void evaluate(double[] theta, double[] points, int n, double[] out) {
        evaluator.forward(theta, points, n);
        double[] values = evaluator.values();
        for (int f = 0; f < programs.length; f++) {
            int[] blocks = leafBlocks[f];
            double[] leaves = leafValues[f];
            double[] coefficients = coefficientValues[f];
            for (int i = 0; i < n; i++) {
                for (int l = 0; l < blocks.length; l++) {
                    leaves[l] = values[blocks[l] * n + i];
                }
                if (coefficients.length > 0) {
                    System.arraycopy(points, i * dimension, point, 0, dimension);
                    for (int c = 0; c < coefficients.length; c++) {
                        coefficients[c] = programs[f].coefficients().get(c).function().value(point);
                    }
                }
                out[f * n + i] = programs[f].evaluate(leaves, coefficients, points, i * dimension, partials[f],
                        workspaces[f]);
            }
        }
    }
}

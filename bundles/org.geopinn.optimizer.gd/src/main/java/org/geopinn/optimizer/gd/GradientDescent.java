package org.geopinn.optimizer.gd;

import java.util.Map;
import org.geopinn.api.operator.LeastSquaresSystem;
import org.geopinn.api.optimizer.Optimizer;
import org.geopinn.api.optimizer.OptimizerState;
import org.geopinn.api.optimizer.StepResult;
import org.geopinn.linalg.Vectors;
import org.geopinn.linalg.search.GridDescent;
import org.geopinn.linalg.search.GridLineSearch;
import org.geopinn.linalg.search.GridSearchResult;

/**
 * Gradient descent θ ← θ − η∇L. Grid mode takes the η = lr·2⁻ᵏ of smallest loss; backtracking
 * takes the first k with L(θ − η∇L) ≤ L − c₁η‖∇L‖². A step without decrease is rejected (θ
 * unchanged). Stateless between steps.
 */
final class GradientDescent implements Optimizer {
    private final double lr;
    private final boolean grid;
    private final int maxExponent;
    private final double armijo;
    private final GridDescent gridDescent;
    private double[] gradient = new double[0];
    private double[] trial = new double[0];

    GradientDescent(double lr, String lineSearch, int maxExponent, double armijo) {
        this.lr = lr;
        this.grid = lineSearch.equals("grid");
        this.maxExponent = maxExponent;
        this.armijo = armijo;
        this.gridDescent = new GridDescent(new GridLineSearch(maxExponent));
    }

    @Override
    public String id() {
        return GradientDescentFactory.ID;
    }

    @Override
    public StepResult step(LeastSquaresSystem system, double[] theta) {
        int p = theta.length;
        if (gradient.length != p) {
            gradient = new double[p];
            trial = new double[p];
        }
        double loss0 = system.lossAndGradient(theta, gradient);
        if (!Double.isFinite(loss0) || !Vectors.allFinite(gradient)) {
            return StepResult.rejected(loss0, 1, "loss or gradient is not finite at the current parameters");
        }
        if (grid) {
            GridSearchResult r = gridDescent.descend(system, theta, gradient, lr, loss0);
            if (r.found() && r.value() < loss0) {
                return StepResult.accepted(loss0, r.value(), lr * r.eta(), 1 + r.evaluations(), "η = lr·2^-" + r.exponent());
            }
            return StepResult.rejected(loss0, 1 + r.evaluations(), "no step of the grid lowers the loss");
        }
        double g2 = Vectors.dot(gradient, gradient);
        double eta = lr;
        for (int k = 0; k <= maxExponent; k++, eta *= 0.5) {
            Vectors.linearCombination(theta, -eta, gradient, trial);
            double loss = system.loss(trial);
            if (Double.isFinite(loss) && loss <= loss0 - armijo * eta * g2 && loss < loss0) {
                System.arraycopy(trial, 0, theta, 0, p);
                return StepResult.accepted(loss0, loss, eta, k + 2, "η = lr·2^-" + k);
            }
        }
        return StepResult.rejected(loss0, maxExponent + 2, "backtracking found no sufficient decrease");
    }

    @Override
    public OptimizerState exportState() {
        return new OptimizerState(id(), gradient.length, Map.of(), Map.of());
    }

    @Override
    public void importState(OptimizerState state) {
        state.requireSavedBy(id());
    }
}

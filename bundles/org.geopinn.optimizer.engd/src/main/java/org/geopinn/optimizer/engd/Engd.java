package org.geopinn.optimizer.engd;

import java.util.HashMap;
import java.util.Map;
import org.ejml.data.DMatrixRMaj;
import org.geopinn.api.GeopinnException;
import org.geopinn.api.operator.NormalEquationSystem;
import org.geopinn.api.operator.LeastSquaresSystem;
import org.geopinn.api.optimizer.Optimizer;
import org.geopinn.api.optimizer.OptimizerState;
import org.geopinn.api.optimizer.StepResult;
import org.geopinn.linalg.DenseKernels;
import org.geopinn.linalg.Vectors;
import org.geopinn.linalg.damping.DampedNaturalStep;
import org.geopinn.linalg.pinv.GramPseudoInverse;
import org.geopinn.linalg.search.GridDescent;
import org.geopinn.linalg.search.GridLineSearch;
import org.geopinn.linalg.search.GridSearchResult;

/**
 * Energy natural gradient descent: G = JᵀJ (P×P; with {@code LossScaling.MEASURE} the rows already
 * carry the region measures |Ω_g|/n_g, so this is the reference's Σ_g |Ω_g| mean_i ∇r∇rᵀ), the
 * least-squares solution of G d = ∇L = Jᵀr through the eigendecomposition of G (eigenvalues below
 * rcond·λ_max dropped), and θ ← θ − η d with the 2⁻ᵏ grid line search. Computed through the smaller
 * of JᵀJ and JJᵀ (same nonzero eigenvalues, same direction): cost O(min(S,P)²·max(S,P)).
 * Stateless between steps apart from a step counter.
 */
final class Engd implements Optimizer {
    private final double rcond;
    private final GridDescent descent;
    /**
     * The smaller Gram matrix: with S &lt; P the nonzero eigenvalues of G = JᵀJ are those of JJᵀ and
     * G⁺Jᵀr = Jᵀ(JJᵀ)⁺r, so the same direction (up to rounding) costs O(S²P + S³) instead of
     * O(SP² + P³): at S = 1020, P = 8577 an 8577² eigenproblem (588 MB) becomes a 1020² one.
     */
    private final GramPseudoInverse pseudoInverse = new GramPseudoInverse(DenseKernels.preferred());
    private final DMatrixRMaj jacobian = new DMatrixRMaj(1, 1);
    private double[] residual = new double[0];
    private double[] direction = new double[0];
    /** The route for systems that sum JᵀJ themselves; made on first use. */
    private GramDirection gram;
    private int parameterCount = -1;
    private long steps;

    /** The adaptive damping mode (damping = adaptive), or null. */
    private final DampedNaturalStep adaptive;

    Engd(double rcond, GridLineSearch lineSearch, DampedNaturalStep adaptive) {
        this.rcond = rcond;
        this.descent = new GridDescent(lineSearch);
        this.adaptive = adaptive;
    }

    @Override
    public String id() {
        return EngdFactory.ID;
    }

    @Override
    public StepResult step(LeastSquaresSystem system, double[] theta) {
        int s = system.residualCount();
        int p = theta.length;
        if (parameterCount > 0 && parameterCount != p) {
            throw new GeopinnException("engd state is for " + parameterCount + " parameters, the model has " + p);
        }
        parameterCount = p;
        if (system instanceof NormalEquationSystem normal) {
            return stepFromNormalEquations(normal, theta);
        }
        if (residual.length != s) {
            residual = new double[s];
        }
        if (direction.length != p) {
            direction = new double[p];
        }
        jacobian.reshape(s, p);
        system.residuals(theta, residual);
        double loss0 = 0.5 * Vectors.dot(residual, residual);
        if (!Double.isFinite(loss0)) {
            return StepResult.rejected(loss0, 1, "loss is not finite at the current parameters");
        }
        system.jacobian(theta, jacobian.data);
        if (!Vectors.allFinite(jacobian.data)) {
            return StepResult.rejected(loss0, 1, "the Jacobian has non-finite entries");
        }
        pseudoInverse.factorize(jacobian);
        pseudoInverse.prepare(residual);
        if (adaptive != null) {
            steps++;
            return adaptive.step(system, theta, jacobian, residual, loss0, pseudoInverse, 1);
        }
        int rank = rank(pseudoInverse.singularValuesSquared(), p);
        pseudoInverse.direction(rank, direction);
        return search(system, theta, loss0, rank, "");
    }

    /**
     * The same step when the system sums G and ∇L itself (its rows held elsewhere): G's own
     * eigendecomposition instead of the smaller Gram matrix of J.
     */
    private StepResult stepFromNormalEquations(NormalEquationSystem system, double[] theta) {
        int p = theta.length;
        if (adaptive != null) {
            throw new GeopinnException("engd damping = adaptive needs the Jacobian, which this residual system ("
                    + system.getClass().getSimpleName() + ") does not gather; use damping = none");
        }
        if (direction.length != p) {
            direction = new double[p];
        }
        if (gram == null) {
            gram = new GramDirection();
        }
        double loss0 = system.normalEquations(theta, gram.gram(p).data, gram.gradient());
        if (!Double.isFinite(loss0)) {
            return StepResult.rejected(loss0, 1, "loss is not finite at the current parameters");
        }
        if (!Vectors.allFinite(gram.gram(p).data)) {
            return StepResult.rejected(loss0, 1, "JᵀJ has non-finite entries");
        }
        int rank = rank(gram.decompose(), p);
        gram.direction(rank, direction);
        return search(system, theta, loss0, rank, ", JᵀJ from the system");
    }

    /** @return how many of the eigenvalues λ (descending) lie above the cut-off rcond·λ₀ (default eps·P·λ₀) */
    private int rank(double[] lambda, int p) {
        double cut = (rcond > 0 ? rcond : Math.ulp(1.0) * p) * lambda[0];
        int rank = 0;
        while (rank < lambda.length && lambda[rank] > cut && lambda[rank] > 0) {
            rank++;
        }
        return rank;
    }

    /** The grid line search along {@link #direction}, the rank-{@code rank} natural gradient, as one step. */
    private StepResult search(LeastSquaresSystem system, double[] theta, double loss0, int rank, String note) {
        steps++;
        if (!Vectors.allFinite(direction)) {
            return StepResult.rejected(loss0, 1, "the natural-gradient direction is not finite");
        }
        GridSearchResult r = descent.descend(system, theta, direction, 1.0, loss0);
        if (r.found() && r.value() < loss0) {
            return StepResult.accepted(loss0, r.value(), r.eta(), 1 + r.evaluations(),
                    "rank " + rank + " of " + theta.length + ", η = 2^-" + r.exponent() + note);
        }
        return StepResult.rejected(loss0, 1 + r.evaluations(), "no step of the grid lowers the loss (rank " + rank + ")");
    }

    @Override
    public OptimizerState exportState() {
        Map<String, Double> scalars = new HashMap<>();
        scalars.put("steps", (double) steps);
        Map<String, double[]> arrays = new HashMap<>();
        if (adaptive != null) {
            adaptive.exportTo(scalars, arrays);
        }
        return new OptimizerState(id(), Math.max(parameterCount, 0), arrays, scalars);
    }

    @Override
    public void importState(OptimizerState state) {
        state.requireSavedBy(id());
        steps = (long) state.scalar("steps", 0);
        parameterCount = state.parameterCount() > 0 ? state.parameterCount() : -1;
        if (adaptive != null) {
            adaptive.restore(state);
        }
    }

    /** In the adaptive damping mode, takes λ and ν of a previous optimizer using the same gain-ratio rule (see {@link DampedNaturalStep#adoptDamping}). */
    @Override
    public boolean adopt(OptimizerState previous) {
        return adaptive != null && adaptive.adoptDamping(previous);
    }
}

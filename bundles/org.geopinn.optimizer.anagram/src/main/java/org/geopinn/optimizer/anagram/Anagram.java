package org.geopinn.optimizer.anagram;

import java.util.HashMap;
import java.util.Map;
import org.ejml.data.DMatrixRMaj;
import org.geopinn.api.GeopinnException;
import org.geopinn.api.operator.LeastSquaresSystem;
import org.geopinn.api.optimizer.Optimizer;
import org.geopinn.api.optimizer.OptimizerState;
import org.geopinn.api.optimizer.StepResult;
import org.geopinn.linalg.DenseKernels;
import org.geopinn.linalg.Vectors;
import org.geopinn.linalg.damping.DampedNaturalStep;
import org.geopinn.linalg.pinv.GramPseudoInverse;
import org.geopinn.linalg.pinv.PseudoInverse;
import org.geopinn.linalg.pinv.QrPseudoInverse;
import org.geopinn.linalg.search.GridLineSearch;
import org.geopinn.linalg.search.GridSearchResult;

/**
 * ANaGRAM (Schwencke & Furtlehner, "ANaGRAM", 2025): d = V_k Σ_k⁻¹ U_kᵀ r, the truncated pseudo-inverse of the residual
 * Jacobian applied to the residual, and θ ← θ − η d with η = 2⁻ᵏ from the grid line search
 * (smallest loss). The cut-off is fixed (relative or absolute) or adaptive ({@link CutoffRule}).
 * One Jacobian per step; the line search evaluates only losses; the S×P buffers are reused.
 * A step that lowers no loss (or whose direction is not finite) is rejected and θ stays as it was.
 */
final class Anagram implements Optimizer {
    private static final double QR_FLOP_LIMIT = 2e9;

    private final CutoffRule rule;
    private final GridLineSearch lineSearch;
    private final String factorization;
    private final DenseKernels kernels = DenseKernels.preferred();
    private PseudoInverse pseudoInverse;
    private boolean usingQr;
    private final DMatrixRMaj jacobian = new DMatrixRMaj(1, 1);
    private double[] residual = new double[0];
    private double[] direction = new double[0];
    private double[] bestDirection = new double[0];
    private double[] trial = new double[0];
    private long steps;
    private int parameterCount = -1;

    private final boolean damped;
    /** The adaptive damping mode (filter = adaptive), or null. */
    private final DampedNaturalStep adaptive;

    Anagram(CutoffRule rule, GridLineSearch lineSearch, String factorization, boolean damped, DampedNaturalStep adaptive) {
        this.rule = rule;
        this.damped = damped;
        this.adaptive = adaptive;
        this.lineSearch = lineSearch;
        this.factorization = factorization;
    }

    @Override
    public String id() {
        return AnagramFactory.ID;
    }

    private void ensure(int s, int p) {
        if (parameterCount > 0 && parameterCount != p) {
            throw new GeopinnException("anagram state is for " + parameterCount + " parameters, the model has " + p);
        }
        parameterCount = p;
        if (residual.length != s) {
            residual = new double[s];
        }
        if (direction.length != p) {
            direction = new double[p];
            bestDirection = new double[p];
            trial = new double[p];
        }
        if (jacobian.numRows != s || jacobian.numCols != p) {
            jacobian.reshape(s, p);
        }
        double small = Math.min(s, p);
        boolean qr = switch (factorization) {
            case "qr" -> true;
            case "gram" -> false;
            default -> small * small * Math.max(s, p) <= QR_FLOP_LIMIT;
        };
        if (pseudoInverse == null || qr != usingQr) {
            pseudoInverse = qr ? new QrPseudoInverse() : new GramPseudoInverse(kernels);
            usingQr = qr;
        }
    }

    @Override
    public StepResult step(LeastSquaresSystem system, double[] theta) {
        int s = system.residualCount();
        int p = theta.length;
        ensure(s, p);
        system.residuals(theta, residual);
        double loss0 = 0.5 * Vectors.dot(residual, residual);
        if (!Double.isFinite(loss0)) {
            return StepResult.rejected(loss0, 1, "loss is not finite at the current parameters");
        }
        system.jacobian(theta, jacobian.data);
        if (!Vectors.allFinite(jacobian.data)) {
            rule.rejected();
            return StepResult.rejected(loss0, 1, "the Jacobian has non-finite entries");
        }
        try {
            pseudoInverse.factorize(jacobian);
        } catch (ArithmeticException e) {
            rule.rejected();
            return StepResult.rejected(loss0, 1, "factorization failed: " + e.getMessage());
        }
        pseudoInverse.prepare(residual);
        if (adaptive != null) {
            steps++;
            return adaptive.step(system, theta, jacobian, residual, loss0, pseudoInverse, 1);
        }
        double[] sigma = pseudoInverse.singularValues();
        double floor = pseudoInverse.resolutionFloor();
        Search search = new Search(system, theta, loss0, sigma);
        search.tryCutoff(rule.primary(p, floor));
        if (rule.adaptive() && !(search.bestLoss <= CutoffRule.WEAK * loss0)) {
            // weak step: the rank may be stuck at its fixed point, or too noisy; look both ways
            for (double tau : rule.alternatives(floor)) {
                search.tryCutoff(tau);
            }
        }
        steps++;
        if (search.best == null) {
            rule.rejected();
            if (!rule.adaptive()) {
                // A fixed cut-off is deterministic: from the same θ every further try is the same.
                return StepResult.exhausted(loss0, search.evaluations, "no step lowers the loss with this fixed cut-off (its fixed point; σ_max "
                        + fmt(sigma.length > 0 ? sigma[0] : 0) + ")");
            }
            return StepResult.rejected(loss0, search.evaluations, "no cut-off and step lowered the loss (σ_max "
                    + fmt(sigma.length > 0 ? sigma[0] : 0) + ", next spread " + fmt(rule.spread()) + ")");
        }
        Vectors.linearCombination(theta, -search.best.eta(), bestDirection, trial);
        if (!Vectors.allFinite(trial)) {
            rule.rejected();
            return StepResult.rejected(loss0, search.evaluations, "the step is not finite");
        }
        System.arraycopy(trial, 0, theta, 0, p);
        rule.accepted(search.bestTau);
        String detail = (damped ? "damped, σ ≥ cut-off: " : "rank ") + search.bestRank + " of " + sigma.length + ", η = 2^-" + search.best.exponent()
                + (rule.adaptive() ? ", cut-off " + fmt(search.bestTau) + "·σ_max" : "");
        return StepResult.accepted(loss0, search.best.value(), search.best.eta(), search.evaluations, detail);
    }

    /** The candidates of one step: each distinct rank gets one line search; the best is kept. */
    private final class Search {
        private final LeastSquaresSystem system;
        private final double[] theta;
        private final double loss0;
        private final double[] sigma;
        private final java.util.Set<Double> tried = new java.util.HashSet<>();
        GridSearchResult best;
        int bestRank = -1;
        double bestTau = Double.NaN;
        double bestLoss = Double.POSITIVE_INFINITY;
        int evaluations = 1;

        Search(LeastSquaresSystem system, double[] theta, double loss0, double[] sigma) {
            this.system = system;
            this.theta = theta;
            this.loss0 = loss0;
            this.sigma = sigma;
        }

        void tryCutoff(double tau) {
            int rank = rule.rank(sigma, tau);
            // truncation: one search per distinct rank; damping: per distinct λ = (τσ_max)²
            if (rank == 0 || !tried.add(damped ? tau : rank)) {
                return;
            }
            if (damped) {
                pseudoInverse.dampedDirection(tau * tau * sigma[0] * sigma[0], direction);
            } else {
                pseudoInverse.direction(rank, direction);
            }
            if (!Vectors.allFinite(direction)) {
                return;
            }
            GridSearchResult r = lineSearch.search(eta -> {
                Vectors.linearCombination(theta, -eta, direction, trial);
                return system.loss(trial);
            }, loss0);
            evaluations += r.evaluations();
            if (r.found() && r.value() < loss0 && r.value() < bestLoss) {
                best = r;
                bestLoss = r.value();
                bestRank = rank;
                bestTau = tau;
                double[] swap = bestDirection;
                bestDirection = direction;
                direction = swap;
            }
        }
    }

    private static String fmt(double v) {
        return String.format(java.util.Locale.ROOT, "%.2e", v);
    }

    @Override
    public OptimizerState exportState() {
        Map<String, Double> scalars = new HashMap<>();
        scalars.put("steps", (double) steps);
        scalars.put("tau", rule.current());
        scalars.put("spread", rule.spread());
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
        rule.restore(state.scalar("tau", Double.NaN), state.scalar("spread", Double.NaN));
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

package org.geopinn.linalg.damping;

import java.util.Locale;
import java.util.Map;
import org.ejml.data.DMatrixRMaj;
import org.geopinn.api.operator.LeastSquaresSystem;
import org.geopinn.api.optimizer.OptimizerState;
import org.geopinn.api.optimizer.StepResult;
import org.geopinn.linalg.MatrixProducts;
import org.geopinn.linalg.Vectors;
import org.geopinn.linalg.pinv.PseudoInverse;
import org.geopinn.linalg.search.GridLineSearch;
import org.geopinn.linalg.search.GridSearchResult;

/**
 * The adaptive damping mode of the natural-gradient optimizers (ANaGRAM, ENGD): instead of a hard
 * cut-off of the singular values, the Tikhonov filter σ/(σ² + λ) — the direction
 * d = (JᵀJ + λI)⁻¹Jᵀr, a soft cut-off near σ = √λ — with λ adapted by the gain ratio of the full
 * step θ − d ({@link GainRatioDamping}, Nielsen's rule, the same rule as the {@code lm} optimizer).
 *
 * <p>Each step first tries the full damped step; if its gain ratio is positive it is taken and λ
 * shrinks. Otherwise λ grows for the next step and the optimizer's 2⁻ᵏ grid line search looks for
 * a shorter step along the same direction, so the step still makes progress when one exists.
 *
 * <p>Optional heavy-ball momentum on the natural-gradient direction: the step direction is
 * c = d + β·u, u the previous accepted update (θ_prev − θ), used only while it is a descent
 * direction (gᵀc &gt; 0); the model's decrease is then gᵀc − ½‖Jc‖². The factorization, residual
 * and Jacobian come from the calling optimizer; buffers are kept between steps.
 */
public final class DampedNaturalStep {
    /** Name of the momentum vector in an exported state. */
    public static final String MOMENTUM = "momentum";

    private final GainRatioDamping damping = new GainRatioDamping();
    private final double initialDamping;
    private final double beta;
    private final GridLineSearch lineSearch;
    private double[] direction = new double[0];
    private double[] velocity = new double[0];
    private double[] gradient = new double[0];
    private double[] trial = new double[0];
    private double[] product = new double[0];

    /**
     * @param initialDamping the first λ relative to σ_max² (Nielsen's τ, e.g. 1e-3)
     * @param beta the momentum factor β ∈ [0, 1); 0 = none
     * @param lineSearch the fallback grid line search
     */
    public DampedNaturalStep(double initialDamping, double beta, GridLineSearch lineSearch) {
        this.initialDamping = initialDamping;
        this.beta = beta;
        this.lineSearch = lineSearch;
    }

    /** @return the current λ (NaN before the first step) */
    public double lambda() {
        return damping.lambda();
    }

    /**
     * One step.
     *
     * @param system the residual system
     * @param theta the parameters, updated when the step is accepted (modified)
     * @param jacobian J at θ, S×P (not modified)
     * @param residual r at θ (not modified)
     * @param loss0 ½‖r‖²
     * @param factorization J's factorization, prepared with r
     * @param evaluationsSoFar evaluations the caller spent (added to the result's count)
     * @return the step's outcome (never "exhausted": a failure grows λ)
     */
    public StepResult step(LeastSquaresSystem system, double[] theta, DMatrixRMaj jacobian, double[] residual, double loss0,
            PseudoInverse factorization, int evaluationsSoFar) {
        int p = theta.length;
        if (direction.length != p) {
            direction = new double[p];
            velocity = velocity.length == p ? velocity : new double[p];
            gradient = new double[p];
            trial = new double[p];
        }
        if (product.length != residual.length) {
            product = new double[residual.length];
        }
        double[] lambdas = factorization.singularValuesSquared();
        double scale = lambdas.length > 0 ? Math.max(lambdas[0], 0) : 0;
        if (!(scale > 0)) {
            return StepResult.exhausted(loss0, evaluationsSoFar, "the Jacobian is zero: no parameter change lowers the loss to first order");
        }
        damping.start(initialDamping * scale);
        damping.clamp(Math.ulp(1.0) * scale, Double.MAX_VALUE);
        double lambda = damping.lambda();
        factorization.dampedDirection(lambda, direction);
        int evaluations = evaluationsSoFar;
        if (!Vectors.allFinite(direction)) {
            damping.update(Double.NEGATIVE_INFINITY);
            return StepResult.rejected(loss0, evaluations, "the damped direction is not finite (λ = " + fmt(lambda) + "; λ grows)");
        }
        MatrixProducts.transposeTimes(jacobian, residual, gradient);
        double predicted;
        boolean withMomentum = false;
        if (beta > 0) {
            for (int i = 0; i < p; i++) {
                trial[i] = direction[i] + beta * velocity[i];
            }
            double slope = Vectors.dot(gradient, trial);
            if (slope > 0 && Vectors.allFinite(trial)) {
                System.arraycopy(trial, 0, direction, 0, p);
                withMomentum = true;
            }
        }
        if (withMomentum) {
            MatrixProducts.times(jacobian, direction, product);
            predicted = Vectors.dot(gradient, direction) - 0.5 * Vectors.dot(product, product);
        } else {
            predicted = 0.5 * (Vectors.dot(gradient, direction) + lambda * Vectors.dot(direction, direction));
        }
        Vectors.linearCombination(theta, -1, direction, trial);
        double loss1 = Vectors.allFinite(trial) ? system.loss(trial) : Double.NaN;
        evaluations++;
        double rho = GainRatioDamping.gainRatio(loss0, loss1, predicted);
        String note = "damped, λ = " + fmt(lambda) + ", ρ = " + fmt(rho) + (withMomentum ? ", momentum" : "");
        if (damping.update(rho)) {
            System.arraycopy(trial, 0, theta, 0, p);
            System.arraycopy(direction, 0, velocity, 0, p);
            return StepResult.accepted(loss0, loss1, 1.0, evaluations, note);
        }
        // The full step failed (λ has grown for the next step): a shorter step along the same direction.
        GridSearchResult r = lineSearch.search(eta -> {
            Vectors.linearCombination(theta, -eta, direction, trial);
            return system.loss(trial);
        }, loss0);
        evaluations += r.evaluations();
        if (r.found() && r.value() < loss0) {
            Vectors.linearCombination(theta, -r.eta(), direction, trial);
            if (Vectors.allFinite(trial)) {
                System.arraycopy(trial, 0, theta, 0, p);
                for (int i = 0; i < p; i++) {
                    velocity[i] = r.eta() * direction[i];
                }
                return StepResult.accepted(loss0, r.value(), r.eta(), evaluations, note + ", η = 2^-" + r.exponent());
            }
        }
        java.util.Arrays.fill(velocity, 0);
        return StepResult.rejected(loss0, evaluations, "no step along the damped direction lowers the loss (" + note + "; λ grows)");
    }

    /** @param scalars receives λ and ν @param arrays receives the momentum vector when momentum is on */
    public void exportTo(Map<String, Double> scalars, Map<String, double[]> arrays) {
        damping.exportTo(scalars);
        if (beta > 0 && velocity.length > 0) {
            arrays.put(MOMENTUM, velocity.clone());
        }
    }

    /** @param state a state exported by any optimizer using the gain-ratio rule; restores λ, ν and the momentum */
    public void restore(OptimizerState state) {
        if (!damping.restore(state)) {
            damping.reset();
        }
        double[] saved = state.arrays().get(MOMENTUM);
        velocity = saved != null && beta > 0 ? saved.clone() : new double[0];
    }

    /**
     * Takes λ and ν of the optimizer that ran before, when it used the gain-ratio rule on JᵀJ + λI
     * (lm with D = I, engd, anagram); not from lm with D = diag(JᵀJ), whose state carries a "scale"
     * array: its λ is in other units.
     *
     * @param previous the state the previous optimizer exported
     * @return whether λ and ν were taken
     */
    public boolean adoptDamping(OptimizerState previous) {
        if (!(previous.scalar(GainRatioDamping.LAMBDA, Double.NaN) > 0) || previous.arrays().containsKey("scale")) {
            return false;
        }
        damping.restore(previous);
        velocity = new double[0];
        return true;
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.2e", v);
    }
}

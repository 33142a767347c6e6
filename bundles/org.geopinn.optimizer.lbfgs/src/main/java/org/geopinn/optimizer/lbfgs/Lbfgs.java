package org.geopinn.optimizer.lbfgs;

import java.util.HashMap;
import java.util.Map;
import org.geopinn.api.GeopinnException;
import org.geopinn.api.operator.LeastSquaresSystem;
import org.geopinn.api.optimizer.Optimizer;
import org.geopinn.api.optimizer.OptimizerState;
import org.geopinn.api.optimizer.StepResult;
import org.geopinn.linalg.Vectors;
import org.geopinn.linalg.search.SmoothLineFunction;
import org.geopinn.linalg.search.StrongWolfeLineSearch;
import org.geopinn.linalg.search.WolfeResult;

/**
 * L-BFGS (two-loop recursion, H₀ = (sᵀy/yᵀy)·I) with a strong-Wolfe line search. Curvature
 * pairs are dropped when the residual system's revision changes (new points or weights) or when
 * a line search fails; a failed search with no pairs left is a rejected step. The loss and
 * gradient at the current point are cached between steps while θ and the revision are unchanged.
 */
final class Lbfgs implements Optimizer {
    private final LbfgsLimits limits;
    private final StrongWolfeLineSearch lineSearch;
    private int p = -1;
    private double[][] s;
    private double[][] y;
    private double[] rho;
    private double[] alpha;
    private int pairs;
    private int newest = -1;
    private double[] gradient;
    private double[] direction;
    private double[] cachedTheta;
    private double cachedLoss = Double.NaN;
    private static final long UNKNOWN_REVISION = Long.MIN_VALUE;
    private long cachedRevision = UNKNOWN_REVISION;
    private boolean cacheValid;
    private double[] trial;
    private double[] trialGradient;
    private double[] bestTheta;
    private double[] bestGradient;
    private long iterations;
    private long evaluations;
    private boolean converged;

    Lbfgs(LbfgsLimits limits) {
        this.limits = limits;
        this.lineSearch = new StrongWolfeLineSearch(limits.c1(), limits.c2(), limits.maxLineSearchEvaluations(), 1e-12);
    }

    @Override
    public String id() {
        return LbfgsFactory.ID;
    }

    private void ensure(int size) {
        if (p == size) {
            return;
        }
        if (p > 0 && (pairs > 0 || iterations > 0)) {
            throw new GeopinnException("lbfgs state is for " + p + " parameters, the model has " + size);
        }
        p = size;
        int h = limits.historySize();
        s = new double[h][];
        y = new double[h][];
        rho = new double[h];
        alpha = new double[h];
        gradient = new double[size];
        direction = new double[size];
        cachedTheta = new double[size];
        trial = new double[size];
        trialGradient = new double[size];
        bestTheta = new double[size];
        bestGradient = new double[size];
    }

    /** @return the total iterations performed */
    long iterations() {
        return iterations;
    }

    /** @return the total loss-and-gradient evaluations spent */
    long evaluations() {
        return evaluations;
    }

    private boolean budgetExhausted() {
        return (limits.maxIterations() > 0 && iterations >= limits.maxIterations())
                || (limits.maxEvaluations() > 0 && evaluations >= limits.maxEvaluations());
    }

    @Override
    public StepResult step(LeastSquaresSystem system, double[] theta) {
        ensure(theta.length);
        long revision = system.revision();
        if (cacheValid && cachedRevision == UNKNOWN_REVISION) {
            cachedRevision = revision;
        }
        if (cacheValid && cachedRevision != revision) {
            clearHistory(); // new points or weights: the curvature pairs describe another function
            cacheValid = false;
            converged = false;
        }
        if (cacheValid && !java.util.Arrays.equals(cachedTheta, theta)) {
            cacheValid = false; // θ was moved by someone else: pairs still approximate the Hessian
            converged = false;
        }
        int spent = 0;
        if (!cacheValid) {
            if (budgetExhausted()) {
                return new StepResult(Double.NaN, Double.NaN, false, Double.NaN, 0, true, "iteration or evaluation limit reached");
            }
            cachedLoss = system.lossAndGradient(theta, gradient);
            evaluations++;
            spent++;
            System.arraycopy(theta, 0, cachedTheta, 0, p);
            cachedRevision = revision;
            cacheValid = true;
            if (!Double.isFinite(cachedLoss) || !Vectors.allFinite(gradient)) {
                cacheValid = false;
                return StepResult.rejected(cachedLoss, spent, "loss or gradient is not finite at the current parameters");
            }
            converged = limits.gradientTolerance() > 0 && Vectors.maxAbs(gradient) <= limits.gradientTolerance();
        }
        double loss0 = cachedLoss;
        if (converged) {
            return new StepResult(loss0, loss0, false, 0, spent, true, "converged");
        }
        if (budgetExhausted()) {
            return new StepResult(loss0, loss0, false, 0, spent, true, "iteration or evaluation limit reached");
        }
        double lastStep = Double.NaN;
        boolean movedAny = false;
        String note = "";
        for (int k = 0; k < limits.iterationsPerStep() && !converged && !budgetExhausted(); k++) {
            Iteration it = iterate(system, theta);
            spent += it.evaluations;
            if (!it.moved) {
                note = it.note;
                break;
            }
            movedAny = true;
            lastStep = it.step;
        }
        if (!movedAny) {
            return new StepResult(loss0, loss0, false, Double.NaN, spent, converged || budgetExhausted(), note);
        }
        return new StepResult(loss0, cachedLoss, true, lastStep, spent, converged || budgetExhausted(),
                converged ? "converged" : "");
    }

    private record Iteration(boolean moved, double step, int evaluations, String note) {
    }

    private Iteration iterate(LeastSquaresSystem system, double[] theta) {
        computeDirection();
        double slope = Vectors.dot(gradient, direction);
        if (!(slope < 0) || !Vectors.allFinite(direction)) {
            clearHistory(); // not a descent direction: restart from steepest descent
            computeDirection();
            slope = Vectors.dot(gradient, direction);
        }
        double t0 = pairs == 0 && iterations == 0
                ? Math.min(1.0, 1.0 / sumAbs(gradient)) * limits.lr()
                : limits.lr();
        int budget = limits.maxEvaluations() > 0
                ? (int) Math.min(Integer.MAX_VALUE, limits.maxEvaluations() - evaluations)
                : Integer.MAX_VALUE;
        double f0 = cachedLoss;
        SmoothLineFunction phi = new SmoothLineFunction() {
            private double lastSlope;

            @Override
            public double value(double t) {
                Vectors.linearCombination(theta, t, direction, trial);
                double f = system.lossAndGradient(trial, trialGradient);
                lastSlope = Vectors.dot(trialGradient, direction);
                return f;
            }

            @Override
            public double slope() {
                return lastSlope;
            }

            @Override
            public void keep() {
                System.arraycopy(trial, 0, bestTheta, 0, p);
                System.arraycopy(trialGradient, 0, bestGradient, 0, p);
            }
        };
        WolfeResult r = lineSearch.search(phi, f0, slope, t0, budget);
        evaluations += r.evaluations();
        iterations++;
        if (!r.moved() || !Vectors.allFinite(bestTheta)) {
            boolean hadHistory = pairs > 0;
            clearHistory();
            return new Iteration(false, 0, r.evaluations(), hadHistory
                    ? "line search found no decrease; curvature pairs dropped"
                    : "line search found no decrease along the steepest descent");
        }
        // s = θ_new − θ, y = g_new − g; keep the pair only if it has positive curvature.
        int slot = (newest + 1) % limits.historySize();
        if (s[slot] == null) {
            s[slot] = new double[p];
            y[slot] = new double[p];
        }
        double sy = 0;
        double yy = 0;
        for (int i = 0; i < p; i++) {
            double si = bestTheta[i] - theta[i];
            double yi = bestGradient[i] - gradient[i];
            s[slot][i] = si;
            y[slot][i] = yi;
            sy += si * yi;
            yy += yi * yi;
        }
        if (sy > 1e-10 * yy && sy > 0) {
            rho[slot] = 1 / sy;
            newest = slot;
            pairs = Math.min(pairs + 1, limits.historySize());
        }
        System.arraycopy(bestTheta, 0, theta, 0, p);
        System.arraycopy(bestGradient, 0, gradient, 0, p);
        System.arraycopy(theta, 0, cachedTheta, 0, p);
        double before = cachedLoss;
        cachedLoss = r.value();
        if (limits.gradientTolerance() > 0 && Vectors.maxAbs(gradient) <= limits.gradientTolerance()) {
            converged = true;
        }
        if (limits.changeTolerance() > 0 && before - cachedLoss <= limits.changeTolerance() * Math.abs(before)) {
            converged = true;
        }
        return new Iteration(true, r.step(), r.evaluations(), "");
    }

    private static double sumAbs(double[] a) {
        double s = 0;
        for (double v : a) {
            s += Math.abs(v);
        }
        return s;
    }

    private void computeDirection() {
        for (int i = 0; i < p; i++) {
            direction[i] = -gradient[i];
        }
        if (pairs == 0) {
            return;
        }
        int h = limits.historySize();
        for (int k = 0, idx = newest; k < pairs; k++, idx = (idx - 1 + h) % h) {
            alpha[idx] = rho[idx] * Vectors.dot(s[idx], direction);
            Vectors.axpy(-alpha[idx], y[idx], direction);
        }
        double gamma = 1 / (rho[newest] * Vectors.dot(y[newest], y[newest]));
        for (int i = 0; i < p; i++) {
            direction[i] *= gamma;
        }
        int oldest = (newest - pairs + 1 + h) % h;
        for (int k = 0, idx = oldest; k < pairs; k++, idx = (idx + 1) % h) {
            double beta = rho[idx] * Vectors.dot(y[idx], direction);
            Vectors.axpy(alpha[idx] - beta, s[idx], direction);
        }
    }

    private void clearHistory() {
        pairs = 0;
        newest = -1;
    }

    @Override
    public OptimizerState exportState() {
        int size = Math.max(p, 0);
        Map<String, double[]> arrays = new HashMap<>();
        double[] sFlat = new double[pairs * size];
        double[] yFlat = new double[pairs * size];
        double[] rhoFlat = new double[pairs];
        int h = limits.historySize();
        int oldest = pairs == 0 ? 0 : (newest - pairs + 1 + h) % h;
        for (int k = 0; k < pairs; k++) {
            int idx = (oldest + k) % h;
            System.arraycopy(s[idx], 0, sFlat, k * size, size);
            System.arraycopy(y[idx], 0, yFlat, k * size, size);
            rhoFlat[k] = rho[idx];
        }
        arrays.put("s", sFlat);
        arrays.put("y", yFlat);
        arrays.put("rho", rhoFlat);
        if (cacheValid) {
            arrays.put("gradient", gradient.clone());
            arrays.put("theta", cachedTheta.clone());
        }
        Map<String, Double> scalars = new HashMap<>();
        scalars.put("iterations", (double) iterations);
        scalars.put("evaluations", (double) evaluations);
        scalars.put("converged", converged ? 1.0 : 0.0);
        scalars.put("loss", cachedLoss);
        scalars.put("cached", cacheValid ? 1.0 : 0.0);
        return new OptimizerState(id(), size, arrays, scalars);
    }

    @Override
    public void importState(OptimizerState state) {
        state.requireSavedBy(id());
        p = -1;
        pairs = 0;
        iterations = 0;
        ensure(state.parameterCount());
        double[] rhoFlat = state.array("rho");
        double[] sFlat = state.array("s");
        double[] yFlat = state.array("y");
        int kept = Math.min(rhoFlat.length, limits.historySize());
        int skip = rhoFlat.length - kept;
        for (int k = 0; k < kept; k++) {
            s[k] = java.util.Arrays.copyOfRange(sFlat, (skip + k) * p, (skip + k + 1) * p);
            y[k] = java.util.Arrays.copyOfRange(yFlat, (skip + k) * p, (skip + k + 1) * p);
            rho[k] = rhoFlat[skip + k];
        }
        pairs = kept;
        newest = kept - 1;
        iterations = (long) state.scalar("iterations", 0);
        evaluations = (long) state.scalar("evaluations", 0);
        converged = state.scalar("converged", 0) != 0;
        cacheValid = state.scalar("cached", 0) != 0;
        if (cacheValid) {
            gradient = state.array("gradient");
            cachedTheta = state.array("theta");
            cachedLoss = state.scalar("loss", Double.NaN);
            // The revision counter of a resumed system is unrelated to the saved one: adopt it at the next step.
            cachedRevision = UNKNOWN_REVISION;
        }
    }
}

package org.geopinn.optimizer.gnpcg;

import java.util.Map;
import java.util.Random;
import org.geopinn.api.GeopinnException;
import org.geopinn.api.operator.NormalEquationSystem;
import org.geopinn.api.operator.LeastSquaresSystem;
import org.geopinn.api.optimizer.Optimizer;
import org.geopinn.api.optimizer.OptimizerState;
import org.geopinn.api.optimizer.StepResult;
import org.geopinn.linalg.CgResult;
import org.geopinn.linalg.DenseKernels;
import org.geopinn.linalg.LinearOperator;
import org.geopinn.linalg.NystromPreconditioner;
import org.geopinn.linalg.PreconditionedCg;
import org.geopinn.linalg.Vectors;

/**
 * Damped Gauss–Newton without forming J: (JᵀJ + μI) d = Jᵀr solved by conjugate gradients with
 * J·v and Jᵀ·u products, preconditioned by a rank-ℓ Nyström approximation of JᵀJ (rebuilt every
 * step); θ ← θ − d. The relative damping λ (μ = λ·λ_max) follows Levenberg–Marquardt: with the
 * gain ratio ρ = actual / predicted decrease, λ ← λ/3 if ρ &gt; 0.75, λ ← 2λ if ρ &lt; 0.25; a step
 * that does not lower the loss (or is not finite) is rejected and λ ← 10λ. Cost per step is
 * O((ℓ + CG iterations)·cost(J·v + Jᵀ·u) + Pℓ²): linear in P.
 */
final class GaussNewtonPcg implements Optimizer {
    private final double minDamping;
    private final double maxDamping;
    private final int rank;
    private final PreconditionedCg cg;
    private final long seed;
    private final DenseKernels kernels = DenseKernels.preferred();
    private double damping;
    private long steps;
    private int p = -1;
    private double[] residual = new double[0];
    private double[] gradient;
    private double[] direction;
    private double[] trial;
    private double[] image;

    GaussNewtonPcg(double damping, double minDamping, double maxDamping, int rank, double cgTolerance, int cgMaxIterations, long seed) {
        this.damping = damping;
        this.minDamping = minDamping;
        this.maxDamping = maxDamping;
        this.rank = rank;
        this.cg = new PreconditionedCg(cgTolerance, cgMaxIterations);
        this.seed = seed;
    }

    @Override
    public String id() {
        return GaussNewtonPcgFactory.ID;
    }

    private void ensure(int s, int size) {
        if (p > 0 && p != size) {
            throw new GeopinnException("gn-pcg state is for " + p + " parameters, the model has " + size);
        }
        if (p != size) {
            p = size;
            gradient = new double[size];
            direction = new double[size];
            trial = new double[size];
        }
        if (residual.length != s) {
            residual = new double[s];
            image = new double[s];
        }
    }

    /** JᵀJ at θ, applied through two products. */
    private LinearOperator gaussNewton(LeastSquaresSystem system, double[] theta) {
        return new LinearOperator() {
            @Override
            public int size() {
                return p;
            }

            @Override
            public void apply(double[] x, double[] y) {
                if (system instanceof NormalEquationSystem normal) {
                    normal.gaussNewtonTimes(theta, x, y); // summed where the rows are: no S-long vector here
                    return;
                }
                system.jacobianTimes(theta, x, image);
                system.jacobianTransposeTimes(theta, image, y);
            }
        };
    }

    /** A few power iterations for λ_max(JᵀJ) when no Nyström preconditioner is built. */
    private double largestEigenvalue(LinearOperator m, Random random) {
        double[] x = new double[p];
        double[] y = new double[p];
        for (int i = 0; i < p; i++) {
            x[i] = random.nextGaussian();
        }
        double lambda = 0;
        for (int it = 0; it < 20; it++) {
            double norm = Vectors.norm(x);
            if (norm == 0) {
                return 0;
            }
            for (int i = 0; i < p; i++) {
                x[i] /= norm;
            }
            m.apply(x, y);
            lambda = Vectors.dot(x, y);
            double[] t = x;
            x = y;
            y = t;
        }
        return lambda;
    }

    @Override
    public StepResult step(LeastSquaresSystem system, double[] theta) {
        boolean normal = system instanceof NormalEquationSystem;
        ensure(normal ? 0 : system.residualCount(), theta.length);
        double loss0;
        if (normal) {
            loss0 = system.lossAndGradient(theta, gradient); // Jᵀr summed where the rows are
        } else {
            system.residuals(theta, residual);
            loss0 = 0.5 * Vectors.dot(residual, residual);
        }
        if (!Double.isFinite(loss0)) {
            return StepResult.rejected(loss0, 1, "loss is not finite at the current parameters");
        }
        if (!normal) {
            system.jacobianTransposeTimes(theta, residual, gradient);
        }
        if (!Vectors.allFinite(gradient)) {
            return StepResult.rejected(loss0, 1, "the gradient is not finite at the current parameters");
        }
        LinearOperator m = gaussNewton(system, theta);
        Random random = new Random(seed + steps);
        steps++;
        NystromPreconditioner preconditioner = null;
        double lambdaMax;
        try {
            if (rank > 0) {
                preconditioner = NystromPreconditioner.build(m, Math.min(rank, p), random, kernels);
                lambdaMax = preconditioner.largestEigenvalue();
            } else {
                lambdaMax = largestEigenvalue(m, random);
            }
        } catch (ArithmeticException e) {
            damping = Math.min(maxDamping, damping * 10);
            return StepResult.rejected(loss0, 1, "preconditioner failed: " + e.getMessage() + "; damping raised");
        }
        if (!(lambdaMax > 0) || !Double.isFinite(lambdaMax)) {
            return StepResult.rejected(loss0, 1, "JᵀJ has no positive eigenvalue (zero Jacobian?)");
        }
        double mu = damping * lambdaMax;
        if (preconditioner != null) {
            preconditioner.setShift(mu);
        }
        LinearOperator damped = new LinearOperator() {
            @Override
            public int size() {
                return p;
            }

            @Override
            public void apply(double[] x, double[] y) {
                m.apply(x, y);
                Vectors.axpy(mu, x, y);
            }
        };
        java.util.Arrays.fill(direction, 0);
        CgResult solve = cg.solve(damped, preconditioner, gradient, direction);
        Vectors.linearCombination(theta, -1, direction, trial);
        if (!Vectors.allFinite(trial)) {
            damping = Math.min(maxDamping, damping * 10);
            return StepResult.rejected(loss0, 1, "the Gauss-Newton step is not finite; damping raised to " + fmt(damping));
        }
        double loss1 = system.loss(trial);
        // Predicted decrease of the model ½‖r − Jd‖²: ½(gᵀd + μ‖d‖²) when (JᵀJ + μI)d = g.
        double predicted = 0.5 * (Vectors.dot(gradient, direction) + mu * Vectors.dot(direction, direction));
        String detail = "CG " + solve.iterations() + " it, residual " + fmt(solve.relativeResidual()) + ", damping " + fmt(damping);
        if (!Double.isFinite(loss1) || !(loss1 < loss0)) {
            damping = Math.min(maxDamping, damping * 10);
            return StepResult.rejected(loss0, 2, (Double.isFinite(loss1) ? "no decrease" : "non-finite loss")
                    + " (" + detail + "); damping raised");
        }
        double rho = predicted > 0 ? (loss0 - loss1) / predicted : 0;
        if (rho > 0.75) {
            damping = Math.max(minDamping, damping / 3);
        } else if (rho < 0.25) {
            damping = Math.min(maxDamping, damping * 2);
        }
        System.arraycopy(trial, 0, theta, 0, p);
        return StepResult.accepted(loss0, loss1, 1.0, 2, detail);
    }

    private static String fmt(double v) {
        return String.format(java.util.Locale.ROOT, "%.2e", v);
    }

    @Override
    public OptimizerState exportState() {
        return new OptimizerState(id(), Math.max(p, 0), Map.of(), Map.of("damping", damping, "steps", (double) steps));
    }

    @Override
    public void importState(OptimizerState state) {
        state.requireSavedBy(id());
        damping = state.scalar("damping", damping);
        steps = (long) state.scalar("steps", 0);
    }
}

package org.geopinn.optimizer.adam;

import java.util.Map;
import org.geopinn.api.GeopinnException;
import org.geopinn.api.operator.LeastSquaresSystem;
import org.geopinn.api.optimizer.Optimizer;
import org.geopinn.api.optimizer.OptimizerState;
import org.geopinn.api.optimizer.StepResult;
import org.geopinn.linalg.Vectors;

/**
 * Adam: m ← β₁m + (1−β₁)g, v ← β₂v + (1−β₂)g², θ ← θ − α_t·s·m̂/(√v̂ + ε) (and decoupled weight
 * decay). The loss is evaluated after the move: if it or θ is not finite the move is undone, the
 * moments are kept as before the step, and the recovery factor s is halved (it stays halved;
 * it is part of the exported state). Moments are exponential averages and survive resampling.
 */
final class Adam implements Optimizer {
    private final LearningRateSchedule schedule;
    private final double beta1;
    private final double beta2;
    private final double eps;
    private final double weightDecay;
    private double[] m = new double[0];
    private double[] v = new double[0];
    private double[] mNext = new double[0];
    private double[] vNext = new double[0];
    private double[] gradient = new double[0];
    private double[] trial = new double[0];
    private long t;
    private double recovery = 1;

    Adam(LearningRateSchedule schedule, double beta1, double beta2, double eps, double weightDecay) {
        this.schedule = schedule;
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.eps = eps;
        this.weightDecay = weightDecay;
    }

    @Override
    public String id() {
        return AdamFactory.ID;
    }

    private void ensure(int p) {
        if (m.length == p) {
            return;
        }
        if (t > 0) {
            throw new GeopinnException("adam state is for " + m.length + " parameters, the model has " + p);
        }
        m = new double[p];
        v = new double[p];
        allocateWork(p);
    }

    private void allocateWork(int p) {
        mNext = new double[p];
        vNext = new double[p];
        gradient = new double[p];
        trial = new double[p];
    }

    @Override
    public StepResult step(LeastSquaresSystem system, double[] theta) {
        int p = theta.length;
        ensure(p);
        double loss0 = system.lossAndGradient(theta, gradient);
        if (!Double.isFinite(loss0) || !Vectors.allFinite(gradient)) {
            return StepResult.rejected(loss0, 1, "loss or gradient is not finite at the current parameters");
        }
        long next = t + 1;
        double alpha = schedule.at(next) * recovery;
        double c1 = 1 - Math.pow(beta1, next);
        double c2 = 1 - Math.pow(beta2, next);
        for (int i = 0; i < p; i++) {
            double g = gradient[i];
            double mi = beta1 * m[i] + (1 - beta1) * g;
            double vi = beta2 * v[i] + (1 - beta2) * g * g;
            mNext[i] = mi;
            vNext[i] = vi;
            trial[i] = theta[i] - alpha * (weightDecay * theta[i] + (mi / c1) / (Math.sqrt(vi / c2) + eps));
        }
        double loss1 = system.loss(trial);
        if (!Double.isFinite(loss1) || !Vectors.allFinite(trial)) {
            recovery *= 0.5;
            return StepResult.rejected(loss0, 2, "non-finite loss after the step; step size halved (recovery factor " + recovery + ")");
        }
        System.arraycopy(trial, 0, theta, 0, p);
        double[] swap = m;
        m = mNext;
        mNext = swap;
        swap = v;
        v = vNext;
        vNext = swap;
        t = next;
        return StepResult.accepted(loss0, loss1, alpha, 2, "");
    }

    @Override
    public OptimizerState exportState() {
        return new OptimizerState(id(), m.length, Map.of("m", m, "v", v), Map.of("t", (double) t, "recovery", recovery));
    }

    @Override
    public void importState(OptimizerState state) {
        state.requireSavedBy(id());
        m = state.array("m");
        v = state.array("v");
        t = (long) state.scalar("t", 0);
        recovery = state.scalar("recovery", 1);
        allocateWork(m.length);
    }
}

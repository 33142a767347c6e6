package org.geopinn.optimizer.soap;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.geopinn.api.GeopinnException;
import org.geopinn.api.model.ParameterBlock;
import org.geopinn.api.model.ParameterLayout;
import org.geopinn.api.operator.LeastSquaresSystem;
import org.geopinn.api.optimizer.Optimizer;
import org.geopinn.api.optimizer.OptimizerState;
import org.geopinn.api.optimizer.StepResult;
import org.geopinn.linalg.DenseKernels;
import org.geopinn.linalg.Vectors;

/**
 * SOAP (Vyas et al.): for every WEIGHT block of the parameter layout, Adam in the eigenbasis of
 * Shampoo's factors, refreshed by one power iteration + QR every precondition_frequency steps;
 * all other parameters (biases, OTHER blocks) by Adam with the same bias correction. As in the
 * reference, the first call only initialises the factors and bases and does not move θ.
 * A non-finite loss after a move undoes it, keeps the previous moments and halves the step
 * (recovery factor, exported with the state). Factors and moments are exponential averages and
 * survive resampling.
 */
final class Soap implements Optimizer {
    private final SoapSettings settings;
    private final DenseKernels kernels = DenseKernels.preferred();
    private final List<SoapBlock> blocks = new ArrayList<>();
    private int p = -1;
    private int[] plain;
    private double[] am;
    private double[] av;
    private double[] amNext;
    private double[] avNext;
    private double[] gradient;
    private double[] trial;
    private long t;
    private boolean initialised;
    private double recovery = 1;
    private OptimizerState pending;
    private OptimizerState adoptedAdam;

    Soap(SoapSettings settings) {
        this.settings = settings;
    }

    @Override
    public String id() {
        return SoapFactory.ID;
    }

    private void ensure(LeastSquaresSystem system, int size) {
        if (p == size) {
            return;
        }
        if (p > 0) {
            throw new GeopinnException("soap state is for " + p + " parameters, the model has " + size);
        }
        layout(system.parameterLayout(), size);
    }

    private void layout(ParameterLayout layout, int size) {
        if (layout.size() != size) {
            throw new GeopinnException("parameter layout covers " + layout.size() + " parameters, θ has " + size);
        }
        p = size;
        blocks.clear();
        List<Integer> others = new ArrayList<>();
        for (ParameterBlock b : layout.blocks()) {
            if (b.kind() == ParameterBlock.Kind.WEIGHT && b.rows() > 1 && b.cols() > 1) {
                blocks.add(new SoapBlock(b.name(), b.offset(), b.rows(), b.cols(), settings.maxPreconditionDim()));
            } else {
                for (int i = b.offset(); i < b.offset() + b.size(); i++) {
                    others.add(i);
                }
            }
        }
        plain = others.stream().mapToInt(Integer::intValue).toArray();
        am = new double[plain.length];
        av = new double[plain.length];
        amNext = new double[plain.length];
        avNext = new double[plain.length];
        gradient = new double[size];
        trial = new double[size];
    }

    @Override
    public StepResult step(LeastSquaresSystem system, double[] theta) {
        resolvePending(system, theta.length);
        ensure(system, theta.length);
        double loss0 = system.lossAndGradient(theta, gradient);
        if (!Double.isFinite(loss0) || !Vectors.allFinite(gradient)) {
            return StepResult.rejected(loss0, 1, "loss or gradient is not finite at the current parameters");
        }
        if (!initialised) {
            for (SoapBlock b : blocks) {
                b.loadGradient(gradient);
                b.accumulate(settings.shampooBeta());
                b.initialiseBases(kernels);
            }
            initialised = true;
            return new StepResult(loss0, loss0, false, 0, 1, false, "preconditioner initialised (the reference does not move on the first step)");
        }
        long next = t + 1;
        double step = settings.lr() * recovery * Math.sqrt(1 - Math.pow(settings.beta2(), next))
                / (1 - Math.pow(settings.beta1(), next));
        System.arraycopy(theta, 0, trial, 0, theta.length);
        for (SoapBlock b : blocks) {
            b.loadGradient(gradient);
            b.propose(settings, step, theta, trial);
        }
        double decay = settings.lr() * settings.weightDecay();
        for (int k = 0; k < plain.length; k++) {
            int i = plain[k];
            double g = gradient[i];
            amNext[k] = settings.beta1() * am[k] + (1 - settings.beta1()) * g;
            avNext[k] = settings.beta2() * av[k] + (1 - settings.beta2()) * g * g;
            trial[i] = theta[i] - step * amNext[k] / (Math.sqrt(avNext[k]) + settings.eps()) - decay * theta[i];
        }
        double loss1 = system.loss(trial);
        if (!Double.isFinite(loss1) || !Vectors.allFinite(trial)) {
            recovery *= 0.5;
            return StepResult.rejected(loss0, 2, "non-finite loss after the step; step size halved (recovery factor " + recovery + ")");
        }
        System.arraycopy(trial, 0, theta, 0, theta.length);
        t = next;
        double[] swap = am;
        am = amNext;
        amNext = swap;
        swap = av;
        av = avNext;
        avNext = swap;
        for (SoapBlock b : blocks) {
            b.commit();
            b.loadGradient(gradient);
            b.accumulate(settings.shampooBeta());
            if (t % settings.preconditionFrequency() == 0) {
                b.refreshBases();
            }
        }
        return StepResult.accepted(loss0, loss1, step, 2, "");
    }

    @Override
    public OptimizerState exportState() {
        Map<String, double[]> arrays = new HashMap<>();
        for (int i = 0; i < blocks.size(); i++) {
            blocks.get(i).export("block" + i + ".", arrays);
        }
        if (p > 0) {
            arrays.put("adam.m", am.clone());
            arrays.put("adam.v", av.clone());
        }
        Map<String, Double> scalars = new HashMap<>();
        scalars.put("t", (double) t);
        scalars.put("initialised", initialised ? 1.0 : 0.0);
        scalars.put("recovery", recovery);
        return new OptimizerState(id(), Math.max(p, 0), arrays, scalars);
    }

    @Override
    public void importState(OptimizerState state) {
        state.requireSavedBy(id());
        pending = state;
    }

    /** The layout is only known at the first step, so an imported state is applied there. */
    private void applyPending(LeastSquaresSystem system, int size) {
        OptimizerState state = pending;
        pending = null;
        if (state.parameterCount() != size) {
            throw new GeopinnException("optimizer state is for " + state.parameterCount() + " parameters, the model has " + size);
        }
        p = -1;
        layout(system.parameterLayout(), size);
        t = (long) state.scalar("t", 0);
        initialised = state.scalar("initialised", 0) != 0;
        recovery = state.scalar("recovery", 1);
        if (initialised) {
            for (int i = 0; i < blocks.size(); i++) {
                blocks.get(i).restore("block" + i + ".", state);
            }
        }
        if (state.arrays().containsKey("adam.m")) {
            am = state.array("adam.m");
            av = state.array("adam.v");
        }
    }

    /**
     * Takes Adam's moments for the parameters SOAP treats with Adam (biases), when the previous
     * optimizer was Adam on the same parameters.
     */
    @Override
    public boolean adopt(OptimizerState previous) {
        if (!previous.optimizerId().equals("adam") || !previous.arrays().containsKey("m")) {
            return false;
        }
        adoptedAdam = previous;
        return true;
    }

    private void applyAdopted() {
        OptimizerState state = adoptedAdam;
        adoptedAdam = null;
        double[] m = state.array("m");
        double[] v = state.array("v");
        if (m.length != p) {
            return;
        }
        for (int k = 0; k < plain.length; k++) {
            am[k] = m[plain[k]];
            av[k] = v[plain[k]];
        }
    }

    /** Applies an imported or adopted state once the layout is known (at the first step after it). */
    private void resolvePending(LeastSquaresSystem system, int size) {
        if (pending != null) {
            applyPending(system, size);
        }
        if (adoptedAdam != null) {
            ensure(system, size);
            applyAdopted();
        }
    }
}

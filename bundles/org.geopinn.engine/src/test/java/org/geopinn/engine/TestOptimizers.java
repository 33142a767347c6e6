package org.geopinn.engine;

import java.util.Map;
import org.geopinn.api.GeopinnException;
import org.geopinn.api.operator.LeastSquaresSystem;
import org.geopinn.api.optimizer.Optimizer;
import org.geopinn.api.optimizer.OptimizerFactory;
import org.geopinn.api.optimizer.OptimizerState;
import org.geopinn.api.optimizer.StepResult;

/** Small real optimizers for engine tests (the optimizer bundles export no framework-free API). */
final class TestOptimizers {
    private TestOptimizers() {
    }

    /** Gradient descent with a halving step until the loss decreases; its state is the step size and a step counter. */
    static final class Descent implements Optimizer {
        private final String id;
        private double lr;
        private double taken;
        private double[] gradient;
        private double[] trial;

        Descent(String id, double lr) {
            this.id = id;
            this.lr = lr;
        }

        @Override
        public String id() {
            return id;
        }

        @Override
        public StepResult step(LeastSquaresSystem system, double[] theta) {
            int p = theta.length;
            if (gradient == null) {
                gradient = new double[p];
                trial = new double[p];
            }
            double before = system.lossAndGradient(theta, gradient);
            for (int k = 0; k < 30; k++) {
                for (int i = 0; i < p; i++) {
                    trial[i] = theta[i] - lr * gradient[i];
                }
                double after = system.loss(trial);
                if (after < before) {
                    System.arraycopy(trial, 0, theta, 0, p);
                    taken++;
                    lr *= 1.5;
                    return StepResult.accepted(before, after, lr, k + 2, "");
                }
                lr *= 0.5;
            }
            return StepResult.rejected(before, 31, "no decrease");
        }

        @Override
        public OptimizerState exportState() {
            return new OptimizerState(id, gradient == null ? 0 : gradient.length, Map.of(), Map.of("lr", lr, "taken", taken));
        }

        @Override
        public void importState(OptimizerState state) {
            if (!state.optimizerId().equals(id)) {
                throw new GeopinnException("state of " + state.optimizerId() + " given to " + id);
            }
            lr = state.scalar("lr", lr);
            taken = state.scalar("taken", 0);
        }

        @Override
        public boolean adopt(OptimizerState previous) {
            if (previous.scalars().containsKey("lr")) {
                lr = previous.scalar("lr", lr);
                return true;
            }
            return false;
        }

        double taken() {
            return taken;
        }
    }

    /** Breaks its contract: claims success after writing NaN into the parameters. */
    static final class Broken implements Optimizer {
        @Override
        public String id() {
            return "broken";
        }

        @Override
        public StepResult step(LeastSquaresSystem system, double[] theta) {
            theta[0] = Double.NaN;
            return StepResult.accepted(1, 0.5, 1, 1, "");
        }

        @Override
        public OptimizerState exportState() {
            return new OptimizerState("broken", 0, Map.of(), Map.of());
        }

        @Override
        public void importState(OptimizerState state) {
        }
    }

    /** Never finds a step and says that trying again cannot help (like a fixed cut-off at its fixed point). */
    static final class Exhausted implements Optimizer {
        @Override
        public String id() {
            return "exhausted";
        }

        @Override
        public StepResult step(LeastSquaresSystem system, double[] theta) {
            return StepResult.exhausted(system.loss(theta), 1, "nothing lowers the loss");
        }

        @Override
        public OptimizerState exportState() {
            return new OptimizerState("exhausted", 0, Map.of(), Map.of());
        }

        @Override
        public void importState(OptimizerState state) {
        }
    }

    /** A factory of one of the above. */
    static OptimizerFactory factory(String id, java.util.function.Supplier<Optimizer> make) {
        return new OptimizerFactory() {
            @Override
            public String id() {
                return id;
            }

            @Override
            public String description() {
                return "test optimizer " + id;
            }

            @Override
            public Map<String, String> settings() {
                return Map.of("lr", "step size");
            }

            @Override
            public Optimizer create(Map<String, ?> overrides) {
                for (String k : overrides.keySet()) {
                    if (!k.equals("lr")) {
                        throw new GeopinnException("unknown setting '" + k + "' for " + id);
                    }
                }
                Optimizer o = make.get();
                if (o instanceof Descent d && overrides.containsKey("lr")) {
                    d.lr = Double.parseDouble(overrides.get("lr").toString());
                }
                return o;
            }
        };
    }
}

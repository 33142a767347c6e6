package org.example.geopinn.momentum;

import java.util.Map;
import java.util.Set;
import org.geopinn.api.GeopinnException;
import org.geopinn.api.operator.LeastSquaresSystem;
import org.geopinn.api.optimizer.Optimizer;
import org.geopinn.api.optimizer.OptimizerFactory;
import org.geopinn.api.optimizer.OptimizerState;
import org.geopinn.api.optimizer.StepResult;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Gradient descent with heavy-ball momentum: v ← βv − η∇L, θ ← θ + v. A step that does not lower
 * the loss is undone and clears the velocity. Replace {@link Momentum#step} with your method.
 */
@Component(service = OptimizerFactory.class, configurationPid = "org.example.geopinn.momentum",
        property = {"geopinn.id=momentum", "geopinn.description=gradient descent with momentum (plugin momentum)"})
@Designate(ocd = MomentumFactory.Config.class)
public class MomentumFactory implements OptimizerFactory {
    /** Defaults, from the configuration org.example.geopinn.momentum (a .cfg file beside the jar); a chain overrides them per run. */
    @ObjectClassDefinition(name = "momentum")
    public @interface Config {
        /** @return the step size */
        @AttributeDefinition(description = "step size η", min = "0")
        double lr() default 1e-3;

        /** @return the momentum */
        @AttributeDefinition(description = "momentum β, from 0 to 1 (excluded)", min = "0", max = "1")
        double momentum() default 0.9;
    }

    private volatile Config config;

    /** @param c the configured defaults */
    @Activate
    @Modified
    void configure(Config c) {
        this.config = c;
    }

    @Override
    public String id() {
        return "momentum";
    }

    @Override
    public String description() {
        return "gradient descent with momentum (plugin momentum)";
    }

    @Override
    public Map<String, String> settings() {
        return Map.of("lr", "step size η (default " + config.lr() + ")",
                "momentum", "momentum β in [0, 1) (default " + config.momentum() + ")");
    }

    @Override
    public Optimizer create(Map<String, ?> overrides) {
        for (String key : overrides.keySet()) {
            if (!Set.of("lr", "momentum").contains(key)) {
                throw new GeopinnException("momentum: unknown setting '" + key + "'; settings are lr, momentum");
            }
        }
        double lr = number(overrides, "lr", config.lr());
        double beta = number(overrides, "momentum", config.momentum());
        if (!(lr > 0) || !(beta >= 0 && beta < 1)) {
            throw new GeopinnException("momentum: lr must be > 0 and momentum from 0 to 1 (excluded), got lr=" + lr
                    + ", momentum=" + beta);
        }
        return new Momentum(lr, beta);
    }

    private static double number(Map<String, ?> overrides, String key, double fallback) {
        Object v = overrides.get(key);
        if (v == null) {
            return fallback;
        }
        try {
            return v instanceof Number n ? n.doubleValue() : Double.parseDouble(v.toString().trim());
        } catch (NumberFormatException e) {
            throw new GeopinnException("momentum: " + key + " = '" + v + "' is not a number");
        }
    }

    /** One optimizer instance: its velocity is its state. */
    static final class Momentum implements Optimizer {
        private final double lr;
        private final double beta;
        private double[] velocity = new double[0];
        private double[] gradient = new double[0];

        Momentum(double lr, double beta) {
            this.lr = lr;
            this.beta = beta;
        }

        @Override
        public String id() {
            return "momentum";
        }

        @Override
        public StepResult step(LeastSquaresSystem system, double[] theta) {
            int n = theta.length;
            if (velocity.length != n) {
                velocity = new double[n];
                gradient = new double[n];
            }
            double before = system.lossAndGradient(theta, gradient);
            if (!Double.isFinite(before)) {
                return StepResult.rejected(before, 1, "the loss is not finite");
            }
            for (int i = 0; i < n; i++) {
                velocity[i] = beta * velocity[i] - lr * gradient[i];
                theta[i] += velocity[i];
            }
            double after = system.loss(theta);
            if (!(after < before)) {
                for (int i = 0; i < n; i++) {
                    theta[i] -= velocity[i];
                    velocity[i] = 0;
                }
                return StepResult.rejected(before, 2, "no decrease; velocity cleared");
            }
            return StepResult.accepted(before, after, lr, 2, "");
        }

        @Override
        public OptimizerState exportState() {
            return new OptimizerState(id(), velocity.length, Map.of("velocity", velocity), Map.of());
        }

        @Override
        public void importState(OptimizerState state) {
            if (!state.optimizerId().equals(id())) {
                throw new GeopinnException("momentum: cannot import the state of optimizer " + state.optimizerId());
            }
            velocity = state.array("velocity");
            gradient = new double[velocity.length];
        }
    }
}

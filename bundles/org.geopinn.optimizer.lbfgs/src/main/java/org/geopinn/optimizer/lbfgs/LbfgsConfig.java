package org.geopinn.optimizer.lbfgs;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Settings of L-BFGS; ranges and choices are checked by org.geopinn.settings.Settings. */
@ObjectClassDefinition(name = "Geopinn L-BFGS", description = "Limited-memory BFGS with a strong-Wolfe line search.")
public @interface LbfgsConfig {
    @AttributeDefinition(description = "first trial step of each line search (the very first iteration uses lr·min(1, 1/‖g‖₁))", min = "4.9E-324")
    double lr() default 1.0;

    @AttributeDefinition(description = "number of curvature pairs (s, y) kept", min = "1", max = "10000")
    int history_size() default 100;

    @AttributeDefinition(description = "L-BFGS iterations (direction + line search) performed by one step()", min = "1", max = "1000000")
    int iterations_per_step() default 1;

    @AttributeDefinition(description = "total iterations this instance may perform; once reached a step does nothing and reports converged (0 = no limit)", min = "0")
    int max_iterations() default 0;

    @AttributeDefinition(description = "total loss-and-gradient evaluations this instance may spend; a line search never exceeds what is left, once reached a step does nothing and reports converged (0 = no limit)", min = "0")
    int max_evaluations() default 0;

    @AttributeDefinition(description = "evaluations one line search may spend", min = "1", max = "10000")
    int max_line_search_evaluations() default 25;

    @AttributeDefinition(description = "converged when max_i |∂L/∂θ_i| ≤ this at the current point (0 = never)", min = "0")
    double gradient_tolerance() default 1e-12;

    @AttributeDefinition(description = "converged when an iteration lowers the loss by at most this times the loss before it (relative; 0 = never)", min = "0", max = "1")
    double change_tolerance() default 1e-12;

    @AttributeDefinition(description = "sufficient-decrease constant of the strong-Wolfe conditions", min = "1e-12", max = "0.5")
    double c1() default 1e-4;

    @AttributeDefinition(description = "curvature constant of the strong-Wolfe conditions", min = "1e-12", max = "0.999999")
    double c2() default 0.9;
}

package org.geopinn.optimizer.lbfgs;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Settings of L-BFGS (each description is also a constant, see Settings.describe). */
@ObjectClassDefinition(name = "Geopinn L-BFGS", description = "Limited-memory BFGS with a strong-Wolfe line search.")
public @interface LbfgsConfig {
    String LR = "first trial step of each line search (the very first iteration uses lr·min(1, 1/‖g‖₁))";
    String HISTORY_SIZE = "number of curvature pairs (s, y) kept";
    String ITERATIONS_PER_STEP = "L-BFGS iterations (direction + line search) performed by one step()";
    String MAX_ITERATIONS = "total iterations this instance may perform; once reached a step does nothing and reports converged (0 = no limit)";
    String MAX_EVALUATIONS = "total loss-and-gradient evaluations this instance may spend; a line search never exceeds what is left, once reached a step does nothing and reports converged (0 = no limit)";
    String MAX_LINE_SEARCH_EVALUATIONS = "evaluations one line search may spend";
    String GRADIENT_TOLERANCE = "converged when max_i |∂L/∂θ_i| ≤ this at the current point (0 = never)";
    String CHANGE_TOLERANCE = "converged when an iteration lowers the loss by at most this times the loss before it (relative; 0 = never)";
    String C1 = "sufficient-decrease constant of the strong-Wolfe conditions";
    String C2 = "curvature constant of the strong-Wolfe conditions";

    @AttributeDefinition(description = LR)
    double lr() default 1.0;

    @AttributeDefinition(description = HISTORY_SIZE)
    int history_size() default 100;

    @AttributeDefinition(description = ITERATIONS_PER_STEP)
    int iterations_per_step() default 1;

    @AttributeDefinition(description = MAX_ITERATIONS)
    int max_iterations() default 0;

    @AttributeDefinition(description = MAX_EVALUATIONS)
    int max_evaluations() default 0;

    @AttributeDefinition(description = MAX_LINE_SEARCH_EVALUATIONS)
    int max_line_search_evaluations() default 25;

    @AttributeDefinition(description = GRADIENT_TOLERANCE)
    double gradient_tolerance() default 1e-12;

    @AttributeDefinition(description = CHANGE_TOLERANCE)
    double change_tolerance() default 1e-12;

    @AttributeDefinition(description = C1)
    double c1() default 1e-4;

    @AttributeDefinition(description = C2)
    double c2() default 0.9;
}

package org.geopinn.optimizer.ssbfgs;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Settings of the dense self-scaled quasi-Newton methods (each description is also a constant, see Settings.describe). */
@ObjectClassDefinition(name = "Geopinn self-scaled BFGS / Broyden",
        description = "Dense quasi-Newton on the loss with Al-Baali's self-scaling, strong-Wolfe line search.")
public @interface SsbfgsConfig {
    String VARIANT = "ssbfgs (self-scaled BFGS: θ_k = 0, τ_k = min(1, 1/b_k)), ssbroyden (self-scaled Broyden: θ_k and τ_k from Al-Baali's rule) or bfgs (the classic update, τ_k = 1, θ_k = 0)";
    String C1 = "sufficient-decrease constant of the strong-Wolfe conditions";
    String C2 = "curvature constant of the strong-Wolfe conditions";
    String MAX_LINE_SEARCH_EVALUATIONS = "evaluations one line search may spend";
    String GRADIENT_TOLERANCE = "converged when max_i |∂L/∂θ_i| ≤ this at the current point (0 = only when it is exactly zero)";
    String MAX_PARAMETERS = "the largest P accepted: the inverse Hessian is a dense P×P matrix (8·P² bytes)";

    @AttributeDefinition(description = VARIANT)
    String variant() default "ssbfgs";

    @AttributeDefinition(description = C1)
    double c1() default 1e-4;

    @AttributeDefinition(description = C2)
    double c2() default 0.9;

    @AttributeDefinition(description = MAX_LINE_SEARCH_EVALUATIONS)
    int max_line_search_evaluations() default 25;

    @AttributeDefinition(description = GRADIENT_TOLERANCE)
    double gradient_tolerance() default 0;

    @AttributeDefinition(description = MAX_PARAMETERS)
    int max_parameters() default 20000;
}

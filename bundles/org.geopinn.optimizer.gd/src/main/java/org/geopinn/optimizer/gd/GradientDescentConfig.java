package org.geopinn.optimizer.gd;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Settings of gradient descent (each description is also a constant, see Settings.describe). */
@ObjectClassDefinition(name = "Geopinn gradient descent", description = "θ ← θ − η∇L with η from a line search.")
public @interface GradientDescentConfig {
    String LR = "largest step tried: η = lr·2^-k";
    String LINE_SEARCH = "grid (smallest loss over k = 0..max_exponent) or backtracking (first k with Armijo decrease)";
    String MAX_EXPONENT = "largest k of the step grid 2^-k";
    String ARMIJO = "sufficient-decrease constant c1 of the backtracking search";

    @AttributeDefinition(description = LR)
    double lr() default 1.0;

    @AttributeDefinition(description = LINE_SEARCH)
    String line_search() default "grid";

    @AttributeDefinition(description = MAX_EXPONENT)
    int max_exponent() default 30;

    @AttributeDefinition(description = ARMIJO)
    double armijo() default 1e-4;
}

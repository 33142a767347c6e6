package org.geopinn.optimizer.gd;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

/** Settings of gradient descent; ranges and choices are checked by org.geopinn.settings.Settings. */
@ObjectClassDefinition(name = "Geopinn gradient descent", description = "θ ← θ − η∇L with η from a line search.")
public @interface GradientDescentConfig {
    @AttributeDefinition(description = "largest step tried: η = lr·2^-k", min = "4.9E-324")
    double lr() default 1.0;

    @AttributeDefinition(description = "grid (smallest loss over k = 0..max_exponent) or backtracking (first k with Armijo decrease)", options = {@Option(label = "grid", value = "grid"), @Option(label = "backtracking", value = "backtracking")})
    String line_search() default "grid";

    @AttributeDefinition(description = "largest k of the step grid 2^-k", min = "0", max = "200")
    int max_exponent() default 30;

    @AttributeDefinition(description = "sufficient-decrease constant c1 of the backtracking search", min = "0", max = "0.5")
    double armijo() default 1e-4;
}

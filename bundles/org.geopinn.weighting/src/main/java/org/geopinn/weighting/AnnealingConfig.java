package org.geopinn.weighting;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Settings of learning-rate annealing (Wang, Teng &amp; Perdikaris 2021). */
@ObjectClassDefinition(name = "Geopinn learning-rate annealing weighting",
        description = "Every K steps: ŵ_g = max|∇L_ref| / mean|∇L_g|, w_g ← (1−α)·w_g + α·ŵ_g; the reference condition keeps its weight.")
public @interface AnnealingConfig {
    String INTERVAL = "update the weights every this many steps (the paper: 10), starting at step 0";
    String ALPHA = "α in w ← (1−α)·w + α·ŵ (the paper: 0.9)";
    String REFERENCE = "name of the reference condition (the PDE residual); empty = the first condition";
    String MIN_WEIGHT = "weights are kept at or above this";

    @AttributeDefinition(description = INTERVAL)
    int interval() default 10;

    @AttributeDefinition(description = ALPHA)
    double alpha() default 0.9;

    @AttributeDefinition(description = REFERENCE)
    String reference() default "";

    @AttributeDefinition(description = MIN_WEIGHT)
    double min_weight() default 1e-8;
}

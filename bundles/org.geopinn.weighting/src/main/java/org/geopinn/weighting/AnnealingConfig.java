package org.geopinn.weighting;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Settings of learning-rate annealing (Wang, Teng &amp; Perdikaris 2021). */
@ObjectClassDefinition(name = "Geopinn learning-rate annealing weighting",
        description = "Every K steps: ŵ_g = max|∇L_ref| / mean|∇L_g|, w_g ← (1−α)·w_g + α·ŵ_g; the reference condition keeps its weight.")
public @interface AnnealingConfig {
    @AttributeDefinition(description = "update the weights every this many steps (the paper: 10), starting at step 0", min = "1")
    int interval() default 10;

    @AttributeDefinition(description = "α in w ← (1−α)·w + α·ŵ (the paper: 0.9)", min = "0", max = "1")
    double alpha() default 0.9;

    @AttributeDefinition(description = "name of the reference condition (the PDE residual); empty = the first condition")
    String reference() default "";

    @AttributeDefinition(description = "weights are kept at or above this", min = "0", max = "1")
    double min_weight() default 1e-8;
}

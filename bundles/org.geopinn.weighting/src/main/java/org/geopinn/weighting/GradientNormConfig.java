package org.geopinn.weighting;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Settings of gradient-norm balancing (the coupling study, 2026: docs/REFERENCES.md). */
@ObjectClassDefinition(name = "Geopinn gradient-norm weighting",
        description = "Every K steps: n_g = ‖∇L_g‖, ŵ_g = mean(n)/n_g, w ← m·w + (1−m)·ŵ.")
public @interface GradientNormConfig {
    String INTERVAL = "update the weights every this many steps (the coupling study, 2026, uses 1000), starting at step 0";
    String MOMENTUM = "m in w ← m·w + (1−m)·ŵ";
    String MIN_WEIGHT = "weights are kept at or above this";
    String MAX_WEIGHT = "weights are kept at or below this; 0 for no cap (the coupling study's rule). Without a cap a term whose "
            + "gradient has become tiny gets a weight orders of magnitude larger at the next update, and the loss jumps";

    @AttributeDefinition(description = INTERVAL)
    int interval() default 1000;

    @AttributeDefinition(description = MOMENTUM)
    double momentum() default 0.9;

    @AttributeDefinition(description = MIN_WEIGHT)
    double min_weight() default 1e-8;

    @AttributeDefinition(description = MAX_WEIGHT)
    double max_weight() default 0;
}

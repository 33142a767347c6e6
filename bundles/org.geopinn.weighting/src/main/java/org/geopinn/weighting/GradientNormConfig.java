package org.geopinn.weighting;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Settings of gradient-norm balancing (the coupling study, 2026: docs/REFERENCES.md). */
@ObjectClassDefinition(name = "Geopinn gradient-norm weighting",
        description = "Every K steps: n_g = ‖∇L_g‖, ŵ_g = mean(n)/n_g, w ← m·w + (1−m)·ŵ.")
public @interface GradientNormConfig {
    @AttributeDefinition(description = "update the weights every this many steps (the coupling study, 2026, uses 1000), starting at step 0", min = "1")
    int interval() default 1000;

    @AttributeDefinition(description = "m in w ← m·w + (1−m)·ŵ", min = "0", max = "1")
    double momentum() default 0.9;

    @AttributeDefinition(description = "weights are kept at or above this", min = "0", max = "1")
    double min_weight() default 1e-8;

    @AttributeDefinition(description = "weights are kept at or below this; 0 for no cap (the coupling study's rule). Without a cap a term whose "
            + "gradient has become tiny gets a weight orders of magnitude larger at the next update, and the loss jumps", min = "0")
    double max_weight() default 0;
}

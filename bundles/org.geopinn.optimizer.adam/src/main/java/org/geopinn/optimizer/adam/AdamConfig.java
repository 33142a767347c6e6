package org.geopinn.optimizer.adam;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

/** Settings of Adam; ranges and choices are checked by org.geopinn.settings.Settings. */
@ObjectClassDefinition(name = "Geopinn Adam", description = "Adam (Kingma & Ba) with decoupled weight decay and learning-rate schedules.")
public @interface AdamConfig {
    @AttributeDefinition(description = "base learning rate α", min = "4.9E-324")
    double lr() default 1e-3;

    @AttributeDefinition(description = "decay of the first moment", min = "0", max = "0.999999")
    double beta1() default 0.9;

    @AttributeDefinition(description = "decay of the second moment", min = "0", max = "0.99999999")
    double beta2() default 0.999;

    @AttributeDefinition(description = "added to √v̂ in the denominator", min = "4.9E-324")
    double eps() default 1e-8;

    @AttributeDefinition(description = "decoupled weight decay λ (θ ← θ − α·λ·θ each step; 0 = none)", min = "0", max = "1")
    double weight_decay() default 0.0;

    @AttributeDefinition(description = "constant, exponential (α·decay_rate^(t/decay_steps)) or warmup (α·min(1, t/warmup_steps))", options = {@Option(label = "constant", value = "constant"), @Option(label = "exponential", value = "exponential"), @Option(label = "warmup", value = "warmup")})
    String schedule() default "constant";

    @AttributeDefinition(description = "factor per decay_steps of the exponential schedule", min = "4.9E-324", max = "1")
    double decay_rate() default 0.9;

    @AttributeDefinition(description = "steps per factor decay_rate of the exponential schedule", min = "1")
    int decay_steps() default 1000;

    @AttributeDefinition(description = "steps of the linear warm-up", min = "1")
    int warmup_steps() default 1000;
}

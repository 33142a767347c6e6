package org.geopinn.optimizer.adam;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Settings of Adam (each description is also a constant, see Settings.describe). */
@ObjectClassDefinition(name = "Geopinn Adam", description = "Adam (Kingma & Ba) with decoupled weight decay and learning-rate schedules.")
public @interface AdamConfig {
    String LR = "base learning rate α";
    String BETA1 = "decay of the first moment";
    String BETA2 = "decay of the second moment";
    String EPS = "added to √v̂ in the denominator";
    String WEIGHT_DECAY = "decoupled weight decay λ (θ ← θ − α·λ·θ each step; 0 = none)";
    String SCHEDULE = "constant, exponential (α·decay_rate^(t/decay_steps)) or warmup (α·min(1, t/warmup_steps))";
    String DECAY_RATE = "factor per decay_steps of the exponential schedule";
    String DECAY_STEPS = "steps per factor decay_rate of the exponential schedule";
    String WARMUP_STEPS = "steps of the linear warm-up";

    @AttributeDefinition(description = LR)
    double lr() default 1e-3;

    @AttributeDefinition(description = BETA1)
    double beta1() default 0.9;

    @AttributeDefinition(description = BETA2)
    double beta2() default 0.999;

    @AttributeDefinition(description = EPS)
    double eps() default 1e-8;

    @AttributeDefinition(description = WEIGHT_DECAY)
    double weight_decay() default 0.0;

    @AttributeDefinition(description = SCHEDULE)
    String schedule() default "constant";

    @AttributeDefinition(description = DECAY_RATE)
    double decay_rate() default 0.9;

    @AttributeDefinition(description = DECAY_STEPS)
    int decay_steps() default 1000;

    @AttributeDefinition(description = WARMUP_STEPS)
    int warmup_steps() default 1000;
}

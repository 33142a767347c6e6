package org.geopinn.weighting;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Settings of causal weighting (Wang, Sankaran &amp; Perdikaris, "Respecting causality for training
 * physics-informed neural networks", Comput. Methods Appl. Mech. Eng. 2024).
 */
@ObjectClassDefinition(name = "Geopinn causal weighting",
        description = "Splits the time range of the interior conditions into M slices; the rows of slice i get the weight "
                + "w_i = exp(−ε Σ_{k<i} L_k), L_k the mean squared residual of slice k (not differentiated); ε moves to its next "
                + "value once min w_i > δ.")
public @interface CausalConfig {
    String SLICES = "M, the number of time slices (the paper: 32 on Allen–Cahn)";
    String EPSILON = "the ε schedule, comma-separated, used in order (the paper: 0.01, 0.1, 1, 10, 100)";
    String GROWTH = "after the last listed ε, multiply ε by this factor at every advance (up to max_epsilon); 1 keeps the last ε";
    String MAX_EPSILON = "ε never grows beyond this";
    String THRESHOLD = "δ: ε advances once every slice weight exceeds it (the paper: 0.99)";
    String INTERVAL = "recompute the weights every this many steps, starting at step 0";
    String TOLERANCE = "rewrite the row weights only when a slice weight moved by more than this since they were last "
            + "written (0: always). Every rewrite is a new objective to the optimizer: L-BFGS drops its curvature pairs";
    String CONDITIONS = "comma-separated names of the conditions to weight; empty = every condition on the interior part";

    @AttributeDefinition(description = SLICES)
    int slices() default 32;

    @AttributeDefinition(description = EPSILON)
    String epsilon() default "0.01,0.1,1,10,100";

    @AttributeDefinition(description = GROWTH)
    double growth() default 1;

    @AttributeDefinition(description = MAX_EPSILON)
    double max_epsilon() default 1e4;

    @AttributeDefinition(description = THRESHOLD)
    double threshold() default 0.99;

    @AttributeDefinition(description = INTERVAL)
    int interval() default 1;

    @AttributeDefinition(description = TOLERANCE)
    double tolerance() default 0.01;

    @AttributeDefinition(description = CONDITIONS)
    String conditions() default "";
}

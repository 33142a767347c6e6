package org.geopinn.optimizer.engd;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Settings of ENGD (each description is also a constant, see Settings.describe). */
@ObjectClassDefinition(name = "Geopinn ENGD",
        description = "Energy natural gradient: least-squares solve of (JᵀJ) d = ∇L, 2^-k grid line search.")
public @interface EngdConfig {
    String RCOND = "eigenvalues of G = JᵀJ below rcond·λ_max are treated as zero (least-squares solve); 0 = eps·P, the default of the reference's lstsq";
    String MAX_EXPONENT = "the line search tries η = 2^-k for k = 0..max_exponent";
    String DAMPING = "none (the least-squares solve with the rcond cut-off, the reference) or adaptive (the Tikhonov-filtered solve (G + λI) d = ∇L with λ adapted by the gain ratio of the full step, Nielsen's rule as in lm)";
    String INITIAL_DAMPING = "damping = adaptive: the first λ is initial_damping·λ_max(G)";
    String MOMENTUM = "damping = adaptive: heavy-ball momentum β on the natural-gradient direction, c = d + β·(previous update), used while it is a descent direction (0 = none)";
    String PATIENCE = "stop the line search after this many steps above the best once the loss decreased (0 = scan the whole grid as the reference)";

    @AttributeDefinition(description = RCOND)
    double rcond() default 0;

    @AttributeDefinition(description = DAMPING)
    String damping() default "none";

    @AttributeDefinition(description = INITIAL_DAMPING)
    double initial_damping() default 1e-3;

    @AttributeDefinition(description = MOMENTUM)
    double momentum() default 0;

    @AttributeDefinition(description = MAX_EXPONENT)
    int max_exponent() default 30;

    @AttributeDefinition(description = PATIENCE)
    int patience() default 3;
}

package org.geopinn.optimizer.engd;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

/** Settings of ENGD; ranges and choices are checked by org.geopinn.settings.Settings. */
@ObjectClassDefinition(name = "Geopinn ENGD",
        description = "Energy natural gradient: least-squares solve of (JᵀJ) d = ∇L, 2^-k grid line search.")
public @interface EngdConfig {
    @AttributeDefinition(description = "eigenvalues of G = JᵀJ below rcond·λ_max are treated as zero (least-squares solve); 0 = eps·P, the default of the reference's lstsq", min = "0", max = "1")
    double rcond() default 0;

    @AttributeDefinition(description = "none (the least-squares solve with the rcond cut-off, the reference) or adaptive (the Tikhonov-filtered solve (G + λI) d = ∇L with λ adapted by the gain ratio of the full step, Nielsen's rule as in lm)", options = {@Option(label = "none", value = "none"), @Option(label = "adaptive", value = "adaptive")})
    String damping() default "none";

    @AttributeDefinition(description = "damping = adaptive: the first λ is initial_damping·λ_max(G)", min = "1e-300", max = "1e300")
    double initial_damping() default 1e-3;

    @AttributeDefinition(description = "damping = adaptive: heavy-ball momentum β on the natural-gradient direction, c = d + β·(previous update), used while it is a descent direction (0 = none)", min = "0", max = "0.999")
    double momentum() default 0;

    @AttributeDefinition(description = "the line search tries η = 2^-k for k = 0..max_exponent", min = "0", max = "200")
    int max_exponent() default 30;

    @AttributeDefinition(description = "stop the line search after this many steps above the best once the loss decreased (0 = scan the whole grid as the reference)", min = "0", max = "200")
    int patience() default 3;
}

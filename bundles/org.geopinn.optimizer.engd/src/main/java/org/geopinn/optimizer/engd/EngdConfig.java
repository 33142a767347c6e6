package org.geopinn.optimizer.engd;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Settings of ENGD; ranges and choices are checked by org.geopinn.settings.Settings. */
@ObjectClassDefinition(name = "Geopinn ENGD",
        description = "Energy natural gradient: least-squares solve of (JᵀJ) d = ∇L, 2^-k grid line search.")
public @interface EngdConfig {
    @AttributeDefinition(description = "eigenvalues of G = JᵀJ below rcond·λ_max are treated as zero (least-squares solve); 0 = eps·P, the default of the reference's lstsq", min = "0", max = "1")
    double rcond() default 0;

    @AttributeDefinition(description = "the line search tries η = 2^-k for k = 0..max_exponent", min = "0", max = "200")
    int max_exponent() default 30;

    @AttributeDefinition(description = "stop the line search after this many steps above the best once the loss decreased (0 = scan the whole grid as the reference)", min = "0", max = "200")
    int patience() default 3;
}

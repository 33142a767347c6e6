package org.geopinn.optimizer.anagram;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Settings of ANaGRAM (each description is also a constant, see Settings.describe). */
@ObjectClassDefinition(name = "Geopinn ANaGRAM",
        description = "Natural gradient by the truncated pseudo-inverse of the residual Jacobian, with a 2^-k grid line search.")
public @interface AnagramConfig {
    String CUTOFF = "relative (keep σ ≥ tolerance·σ_max), absolute (keep σ ≥ tolerance) or adaptive (a relative cut-off that moves by adaptive_factor when a step stalls, chosen by the line search; see docs/OPTIMIZERS.md)";
    String FILTER = "truncate (keep σ above the cut-off: ANaGRAM), damped (soft cut-off: weights σ/(σ² + c²) with c the cut-off value, i.e. (JᵀJ + c²I)⁻¹Jᵀr) or adaptive (weights σ/(σ² + λ) with λ adapted by the gain ratio of the full step, Nielsen's rule as in lm; the cut-off settings are then unused)";
    String INITIAL_DAMPING = "filter = adaptive: the first λ is initial_damping·σ_max²";
    String MOMENTUM = "filter = adaptive: heavy-ball momentum β on the natural-gradient direction, c = d + β·(previous update), used while it is a descent direction (0 = none)";
    String TOLERANCE = "the cut-off value; 0 = the default: sqrt(eps·P) for relative (the reference), 1e-6 for absolute, sqrt(eps·P) as the adaptive start";
    String ADAPTIVE_FACTOR = "ratio between the adaptive rule's neighbouring candidate cut-offs";
    String MIN_TOLERANCE = "smallest relative cut-off the adaptive rule may reach; 0 = the numerical floor of the factorization";
    String MAX_TOLERANCE = "largest relative cut-off the adaptive rule may reach";
    String MAX_EXPONENT = "the line search tries η = 2^-k for k = 0..max_exponent";
    String PATIENCE = "stop the line search after this many steps above the best once the loss decreased (0 = scan the whole grid as the reference)";
    String FACTORIZATION = "auto, qr (Householder QR of the tall orientation, then SVD of the small triangle: full precision) or gram (eigendecomposition of JJᵀ or JᵀJ: faster, resolves σ only down to about sqrt(eps)·σ_max); auto picks qr unless it costs over 2e9 flops";

    @AttributeDefinition(description = FILTER)
    String filter() default "truncate";

    @AttributeDefinition(description = INITIAL_DAMPING)
    double initial_damping() default 1e-3;

    @AttributeDefinition(description = MOMENTUM)
    double momentum() default 0;

    @AttributeDefinition(description = CUTOFF)
    String cutoff() default "adaptive";

    @AttributeDefinition(description = TOLERANCE)
    double tolerance() default 0;

    @AttributeDefinition(description = ADAPTIVE_FACTOR)
    double adaptive_factor() default 10;

    @AttributeDefinition(description = MIN_TOLERANCE)
    double min_tolerance() default 0;

    @AttributeDefinition(description = MAX_TOLERANCE)
    double max_tolerance() default 1e-2;

    @AttributeDefinition(description = MAX_EXPONENT)
    int max_exponent() default 30;

    @AttributeDefinition(description = PATIENCE)
    int patience() default 3;

    @AttributeDefinition(description = FACTORIZATION)
    String factorization() default "auto";
}

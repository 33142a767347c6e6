package org.geopinn.optimizer.anagram;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

/** Settings of ANaGRAM; ranges and choices are checked by org.geopinn.settings.Settings. */
@ObjectClassDefinition(name = "Geopinn ANaGRAM",
        description = "Natural gradient by the truncated pseudo-inverse of the residual Jacobian, with a 2^-k grid line search.")
public @interface AnagramConfig {
    @AttributeDefinition(description = "truncate (keep σ above the cut-off: ANaGRAM), damped (soft cut-off: weights σ/(σ² + c²) with c the cut-off value, i.e. (JᵀJ + c²I)⁻¹Jᵀr) or adaptive (weights σ/(σ² + λ) with λ adapted by the gain ratio of the full step, Nielsen's rule as in lm; the cut-off settings are then unused)", options = {@Option(label = "truncate", value = "truncate"), @Option(label = "damped", value = "damped"), @Option(label = "adaptive", value = "adaptive")})
    String filter() default "truncate";

    @AttributeDefinition(description = "filter = adaptive: the first λ is initial_damping·σ_max²", min = "1e-300", max = "1e300")
    double initial_damping() default 1e-3;

    @AttributeDefinition(description = "filter = adaptive: heavy-ball momentum β on the natural-gradient direction, c = d + β·(previous update), used while it is a descent direction (0 = none)", min = "0", max = "0.999")
    double momentum() default 0;

    @AttributeDefinition(description = "relative (keep σ ≥ tolerance·σ_max), absolute (keep σ ≥ tolerance) or adaptive (a relative cut-off that moves by adaptive_factor when a step stalls, chosen by the line search; see docs/OPTIMIZERS.md)", options = {@Option(label = "relative", value = "relative"), @Option(label = "absolute", value = "absolute"), @Option(label = "adaptive", value = "adaptive")})
    String cutoff() default "adaptive";

    @AttributeDefinition(description = "the cut-off value; 0 = the default: sqrt(eps·P) for relative (the reference), 1e-6 for absolute, sqrt(eps·P) as the adaptive start", min = "0")
    double tolerance() default 0;

    @AttributeDefinition(description = "ratio between the adaptive rule's neighbouring candidate cut-offs", min = "1.000001", max = "1e6")
    double adaptive_factor() default 10;

    @AttributeDefinition(description = "smallest relative cut-off the adaptive rule may reach; 0 = the numerical floor of the factorization", min = "0", max = "1")
    double min_tolerance() default 0;

    @AttributeDefinition(description = "largest relative cut-off the adaptive rule may reach", min = "1e-300", max = "1")
    double max_tolerance() default 1e-2;

    @AttributeDefinition(description = "the line search tries η = 2^-k for k = 0..max_exponent", min = "0", max = "200")
    int max_exponent() default 30;

    @AttributeDefinition(description = "stop the line search after this many steps above the best once the loss decreased (0 = scan the whole grid as the reference)", min = "0", max = "200")
    int patience() default 3;

    @AttributeDefinition(description = "auto, qr (Householder QR of the tall orientation, then SVD of the small triangle: full precision) or gram (eigendecomposition of JJᵀ or JᵀJ: faster, resolves σ only down to about sqrt(eps)·σ_max); auto picks qr unless it costs over 2e9 flops", options = {@Option(label = "auto", value = "auto"), @Option(label = "qr", value = "qr"), @Option(label = "gram", value = "gram")})
    String factorization() default "auto";
}

package org.geopinn.optimizer.lm;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

/** Settings of Levenberg–Marquardt; ranges and choices are checked by org.geopinn.settings.Settings. */
@ObjectClassDefinition(name = "Geopinn Levenberg–Marquardt",
        description = "Damped Gauss–Newton on the residuals: (JᵀJ + λD)δ = −Jᵀr, λ adapted by the gain ratio (Nielsen's rule).")
public @interface LmConfig {
    @AttributeDefinition(description = "identity (D = I: Levenberg) or jacobian (D = diag(JᵀJ), its running maximum per parameter as in MINPACK: Marquardt, invariant to rescaling a parameter)", options = {@Option(label = "identity", value = "identity"), @Option(label = "jacobian", value = "jacobian")})
    String scaling() default "identity";

    @AttributeDefinition(description = "the first λ is initial_damping·max diag(JᵀJ) (Nielsen's τ; after scaling = jacobian, max diag = 1)", min = "4.9E-324")
    double initial_damping() default 1e-3;

    @AttributeDefinition(description = "cholesky (a Cholesky factorization of the smaller Gram matrix, JJᵀ + λI when S ≤ P, JᵀJ + λI otherwise, per λ tried), eigen (one eigendecomposition of the smaller Gram matrix per step; every further λ then costs only O(min(S,P)²)) or qr (Householder QR of J and the SVD of its triangle, no Gram matrix: resolves σ down to eps·σ_max instead of sqrt(eps)·σ_max, at a few times the cost)", options = {@Option(label = "cholesky", value = "cholesky"), @Option(label = "eigen", value = "eigen"), @Option(label = "qr", value = "qr")})
    String solver() default "cholesky";

    @AttributeDefinition(description = "how many λ (each larger after a failure) one step may try before it reports a rejection; the next step continues from the larger λ", min = "1", max = "1000")
    int max_tries() default 30;

    @AttributeDefinition(description = "the ceiling of λ relative to max diag(JᵀJ); a step that needs more reports it and stops trying", min = "1")
    double max_damping() default 1e16;

    @AttributeDefinition(description = "true adds the geodesic acceleration of Transtrum & Sethna (2012): δ + ½a, with a from a second-order directional derivative of the residuals (one more residual evaluation per try)")
    boolean geodesic() default false;

    @AttributeDefinition(description = "with geodesic = true, a try is rejected when 2‖a‖/‖δ‖ exceeds this (Transtrum & Sethna's α)", min = "1e-6", max = "1e6")
    double geodesic_ratio() default 0.75;
}

package org.geopinn.optimizer.lm;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Settings of Levenberg–Marquardt (each description is also a constant, see Settings.describe). */
@ObjectClassDefinition(name = "Geopinn Levenberg–Marquardt",
        description = "Damped Gauss–Newton on the residuals: (JᵀJ + λD)δ = −Jᵀr, λ adapted by the gain ratio (Nielsen's rule).")
public @interface LmConfig {
    String SCALING = "identity (D = I: Levenberg) or jacobian (D = diag(JᵀJ), its running maximum per parameter as in MINPACK: Marquardt, invariant to rescaling a parameter)";
    String INITIAL_DAMPING = "the first λ is initial_damping·max diag(JᵀJ) (Nielsen's τ; after scaling = jacobian, max diag = 1)";
    String SOLVER = "cholesky (a Cholesky factorization of the smaller Gram matrix, JJᵀ + λI when S ≤ P, JᵀJ + λI otherwise, per λ tried) or eigen (one eigendecomposition of the smaller Gram matrix per step; every further λ then costs only O(min(S,P)²))";
    String MAX_TRIES = "how many λ (each larger after a failure) one step may try before it reports a rejection; the next step continues from the larger λ";
    String MAX_DAMPING = "the ceiling of λ relative to max diag(JᵀJ); a step that needs more reports it and stops trying";
    String GEODESIC = "true adds the geodesic acceleration of Transtrum & Sethna (2012): δ + ½a, with a from a second-order directional derivative of the residuals (one more residual evaluation per try)";
    String GEODESIC_RATIO = "with geodesic = true, a try is rejected when 2‖a‖/‖δ‖ exceeds this (Transtrum & Sethna's α)";

    @AttributeDefinition(description = SCALING)
    String scaling() default "identity";

    @AttributeDefinition(description = INITIAL_DAMPING)
    double initial_damping() default 1e-3;

    @AttributeDefinition(description = SOLVER)
    String solver() default "cholesky";

    @AttributeDefinition(description = MAX_TRIES)
    int max_tries() default 30;

    @AttributeDefinition(description = MAX_DAMPING)
    double max_damping() default 1e16;

    @AttributeDefinition(description = GEODESIC)
    boolean geodesic() default false;

    @AttributeDefinition(description = GEODESIC_RATIO)
    double geodesic_ratio() default 0.75;
}

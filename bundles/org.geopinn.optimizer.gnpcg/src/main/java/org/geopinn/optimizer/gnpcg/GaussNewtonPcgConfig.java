package org.geopinn.optimizer.gnpcg;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Settings of Gauss–Newton with preconditioned CG (each description is also a constant, see Settings.describe). */
@ObjectClassDefinition(name = "Geopinn Gauss-Newton PCG",
        description = "Matrix-free damped Gauss–Newton: (JᵀJ + μI) d = Jᵀr by CG with a Nyström preconditioner.")
public @interface GaussNewtonPcgConfig {
    String DAMPING = "initial relative damping: μ = damping·λ_max(JᵀJ), adapted Levenberg–Marquardt style";
    String MIN_DAMPING = "smallest relative damping";
    String MAX_DAMPING = "largest relative damping (a step rejected there is reported as a stall)";
    String RANK = "rank ℓ of the Nyström preconditioner, rebuilt every step from ℓ products with JᵀJ (0 = plain CG)";
    String CG_TOLERANCE = "CG stops when ‖b − A·x‖ ≤ cg_tolerance·‖b‖";
    String CG_MAX_ITERATIONS = "at most this many CG iterations per step";
    String SEED = "seed of the Nyström test matrices (step t uses seed + t)";

    @AttributeDefinition(description = DAMPING)
    double damping() default 1e-3;

    @AttributeDefinition(description = MIN_DAMPING)
    double min_damping() default 1e-12;

    @AttributeDefinition(description = MAX_DAMPING)
    double max_damping() default 1e6;

    @AttributeDefinition(description = RANK)
    int rank() default 50;

    @AttributeDefinition(description = CG_TOLERANCE)
    double cg_tolerance() default 1e-8;

    @AttributeDefinition(description = CG_MAX_ITERATIONS)
    int cg_max_iterations() default 500;

    @AttributeDefinition(description = SEED)
    long seed() default 0;
}

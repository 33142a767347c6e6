package org.geopinn.optimizer.gnpcg;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Settings of Gauss–Newton with preconditioned CG; ranges and choices are checked by org.geopinn.settings.Settings. */
@ObjectClassDefinition(name = "Geopinn Gauss-Newton PCG",
        description = "Matrix-free damped Gauss–Newton: (JᵀJ + μI) d = Jᵀr by CG with a Nyström preconditioner.")
public @interface GaussNewtonPcgConfig {
    @AttributeDefinition(description = "initial relative damping: μ = damping·λ_max(JᵀJ), adapted Levenberg–Marquardt style", min = "4.9E-324")
    double damping() default 1e-3;

    @AttributeDefinition(description = "smallest relative damping", min = "4.9E-324")
    double min_damping() default 1e-12;

    @AttributeDefinition(description = "largest relative damping (a step rejected there is reported as a stall)", min = "4.9E-324")
    double max_damping() default 1e6;

    @AttributeDefinition(description = "rank ℓ of the Nyström preconditioner, rebuilt every step from ℓ products with JᵀJ (0 = plain CG)", min = "0", max = "100000")
    int rank() default 50;

    @AttributeDefinition(description = "CG stops when ‖b − A·x‖ ≤ cg_tolerance·‖b‖", min = "4.9E-324")
    double cg_tolerance() default 1e-8;

    @AttributeDefinition(description = "at most this many CG iterations per step", min = "1", max = "1000000")
    int cg_max_iterations() default 500;

    @AttributeDefinition(description = "seed of the Nyström test matrices (step t uses seed + t)", min = "-9007199254740992", max = "9007199254740992")
    long seed() default 0;
}

package org.geopinn.weighting;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Settings of NTK trace balancing (Wang, Yu &amp; Perdikaris, "When and why PINNs fail to train: a
 * neural tangent kernel perspective", 2022).
 */
@ObjectClassDefinition(name = "Geopinn NTK trace weighting",
        description = "Every K steps: t_g = tr(K_gg) = ‖J_g‖²_F of the unweighted condition g, w_g = Σ_h t_h / t_g.")
public @interface NtkTraceConfig {
    /*
     * Why 10 and not once: the kernel of a coupled system changes by orders of magnitude while a
     * layer forms, and weights balanced only at the start then fit the conditions at very
     * different speeds. Measured on npp1d under damped Gauss–Newton (docs/STRATEGY.md, "NTK
     * re-balancing every 10 steps"): 7× closer to the reference at step 30 at strong coupling and
     * 160× at weak coupling than balancing once.
     */
    @AttributeDefinition(description = "update the weights every this many steps, starting at step 0; 0 for once, at the first step", min = "0")
    int interval() default 10;

    @AttributeDefinition(description = "random ±1 probes v of the trace estimate tr(K_gg) ≈ mean ‖J_g v‖² (Hutchinson) of a system "
            + "beyond exact_limit; exact for a diagonal Jacobian, relative spread about √(2/probes) otherwise", min = "1")
    int probes() default 64;

    /*
     * Why read the Jacobian at all: a probe costs about one pass over every row, so 64 probes
     * every 10 steps cost several Jacobians a step, while a damped Gauss–Newton step on a small
     * single-network problem is little more than one Jacobian and its Gram matrix (docs/STRATEGY.md,
     * "Trace balancing where S ≥ P"). 2²² entries are 32 MiB; the coupled systems with one network
     * per field (S·P of 1.3–2.9·10⁷) stay with the estimate.
     */
    @AttributeDefinition(description = "the traces are read exactly from the Jacobian (‖J_g‖²_F, one Jacobian per update) when it has "
            + "at most this many entries S·P; larger systems are probed; 0: always probe", min = "0")
    long exact_limit() default 4194304;

    @AttributeDefinition(description = "seed of the probes (the estimate is the same on every run)")
    long seed() default 1;

    @AttributeDefinition(description = "also equilibrate the rows within each condition: row i weighted by the condition's mean "
            + "diagonal of K over its own K_ii (Jacobi scaling of JJᵀ), renewed whenever the points change")
    boolean rows() default false;

    @AttributeDefinition(description = "weights are kept at or below this; 0 for no cap", min = "0")
    double max_weight() default 0;
}

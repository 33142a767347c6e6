package org.geopinn.problems.library;

import java.util.Map;
import org.geopinn.api.problem.ProblemDefaults;

/**
 * Model defaults of the coupled systems: one tanh network per field. The terms of a coupled
 * system differ in scale by orders of magnitude, so they are balanced: the 1-D systems by the
 * engine's default strategy (damped Gauss–Newton with the conditions balanced by their NTK
 * traces, docs/STRATEGY.md), the 2-D one, trained by Adam then L-BFGS, by gradient norms. The
 * optimizer is the engine's default strategy; the SOAP settings and gradient-norm balancing the
 * coupling benchmarks use are a recipe of the bench command (benchmarks/recipes/).
 */
final class CoupledDefaults {
    /**
     * 1-D systems: 4 hidden layers of 64 per field, as in "Coupling-Robust Accuracy in Multiphysics PINNs…", 2026; no
     * weighting of their own: the default strategy balances them (gradient-norm balancing every 1000 steps with momentum
     * 0.9 barely moved the weights in the few hundred damped Gauss–Newton steps of a session).
     */
    static final Map<String, String> ONE_D = ProblemParts.map(ProblemDefaults.MODEL, "mlp",
            ProblemDefaults.HIDDEN, "64,64,64,64", ProblemDefaults.ACTIVATION, "tanh", ProblemDefaults.STEPS, "5000", ProblemDefaults.TIME_BUDGET, "300",
            ProblemDefaults.SEPARATE_NETWORKS, "true");

    /**
     * 2-D electroosmotic flow: "Coupling-Robust Accuracy in Multiphysics PINNs…" (2026) uses 5×128 per field on a GPU; 4×64 keeps a CPU run within
     * minutes.
     */
    static final Map<String, String> TWO_D = ProblemParts.map(ProblemDefaults.MODEL, "mlp",
            ProblemDefaults.HIDDEN, "64,64,64,64", ProblemDefaults.ACTIVATION, "tanh", ProblemDefaults.STEPS, "5000", ProblemDefaults.TIME_BUDGET, "600",
            ProblemDefaults.SEPARATE_NETWORKS, "true", ProblemDefaults.WEIGHTING, "gradnorm");

    private CoupledDefaults() {
    }
}

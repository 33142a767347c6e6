package org.geopinn.problems.library;

import static java.lang.Math.PI;
import static java.lang.Math.exp;
import static java.lang.Math.sin;

import org.geopinn.api.problem.Problem;
import org.geopinn.api.problem.ProblemDefaults;
import org.geopinn.problem.builder.ProblemBuilder;
import org.geopinn.problem.builder.ProblemComponent;
import org.osgi.service.component.annotations.Component;

/**
 * 1+1-D heat (Schwencke & Furtlehner, "ANaGRAM", 2025): u_t − ¼u_xx = 0 on (t, x) ∈ [0,1]², u = 0 at x = 0 and 1,
 * u(0, x) = sin πx; exact u = e^(−π²t/4) sin πx. The diffusivity is the named coefficient
 * {@code kappa} = ¼.
 */
@Component(service = Problem.class, property = {"geopinn.id=" + Heat.ID, "geopinn.description=" + Heat.DESCRIPTION})
public final class Heat extends ProblemComponent {
    static final String ID = "heat";
    /** The diffusivity's name, {@code kappa} = ¼. */
    static final String KAPPA = "kappa";
    static final String DESCRIPTION = "1+1-D heat: u_t − ¼u_xx = 0 on [0,1]², u(t,0) = u(t,1) = 0, u(0,x) = sin πx";

    /** Builds the problem. */
    public Heat() {
        super(define());
    }

    /** @return the problem */
    public static Problem define() {
        return ProblemBuilder.problem(ID, DESCRIPTION).variable("t", 0, 1).variable("x", 0, 1).field("u")
                .coefficient(KAPPA, 0.25) // named, so a session can train it (--unknown kappa=…)
                .condition("pde", "interior", v -> v.d("u", "t").minus(v.d("u", "x", "x").times(v.coefficient(KAPPA))), null, 900)
                .condition("boundary", "boundary", "u", 60)
                .condition("initial", "initial", v -> v.field("u"), p -> sin(PI * p[1]), 30)
                // reads kappa, so --parametric kappa=… keeps the exact solution (a plain function of the point would be dropped)
                .reference((p, c) -> exp(-PI * PI * c.get(KAPPA) * p[0]) * sin(PI * p[1]))
                .settings(ProblemParts.map(ProblemDefaults.MODEL, "mlp", ProblemDefaults.HIDDEN, "64",
                        ProblemDefaults.ACTIVATION, "tanh", ProblemDefaults.STEPS, "1000", ProblemDefaults.TIME_BUDGET, "120"))
                .build();
    }
}

package org.geopinn.problems.library;

import static java.lang.Math.PI;
import static java.lang.Math.sin;

import java.util.Map;
import org.geopinn.api.problem.Problem;
import org.geopinn.api.problem.ProblemDefaults;
import org.geopinn.api.problem.ReferenceSolution;
import org.geopinn.problems.reference.BurgersColeHopf;
import org.geopinn.problems.reference.LazyReference;
import org.geopinn.problem.builder.ProblemBuilder;
import org.geopinn.problem.builder.ProblemComponent;
import org.osgi.service.component.annotations.Component;

/**
 * 1+1-D viscous Burgers (Schwencke & Furtlehner, "ANaGRAM", 2025): u_t + u u_x − ν u_xx = 0, ν = 0.01/π, t ∈ [0,1], x ∈ [−1,1],
 * u(±1) = 0, u(0,x) = −sin πx. Reference: the Cole–Hopf integral by 120-point Gauss–Hermite
 * quadrature ({@link BurgersColeHopf}). The viscosity is the named coefficient {@code nu}.
 */
@Component(service = Problem.class, property = {"geopinn.id=" + Burgers.ID, "geopinn.description=" + Burgers.DESCRIPTION})
public final class Burgers extends ProblemComponent {
    static final String ID = "burgers";
    static final String DESCRIPTION = "1+1-D Burgers: u_t + u u_x = (0.01/π) u_xx, x ∈ [−1,1], u(±1) = 0, u(0,x) = −sin πx";
    static final double NU = 0.01 / PI;

    /** Builds the problem. */
    public Burgers() {
        super(define());
    }

    /** @return the problem */
    public static Problem define() {
        ReferenceSolution reference = new LazyReference(1, () -> {
            BurgersColeHopf exact = new BurgersColeHopf(NU, 120);
            return ReferenceSolution.of(p -> exact.value(p[0], p[1]));
        });
        return ProblemBuilder.problem(ID, DESCRIPTION).variable("t", 0, 1).variable("x", -1, 1).field("u")
                .coefficient("nu", NU) // named, so a session can train it (--unknown nu=…)
                .condition("pde", "interior",
                        v -> v.d("u", "t").plus(v.field("u").times(v.d("u", "x"))).minus(v.d("u", "x", "x").times(v.coefficient("nu"))),
                        null, 2500)
                .sampler("sobol", Map.of())
                .condition("boundary", "boundary", "u", 100)
                .condition("initial", "initial", v -> v.field("u"), p -> -sin(PI * p[1]), 100)
                .reference(reference)
                .settings(ProblemParts.map(ProblemDefaults.MODEL, "mlp", ProblemDefaults.HIDDEN, "20,20,20",
                        ProblemDefaults.ACTIVATION, "tanh",
                        ProblemDefaults.STEPS, "100000", ProblemDefaults.TIME_BUDGET, "300"))
                .build();
    }
}

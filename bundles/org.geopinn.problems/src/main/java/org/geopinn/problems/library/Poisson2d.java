package org.geopinn.problems.library;

import static java.lang.Math.PI;
import static java.lang.Math.sin;

import org.geopinn.api.problem.Problem;
import org.geopinn.api.problem.ProblemDefaults;
import org.geopinn.problem.builder.ProblemBuilder;
import org.geopinn.problem.builder.ProblemComponent;
import org.osgi.service.component.annotations.Component;

/**
 * 2-D Poisson (Chen, Yang, Xiang & Hao, "Automatic Differentiation is Essential…", 2024): −Δu = 2π² sin πx sin πy on [0,1]², u = 0 on the boundary; exact
 * u = sin πx sin πy, on the seed's 64×64 collocation grid. (The seed prints the source as π² sin πx
 * sin πy, which does not match its stated solution; 2π² does.)
 */
@Component(service = Problem.class, property = {"geopinn.id=" + Poisson2d.ID, "geopinn.description=" + Poisson2d.DESCRIPTION})
public final class Poisson2d extends ProblemComponent {
    static final String ID = "poisson2d";
    static final String DESCRIPTION = "2-D Poisson: −Δu = 2π² sin πx sin πy on [0,1]², u = 0 on the boundary (64×64 grid)";

    /** Builds the problem. */
    public Poisson2d() {
        super(define());
    }

    /** @return the problem */
    public static Problem define() {
        return ProblemBuilder.problem(ID, DESCRIPTION).variable("x", 0, 1).variable("y", 0, 1).field("u")
                .condition("pde", "interior", v -> v.laplacian("u").times(-1),
                        p -> 2 * PI * PI * sin(PI * p[0]) * sin(PI * p[1]), 64 * 64)
                .condition("boundary", "boundary", "u", 256)
                .reference(p -> sin(PI * p[0]) * sin(PI * p[1]))
                .settings(ProblemParts.map(ProblemDefaults.MODEL, "mlp", ProblemDefaults.HIDDEN, "32",
                        ProblemDefaults.ACTIVATION, "tanh", ProblemDefaults.STEPS, "300", ProblemDefaults.TIME_BUDGET, "120"))
                .build();
    }
}

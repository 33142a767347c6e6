package org.geopinn.problems.library;

import static java.lang.Math.PI;
import static java.lang.Math.sin;

import org.geopinn.api.problem.Problem;
import org.geopinn.api.problem.ProblemDefaults;
import org.geopinn.problem.builder.ProblemBuilder;
import org.geopinn.problem.builder.ProblemComponent;
import org.osgi.service.component.annotations.Component;

/**
 * 2-D Laplace (Schwencke & Furtlehner, "ANaGRAM", 2025): Δu = −2π² sin πx sin πy on [0,1]², u = 0 on the boundary; exact
 * u = sin πx sin πy. Reference set-up: 30×30 interior grid and 120 boundary points.
 */
@Component(service = Problem.class, property = {"geopinn.id=" + Laplace2d.ID, "geopinn.description=" + Laplace2d.DESCRIPTION})
public final class Laplace2d extends ProblemComponent {
    static final String ID = "laplace2d";
    static final String DESCRIPTION = "2-D Laplace: Δu = −2π² sin πx sin πy on [0,1]², u = 0 on the boundary";

    /** Builds the problem. */
    public Laplace2d() {
        super(define());
    }

    /** @return the problem */
    public static Problem define() {
        return ProblemBuilder.problem(ID, DESCRIPTION).variable("x", 0, 1).variable("y", 0, 1).field("u")
                .condition("pde", "interior", v -> v.laplacian("u"), p -> -2 * PI * PI * sin(PI * p[0]) * sin(PI * p[1]), 900)
                .condition("boundary", "boundary", "u", 120)
                .reference(p -> sin(PI * p[0]) * sin(PI * p[1]))
                .settings(ProblemParts.map(ProblemDefaults.MODEL, "mlp", ProblemDefaults.HIDDEN, "32",
                        ProblemDefaults.ACTIVATION, "tanh", ProblemDefaults.STEPS, "400", ProblemDefaults.TIME_BUDGET, "60"))
                .build();
    }
}

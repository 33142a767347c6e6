package org.geopinn.problems.library;

import static java.lang.Math.PI;
import static java.lang.Math.sin;

import org.geopinn.api.problem.Problem;
import org.geopinn.api.problem.ProblemDefaults;
import org.geopinn.problem.builder.ProblemBuilder;
import org.geopinn.problem.builder.ProblemComponent;
import org.osgi.service.component.annotations.Component;

/** 1-D Poisson (Chen, Yang, Xiang & Hao, "Automatic Differentiation is Essential…", 2024): u_xx = −π² sin πx on [−1,1], u(±1) = 0; exact u = sin πx. */
@Component(service = Problem.class, property = {"geopinn.id=" + Poisson1d.ID, "geopinn.description=" + Poisson1d.DESCRIPTION})
public final class Poisson1d extends ProblemComponent {
    static final String ID = "poisson1d";
    static final String DESCRIPTION = "1-D Poisson: u_xx = −π² sin πx on [−1,1], u(±1) = 0";

    /** Builds the problem. */
    public Poisson1d() {
        super(define());
    }

    /** @return the problem */
    public static Problem define() {
        return ProblemBuilder.problem(ID, DESCRIPTION).variable("x", -1, 1).field("u")
                .condition("pde", "interior", v -> v.d("u", "x", "x"), p -> -PI * PI * sin(PI * p[0]), 100)
                .condition("boundary", "boundary", "u", 2)
                .reference(p -> sin(PI * p[0]))
                .settings(ProblemParts.map(ProblemDefaults.MODEL, "mlp", ProblemDefaults.HIDDEN, "32",
                        ProblemDefaults.ACTIVATION, "tanh", ProblemDefaults.STEPS, "300", ProblemDefaults.TIME_BUDGET, "60"))
                .build();
    }
}

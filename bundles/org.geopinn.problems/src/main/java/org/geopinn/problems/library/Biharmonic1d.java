package org.geopinn.problems.library;

import static java.lang.Math.E;
import static java.lang.Math.exp;

import org.geopinn.api.problem.Problem;
import org.geopinn.api.problem.ProblemDefaults;
import org.geopinn.problem.builder.ProblemBuilder;
import org.geopinn.problem.builder.ProblemComponent;
import org.osgi.service.component.annotations.Component;

/**
 * 1-D biharmonic (Chen, Yang, Xiang & Hao, "Automatic Differentiation is Essential…", 2024): u'''' = eˣ on [−1,1], u = u' = 0 at ±1. Exact
 * u = eˣ + c₀ + c₁x + c₂x² + c₃x³ with c₀ = −(e + 3/e)/4, c₁ = 1/e − e/2, c₂ = (1/e − e)/4,
 * c₃ = −1/(2e), derived from the four boundary conditions (the seed prints garbled constants).
 */
@Component(service = Problem.class, property = {"geopinn.id=" + Biharmonic1d.ID, "geopinn.description=" + Biharmonic1d.DESCRIPTION})
public final class Biharmonic1d extends ProblemComponent {
    static final String ID = "biharmonic1d";
    static final String DESCRIPTION = "1-D biharmonic: u'''' = exp(x) on [−1,1], u = u' = 0 at ±1";
    static final double C0 = -(E + 3 / E) / 4;
    static final double C1 = 1 / E - E / 2;
    static final double C2 = (1 / E - E) / 4;
    static final double C3 = -1 / (2 * E);

    /** Builds the problem. */
    public Biharmonic1d() {
        super(define());
    }

    /** @return the problem */
    public static Problem define() {
        return ProblemBuilder.problem(ID, DESCRIPTION).variable("x", -1, 1).field("u")
                .condition("pde", "interior", v -> v.d("u", "x", "x", "x", "x"), p -> exp(p[0]), 200)
                .condition("boundary-value", "boundary", "u", 2)
                .condition("boundary-slope", "boundary", "u_x", 2)
                .reference(Biharmonic1d::exact)
                .settings(ProblemParts.map(ProblemDefaults.MODEL, "mlp", ProblemDefaults.HIDDEN, "32",
                        ProblemDefaults.ACTIVATION, "tanh", ProblemDefaults.STEPS, "500", ProblemDefaults.TIME_BUDGET, "60"))
                .build();
    }

    /** @param p a point @return the exact solution there */
    static double exact(double[] p) {
        double x = p[0];
        return exp(x) + C0 + x * (C1 + x * (C2 + x * C3));
    }
}

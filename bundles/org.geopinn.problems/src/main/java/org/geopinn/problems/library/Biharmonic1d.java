package org.geopinn.problems.library;

import static java.lang.Math.E;
import static java.lang.Math.exp;

import java.util.List;
import org.geopinn.api.expr.Vocabulary;
import org.geopinn.api.problem.Condition;
import org.geopinn.api.problem.Domain;
import org.geopinn.api.problem.DomainPart;
import org.geopinn.api.problem.Problem;
import org.geopinn.api.problem.ProblemDefaults;
import org.geopinn.api.problem.ReferenceSolution;
import org.osgi.service.component.annotations.Component;

/**
 * 1-D biharmonic (seed 004): u'''' = eˣ on [−1,1], u = u' = 0 at ±1. Exact
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
        Vocabulary v = new Vocabulary(List.of("x"), List.of("u"));
        Domain domain = new Domain(v.variables(), new double[] {-1}, new double[] {1},
                List.of(DomainPart.interior("interior"), DomainPart.boundary("boundary", 0)));
        List<Condition> conditions = List.of(
                Condition.of("pde", "interior", v.d("u", "x", "x", "x", "x"), p -> exp(p[0]), 200),
                Condition.of("boundary-value", "boundary", v.field("u"), null, 2),
                Condition.of("boundary-slope", "boundary", v.d("u", "x"), null, 2));
        return new DefinedProblem(ID, DESCRIPTION, v, domain, conditions, ReferenceSolution.of(Biharmonic1d::exact),
                ProblemParts.map(ProblemDefaults.MODEL, "mlp", ProblemDefaults.HIDDEN, "32",
                        ProblemDefaults.ACTIVATION, "tanh",
                        ProblemDefaults.STEPS, "500", ProblemDefaults.TIME_BUDGET, "60"));
    }

    /** @param p a point @return the exact solution there */
    static double exact(double[] p) {
        double x = p[0];
        return exp(x) + C0 + x * (C1 + x * (C2 + x * C3));
    }
}

package org.geopinn.problems.library;

import static java.lang.Math.PI;
import static java.lang.Math.sin;

import java.util.List;
import org.geopinn.api.expr.Vocabulary;
import org.geopinn.api.problem.Condition;
import org.geopinn.api.problem.Domain;
import org.geopinn.api.problem.DomainPart;
import org.geopinn.api.problem.Problem;
import org.geopinn.api.problem.ProblemDefaults;
import org.geopinn.api.problem.ReferenceSolution;
import org.osgi.service.component.annotations.Component;

/** 1-D Poisson (seed 004): u_xx = −π² sin πx on [−1,1], u(±1) = 0; exact u = sin πx. */
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
        Vocabulary v = new Vocabulary(List.of("x"), List.of("u"));
        Domain domain = new Domain(v.variables(), new double[] {-1}, new double[] {1},
                List.of(DomainPart.interior("interior"), DomainPart.boundary("boundary", 0)));
        List<Condition> conditions = List.of(
                Condition.of("pde", "interior", v.d("u", "x", "x"), p -> -PI * PI * sin(PI * p[0]), 100),
                Condition.of("boundary", "boundary", v.field("u"), null, 2));
        return new DefinedProblem(ID, DESCRIPTION, v, domain, conditions, ReferenceSolution.of(p -> sin(PI * p[0])),
                ProblemParts.map(ProblemDefaults.MODEL, "mlp", ProblemDefaults.HIDDEN, "32",
                        ProblemDefaults.ACTIVATION, "tanh",
                        ProblemDefaults.STEPS, "300", ProblemDefaults.TIME_BUDGET, "60"));
    }
}

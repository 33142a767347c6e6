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

/**
 * 2-D Laplace (seed 000): Δu = −2π² sin πx sin πy on [0,1]², u = 0 on the boundary; exact
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
        Vocabulary v = new Vocabulary(List.of("x", "y"), List.of("u"));
        Domain domain = new Domain(v.variables(), new double[] {0, 0}, new double[] {1, 1},
                List.of(DomainPart.interior("interior"), DomainPart.boundary("boundary", 0, 1)));
        List<Condition> conditions = List.of(
                Condition.of("pde", "interior", v.laplacian("u"), p -> -2 * PI * PI * sin(PI * p[0]) * sin(PI * p[1]), 900),
                Condition.of("boundary", "boundary", v.field("u"), null, 120));
        return new DefinedProblem(ID, DESCRIPTION, v, domain, conditions,
                ReferenceSolution.of(p -> sin(PI * p[0]) * sin(PI * p[1])),
                ProblemParts.map(ProblemDefaults.MODEL, "mlp", ProblemDefaults.HIDDEN, "32",
                        ProblemDefaults.ACTIVATION, "tanh",
                        ProblemDefaults.STEPS, "400", ProblemDefaults.TIME_BUDGET, "60"));
    }
}

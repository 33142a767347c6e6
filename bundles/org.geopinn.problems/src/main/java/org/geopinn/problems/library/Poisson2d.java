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
 * 2-D Poisson (seed 004): −Δu = 2π² sin πx sin πy on [0,1]², u = 0 on the boundary; exact
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
        Vocabulary v = new Vocabulary(List.of("x", "y"), List.of("u"));
        Domain domain = new Domain(v.variables(), new double[] {0, 0}, new double[] {1, 1},
                List.of(DomainPart.interior("interior"), DomainPart.boundary("boundary", 0, 1)));
        List<Condition> conditions = List.of(
                Condition.of("pde", "interior", v.laplacian("u").times(-1),
                        p -> 2 * PI * PI * sin(PI * p[0]) * sin(PI * p[1]), 64 * 64),
                Condition.of("boundary", "boundary", v.field("u"), null, 256));
        return new DefinedProblem(ID, DESCRIPTION, v, domain, conditions,
                ReferenceSolution.of(p -> sin(PI * p[0]) * sin(PI * p[1])),
                ProblemParts.map(ProblemDefaults.MODEL, "mlp", ProblemDefaults.HIDDEN, "32",
                        ProblemDefaults.ACTIVATION, "tanh",
                        ProblemDefaults.STEPS, "300", ProblemDefaults.TIME_BUDGET, "120"));
    }
}

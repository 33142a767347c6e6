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
 * 5-D Poisson (seed 000's "5-D Laplace"): −Δu = π² Σ sin πx_k on [0,1]⁵, u = Σ sin πx_k on the
 * boundary; exact u = Σ sin πx_k. The seed's slide writes Δu = π² Σ sin πx_k, whose sign does not
 * match the stated solution; the ENGD reference uses −Δu, as here.
 */
@Component(service = Problem.class, property = {"geopinn.id=" + Laplace5d.ID, "geopinn.description=" + Laplace5d.DESCRIPTION})
public final class Laplace5d extends ProblemComponent {
    static final String ID = "laplace5d";
    static final String DESCRIPTION = "5-D Poisson: −Δu = π² Σ sin πx_k on [0,1]⁵, u = Σ sin πx_k on the boundary";
    private static final int D = 5;

    /** Builds the problem. */
    public Laplace5d() {
        super(define());
    }

    /** @return the problem */
    public static Problem define() {
        Vocabulary v = new Vocabulary(List.of("x1", "x2", "x3", "x4", "x5"), List.of("u"));
        Domain domain = new Domain(v.variables(), ProblemParts.filled(D, 0), ProblemParts.filled(D, 1),
                List.of(DomainPart.interior("interior"), DomainPart.boundary("boundary", 0, 1, 2, 3, 4)));
        List<Condition> conditions = List.of(
                new Condition("pde", "interior", v.laplacian("u").times(-1), p -> PI * PI * sumOfSines(p), 1,
                        4000, "sobol", null),
                new Condition("boundary", "boundary", v.field("u"), Laplace5d::sumOfSines, 1, 500, "sobol", null));
        return new DefinedProblem(ID, DESCRIPTION, v, domain, conditions, ReferenceSolution.of(Laplace5d::sumOfSines),
                ProblemParts.map(ProblemDefaults.MODEL, "mlp", ProblemDefaults.HIDDEN, "64",
                        ProblemDefaults.ACTIVATION, "tanh",
                        ProblemDefaults.STEPS, "1000", ProblemDefaults.TIME_BUDGET, "300"));
    }

    private static double sumOfSines(double[] p) {
        double s = 0;
        for (int k = 0; k < D; k++) {
            s += sin(PI * p[k]);
        }
        return s;
    }
}

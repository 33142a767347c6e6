package org.geopinn.problems.library;

import static java.lang.Math.PI;
import static java.lang.Math.exp;
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
 * 1+1-D heat (seed 000): u_t − ¼u_xx = 0 on (t, x) ∈ [0,1]², u = 0 at x = 0 and 1,
 * u(0, x) = sin πx; exact u = e^(−π²t/4) sin πx.
 */
@Component(service = Problem.class, property = {"geopinn.id=" + Heat.ID, "geopinn.description=" + Heat.DESCRIPTION})
public final class Heat extends ProblemComponent {
    static final String ID = "heat";
    static final String DESCRIPTION = "1+1-D heat: u_t − ¼u_xx = 0 on [0,1]², u(t,0) = u(t,1) = 0, u(0,x) = sin πx";

    /** Builds the problem. */
    public Heat() {
        super(define());
    }

    /** @return the problem */
    public static Problem define() {
        Vocabulary v = new Vocabulary(List.of("t", "x"), List.of("u"));
        Domain domain = new Domain(v.variables(), new double[] {0, 0}, new double[] {1, 1},
                List.of(DomainPart.interior("interior"), DomainPart.boundary("boundary", 1),
                        DomainPart.face("initial", 0, false)));
        List<Condition> conditions = List.of(
                Condition.of("pde", "interior", v.d("u", "t").minus(v.d("u", "x", "x").times(0.25)), null, 900),
                Condition.of("boundary", "boundary", v.field("u"), null, 60),
                Condition.of("initial", "initial", v.field("u"), p -> sin(PI * p[1]), 30));
        return new DefinedProblem(ID, DESCRIPTION, v, domain, conditions,
                ReferenceSolution.of(p -> exp(-PI * PI * p[0] / 4) * sin(PI * p[1])),
                ProblemParts.map(ProblemDefaults.MODEL, "mlp", ProblemDefaults.HIDDEN, "64",
                        ProblemDefaults.ACTIVATION, "tanh",
                        ProblemDefaults.STEPS, "1000", ProblemDefaults.TIME_BUDGET, "120"));
    }
}

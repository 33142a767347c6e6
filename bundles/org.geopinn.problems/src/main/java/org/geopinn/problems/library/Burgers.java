package org.geopinn.problems.library;

import static java.lang.Math.PI;
import static java.lang.Math.sin;

import java.util.List;
import org.geopinn.api.expr.Expr;
import org.geopinn.api.expr.Vocabulary;
import org.geopinn.api.problem.Condition;
import org.geopinn.api.problem.Domain;
import org.geopinn.api.problem.DomainPart;
import org.geopinn.api.problem.Problem;
import org.geopinn.api.problem.ProblemDefaults;
import org.geopinn.api.problem.ReferenceSolution;
import org.geopinn.problems.reference.BurgersColeHopf;
import org.geopinn.problems.reference.LazyReference;
import org.osgi.service.component.annotations.Component;

/**
 * 1+1-D viscous Burgers (seed 000): u_t + u u_x − ν u_xx = 0, ν = 0.01/π, t ∈ [0,1], x ∈ [−1,1],
 * u(±1) = 0, u(0,x) = −sin πx. Reference: the Cole–Hopf integral by 120-point Gauss–Hermite
 * quadrature ({@link BurgersColeHopf}).
 */
@Component(service = Problem.class, property = {"geopinn.id=" + Burgers.ID, "geopinn.description=" + Burgers.DESCRIPTION})
public final class Burgers extends ProblemComponent {
    static final String ID = "burgers";
    static final String DESCRIPTION = "1+1-D Burgers: u_t + u u_x = (0.01/π) u_xx, x ∈ [−1,1], u(±1) = 0, u(0,x) = −sin πx";
    static final double NU = 0.01 / PI;

    /** Builds the problem. */
    public Burgers() {
        super(define());
    }

    /** @return the problem */
    public static Problem define() {
        Vocabulary v = new Vocabulary(List.of("t", "x"), List.of("u"));
        Domain domain = new Domain(v.variables(), new double[] {0, -1}, new double[] {1, 1},
                List.of(DomainPart.interior("interior"), DomainPart.boundary("boundary", 1),
                        DomainPart.face("initial", 0, false)));
        Expr u = v.field("u");
        Expr operator = v.d("u", "t").plus(u.times(v.d("u", "x"))).minus(v.d("u", "x", "x").times(NU));
        List<Condition> conditions = List.of(
                new Condition("pde", "interior", operator, null, 1, 2500, "sobol", null),
                Condition.of("boundary", "boundary", u, null, 100),
                Condition.of("initial", "initial", u, p -> -sin(PI * p[1]), 100));
        ReferenceSolution reference = new LazyReference(1, () -> {
            BurgersColeHopf exact = new BurgersColeHopf(NU, 120);
            return ReferenceSolution.of(p -> exact.value(p[0], p[1]));
        });
        return new DefinedProblem(ID, DESCRIPTION, v, domain, conditions, reference,
                ProblemParts.map(ProblemDefaults.MODEL, "mlp", ProblemDefaults.HIDDEN, "20,20,20",
                        ProblemDefaults.ACTIVATION, "tanh",
                        ProblemDefaults.STEPS, "100000", ProblemDefaults.TIME_BUDGET, "300"));
    }
}

package org.geopinn.problems.library;

import static java.lang.Math.PI;
import static java.lang.Math.cos;

import org.geopinn.api.problem.Problem;
import org.geopinn.api.problem.ProblemDefaults;
import org.geopinn.api.problem.ReferenceSolution;
import org.geopinn.problems.reference.AllenCahnSolver;
import org.geopinn.problems.reference.LazyReference;
import org.geopinn.problem.builder.ProblemBuilder;
import org.geopinn.problem.builder.ProblemComponent;
import org.osgi.service.component.annotations.Component;

/**
 * 1+1-D Allen–Cahn (Schwencke & Furtlehner, "ANaGRAM", 2025): u_t − 10⁻³u_xx − 5(u − u³) = 0 for t ∈ [0,1], x ∈ [−1,1],
 * u = −1 at x = ±1, u(0,x) = x² cos πx. No closed form: the reference is a fourth-order
 * method-of-lines solution ({@link AllenCahnSolver}, 2048 intervals, 500 ETDRK4 steps, max-norm
 * accuracy about 2e-7), computed on first use.
 */
@Component(service = Problem.class, property = {"geopinn.id=" + AllenCahn.ID, "geopinn.description=" + AllenCahn.DESCRIPTION})
public final class AllenCahn extends ProblemComponent {
    static final String ID = "allen-cahn";
    static final String DESCRIPTION = "1+1-D Allen–Cahn: u_t − 1e-3 u_xx − 5(u − u³) = 0, x ∈ [−1,1], u(±1) = −1, u(0,x) = x² cos πx";
    static final double DIFFUSION = 1e-3;
    static final double REACTION = 5;

    /** Builds the problem. */
    public AllenCahn() {
        super(define());
    }

    /** @return the problem */
    public static Problem define() {
        ReferenceSolution reference = new LazyReference(1, () -> {
            AllenCahnSolver solver = new AllenCahnSolver(DIFFUSION, REACTION, 1, 2048, 500);
            return ReferenceSolution.of(p -> solver.value(p[0], p[1]));
        });
        return ProblemBuilder.problem(ID, DESCRIPTION).variable("t", 0, 1).variable("x", -1, 1).field("u")
                .condition("pde", "interior", v -> v.d("u", "t").minus(v.d("u", "x", "x").times(DIFFUSION))
                        .minus(v.field("u").times(REACTION)).plus(v.field("u").pow(3).times(REACTION)), null, 2500)
                .condition("boundary", "boundary", v -> v.field("u"), p -> -1, 100)
                .condition("initial", "initial", v -> v.field("u"), p -> p[1] * p[1] * cos(PI * p[1]), 100)
                .reference(reference)
                .settings(ProblemParts.map(ProblemDefaults.MODEL, "mlp", ProblemDefaults.HIDDEN, "20,20,20",
                        ProblemDefaults.ACTIVATION, "tanh", ProblemDefaults.STEPS, "1000", ProblemDefaults.TIME_BUDGET, "300"))
                .build();
    }
}

package org.geopinn.problems.library;

import static java.lang.Math.PI;
import static java.lang.Math.sin;

import java.util.Map;
import org.geopinn.api.problem.Problem;
import org.geopinn.api.problem.ProblemDefaults;
import org.geopinn.problem.builder.ProblemBuilder;
import org.geopinn.problem.builder.ProblemComponent;
import org.osgi.service.component.annotations.Component;

/**
 * 5-D Poisson (the "5-D Laplace" of Schwencke & Furtlehner, "ANaGRAM", 2025): −Δu = π² Σ sin πx_k on [0,1]⁵, u = Σ sin πx_k on the
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
        ProblemBuilder b = ProblemBuilder.problem(ID, DESCRIPTION);
        for (int k = 1; k <= D; k++) {
            b.variable("x" + k, 0, 1);
        }
        return b.field("u")
                .condition("pde", "interior", v -> v.laplacian("u").times(-1), p -> PI * PI * sumOfSines(p), 4000)
                .sampler("sobol", Map.of())
                .condition("boundary", "boundary", v -> v.field("u"), Laplace5d::sumOfSines, 500).sampler("sobol", Map.of())
                .reference(Laplace5d::sumOfSines)
                .settings(ProblemParts.map(ProblemDefaults.MODEL, "mlp", ProblemDefaults.HIDDEN, "64",
                        ProblemDefaults.ACTIVATION, "tanh", ProblemDefaults.STEPS, "1000", ProblemDefaults.TIME_BUDGET, "300"))
                .build();
    }

    private static double sumOfSines(double[] p) {
        double s = 0;
        for (int k = 0; k < D; k++) {
            s += sin(PI * p[k]);
        }
        return s;
    }
}

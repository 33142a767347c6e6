package org.geopinn.evolution.problems;

import java.util.List;
import org.geopinn.api.evolution.BoundaryTreatment;
import org.geopinn.api.evolution.InitialValueProblem;
import org.geopinn.api.expr.Expr;
import org.geopinn.expr.Vocabulary;
import org.osgi.service.component.annotations.Component;

/**
 * 2-D heat u_t = 0.05Δu on [−1,1]² with zero Dirichlet data, from a Gaussian of width σ = 0.1 at
 * the centre. Exact solution by images: u = Π_j (σ/s) G_s(x_j), s² = σ² + 2κt, G the odd image
 * sum of {@link GaussianPulse#dirichlet}; the initial data is that sum at t = 0.
 */
@Component(service = InitialValueProblem.class, property = {"geopinn.id=heat2d",
    "geopinn.description=2-D heat u_t = 0.05 Lap u on [-1,1]^2, u = 0 on the boundary, Gaussian pulse (exact by images)"})
public final class Heat2d extends ExactSolutionProblem {
    static final double KAPPA = 0.05;
    static final double SIGMA = 0.1;
    private static final Vocabulary VOCABULARY = new Vocabulary(List.of("x", "y"), List.of("u"));

    /** The problem. */
    public Heat2d() {
        super("heat2d", "2-D heat u_t = 0.05 Lap u on [-1,1]^2, u = 0 on the boundary, Gaussian pulse sigma = 0.1 (exact by images)",
                VOCABULARY, Boxes.cube(VOCABULARY.variables(), -1, 1), BoundaryTreatment.HARD_ZERO);
    }

    @Override
    public List<Expr> rightHandSides() {
        return List.of(VOCABULARY.laplacian("u").times(KAPPA));
    }

    @Override
    void exact(double t, double[] points, int n, double[] out) {
        solution(t, points, n, out);
    }

    /** The exact solution by images (also the space-time problem's initial data). */
    static void solution(double t, double[] points, int n, double[] out) {
        double s = Math.sqrt(SIGMA * SIGMA + 2 * KAPPA * t);
        double amplitude = (SIGMA / s) * (SIGMA / s);
        for (int i = 0; i < n; i++) {
            out[i] = amplitude * GaussianPulse.dirichlet(points[2 * i], s) * GaussianPulse.dirichlet(points[2 * i + 1], s);
        }
    }
}

package org.geopinn.evolution.problems;

import java.util.ArrayList;
import java.util.List;
import org.geopinn.api.evolution.BoundaryTreatment;
import org.geopinn.api.expr.Expr;
import org.geopinn.expr.Vocabulary;

/**
 * Constant-velocity advection u_t = −a·∇u on [−1,1]^d of a Gaussian pulse, exact solution
 * u(x, t) = exp(−|x − c − at|²/(2σ²)), subclassed per dimension. Where the pulse stays far from
 * the faces (exp(−24) there in 2-D) zero data is imposed exactly ({@link BoundaryTreatment#HARD_ZERO}):
 * without it the inflow faces let values that the network takes outside the box, never sampled,
 * flow in (measured: most of the 2-D error at t = 1 sat in the inflow corner). A wide pulse that
 * touches the faces (5-D) uses {@link BoundaryTreatment#NONE}.
 */
abstract class Advection extends ExactSolutionProblem {
    private final double[] start;
    private final double[] velocity;
    private final double sigma;

    /**
     * @param id the id
     * @param description the description
     * @param start the pulse's centre at t = 0
     * @param velocity the velocity a
     * @param sigma the pulse's width
     * @param boundary how the faces are treated
     */
    Advection(String id, String description, double[] start, double[] velocity, double sigma, BoundaryTreatment boundary) {
        super(id, description, vocabulary(start.length), Boxes.cube(vocabulary(start.length).variables(), -1, 1), boundary);
        this.start = start.clone();
        this.velocity = velocity.clone();
        this.sigma = sigma;
    }

    private static Vocabulary vocabulary(int d) {
        List<String> variables = new ArrayList<>();
        for (int j = 0; j < d; j++) {
            variables.add(d <= 3 ? new String[] {"x", "y", "z"}[j] : "x" + (j + 1));
        }
        return new Vocabulary(variables, List.of("u"));
    }

    @Override
    public List<Expr> rightHandSides() {
        List<Expr> terms = new ArrayList<>();
        Vocabulary vocabulary = vocabulary();
        List<String> xs = vocabulary.variables();
        for (int j = 0; j < xs.size(); j++) {
            if (velocity[j] != 0) {
                terms.add(vocabulary.d("u", xs.get(j)).times(-velocity[j]));
            }
        }
        return List.of(new Expr.Sum(terms));
    }

    @Override
    void exact(double t, double[] points, int n, double[] out) {
        int d = start.length;
        for (int i = 0; i < n; i++) {
            double r2 = 0;
            for (int j = 0; j < d; j++) {
                double z = points[i * d + j] - start[j] - velocity[j] * t;
                r2 += z * z;
            }
            out[i] = Math.exp(-r2 / (2 * sigma * sigma));
        }
    }
}

package org.geopinn.evolution.problems;

import java.util.ArrayList;
import java.util.List;
import org.geopinn.api.evolution.BoundaryTreatment;
import org.geopinn.api.expr.Expr;
import org.geopinn.expr.Vocabulary;

/**
 * Fokker–Planck equation of the d-dimensional Ornstein–Uhlenbeck process dX = −θX dt + √(2D) dW
 * for the log-density q = log p: the density's equation p_t = ∇·(θxp) + DΔp becomes
 * q_t = θd + θx·∇q + D(Δq + |∇q|²). A Gaussian initial density N(m₀, s₀²I) stays Gaussian:
 * p(t) = N(m₀e^(−θt), s²(t)I), s²(t) = s₀²e^(−2θt) + (D/θ)(1 − e^(−2θt)), so
 * q = −|x − m(t)|²/(2s²) − (d/2)log(2πs²) is the exact solution.
 *
 * <p>Why the log-density: uniform samples of a box in d = 5 or more almost never fall where a
 * Gaussian density lives (its mass sits in a ball of a tiny fraction of the box's volume), so the
 * Monte Carlo estimates of M and F would see nothing; q is large and smooth everywhere, and every
 * sample carries information. The density is exp(q). The box [−1.5, 1.5]^d holds the mean and
 * ±2.5 standard deviations at every time; there is no boundary treatment (the exact q is used on
 * the whole box and the network extrapolates across the faces).
 */
abstract class OrnsteinUhlenbeck extends ExactSolutionProblem {
    /** Drift rate θ. */
    static final double THETA = 1.0;
    /** Diffusion D (stationary variance D/θ = 0.5). */
    static final double DIFFUSION = 0.5;
    /** Initial variance s₀². */
    static final double INITIAL_VARIANCE = 0.2;
    /** Initial mean, every coordinate. */
    static final double INITIAL_MEAN = 0.25;
    /** Half the box's side. */
    static final double HALF_WIDTH = 1.5;

    private final int dimension;

    /**
     * @param id the id
     * @param dimension d
     */
    OrnsteinUhlenbeck(String id, int dimension) {
        super(id, dimension + "-D Fokker-Planck of the Ornstein-Uhlenbeck process (theta = 1, D = 0.5) for the log-density"
                + " q_t = theta d + theta x.grad q + D(Lap q + |grad q|^2), Gaussian initial density (exact)",
                vocabulary(dimension), Boxes.cube(vocabulary(dimension).variables(), -HALF_WIDTH, HALF_WIDTH),
                BoundaryTreatment.NONE);
        this.dimension = dimension;
    }

    private static Vocabulary vocabulary(int dimension) {
        List<String> variables = new ArrayList<>();
        for (int j = 0; j < dimension; j++) {
            variables.add("x" + (j + 1));
        }
        return new Vocabulary(variables, List.of("q"));
    }

    @Override
    public List<Expr> rightHandSides() {
        Vocabulary vocabulary = vocabulary();
        List<Expr> terms = new ArrayList<>();
        terms.add(Expr.constant(THETA * dimension));
        for (String x : vocabulary.variables()) {
            terms.add(vocabulary.coordinate(x).times(vocabulary.d("q", x)).times(THETA));
        }
        terms.add(vocabulary.laplacian("q").times(DIFFUSION));
        terms.add(vocabulary.gradDot("q", "q").times(DIFFUSION));
        return List.of(new Expr.Sum(terms));
    }

    /** @param t the time @return s²(t) */
    static double variance(double t) {
        double decay = Math.exp(-2 * THETA * t);
        return INITIAL_VARIANCE * decay + DIFFUSION / THETA * (1 - decay);
    }

    /** @param t the time @return every coordinate of the mean m(t) */
    static double mean(double t) {
        return INITIAL_MEAN * Math.exp(-THETA * t);
    }

    /** q(t, x) = −|x − m(t)|²/(2s²) − (d/2)log(2πs²) at n points. */
    @Override
    void exact(double t, double[] points, int n, double[] out) {
        double s2 = variance(t);
        double m = mean(t);
        double normalisation = -0.5 * dimension * Math.log(2 * Math.PI * s2);
        for (int i = 0; i < n; i++) {
            double r2 = 0;
            for (int j = 0; j < dimension; j++) {
                double dx = points[i * dimension + j] - m;
                r2 += dx * dx;
            }
            out[i] = -r2 / (2 * s2) + normalisation;
        }
    }
}

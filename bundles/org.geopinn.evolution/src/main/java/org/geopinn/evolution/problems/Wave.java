package org.geopinn.evolution.problems;

import java.util.List;
import org.geopinn.api.evolution.BoundaryTreatment;
import org.geopinn.api.expr.Expr;
import org.geopinn.expr.Vocabulary;

/**
 * 2-D wave u_tt = c²Δu (c = 0.5) on [−1,1]² with zero Dirichlet data, as the first-order system
 * u_t = v, v_t = c²Δu, from u = g(x)g(y) for an even 1-D profile g that vanishes at ±1 (given by
 * the subclass), and v = 0. Reference: the
 * sine series u = Σ a_k a_l cos(ω_kl t) S_k(x) S_l(y), v = −Σ a_k a_l ω_kl sin(ω_kl t) S_k S_l,
 * S_k(x) = sin(kπ(x+1)/2), ω_kl = c(π/2)√(k² + l²), with a_k = ∫ g S_k by a
 * {@value #QUADRATURE}-point midpoint rule (spectrally accurate for this smooth odd-periodic
 * integrand) and k ≤ {@value #MODES} (for the profiles here the dropped coefficients are below 1e-12).
 */
abstract class Wave extends ExactSolutionProblem {
    static final double SPEED = 0.5;
    static final int MODES = 64;
    static final int QUADRATURE = 4096;
    private static final Vocabulary VOCABULARY = new Vocabulary(List.of("x", "y"), List.of("u", "v"));
    private final double[] coefficients;

    /**
     * @param id the id
     * @param description the description
     */
    Wave(String id, String description) {
        super(id, description, VOCABULARY, Boxes.cube(VOCABULARY.variables(), -1, 1), BoundaryTreatment.HARD_ZERO);
        this.coefficients = sineCoefficients();
    }

    /**
     * @param x a point of [−1, 1]
     * @return the initial profile g(x): even, zero at ±1
     */
    abstract double profile(double x);

    @Override
    public List<Expr> rightHandSides() {
        return List.of(VOCABULARY.field("v"), VOCABULARY.laplacian("u").times(SPEED * SPEED));
    }

    /** The profile itself, exactly (the series at t = 0 only approximates it). */
    @Override
    public void initialValue(double[] points, int n, double[] out) {
        for (int i = 0; i < n; i++) {
            out[2 * i] = profile(points[2 * i]) * profile(points[2 * i + 1]);
            out[2 * i + 1] = 0;
        }
    }

    /** The sine series. */
    @Override
    void exact(double t, double[] points, int n, double[] out) {
        // Only odd modes are non-zero: tabulate their time factors once per call.
        int m = (MODES + 1) / 2;
        double[] cosines = new double[m * m];
        double[] sines = new double[m * m];
        for (int k = 0; k < m; k++) {
            for (int l = 0; l < m; l++) {
                double kk = 2 * k + 1.0;
                double ll = 2 * l + 1.0;
                double omega = SPEED * 0.5 * Math.PI * Math.sqrt(kk * kk + ll * ll);
                double a = coefficients[2 * k] * coefficients[2 * l];
                cosines[k * m + l] = a * Math.cos(omega * t);
                sines[k * m + l] = -a * omega * Math.sin(omega * t);
            }
        }
        double[] sx = new double[MODES];
        double[] sy = new double[MODES];
        for (int i = 0; i < n; i++) {
            modes(points[2 * i], sx);
            modes(points[2 * i + 1], sy);
            double u = 0;
            double v = 0;
            for (int k = 0; k < m; k++) {
                double cu = 0;
                double cv = 0;
                for (int l = 0; l < m; l++) {
                    cu += cosines[k * m + l] * sy[2 * l];
                    cv += sines[k * m + l] * sy[2 * l];
                }
                u += sx[2 * k] * cu;
                v += sx[2 * k] * cv;
            }
            out[2 * i] = u;
            out[2 * i + 1] = v;
        }
    }

    private static void modes(double x, double[] s) {
        for (int k = 0; k < s.length; k++) {
            s[k] = Math.sin((k + 1) * Math.PI * (x + 1) / 2);
        }
    }

    /** a_k = ∫_{−1}^{1} g(x) S_k(x) dx (‖S_k‖ = 1); even k vanish by symmetry and are set to exactly 0. */
    private double[] sineCoefficients() {
        double[] a = new double[MODES];
        double[] s = new double[MODES];
        double h = 2.0 / QUADRATURE;
        for (int q = 0; q < QUADRATURE; q++) {
            double x = -1 + (q + 0.5) * h;
            double g = profile(x);
            modes(x, s);
            for (int k = 0; k < MODES; k++) {
                a[k] += h * g * s[k];
            }
        }
        for (int k = 1; k < MODES; k += 2) {
            a[k] = 0;
        }
        return a;
    }
}

package org.geopinn.evolution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.geopinn.api.evolution.InitialValueProblem;
import org.geopinn.api.evolution.TimeReference;
import org.geopinn.evolution.problems.Advection2d;
import org.geopinn.evolution.problems.Advection5d;
import org.geopinn.evolution.problems.Heat2d;
import org.geopinn.evolution.problems.OrnsteinUhlenbeck5d;
import org.geopinn.evolution.problems.Wave2d;
import org.geopinn.evolution.problems.Wave2dModulated;
import org.junit.jupiter.api.Test;

/**
 * The reference solutions solve their PDEs (central differences in t and x), start from the
 * initial data, and (with hard zero data) vanish on the boundary.
 */
class ProblemsTest {
    private static final double H = 1e-3;

    @Test
    void heatReferenceSolvesTheHeatEquationAndVanishesOnTheBoundary() {
        Heat2d p = new Heat2d();
        TimeReference ref = p.reference().orElseThrow();
        Random r = new Random(1);
        for (int trial = 0; trial < 20; trial++) {
            double[] x = {0.6 * (2 * r.nextDouble() - 1), 0.6 * (2 * r.nextDouble() - 1)};
            double t = 0.05 + 0.9 * r.nextDouble();
            double ut = (at(ref, t + H, x, 0) - at(ref, t - H, x, 0)) / (2 * H);
            double lap = laplacian(ref, t, x, 0, 2);
            assertEquals(0.05 * lap, ut, 1e-5 * Math.max(1, Math.abs(ut)), "at " + x[0] + "," + x[1] + " t=" + t);
        }
        assertEquals(0, at(ref, 0.7, new double[] {1, 0.3}, 0), 1e-14);
        assertEquals(0, at(ref, 0.7, new double[] {0.2, -1}, 0), 1e-14);
        assertInitialDataMatches(p);
    }

    @Test
    void waveReferencesSolveTheFirstOrderSystem() {
        for (InitialValueProblem p : new InitialValueProblem[] {new Wave2d(), new Wave2dModulated()}) {
            TimeReference ref = p.reference().orElseThrow();
            Random r = new Random(2);
            double largest = 0;
            for (int trial = 0; trial < 10; trial++) {
                double[] x = {0.8 * (2 * r.nextDouble() - 1), 0.8 * (2 * r.nextDouble() - 1)};
                double t = 0.1 + 0.8 * r.nextDouble();
                double ut = (at(ref, t + H, x, 0) - at(ref, t - H, x, 0)) / (2 * H);
                double vt = (at(ref, t + H, x, 1) - at(ref, t - H, x, 1)) / (2 * H);
                assertEquals(at(ref, t, x, 1), ut, 2e-4 * Math.max(1, Math.abs(ut)), p.id() + ": u_t = v");
                assertEquals(0.25 * laplacian(ref, t, x, 0, 2), vt, 2e-3 * Math.max(1, Math.abs(vt)), p.id() + ": v_t = c^2 Lap u");
                largest = Math.max(largest, Math.abs(vt));
            }
            assertTrue(largest > 1e-2, p.id() + ": the test points see the wave");
            assertInitialDataMatches(p);
        }
    }

    @Test
    void ornsteinUhlenbeckLogDensitySolvesItsFokkerPlanckEquationAndIsTheGaussianDensity() {
        OrnsteinUhlenbeck5d p = new OrnsteinUhlenbeck5d();
        TimeReference ref = p.reference().orElseThrow();
        int d = 5;
        double theta = 1;
        double diffusion = 0.5;
        Random r = new Random(4);
        for (int trial = 0; trial < 10; trial++) {
            double[] x = new double[d];
            for (int j = 0; j < d; j++) {
                x[j] = 1.2 * (2 * r.nextDouble() - 1);
            }
            double t = 0.05 + 2 * r.nextDouble();
            double qt = (at(ref, t + H, x, 0) - at(ref, t - H, x, 0)) / (2 * H);
            double drift = theta * d;
            double gradSquared = 0;
            for (int j = 0; j < d; j++) {
                double[] plus = x.clone();
                double[] minus = x.clone();
                plus[j] += H;
                minus[j] -= H;
                double g = (at(ref, t, plus, 0) - at(ref, t, minus, 0)) / (2 * H);
                drift += theta * x[j] * g;
                gradSquared += g * g;
            }
            double rhs = drift + diffusion * (laplacian(ref, t, x, 0, d) + gradSquared);
            assertEquals(rhs, qt, 1e-4 * Math.max(1, Math.abs(qt)), "q_t at t=" + t);
        }
        // exp(q) is the closed-form density of the process: N(m0 e^-t, s^2(t) I), s^2 = 0.2 e^-2t + 0.5 (1 - e^-2t).
        double t = 0.7;
        double s2 = 0.2 * Math.exp(-2 * t) + 0.5 * (1 - Math.exp(-2 * t));
        double m = 0.25 * Math.exp(-t);
        double[] x = {0.1, -0.3, 0.4, 0.0, 0.2};
        double r2 = 0;
        for (double xj : x) {
            r2 += (xj - m) * (xj - m);
        }
        double density = Math.exp(-r2 / (2 * s2)) / Math.pow(2 * Math.PI * s2, d / 2.0);
        assertEquals(density, Math.exp(at(ref, t, x, 0)), 1e-12 * density);
        assertInitialDataMatches(p);
    }

    @Test
    void advectionReferencesTranslateThePulse() {
        for (InitialValueProblem p : new InitialValueProblem[] {new Advection2d(), new Advection5d()}) {
            TimeReference ref = p.reference().orElseThrow();
            int d = p.domain().dimension();
            double[] x = new double[d];
            Random r = new Random(3);
            for (int j = 0; j < d; j++) {
                x[j] = 0.3 * (2 * r.nextDouble() - 1);
            }
            double t = 0.4;
            double ut = (at(ref, t + H, x, 0) - at(ref, t - H, x, 0)) / (2 * H);
            double advection = 0;
            double[] velocity = d == 2 ? new double[] {0.6, 0.3} : new double[] {0.4, 0.4, 0.4, 0.4, 0.4};
            for (int j = 0; j < d; j++) {
                double[] plus = x.clone();
                double[] minus = x.clone();
                plus[j] += H;
                minus[j] -= H;
                advection -= velocity[j] * (at(ref, t, plus, 0) - at(ref, t, minus, 0)) / (2 * H);
            }
            assertEquals(advection, ut, 1e-4 * Math.max(1, Math.abs(ut)), p.id());
            assertTrue(Math.abs(ut) > 1e-3, "the test point sees the pulse move");
            assertInitialDataMatches(p);
        }
    }

    @Test
    void spaceTimeHeatAgreesWithTheInitialValueProblem() {
        var spaceTime = new org.geopinn.evolution.problems.Heat2dSpaceTime();
        TimeReference ivp = new Heat2d().reference().orElseThrow();
        double[] exact = new double[1];
        ivp.evaluate(0.3, new double[] {0.1, -0.2}, 1, exact);
        double[] st = new double[1];
        spaceTime.reference().orElseThrow().evaluate(new double[] {0.3, 0.1, -0.2}, 1, st);
        assertEquals(exact[0], st[0], 1e-15);
        var initial = spaceTime.conditions().stream().filter(c -> c.name().equals("initial")).findFirst().orElseThrow();
        double[] u0 = new double[1];
        ivp.evaluate(0, new double[] {0.05, 0.02}, 1, u0);
        assertEquals(u0[0], initial.source().value(new double[] {0, 0.05, 0.02}), 1e-15);
        assertEquals(3, spaceTime.domain().dimension());
    }

    private static void assertInitialDataMatches(InitialValueProblem p) {
        int d = p.domain().dimension();
        int f = p.vocabulary().fields().size();
        int n = 50;
        double[] points = TestPoints.uniform(p, n, 9);
        double[] initial = new double[n * f];
        double[] reference = new double[n * f];
        p.initialValue(points, n, initial);
        p.reference().orElseThrow().evaluate(0, points, n, reference);
        for (int i = 0; i < n * f; i++) {
            assertEquals(initial[i], reference[i], 1e-10, p.id() + " initial data");
        }
    }

    private static double at(TimeReference ref, double t, double[] x, int field) {
        int fields = field + 1 > 1 ? 2 : 1;
        double[] out = new double[Math.max(fields, 2)];
        ref.evaluate(t, x, 1, out);
        return out[field];
    }

    private static double laplacian(TimeReference ref, double t, double[] x, int field, int d) {
        double s = 0;
        double h = 1e-3;
        for (int j = 0; j < d; j++) {
            double[] plus = x.clone();
            double[] minus = x.clone();
            plus[j] += h;
            minus[j] -= h;
            s += (at(ref, t, plus, field) - 2 * at(ref, t, x, field) + at(ref, t, minus, field)) / (h * h);
        }
        return s;
    }
}

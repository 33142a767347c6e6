package org.geopinn.problems.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The classical solvers behind the reference solutions converge under refinement and satisfy their equations. */
class ReferenceSolversTest {

    @Test
    void poissonBoltzmannMatchesGouyChapmanAndConvergesAtFourthOrder() {
        double eps = 0.1;
        double zeta = 1;
        UniformGridFunction coarse = PoissonBoltzmann.solve(eps, 1, zeta, 0, 250);
        UniformGridFunction mid = PoissonBoltzmann.solve(eps, 1, zeta, 0, 500);
        UniformGridFunction fine = PoissonBoltzmann.solve(eps, 1, zeta, 0, 1000);
        double errCoarse = 0;
        double errMid = 0;
        double gcGap = 0;
        for (int i = 0; i <= 1000; i++) {
            double x = i / 1000.0;
            errCoarse = Math.max(errCoarse, Math.abs(coarse.value(x) - fine.value(x)));
            errMid = Math.max(errMid, Math.abs(mid.value(x) - fine.value(x)));
            // Gouy–Chapman: the same equation on a half-line; it differs from φ(1) = 0 by ~1e-6.
            double gc = 4 * atanh(Math.tanh(zeta / 4) * Math.exp(-Math.sqrt(2) * x / eps));
            gcGap = Math.max(gcGap, Math.abs(fine.value(x) - gc));
        }
        System.out.printf("PB: coarse %.3e mid %.3e gc %.3e%n", errCoarse, errMid, gcGap);
        assertTrue(gcGap < 2e-6, "distance to Gouy–Chapman " + gcGap);
        assertTrue(errMid < errCoarse / 8, "fourth-order convergence: " + errCoarse + " then " + errMid);
        assertTrue(errMid < 1e-7);
    }

    private static double atanh(double x) {
        return 0.5 * Math.log((1 + x) / (1 - x));
    }

    @Test
    void burgersQuadratureConvergesAndSatisfiesTheEquation() {
        double nu = 0.01 / Math.PI;
        BurgersColeHopf coarse = new BurgersColeHopf(nu, 60);
        BurgersColeHopf fine = new BurgersColeHopf(nu, 120);
        double gap = 0;
        for (double t = 0.05; t <= 1; t += 0.1) {
            for (double x = -0.95; x <= 0.95; x += 0.05) {
                gap = Math.max(gap, Math.abs(coarse.value(t, x) - fine.value(t, x)));
            }
        }
        System.out.printf("Burgers: gap %.3e%n", gap);
        double res = 0;
        double h = 1e-4;
        for (double t = 0.1; t <= 0.9; t += 0.2) {
            for (double x = -0.9; x <= 0.9; x += 0.1) {
                if (Math.abs(x) < 0.15) {
                    continue;
                }
                double u = fine.value(t, x);
                double ut = (fine.value(t + h, x) - fine.value(t - h, x)) / (2 * h);
                double ux = (fine.value(t, x + h) - fine.value(t, x - h)) / (2 * h);
                double uxx = (fine.value(t, x + h) - 2 * u + fine.value(t, x - h)) / (h * h);
                res = Math.max(res, Math.abs(ut + u * ux - nu * uxx));
            }
        }
        System.out.printf("Burgers: residual %.3e%n", res);
        assertTrue(gap < 1e-8, "quadrature gap " + gap);
        assertTrue(res < 1e-5, "PDE residual " + res);
    }

    @Test
    void allenCahnConvergesAtFourthOrderAndSatisfiesTheEquation() {
        AllenCahnSolver coarse = new AllenCahnSolver(1e-3, 5, 1, 512, 200);
        AllenCahnSolver mid = new AllenCahnSolver(1e-3, 5, 1, 1024, 200);
        AllenCahnSolver fine = new AllenCahnSolver(1e-3, 5, 1, 2048, 200);
        double gapCoarse = 0;
        double gapMid = 0;
        for (double t = 0; t <= 1.0001; t += 0.05) {
            for (double x = -1; x <= 1.0001; x += 0.01) {
                gapCoarse = Math.max(gapCoarse, Math.abs(coarse.value(t, x) - fine.value(t, x)));
                gapMid = Math.max(gapMid, Math.abs(mid.value(t, x) - fine.value(t, x)));
            }
        }
        System.out.printf("AC: gaps %.3e %.3e%n", gapCoarse, gapMid);
        // Fourth-order difference quotients of the interpolated solution, so that the check's own
        // truncation error stays well below the tolerance even across the fronts.
        double res = 0;
        double h = 4e-3;
        double k = 1e-2;
        for (double t = 0.1; t <= 0.95; t += 0.1) {
            for (double x = -0.95; x <= 0.95; x += 0.05) {
                double u = fine.value(t, x);
                double ut = (-fine.value(t + 2 * k, x) + 8 * fine.value(t + k, x) - 8 * fine.value(t - k, x)
                        + fine.value(t - 2 * k, x)) / (12 * k);
                double uxx = (-fine.value(t, x + 2 * h) + 16 * fine.value(t, x + h) - 30 * u + 16 * fine.value(t, x - h)
                        - fine.value(t, x - 2 * h)) / (12 * h * h);
                res = Math.max(res, Math.abs(ut - 1e-3 * uxx - 5 * (u - u * u * u)));
            }
        }
        System.out.printf("AC: residual %.3e%n", res);
        assertEquals(-1, fine.value(0.5, 1), 1e-12);
        assertEquals(-1, fine.value(0, 0.999999), 1e-5);
        assertTrue(gapMid < gapCoarse / 10, "fourth-order convergence: " + gapCoarse + " then " + gapMid);
        assertTrue(gapMid < 1e-5, "refinement gap " + gapMid);
        assertTrue(res < 1e-3, "PDE residual " + res);
    }
}

package org.geopinn.problems.reference;

/**
 * The equilibrium double layer: φ″ = 2 sinh(φ)/ε² on [0, L] with φ(0), φ(L) given, solved by
 * Newton's method on Numerov's fourth-order scheme
 * (φᵢ₊₁ − 2φᵢ + φᵢ₋₁)/h² = (gᵢ₊₁ + 10gᵢ + gᵢ₋₁)/12, g = 2 sinh φ/ε², whose Jacobian is
 * tridiagonal. The ion concentrations of the Boltzmann equilibrium are c± = e^(∓φ).
 */
public final class PoissonBoltzmann {
    private static final int MAX_NEWTON = 50;

    private PoissonBoltzmann() {
    }

    /**
     * @param epsilon the Debye length ε
     * @param length the interval length L
     * @param left φ(0)
     * @param right φ(L)
     * @param intervals the number of grid intervals N (at least 3)
     * @return φ at the N+1 nodes, as an interpolating function on [0, L]
     * @throws IllegalStateException if Newton's method does not converge
     */
    public static UniformGridFunction solve(double epsilon, double length, double left, double right, int intervals) {
        int n = intervals;
        double h = length / n;
        double[] phi = debyeHuckelGuess(epsilon, length, left, right, n);
        double c = h * h / 12;
        double[] residual = new double[n + 1];
        double[] sub = new double[n + 1];
        double[] diag = new double[n + 1];
        double[] sup = new double[n + 1];
        double norm = residual(phi, epsilon, c, residual);
        for (int iter = 0; iter < MAX_NEWTON; iter++) {
            if (norm < 1e-14 * n) {
                return new UniformGridFunction(0, length, phi);
            }
            for (int i = 1; i < n; i++) {
                sub[i] = 1 - c * dg(phi[i - 1], epsilon);
                diag[i] = -2 - 10 * c * dg(phi[i], epsilon);
                sup[i] = 1 - c * dg(phi[i + 1], epsilon);
            }
            double[] delta = solveTridiagonal(sub, diag, sup, residual, n);
            double[] trial = new double[n + 1];
            double damping = 1;
            double trialNorm;
            do {
                for (int i = 0; i <= n; i++) {
                    trial[i] = phi[i] - damping * delta[i];
                }
                trialNorm = residual(trial, epsilon, c, residual);
                damping /= 2;
            } while (!(trialNorm < norm) && damping > 1e-6);
            if (!(trialNorm < norm) && norm > 1e-10 * n) {
                throw new IllegalStateException("Newton's method for the Poisson–Boltzmann layer stalled at residual " + norm);
            }
            if (!(trialNorm < norm)) {
                return new UniformGridFunction(0, length, phi);
            }
            phi = trial;
            norm = trialNorm;
        }
        throw new IllegalStateException("Newton's method for the Poisson–Boltzmann layer did not converge: residual " + norm);
    }

    /** Solution of the linearised equation φ″ = 2φ/ε² with the same boundary values. */
    private static double[] debyeHuckelGuess(double epsilon, double length, double left, double right, int n) {
        double k = Math.sqrt(2) / epsilon;
        double[] phi = new double[n + 1];
        double s = Math.sinh(k * length);
        for (int i = 0; i <= n; i++) {
            double x = length * i / n;
            phi[i] = (left * Math.sinh(k * (length - x)) + right * Math.sinh(k * x)) / s;
        }
        phi[0] = left;
        phi[n] = right;
        return phi;
    }

    private static double g(double phi, double epsilon) {
        return 2 * Math.sinh(phi) / (epsilon * epsilon);
    }

    private static double dg(double phi, double epsilon) {
        return 2 * Math.cosh(phi) / (epsilon * epsilon);
    }

    /** Numerov residuals at the interior nodes (zero at the ends); returns their max norm sum. */
    private static double residual(double[] phi, double epsilon, double c, double[] out) {
        int n = phi.length - 1;
        double norm = 0;
        for (int i = 1; i < n; i++) {
            out[i] = phi[i + 1] - 2 * phi[i] + phi[i - 1]
                    - c * (g(phi[i + 1], epsilon) + 10 * g(phi[i], epsilon) + g(phi[i - 1], epsilon));
            norm += Math.abs(out[i]);
        }
        out[0] = 0;
        out[n] = 0;
        return norm;
    }

    /** Thomas algorithm for rows 1..n−1 with zero corrections at both ends. */
    private static double[] solveTridiagonal(double[] sub, double[] diag, double[] sup, double[] rhs, int n) {
        double[] cp = new double[n + 1];
        double[] dp = new double[n + 1];
        for (int i = 1; i < n; i++) {
            double lowerCoeff = i > 1 ? sub[i] : 0;
            double m = diag[i] - lowerCoeff * cp[i - 1];
            cp[i] = i < n - 1 ? sup[i] / m : 0;
            dp[i] = (rhs[i] - lowerCoeff * dp[i - 1]) / m;
        }
        double[] x = new double[n + 1];
        for (int i = n - 1; i >= 1; i--) {
            x[i] = dp[i] - cp[i] * x[i + 1];
        }
        return x;
    }
}

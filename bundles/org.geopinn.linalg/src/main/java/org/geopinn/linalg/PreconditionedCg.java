package org.geopinn.linalg;

/**
 * Preconditioned conjugate gradients for a symmetric positive definite {@link LinearOperator}.
 * Stops when ‖b − A·x‖ ≤ tolerance·‖b‖ or after maxIterations iterations. Work vectors are kept
 * between solves of the same size, so repeated solves allocate nothing. Not thread-safe.
 */
public final class PreconditionedCg {
    private final double tolerance;
    private final int maxIterations;
    private double[] r = new double[0];
    private double[] z = new double[0];
    private double[] p = new double[0];
    private double[] q = new double[0];

    /**
     * @param tolerance the relative residual to reach, &gt; 0
     * @param maxIterations the most iterations, ≥ 1
     */
    public PreconditionedCg(double tolerance, int maxIterations) {
        if (!(tolerance > 0) || maxIterations < 1) {
            throw new IllegalArgumentException("CG needs tolerance > 0 and maxIterations >= 1, got " + tolerance + ", " + maxIterations);
        }
        this.tolerance = tolerance;
        this.maxIterations = maxIterations;
    }

    /**
     * Solves A·x = b.
     *
     * @param a the SPD operator
     * @param preconditioner applies an approximation of A⁻¹, or null for none
     * @param b the right-hand side (not modified)
     * @param x the initial guess on entry, the solution on exit (modified)
     * @return iterations and final relative residual
     */
    public CgResult solve(LinearOperator a, LinearOperator preconditioner, double[] b, double[] x) {
        int n = b.length;
        ensure(n);
        double bNorm = Vectors.norm(b);
        if (bNorm == 0) {
            java.util.Arrays.fill(x, 0);
            return new CgResult(0, 0, true);
        }
        a.apply(x, q);
        for (int i = 0; i < n; i++) {
            r[i] = b[i] - q[i];
        }
        double rNorm = Vectors.norm(r);
        if (rNorm <= tolerance * bNorm) {
            return new CgResult(0, rNorm / bNorm, true);
        }
        precondition(preconditioner, r, z);
        System.arraycopy(z, 0, p, 0, n);
        double rz = Vectors.dot(r, z);
        int it = 0;
        while (it < maxIterations) {
            a.apply(p, q);
            it++;
            double pq = Vectors.dot(p, q);
            if (!(pq > 0)) {
                break; // not positive definite along p (or breakdown): keep the current iterate
            }
            double alpha = rz / pq;
            Vectors.axpy(alpha, p, x);
            Vectors.axpy(-alpha, q, r);
            rNorm = Vectors.norm(r);
            if (rNorm <= tolerance * bNorm) {
                break;
            }
            precondition(preconditioner, r, z);
            double rzNext = Vectors.dot(r, z);
            double beta = rzNext / rz;
            rz = rzNext;
            for (int i = 0; i < n; i++) {
                p[i] = z[i] + beta * p[i];
            }
        }
        double rel = rNorm / bNorm;
        return new CgResult(it, rel, rel <= tolerance);
    }

    private static void precondition(LinearOperator preconditioner, double[] in, double[] out) {
        if (preconditioner == null) {
            System.arraycopy(in, 0, out, 0, in.length);
        } else {
            preconditioner.apply(in, out);
        }
    }

    private void ensure(int n) {
        if (r.length != n) {
            r = new double[n];
            z = new double[n];
            p = new double[n];
            q = new double[n];
        }
    }
}

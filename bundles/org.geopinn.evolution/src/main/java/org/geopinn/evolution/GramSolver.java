package org.geopinn.evolution;

import java.util.Random;
import org.geopinn.linalg.CgResult;
import org.geopinn.linalg.DenseKernels;
import org.geopinn.linalg.LinearOperator;
import org.geopinn.linalg.NystromPreconditioner;
import org.geopinn.linalg.PreconditionedCg;

/**
 * Solves (M + μI) x = b for the Gram operator M = JᵀJ/n of a {@link JacobianProducts}, by CG with
 * the rank-ℓ Nyström preconditioner of the linalg bundle (ℓ = 0: plain CG). The preconditioner is
 * built by {@link #refresh()} from the current linearisation and kept until the next refresh: the
 * Neural IVP loop refreshes once per time step and reuses it for the step's stages, whose θ differ
 * little, and the fits refresh every few Gauss–Newton iterations. With a {@link DenseGramFactor}
 * instead, the refresh forms M densely and CG is preconditioned by the exact (M + μI)⁻¹ of the
 * refresh's linearisation: the solve there converges in one iteration (the Neural IVP loop then
 * refreshes at every stage).
 */
final class GramSolver {
    /** Power iterations that estimate λ_max of M when there is no Nyström preconditioner. */
    private static final int POWER_ITERATIONS = 20;

    private final JacobianProducts products;
    private final int rank;
    private final Random random;
    private final DenseKernels kernels = DenseKernels.preferred();
    private final PreconditionedCg cg;
    private final double[] scratch;
    private final DenseGramFactor dense;
    private NystromPreconditioner preconditioner;
    private double largestEigenvalue = Double.NaN;
    private double shift;
    private final LinearOperator shifted;

    /**
     * @param products the Jacobian products (their linearisation may change between solves)
     * @param rank the Nyström rank ℓ, 0 for none; clipped to P
     * @param cgTolerance relative residual at which CG stops
     * @param cgMaxIterations CG iteration limit
     * @param random the source of the sketches
     */
    GramSolver(JacobianProducts products, int rank, double cgTolerance, int cgMaxIterations, Random random) {
        this(products, rank, cgTolerance, cgMaxIterations, random, 0);
    }

    /**
     * @param products the Jacobian products (their linearisation may change between solves)
     * @param rank the Nyström rank ℓ, 0 for none; clipped to P (unused with a dense factor)
     * @param cgTolerance relative residual at which CG stops
     * @param cgMaxIterations CG iteration limit
     * @param random the source of the sketches
     * @param denseMaxPoints 0 for the Nyström preconditioner; else the largest sample set, and the
     *        preconditioner is the dense factor of M + μI ({@link DenseGramFactor})
     */
    GramSolver(JacobianProducts products, int rank, double cgTolerance, int cgMaxIterations, Random random,
            int denseMaxPoints) {
        this.products = products;
        this.dense = denseMaxPoints > 0 ? new DenseGramFactor(products, denseMaxPoints, kernels) : null;
        this.rank = Math.min(rank, products.parameterCount());
        this.random = random;
        this.cg = new PreconditionedCg(cgTolerance, cgMaxIterations);
        this.scratch = new double[products.parameterCount()];
        LinearOperator gram = products.gram();
        this.shifted = new LinearOperator() {
            @Override
            public int size() {
                return gram.size();
            }

            @Override
            public void apply(double[] x, double[] y) {
                gram.apply(x, y);
                for (int p = 0; p < y.length; p++) {
                    y[p] += shift * x[p];
                }
            }
        };
    }

    /** Rebuilds the preconditioner (or the λ_max estimate) at the current linearisation. */
    void refresh() {
        if (dense != null) {
            dense.assemble();
            largestEigenvalue = dense.largestEigenvalue();
        } else if (rank > 0) {
            preconditioner = NystromPreconditioner.build(products.gram(), rank, random, kernels);
            largestEigenvalue = preconditioner.largestEigenvalue();
        } else {
            largestEigenvalue = powerIteration();
        }
    }

    /** @return λ_max of M as of the last {@link #refresh()} */
    double largestEigenvalue() {
        return largestEigenvalue;
    }

    /**
     * Solves (M + μI) x = b at the current linearisation.
     *
     * @param mu the shift μ ≥ 0
     * @param b the right-hand side (not modified)
     * @param x the initial guess on entry (warm start), the solution on exit (modified)
     * @return CG's iterations and residual
     */
    CgResult solve(double mu, double[] b, double[] x) {
        this.shift = mu;
        if (dense != null) {
            dense.factor(mu);
            return cg.solve(shifted, dense, b, x);
        }
        if (preconditioner != null) {
            preconditioner.setShift(mu);
        }
        return cg.solve(shifted, preconditioner, b, x);
    }

    private double powerIteration() {
        int p = scratch.length;
        double[] v = new double[p];
        for (int i = 0; i < p; i++) {
            v[i] = random.nextGaussian();
        }
        double lambda = 0;
        for (int it = 0; it < POWER_ITERATIONS; it++) {
            double norm = Math.sqrt(dot(v, v));
            if (norm == 0) {
                return 0;
            }
            for (int i = 0; i < p; i++) {
                v[i] /= norm;
            }
            products.gram().apply(v, scratch);
            lambda = dot(v, scratch);
            System.arraycopy(scratch, 0, v, 0, p);
        }
        return lambda;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}

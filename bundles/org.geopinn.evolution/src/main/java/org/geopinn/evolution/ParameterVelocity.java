package org.geopinn.evolution;

import java.util.List;
import java.util.Random;
import org.geopinn.api.expr.Expr;
import org.geopinn.api.model.Model;
import org.geopinn.linalg.CgResult;

/**
 * The right-hand side of the parameter ODE: θ̇ solves (M + μ̃I) θ̇ = F with M = JᵀJ/n,
 * F = Jᵀ L[u_θ]/n and μ̃ = mu·λ_max(M), on the current sample set (Finzi et al., 2023); with field
 * weights W ({@link FieldWeights}), M = JᵀWJ/n and F = JᵀW L[u_θ]/n. The sample set is
 * changed by {@link #newSamples}, once per time step; the preconditioner is rebuilt at the first
 * evaluation after that and reused for the step's other stages. Statistics (largest CG iteration
 * count and residual, PDE residual of the first stage) are kept per sample set.
 */
final class ParameterVelocity {
    private final JacobianProducts products;
    private final SpatialOperator operator;
    private final GramSolver solver;
    private final double mu;
    private final double[] rightHandSide;
    private final double[] projected;
    private final double[] force;
    /** W·L[u]: the right-hand side weighted per field (the same array as {@link #rightHandSide} when unweighted). */
    private final double[] weightedRightHandSide;
    private final double[] weights;
    private final boolean byRate;
    private double[] points;
    private int n;
    private final boolean dense;
    private boolean stale = true;
    private int maxIterations;
    private double maxCgResidual;
    private double pdeResidual = Double.NaN;

    /**
     * @param model the model
     * @param rightHandSides L_f, one per field
     * @param maxPoints the largest sample set
     * @param rank the Nyström rank (0 for plain CG)
     * @param mu the relative shift: μ̃ = mu·λ_max
     * @param cgTolerance CG's relative tolerance
     * @param cgMaxIterations CG's iteration limit
     * @param random the source of the preconditioner's sketches
     */
    ParameterVelocity(Model model, List<Expr> rightHandSides, int maxPoints, int rank, double mu, double cgTolerance,
            int cgMaxIterations, Random random) {
        this(model, rightHandSides, maxPoints, rank, mu, cgTolerance, cgMaxIterations, random, false);
    }

    /**
     * @param model the model
     * @param rightHandSides L_f, one per field
     * @param maxPoints the largest sample set
     * @param rank the Nyström rank (0 for plain CG; unused with dense)
     * @param mu the relative shift: μ̃ = mu·λ_max
     * @param cgTolerance CG's relative tolerance
     * @param cgMaxIterations CG's iteration limit
     * @param random the source of the preconditioner's sketches
     * @param dense precondition by the dense factor of M + μ̃I ({@link DenseGramFactor}) instead of Nyström
     */
    ParameterVelocity(Model model, List<Expr> rightHandSides, int maxPoints, int rank, double mu, double cgTolerance,
            int cgMaxIterations, Random random, boolean dense) {
        this(model, rightHandSides, maxPoints, rank, mu, cgTolerance, cgMaxIterations, random, dense, false);
    }

    /**
     * @param model the model
     * @param rightHandSides L_f, one per field
     * @param maxPoints the largest sample set
     * @param rank the Nyström rank (0 for plain CG; unused with dense)
     * @param mu the relative shift: μ̃ = mu·λ_max
     * @param cgTolerance CG's relative tolerance
     * @param cgMaxIterations CG's iteration limit
     * @param random the source of the preconditioner's sketches
     * @param dense precondition by the dense factor of M + μ̃I ({@link DenseGramFactor}) instead of Nyström
     * @param byRate weigh each field's rows by {@link FieldWeights#rate}, fixed per sample set (time step)
     */
    ParameterVelocity(Model model, List<Expr> rightHandSides, int maxPoints, int rank, double mu, double cgTolerance,
            int cgMaxIterations, Random random, boolean dense, boolean byRate) {
        this.products = new JacobianProducts(model, maxPoints);
        this.operator = new SpatialOperator(model, rightHandSides, maxPoints);
        this.solver = new GramSolver(products, rank, cgTolerance, cgMaxIterations, random, dense ? maxPoints : 0);
        this.dense = dense;
        this.mu = mu;
        int rows = products.fieldCount() * maxPoints;
        this.rightHandSide = new double[rows];
        this.projected = new double[rows];
        this.force = new double[products.parameterCount()];
        this.byRate = byRate;
        this.weightedRightHandSide = byRate ? new double[rows] : rightHandSide;
        this.weights = new double[products.fieldCount()];
        java.util.Arrays.fill(weights, 1);
    }

    /**
     * Uses new collocation points from now on (kept by reference, not copied).
     *
     * @param samples n points, row-major
     * @param count n
     */
    void newSamples(double[] samples, int count) {
        this.points = samples;
        this.n = count;
        this.stale = true;
        this.maxIterations = 0;
        this.maxCgResidual = 0;
        this.pdeResidual = Double.NaN;
    }

    /**
     * Computes θ̇ at θ on the current samples.
     *
     * @param theta the parameters (not modified)
     * @param thetaDot the initial guess on entry (warm start), θ̇ on exit (modified)
     */
    void compute(double[] theta, double[] thetaDot) {
        products.linearizeAt(theta, points, n);
        operator.evaluate(theta, points, n, rightHandSide);
        int rows = products.fieldCount() * n;
        if (byRate) {
            if (stale) { // the step's weights, kept for its stages: they evaluate one right-hand side
                FieldWeights.rate(products.values(), rightHandSide, n, weights);
                products.setFieldWeights(weights);
            }
            weigh(rightHandSide, weightedRightHandSide);
        }
        products.transposeTimes(weightedRightHandSide, force);
        double inv = 1.0 / n;
        for (int p = 0; p < force.length; p++) {
            force[p] *= inv;
        }
        // The dense factor is re-formed at every stage: as a preconditioner at the stage before
        // (θ moved by O(h)) it left CG at its cap at mu 1e-9, because the change of M along the
        // weakly determined directions is far above μ̃ there.
        if (stale || dense) {
            solver.refresh();
        }
        CgResult result = solver.solve(mu * solver.largestEigenvalue(), force, thetaDot);
        maxIterations = Math.max(maxIterations, result.iterations());
        maxCgResidual = Math.max(maxCgResidual, result.relativeResidual());
        if (stale) {
            pdeResidual = residual(thetaDot, rows);
            stale = false;
        }
    }

    private void weigh(double[] values, double[] out) {
        for (int f = 0; f < weights.length; f++) {
            for (int i = f * n; i < (f + 1) * n; i++) {
                out[i] = weights[f] * values[i];
            }
        }
    }

    /**
     * ‖W^½(J θ̇ − L[u])‖ / ‖W^½ L[u]‖ (W the field weights, the identity unless weighted by rate): how well
     * the network's tangent space carries the PDE's time derivative.
     */
    private double residual(double[] thetaDot, int rows) {
        products.times(thetaDot, projected);
        double num = 0;
        double den = 0;
        for (int r = 0; r < rows; r++) {
            double w = weights[r / n];
            double d = projected[r] - rightHandSide[r];
            num += w * d * d;
            den += w * rightHandSide[r] * rightHandSide[r];
        }
        return den > 0 ? Math.sqrt(num / den) : Math.sqrt(num);
    }

    /**
     * The step-size control's norm in function space: the RMS over the current samples (and fields)
     * of J·e, the change of u_θ that the difference e of the embedded solutions makes, divided by
     * rtol·max(RMS(u_θ₁), atol). J and u are taken at the proposal θ₁: the last stage of
     * {@link BogackiShampine#attempt} linearised there, so this costs one forward tangent and no
     * allocation. A tolerance on θ does not bound u when M is ill-conditioned (small mu): θ̇ is then
     * large along directions that move u little, and vice versa, so the error is measured where the
     * accuracy is wanted.
     *
     * @param y the state at the step's start (unused: J and u are at the proposal)
     * @param proposal the proposal θ₁, at which the last stage was evaluated (not modified)
     * @param error e (not modified)
     * @param rtol the relative tolerance on u
     * @param atol the RMS of u below which the error is measured as if RMS(u) were atol
     * @return the scaled error; ≤ 1 accepts the step
     */
    double functionSpaceError(double[] y, double[] proposal, double[] error, double rtol, double atol) {
        int rows = products.fieldCount() * n;
        products.times(error, projected);
        double[] u = products.values();
        double num = 0;
        double den = 0;
        for (int r = 0; r < rows; r++) {
            num += projected[r] * projected[r];
            den += u[r] * u[r];
        }
        double rmsError = Math.sqrt(num / rows);
        double rmsU = Math.sqrt(den / rows);
        return rmsError / (rtol * Math.max(rmsU, atol));
    }

    /** @return the most CG iterations of any solve since the last {@link #newSamples} */
    int maxIterations() {
        return maxIterations;
    }

    /** @return the largest relative CG residual since the last {@link #newSamples} */
    double maxCgResidual() {
        return maxCgResidual;
    }

    /** @return the PDE residual at the first evaluation since the last {@link #newSamples} */
    double pdeResidual() {
        return pdeResidual;
    }

    /** @return P */
    int parameterCount() {
        return products.parameterCount();
    }
}

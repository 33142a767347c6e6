package org.geopinn.diagnostics;

import java.util.List;
import java.util.Map;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.SingularOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;
import org.geopinn.api.GeopinnException;
import org.geopinn.api.expr.Expr;
import org.geopinn.expr.Vocabulary;
import org.geopinn.api.model.Model;
import org.geopinn.api.model.ModelSpec;
import org.geopinn.api.operator.LossScaling;
import org.geopinn.api.operator.ResidualSystem;
import org.geopinn.api.problem.Condition;
import org.geopinn.api.problem.Domain;
import org.geopinn.api.problem.DomainPart;
import org.geopinn.api.problem.Problem;
import org.geopinn.operators.EvaluatorFactory;
import org.geopinn.operators.StackedResidualSystem;

/**
 * The natural gradient of a PINN seen as a Green's function (Schwencke &amp; Furtlehner, "ANaGRAM: A
 * Natural Gradient Relative to Adapted Model for efficient PINNs learning", 2025, and the slides
 * "Geometrical perspectives" of the same authors): for a linear operator D the function-space
 * update of the natural gradient is x ↦ ∫ g_θ(x, y) r(y) dy with
 * <pre>
 *   g_θ(x, y) = Σ_{p,q} ∂_p u(x) G⁺_pq ∂_q D[u](y),   G_pq = ⟨∂_p D[u], ∂_q D[u]⟩_{L²(Ω)},
 * </pre>
 * the generalised Green's function of D restricted to the tangent space Im du|_θ. When the
 * boundary condition is built into the model (an output factor that vanishes on ∂Ω) and the tangent
 * space is rich enough, g_θ approaches the true Green's function of D.
 *
 * <p>The inner product is the quadrature (|Ω|/N) Σ_k over N given points. With the operator rows
 * A = √(|Ω|/N)·(∂_q D[u](y_k)) = U Σ Vᵀ, G = V Σ² Vᵀ and G⁺ = V Σ⁻² Vᵀ over the singular values
 * σ ≥ cutoff·σ_max, so g_θ(x, y) = (Φ(x) V) Σ⁻² (B(y) V)ᵀ with Φ the rows ∂_p u(x) and B the rows
 * ∂_q D[u](y): no P×P matrix is inverted. Derivatives in x are the training code's own (the
 * operators bundle's exact Taylor-mode evaluation). Not thread-safe; one instance per θ study.
 */
public final class TangentGreenFunction {
    private final Model model;
    private final Vocabulary vocabulary;
    private final Domain domain;
    private final Expr operator;
    private final String field;

    /**
     * @param model the model (its spec gives the box Ω, used only to name the domain)
     * @param vocabulary variables and the one field the operator acts on
     * @param operator the linear operator D as an expression in the vocabulary
     * @throws GeopinnException when the vocabulary has not exactly one field
     */
    public TangentGreenFunction(Model model, Vocabulary vocabulary, Expr operator) {
        if (vocabulary.fields().size() != 1) {
            throw new GeopinnException("the Green's function diagnostic needs one field, got " + vocabulary.fields());
        }
        ModelSpec spec = model.spec();
        this.model = model;
        this.vocabulary = vocabulary;
        this.field = vocabulary.fields().get(0);
        this.domain = new Domain(vocabulary.variables(), spec.inputLower(), spec.inputUpper(), List.of(DomainPart.interior("interior")));
        this.operator = operator;
    }

    /**
     * g_θ on a grid of points x and a few points y.
     *
     * @param values g_θ(x_i, y_j), row-major (x rows, y columns)
     * @param xCount number of x points
     * @param yCount number of y points
     * @param rank singular values of the operator rows kept (the dimension of the tangent space seen by D)
     * @param singularValues all singular values of the scaled operator rows, descending
     */
    public record Kernel(double[] values, int xCount, int yCount, int rank, double[] singularValues) {
        /**
         * @param j a y index
         * @return g_θ(·, y_j) on the x points
         */
        public double[] column(int j) {
            double[] c = new double[xCount];
            for (int i = 0; i < xCount; i++) {
                c[i] = values[i * yCount + j];
            }
            return c;
        }
    }

    /**
     * @param theta the parameters (not modified)
     * @param quadrature the N quadrature points of Ω, row-major N×d
     * @param measure |Ω|
     * @param xs the evaluation points x, row-major
     * @param ys the source points y, row-major
     * @param cutoff relative singular-value cut-off of G⁺ (on σ(A), so σ² on G), in [0, 1)
     * @return the kernel
     * @throws GeopinnException for an empty point set or a bad cut-off
     */
    public Kernel evaluate(double[] theta, double[] quadrature, double measure, double[] xs, double[] ys, double cutoff) {
        if (!(cutoff >= 0 && cutoff < 1)) {
            throw new GeopinnException("Green's function cut-off must satisfy 0 <= cutoff < 1, got " + cutoff);
        }
        int d = vocabulary.variables().size();
        int n = count(quadrature, d, "quadrature");
        int nx = count(xs, d, "x");
        int ny = count(ys, d, "y");
        int p = model.parameterCount();
        double[] a = rows(operator, theta, quadrature, n, p);
        double scale = Math.sqrt(measure / n);
        for (int k = 0; k < a.length; k++) {
            a[k] *= scale;
        }
        SingularValueDecomposition_F64<DMatrixRMaj> svd = DecompositionFactory_DDRM.svd(n, p, false, true, true);
        if (!svd.decompose(new DMatrixRMaj(n, p, true, a))) {
            throw new GeopinnException("singular value decomposition of the " + n + "x" + p + " operator rows did not converge");
        }
        DMatrixRMaj w = svd.getW(null);
        DMatrixRMaj v = svd.getV(null, false);
        SingularOps_DDRM.descendingOrder(null, false, w, v, false);
        int m = Math.min(w.numRows, w.numCols);
        double[] sigma = new double[m];
        for (int k = 0; k < m; k++) {
            sigma[k] = w.get(k, k);
        }
        int rank = 0;
        while (rank < m && sigma[rank] > 0 && sigma[rank] >= cutoff * sigma[0]) {
            rank++;
        }
        double[] phiV = project(rows(vocabulary.field(field), theta, xs, nx, p), nx, p, v, rank);
        double[] bV = project(rows(operator, theta, ys, ny, p), ny, p, v, rank);
        double[] g = new double[nx * ny];
        for (int i = 0; i < nx; i++) {
            for (int j = 0; j < ny; j++) {
                double s = 0;
                for (int k = 0; k < rank; k++) {
                    s += phiV[i * rank + k] * bV[j * rank + k] / (sigma[k] * sigma[k]);
                }
                g[i * ny + j] = s;
            }
        }
        return new Kernel(g, nx, ny, rank, sigma);
    }

    /** The rows ∂_p E[u](x_i) of a pointwise expression E (the Jacobian of E[u] − 0). */
    private double[] rows(Expr expression, double[] theta, double[] points, int n, int p) {
        Condition c = Condition.of("rows", "interior", expression, q -> 0, n);
        Problem problem = new OneCondition(vocabulary, domain, c);
        ResidualSystem system = StackedResidualSystem.build(problem, model, Map.of("rows", points), LossScaling.SUM, EvaluatorFactory.EXACT);
        double[] j = new double[n * p];
        system.jacobian(theta, j);
        return j;
    }

    /** (M V_k), n×k, for a row-major n×p matrix M and the first k columns of V (p×p). */
    private static double[] project(double[] m, int n, int p, DMatrixRMaj v, int k) {
        double[] out = new double[n * k];
        for (int i = 0; i < n; i++) {
            for (int q = 0; q < p; q++) {
                double x = m[i * p + q];
                if (x != 0) {
                    for (int c = 0; c < k; c++) {
                        out[i * k + c] += x * v.get(q, c);
                    }
                }
            }
        }
        return out;
    }

    private static int count(double[] points, int d, String what) {
        if (points.length == 0 || points.length % d != 0) {
            throw new GeopinnException("the Green's function diagnostic needs a non-empty list of " + d + "-D " + what + " points, got "
                    + points.length + " numbers");
        }
        return points.length / d;
    }

    /** A problem of one pointwise expression: the rows the kernel is assembled from. */
    private record OneCondition(Vocabulary vocabulary, Domain domain, Condition c) implements Problem {
        @Override
        public String id() {
            return "tangent-green-function";
        }

        @Override
        public String description() {
            return "rows of the natural-gradient Green's function";
        }

        @Override
        public List<Condition> conditions() {
            return List.of(c);
        }
    }
}

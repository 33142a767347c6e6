package org.geopinn.evolution;

import org.ejml.data.DMatrixRMaj;
import org.geopinn.linalg.DenseKernels;
import org.geopinn.linalg.LinearOperator;

/**
 * The Gram matrix M = JᵀJ/n formed densely and its Cholesky factor of M + μI, applied as the exact
 * inverse (M + μI)⁻¹. J is assembled row by row from per-point gradients (one reverse pass per
 * field; exactly, not sketched), M by one dense Gram product of its columns. At the linearisation
 * where it was assembled, the factor solves (M + μI)x = b exactly, whatever μ: unlike a rank-ℓ
 * Nyström preconditioner it also resolves the tail of M's spectrum between λ_ℓ and μ, which at
 * μ = 1e-9·λ_max is what CG spends its iterations on. It is applied as CG's preconditioner, so
 * CG's one iteration checks the solve; at a nearby linearisation (the next Runge–Kutta stage, θ
 * moved by O(h)) it is a poor one at small μ (measured: CG at its 1000-iteration cap at mu 1e-9),
 * so the Neural IVP loop re-forms it per stage.
 *
 * <p>Cost per assembly: F reverse passes that keep the per-point gradients (O(F·n·P)), the Gram
 * product (F·n·P² dense flops, the dominant term) and a Cholesky factorisation (P³/3); memory
 * P·F·n + 3P² doubles, allocated once for the largest sample set (the Java Gram kernel adds its
 * own copies of J).
 */
final class DenseGramFactor implements LinearOperator {
    /** Power iterations for λ_max of the dense M (cheap: P² each). */
    private static final int POWER_ITERATIONS = 30;

    private final JacobianProducts products;
    private final DenseKernels kernels;
    private final int parameters;
    private final DMatrixRMaj jacobian;
    private final DMatrixRMaj gram;
    private final DMatrixRMaj shifted;
    private final DMatrixRMaj lower;
    private final double[] work;
    private double largestEigenvalue = Double.NaN;
    private double factoredShift = Double.NaN;
    private double effectiveShift = Double.NaN;

    /**
     * @param products the Jacobian products whose current linearisation is assembled
     * @param maxPoints the largest sample set
     * @param kernels the dense kernels
     */
    DenseGramFactor(JacobianProducts products, int maxPoints, DenseKernels kernels) {
        this.products = products;
        this.kernels = kernels;
        this.parameters = products.parameterCount();
        int maxRows = products.fieldCount() * maxPoints;
        this.jacobian = new DMatrixRMaj(maxRows, parameters);
        this.gram = new DMatrixRMaj(parameters, parameters);
        this.shifted = new DMatrixRMaj(parameters, parameters);
        this.lower = new DMatrixRMaj(parameters, parameters);
        this.work = new double[parameters];
    }

    /** Forms M = JᵀJ/n at the products' current linearisation and estimates λ_max; the factor is made at the next solve. */
    void assemble() {
        assembleJacobian();
        formGram();
    }

    /**
     * J (F·n × P, row-major) from one reverse pass per field that keeps every point's gradient
     * ({@link JacobianProducts#jacobian}): O(F·n·P), where P forward tangents J·e_c cost O(n·P²)
     * (measured on wave2d 16,16, n = 2000: 0.76 s against the Gram product's 0.66 s).
     */
    void assembleJacobian() {
        int rows = products.fieldCount() * products.pointCount();
        jacobian.reshape(rows, parameters, false);
        products.jacobian(jacobian.data);
    }

    /** M = JᵀJ/n from the assembled J, its λ_max; forgets the factor. */
    void formGram() {
        int n = products.pointCount();
        kernels.gramOfColumns(jacobian, gram);
        double inv = 1.0 / n;
        double[] g = gram.data;
        for (int i = 0; i < g.length; i++) {
            g[i] *= inv;
        }
        largestEigenvalue = powerIteration();
        factoredShift = Double.NaN;
    }

    /** @return M = JᵀJ/n as of the last {@link #assemble()}; a view */
    DMatrixRMaj gram() {
        return gram;
    }

    /** @return λ_max of M as of the last {@link #assemble()} */
    double largestEigenvalue() {
        return largestEigenvalue;
    }

    /**
     * Factors M + μI unless already factored with this μ. If rounding makes it indefinite (μ below
     * about P·ε·λ_max), μ is raised tenfold until the factorisation succeeds; {@link #effectiveShift()}
     * says which μ was used.
     *
     * @param mu the shift μ ≥ 0
     */
    void factor(double mu) {
        if (mu == factoredShift) {
            return;
        }
        double s = mu > 0 ? mu : Math.ulp(largestEigenvalue) * parameters;
        double[] g = gram.data;
        double[] a = shifted.data;
        while (true) {
            System.arraycopy(g, 0, a, 0, g.length);
            for (int i = 0; i < parameters; i++) {
                a[i * parameters + i] += s;
            }
            if (kernels.cholesky(shifted, lower)) {
                break;
            }
            s *= 10;
        }
        factoredShift = mu;
        effectiveShift = s;
    }

    /** @return the shift of the last factorisation (≥ the requested μ, see {@link #factor}) */
    double effectiveShift() {
        return effectiveShift;
    }

    @Override
    public int size() {
        return parameters;
    }

    /** out = (M + μI)⁻¹ v by the two triangular solves of the factor (v and out may not alias). */
    @Override
    public void apply(double[] v, double[] out) {
        int p = parameters;
        double[] l = lower.data;
        for (int i = 0; i < p; i++) {
            double s = v[i];
            int row = i * p;
            for (int k = 0; k < i; k++) {
                s -= l[row + k] * work[k];
            }
            work[i] = s / l[row + i];
        }
        for (int i = p - 1; i >= 0; i--) {
            double s = work[i];
            for (int k = i + 1; k < p; k++) {
                s -= l[k * p + i] * out[k];
            }
            out[i] = s / l[i * p + i];
        }
    }

    private double powerIteration() {
        int p = parameters;
        double[] g = gram.data;
        double[] v = new double[p];
        double[] y = new double[p];
        java.util.Arrays.fill(v, 1 / Math.sqrt(p));
        double lambda = 0;
        for (int it = 0; it < POWER_ITERATIONS; it++) {
            for (int i = 0; i < p; i++) {
                double s = 0;
                int row = i * p;
                for (int k = 0; k < p; k++) {
                    s += g[row + k] * v[k];
                }
                y[i] = s;
            }
            double dot = 0;
            double norm = 0;
            for (int i = 0; i < p; i++) {
                dot += v[i] * y[i];
                norm += y[i] * y[i];
            }
            lambda = dot;
            norm = Math.sqrt(norm);
            if (norm == 0) {
                return 0;
            }
            for (int i = 0; i < p; i++) {
                v[i] = y[i] / norm;
            }
        }
        return lambda;
    }
}

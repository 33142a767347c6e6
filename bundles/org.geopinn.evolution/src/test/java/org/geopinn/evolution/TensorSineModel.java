package org.geopinn.evolution;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.geopinn.api.model.DerivativeRequest;
import org.geopinn.api.model.Model;
import org.geopinn.api.model.ModelEvaluator;
import org.geopinn.api.model.ModelSpec;
import org.geopinn.api.model.ParameterBlock;
import org.geopinn.api.model.ParameterLayout;

/**
 * A model linear in its parameters, one field: u(x) = Σ_m θ_m Π_j sin(ω_mj x_j + φ_mj). Its span is
 * closed under the heat and advection operators for suitable frequencies, so the parameter ODE
 * reproduces those evolutions exactly: the oracle of the Neural IVP tests.
 */
final class TensorSineModel implements Model {
    private final ModelSpec spec;
    private final double[][] omega;
    private final double[][] phase;
    private final double amplitude;

    /**
     * @param dimension d
     * @param omega frequencies per basis function and coordinate
     * @param phase phases per basis function and coordinate
     */
    TensorSineModel(int dimension, double[][] omega, double[][] phase) {
        this(dimension, omega, phase, 1);
    }

    /**
     * @param dimension d
     * @param omega frequencies per basis function and coordinate
     * @param phase phases per basis function and coordinate
     * @param amplitude a factor on every basis function: u = amplitude·Σ θ_m φ_m, so θ is small when
     *        amplitude is large (a badly scaled parametrisation of the same functions)
     */
    TensorSineModel(int dimension, double[][] omega, double[][] phase, double amplitude) {
        double[] lo = new double[dimension];
        double[] hi = new double[dimension];
        java.util.Arrays.fill(lo, -1);
        java.util.Arrays.fill(hi, 1);
        this.spec = new ModelSpec(lo, hi, List.of("u"), new int[0], "none", "none", false, false, Map.of());
        this.omega = omega;
        this.phase = phase;
        this.amplitude = amplitude;
    }

    /** @return the same basis with every function multiplied by amplitude */
    TensorSineModel scaled(double factor) {
        return new TensorSineModel(spec.inputDimension(), omega, phase, amplitude * factor);
    }

    /** Dirichlet sine modes sin(kπ(x+1)/2) on [-1,1]^d, k_j = 1..modes in each coordinate. */
    static TensorSineModel dirichletModes(int dimension, int modes) {
        List<double[]> om = new ArrayList<>();
        List<double[]> ph = new ArrayList<>();
        int total = (int) Math.pow(modes, dimension);
        for (int m = 0; m < total; m++) {
            double[] w = new double[dimension];
            double[] p = new double[dimension];
            int rest = m;
            for (int j = 0; j < dimension; j++) {
                int k = rest % modes + 1;
                rest /= modes;
                w[j] = k * Math.PI / 2;
                p[j] = k * Math.PI / 2;
            }
            om.add(w);
            ph.add(p);
        }
        return new TensorSineModel(dimension, om.toArray(new double[0][]), ph.toArray(new double[0][]));
    }

    /** Periodic Fourier modes in one variable on [-1,1]: cos(kπx), sin(kπx), k = 1..modes. */
    static TensorSineModel fourier1d(int modes) {
        double[][] om = new double[2 * modes][1];
        double[][] ph = new double[2 * modes][1];
        for (int k = 1; k <= modes; k++) {
            om[2 * k - 2][0] = k * Math.PI;
            ph[2 * k - 2][0] = Math.PI / 2;
            om[2 * k - 1][0] = k * Math.PI;
            ph[2 * k - 1][0] = 0;
        }
        return new TensorSineModel(1, om, ph);
    }

    double omega(int m, int j) {
        return omega[m][j];
    }

    @Override
    public ModelSpec spec() {
        return spec;
    }

    @Override
    public ParameterLayout layout() {
        return new ParameterLayout(List.of(new ParameterBlock("coefficients", ParameterBlock.Kind.OTHER, 0, omega.length, 1, 0)));
    }

    @Override
    public double[] initialParameters(long seed) {
        Random r = new Random(seed);
        double[] t = new double[omega.length];
        for (int i = 0; i < t.length; i++) {
            t[i] = 0.1 * r.nextGaussian();
        }
        return t;
    }

    @Override
    public ModelEvaluator evaluator(DerivativeRequest request, int maxPoints) {
        return new Evaluator(request, maxPoints);
    }

    private final class Evaluator implements ModelEvaluator {
        private final DerivativeRequest request;
        private final int k;
        private final double[] basis;
        private final double[] values;
        private int n;

        Evaluator(DerivativeRequest request, int maxPoints) {
            this.request = request;
            this.k = request.size();
            this.basis = new double[k * omega.length * maxPoints];
            this.values = new double[k * maxPoints];
        }

        @Override
        public DerivativeRequest request() {
            return request;
        }

        @Override
        public int fieldCount() {
            return 1;
        }

        @Override
        public int parameterCount() {
            return omega.length;
        }

        @Override
        public void forward(double[] theta, double[] points, int count) {
            n = count;
            int d = spec.inputDimension();
            int p = omega.length;
            for (int c = 0; c < k; c++) {
                int[] alpha = request.multiIndex(c);
                for (int m = 0; m < p; m++) {
                    for (int i = 0; i < n; i++) {
                        double b = amplitude;
                        for (int j = 0; j < d; j++) {
                            double w = omega[m][j];
                            b *= Math.pow(w, alpha[j]) * Math.sin(w * points[i * d + j] + phase[m][j] + alpha[j] * Math.PI / 2);
                        }
                        basis[(c * p + m) * n + i] = b;
                    }
                }
                for (int i = 0; i < n; i++) {
                    double s = 0;
                    for (int m = 0; m < p; m++) {
                        s += theta[m] * basis[(c * p + m) * n + i];
                    }
                    values[c * n + i] = s;
                }
            }
        }

        @Override
        public int pointCount() {
            return n;
        }

        @Override
        public double[] values() {
            return values;
        }

        @Override
        public void backward(double[] seeds, double[] gradient) {
            int p = omega.length;
            for (int c = 0; c < k; c++) {
                for (int m = 0; m < p; m++) {
                    double s = 0;
                    for (int i = 0; i < n; i++) {
                        s += seeds[c * n + i] * basis[(c * p + m) * n + i];
                    }
                    gradient[m] += s;
                }
            }
        }

        @Override
        public void jacobianRows(double[] seeds, double[] jacobian, int rowOffset) {
            int p = omega.length;
            for (int i = 0; i < n; i++) {
                for (int m = 0; m < p; m++) {
                    double s = 0;
                    for (int c = 0; c < k; c++) {
                        s += seeds[c * n + i] * basis[(c * p + m) * n + i];
                    }
                    jacobian[(rowOffset + i) * p + m] = s;
                }
            }
        }

        @Override
        public void tangent(double[] v, double[] out) {
            int p = omega.length;
            for (int c = 0; c < k; c++) {
                for (int i = 0; i < n; i++) {
                    double s = 0;
                    for (int m = 0; m < p; m++) {
                        s += v[m] * basis[(c * p + m) * n + i];
                    }
                    out[c * n + i] = s;
                }
            }
        }
    }
}

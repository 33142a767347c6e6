package org.geopinn.operators;

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
 * A second, independent model implementation for tests: one hidden layer of sine features with all
 * parameters trainable, u_f(x) = Σ_m a_{f,m} sin(ω_m·x + b_m). Every input derivative and every
 * parameter derivative is in closed form: ∂^α sin(ω·x + b) = Π_j ω_j^{α_j} sin(ω·x + b + |α|π/2).
 * Nonlinear in ω and b, so Jacobians depend on θ.
 */
public final class SineFeatureModel implements Model {
    private final ModelSpec spec;
    private final int d;
    private final int fields;
    private final int features;
    private final ParameterLayout layout;

    public SineFeatureModel(double[] lower, double[] upper, List<String> fieldNames, int features) {
        this.spec = new ModelSpec(lower, upper, fieldNames, new int[] {features}, "sin", "uniform", false, false, Map.of());
        this.d = lower.length;
        this.fields = fieldNames.size();
        this.features = features;
        this.layout = new ParameterLayout(List.of(
                new ParameterBlock("omega", ParameterBlock.Kind.WEIGHT, 0, features, d, 0),
                new ParameterBlock("bias", ParameterBlock.Kind.BIAS, features * d, features, 1, 0),
                new ParameterBlock("a", ParameterBlock.Kind.WEIGHT, features * (d + 1), fields, features, 0)));
    }

    @Override
    public ModelSpec spec() {
        return spec;
    }

    @Override
    public ParameterLayout layout() {
        return layout;
    }

    @Override
    public double[] initialParameters(long seed) {
        Random r = new Random(seed);
        double[] theta = new double[layout.size()];
        for (int p = 0; p < features * d; p++) {
            theta[p] = 3 * (2 * r.nextDouble() - 1);
        }
        for (int m = 0; m < features; m++) {
            theta[features * d + m] = 2 * r.nextDouble() - 1;
        }
        for (int p = features * (d + 1); p < theta.length; p++) {
            theta[p] = r.nextGaussian() / Math.sqrt(features);
        }
        return theta;
    }

    @Override
    public ModelEvaluator evaluator(DerivativeRequest request, int maxPoints) {
        return new Evaluator(request, maxPoints);
    }

    private final class Evaluator implements ModelEvaluator {
        private final DerivativeRequest request;
        private final int k;
        private final int[][] alpha;
        private final int[] order;
        private final double[] values;
        private final double[] theta;
        private final double[] x;
        private final double[] z;
        private int n;

        Evaluator(DerivativeRequest request, int capacity) {
            this.request = request;
            this.k = request.size();
            this.alpha = new int[k][];
            this.order = new int[k];
            for (int r = 0; r < k; r++) {
                alpha[r] = request.multiIndex(r);
                for (int o : alpha[r]) {
                    order[r] += o;
                }
            }
            this.values = new double[fields * k * capacity];
            this.theta = new double[layout.size()];
            this.x = new double[capacity * d];
            this.z = new double[features * capacity];
        }

        @Override
        public DerivativeRequest request() {
            return request;
        }

        @Override
        public int fieldCount() {
            return fields;
        }

        @Override
        public int parameterCount() {
            return theta.length;
        }

        private double omega(int m, int j) {
            return theta[m * d + j];
        }

        private double a(int f, int m) {
            return theta[features * (d + 1) + f * features + m];
        }

        /** Π_j ω_mj^{α_j}. */
        private double monomial(int m, int[] al) {
            double w = 1;
            for (int j = 0; j < d; j++) {
                for (int o = 0; o < al[j]; o++) {
                    w *= omega(m, j);
                }
            }
            return w;
        }

        /** ∂/∂ω_mj of Π ω^α. */
        private double monomialDerivative(int m, int[] al, int j) {
            if (al[j] == 0) {
                return 0;
            }
            double w = al[j];
            for (int l = 0; l < d; l++) {
                int e = l == j ? al[l] - 1 : al[l];
                for (int o = 0; o < e; o++) {
                    w *= omega(m, l);
                }
            }
            return w;
        }

        @Override
        public void forward(double[] th, double[] points, int count) {
            System.arraycopy(th, 0, theta, 0, theta.length);
            System.arraycopy(points, 0, x, 0, count * d);
            this.n = count;
            for (int m = 0; m < features; m++) {
                for (int i = 0; i < count; i++) {
                    double s = theta[features * d + m];
                    for (int j = 0; j < d; j++) {
                        s += omega(m, j) * x[i * d + j];
                    }
                    z[m * count + i] = s;
                }
            }
            for (int f = 0; f < fields; f++) {
                for (int r = 0; r < k; r++) {
                    for (int i = 0; i < count; i++) {
                        double v = 0;
                        for (int m = 0; m < features; m++) {
                            v += a(f, m) * monomial(m, alpha[r]) * Math.sin(z[m * count + i] + order[r] * Math.PI / 2);
                        }
                        values[(f * k + r) * count + i] = v;
                    }
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

        /** target[offset + p] += c · ∂value(f,r,i)/∂θ_p; with target null returns Σ_p ∂value/∂θ_p v_p instead. */
        private double differentiate(int f, int r, int i, double c, double[] target, int offset, double[] v) {
            double dot = 0;
            int aBase = features * (d + 1) + f * features;
            for (int m = 0; m < features; m++) {
                double phase = z[m * n + i] + order[r] * Math.PI / 2;
                double sin = Math.sin(phase);
                double cos = Math.cos(phase);
                double w = monomial(m, alpha[r]);
                double am = a(f, m);
                double da = w * sin;
                double db = am * w * cos;
                if (target != null) {
                    target[offset + aBase + m] += c * da;
                    target[offset + features * d + m] += c * db;
                } else {
                    dot += da * v[aBase + m] + db * v[features * d + m];
                }
                for (int j = 0; j < d; j++) {
                    double dw = am * monomialDerivative(m, alpha[r], j) * sin + db * x[i * d + j];
                    if (target != null) {
                        target[offset + m * d + j] += c * dw;
                    } else {
                        dot += dw * v[m * d + j];
                    }
                }
            }
            return dot;
        }

        @Override
        public void backward(double[] seeds, double[] gradient) {
            for (int f = 0; f < fields; f++) {
                for (int r = 0; r < k; r++) {
                    for (int i = 0; i < n; i++) {
                        double c = seeds[(f * k + r) * n + i];
                        if (c != 0) {
                            differentiate(f, r, i, c, gradient, 0, null);
                        }
                    }
                }
            }
        }

        @Override
        public void jacobianRows(double[] seeds, double[] jacobian, int rowOffset) {
            int p = theta.length;
            java.util.Arrays.fill(jacobian, rowOffset * p, (rowOffset + n) * p, 0);
            for (int f = 0; f < fields; f++) {
                for (int r = 0; r < k; r++) {
                    for (int i = 0; i < n; i++) {
                        double c = seeds[(f * k + r) * n + i];
                        if (c != 0) {
                            differentiate(f, r, i, c, jacobian, (rowOffset + i) * p, null);
                        }
                    }
                }
            }
        }

        @Override
        public void tangent(double[] v, double[] out) {
            for (int f = 0; f < fields; f++) {
                for (int r = 0; r < k; r++) {
                    for (int i = 0; i < n; i++) {
                        out[(f * k + r) * n + i] = differentiate(f, r, i, 0, null, 0, v);
                    }
                }
            }
        }
    }
}

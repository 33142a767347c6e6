package org.geopinn.autodiff;

import java.util.Arrays;
import java.util.Locale;
import org.geopinn.api.GeopinnException;

/**
 * Elementwise activation functions with their derivatives of every order up to {@link #MAX_ORDER}.
 * Taylor-mode propagation of order m needs derivatives up to m, its reverse and tangent passes up to
 * m + 1.
 */
public enum Activation {
    /** The hyperbolic tangent; derivatives are polynomials in t = tanh z. */
    TANH("tanh") {
        @Override
        public void derivatives(double[] z, int count, int maxOrder, double[][] out) {
            for (int e = 0; e < count; e++) {
                double t = tanh(z[e]);
                out[0][e] = t;
                if (maxOrder >= 1) {
                    // the first three derivatives written out (1 − t², −2t(1 − t²), (1 − t²)(6t² − 2)): the
                    // orders a Laplacian's forward and reverse passes need, without the generic Horner loops
                    double s = 1.0 - t * t;
                    out[1][e] = s;
                    if (maxOrder >= 2) {
                        out[2][e] = -2.0 * t * s;
                        if (maxOrder >= 3) {
                            out[3][e] = s * (6.0 * t * t - 2.0);
                            for (int k = 4; k <= maxOrder; k++) {
                                out[k][e] = horner(TANH_POLYNOMIALS[k], t);
                            }
                        }
                    }
                }
            }
        }
    },
    /** The sine; derivatives cycle through sin, cos, −sin, −cos. */
    SIN("sin") {
        @Override
        public void derivatives(double[] z, int count, int maxOrder, double[][] out) {
            trigonometric(z, count, maxOrder, out, 0);
        }
    },
    /** The cosine; derivatives cycle through cos, −sin, −cos, sin. */
    COS("cos") {
        @Override
        public void derivatives(double[] z, int count, int maxOrder, double[][] out) {
            trigonometric(z, count, maxOrder, out, 1);
        }
    },
    /** Swish (SiLU) z·s(z) with the logistic s; its k-th derivative is z s^(k) + k s^(k−1). */
    SWISH("swish") {
        @Override
        public void derivatives(double[] z, int count, int maxOrder, double[][] out) {
            for (int e = 0; e < count; e++) {
                double x = z[e];
                double previous = logisticDerivative(0, x);
                out[0][e] = x * previous;
                for (int k = 1; k <= maxOrder; k++) {
                    double current = logisticDerivative(k, x);
                    out[k][e] = x * current + k * previous;
                    previous = current;
                }
            }
        }
    },
    /** Softplus log(1 + e^z); its k-th derivative (k ≥ 1) is the (k−1)-th of the logistic function. */
    SOFTPLUS("softplus") {
        @Override
        public void derivatives(double[] z, int count, int maxOrder, double[][] out) {
            for (int e = 0; e < count; e++) {
                double x = z[e];
                out[0][e] = Math.max(x, 0.0) + Math.log1p(Math.exp(-Math.abs(x)));
                for (int k = 1; k <= maxOrder; k++) {
                    out[k][e] = logisticDerivative(k - 1, x);
                }
            }
        }
    },
    /** The identity (a linear layer). */
    IDENTITY("identity") {
        @Override
        public void derivatives(double[] z, int count, int maxOrder, double[][] out) {
            for (int e = 0; e < count; e++) {
                out[0][e] = z[e];
                if (maxOrder >= 1) {
                    out[1][e] = 1.0;
                }
                for (int k = 2; k <= maxOrder; k++) {
                    out[k][e] = 0.0;
                }
            }
        }
    };

    /** The highest derivative order available. */
    public static final int MAX_ORDER = 8;

    /** d^k/dz^k tanh z as a polynomial in t = tanh z (coefficients by increasing power). */
    private static final double[][] TANH_POLYNOMIALS = chainPolynomials(new double[] {0, 1}, new double[] {1, 0, -1});
    /** d^k/dz^k s(z) of the logistic s as a polynomial in s. */
    private static final double[][] LOGISTIC_POLYNOMIALS = chainPolynomials(new double[] {0, 1}, new double[] {0, 1, -1});

    private final String id;

    Activation(String id) {
        this.id = id;
    }

    /** @return the activation's name as used in model specs */
    public String id() {
        return id;
    }

    /**
     * Evaluates σ and its derivatives: {@code out[k][e] = σ^(k)(z[e])} for k = 0..maxOrder and
     * e &lt; count.
     *
     * @param z the arguments (not modified)
     * @param count how many arguments
     * @param maxOrder the highest derivative, at most {@link #MAX_ORDER}
     * @param out one array per order, each at least count long (modified)
     */
    public abstract void derivatives(double[] z, int count, int maxOrder, double[][] out);

    /**
     * @param name an activation name (tanh, sin, cos, swish or silu, softplus, identity or linear),
     *        case-insensitive
     * @return the activation
     * @throws GeopinnException for an unknown name
     */
    public static Activation byName(String name) {
        String key = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        switch (key) {
            case "silu":
                return SWISH;
            case "linear":
                return IDENTITY;
            default:
                for (Activation a : values()) {
                    if (a.id.equals(key)) {
                        return a;
                    }
                }
                throw new GeopinnException("unknown activation '" + name + "'; known: tanh, sin, cos, swish (silu), softplus, identity");
        }
    }

    /**
     * The k-th derivative of the logistic s at x, evaluated at −|x| where s is small (no cancellation
     * in the polynomial), using s(x) = 1 − s(−x), hence s^(k)(x) = (−1)^(k+1) s^(k)(−x) for k ≥ 1.
     */
    private static double logisticDerivative(int k, double x) {
        double e = Math.exp(-Math.abs(x));
        double small = e / (1.0 + e);
        if (x <= 0) {
            return horner(LOGISTIC_POLYNOMIALS[k], small);
        }
        if (k == 0) {
            return 1.0 / (1.0 + e);
        }
        double v = horner(LOGISTIC_POLYNOMIALS[k], small);
        return (k & 1) == 1 ? v : -v;
    }

    private static void trigonometric(double[] z, int count, int maxOrder, double[][] out, int shift) {
        for (int e = 0; e < count; e++) {
            double s = Math.sin(z[e]);
            double c = Math.cos(z[e]);
            for (int k = 0; k <= maxOrder; k++) {
                double v;
                switch ((k + shift) & 3) {
                    case 0: v = s; break;
                    case 1: v = c; break;
                    case 2: v = -s; break;
                    default: v = -c; break;
                }
                out[k][e] = v;
            }
        }
    }

    /**
     * tanh x within 4 ulp of {@link Math#tanh} (checked over |x| from 1e-9 to 25), at about half its
     * cost: on JDK 17 {@code Math.tanh} is a native fdlibm call per element, which profiling showed to be
     * the largest single cost of a forward pass of a tanh network; here only {@link Math#exp} and
     * {@link Math#log} (compiler intrinsics) are used. For |x| ≥ 0.55, e = exp(−2|x|) ≤ 1/3 and
     * (1 − e)/(1 + e) has no cancellation; below, expm1(2|x|) by Kahan's (u − 1)·y/log u with
     * u = exp(y), then tanh = expm1/(expm1 + 2).
     *
     * @param x the argument
     * @return tanh x
     */
    static double tanh(double x) {
        double a = Math.abs(x);
        double t;
        if (a >= 0.55) {
            if (a > 22) {
                t = 1.0; // 1 − tanh(22) < 2⁻⁶³: rounds to 1
            } else {
                double e = Math.exp(-2.0 * a);
                t = (1.0 - e) / (1.0 + e);
            }
        } else if (a < 0x1p-27) {
            t = a; // tanh a = a − a³/3 + …, the cubic term below half an ulp
        } else {
            double y = 2.0 * a;
            double u = Math.exp(y);
            double expm1 = (u - 1.0) * y / Math.log(u);
            t = expm1 / (expm1 + 2.0);
        }
        return Math.copySign(t, x);
    }

    private static double horner(double[] p, double t) {
        double r = 0.0;
        for (int i = p.length - 1; i >= 0; i--) {
            r = r * t + p[i];
        }
        return r;
    }

    /**
     * For a function f whose derivative is f' = q(f) for a polynomial q, the k-th derivative is a
     * polynomial p_k(f) with p_0 = start and p_{k+1} = p_k'(f)·q(f).
     */
    private static double[][] chainPolynomials(double[] start, double[] q) {
        double[][] p = new double[MAX_ORDER + 1][];
        p[0] = start;
        for (int k = 1; k <= MAX_ORDER; k++) {
            double[] prev = p[k - 1];
            double[] derivative = new double[Math.max(1, prev.length - 1)];
            for (int i = 1; i < prev.length; i++) {
                derivative[i - 1] = i * prev[i];
            }
            double[] next = new double[derivative.length + q.length - 1];
            for (int i = 0; i < derivative.length; i++) {
                for (int j = 0; j < q.length; j++) {
                    next[i + j] += derivative[i] * q[j];
                }
            }
            p[k] = Arrays.copyOf(next, next.length);
        }
        return p;
    }
}

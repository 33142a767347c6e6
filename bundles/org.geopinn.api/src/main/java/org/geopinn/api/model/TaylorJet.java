package org.geopinn.api.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.geopinn.api.GeopinnException;

/**
 * A truncated multivariate Taylor polynomial: the normalised derivatives c_α = ∂^α f / α! of a
 * function of d variables at one point, for every multi-index α of total order at most K. The
 * arithmetic below is exact up to order K (products by the Cauchy product, elementary functions by
 * composing their univariate Taylor series), so a formula evaluated on jets of the coordinates
 * gives every partial derivative up to order K without differentiating it by hand. Immutable;
 * each operation allocates a new jet (it is used where points change, never per training step).
 */
public final class TaylorJet {
    /** The multi-indices of d variables up to order K, graded, with the product table. */
    private static final class Space {
        final int d;
        final int order;
        final int[][] indices;
        final Map<String, Integer> position = new java.util.HashMap<>();
        /** Triples (a, b, c): coefficient a times coefficient b contributes to coefficient c. */
        final int[] products;

        Space(int d, int order) {
            this.d = d;
            this.order = order;
            List<int[]> list = new ArrayList<>();
            for (int total = 0; total <= order; total++) {
                collect(new int[d], 0, total, list);
            }
            indices = list.toArray(new int[0][]);
            for (int i = 0; i < indices.length; i++) {
                position.put(Arrays.toString(indices[i]), i);
            }
            List<Integer> triples = new ArrayList<>();
            for (int a = 0; a < indices.length; a++) {
                for (int b = 0; b < indices.length; b++) {
                    int[] sum = new int[d];
                    int total = 0;
                    for (int j = 0; j < d; j++) {
                        sum[j] = indices[a][j] + indices[b][j];
                        total += sum[j];
                    }
                    if (total <= order) {
                        triples.add(a);
                        triples.add(b);
                        triples.add(position.get(Arrays.toString(sum)));
                    }
                }
            }
            products = triples.stream().mapToInt(Integer::intValue).toArray();
        }

        private static void collect(int[] m, int j, int left, List<int[]> out) {
            if (j == m.length - 1) {
                m[j] = left;
                out.add(m.clone());
                return;
            }
            for (int o = left; o >= 0; o--) {
                m[j] = o;
                collect(m, j + 1, left - o, out);
            }
        }
    }

    private static final Map<Long, Space> SPACES = new ConcurrentHashMap<>();
    private static final int MAX_ORDER = 8;

    private final Space space;
    private final double[] c;

    private TaylorJet(Space space, double[] c) {
        this.space = space;
        this.c = c;
    }

    private static Space space(int d, int order) {
        if (d < 1 || order < 0 || order > MAX_ORDER) {
            throw new GeopinnException("Taylor jets need 1 or more variables and an order from 0 to " + MAX_ORDER
                    + "; asked for " + d + " variables to order " + order);
        }
        return SPACES.computeIfAbsent(((long) d << 32) | order, k -> new Space(d, order));
    }

    /**
     * @param d the number of variables
     * @param order the highest total order K kept
     * @param value the constant
     * @return the jet of a constant
     */
    public static TaylorJet constant(int d, int order, double value) {
        Space s = space(d, order);
        double[] c = new double[s.indices.length];
        c[0] = value;
        return new TaylorJet(s, c);
    }

    /**
     * @param d the number of variables
     * @param order the highest total order K kept
     * @param j the variable's index
     * @param value its value at the point
     * @return the jet of the coordinate x_j at a point where it equals {@code value}
     */
    public static TaylorJet variable(int d, int order, int j, double value) {
        TaylorJet t = constant(d, order, value);
        if (order >= 1) {
            int[] e = new int[d];
            e[j] = 1;
            t.c[t.space.position.get(Arrays.toString(e))] = 1;
        }
        return t;
    }

    /**
     * @param point a point
     * @param order the highest total order K kept
     * @return the jets of its coordinates
     */
    public static TaylorJet[] coordinates(double[] point, int order) {
        TaylorJet[] x = new TaylorJet[point.length];
        for (int j = 0; j < x.length; j++) {
            x[j] = variable(point.length, order, j, point[j]);
        }
        return x;
    }

    /** @return the value at the point */
    public double value() {
        return c[0];
    }

    /** @return the number of variables */
    public int dimension() {
        return space.d;
    }

    /** @return the highest total order kept */
    public int order() {
        return space.order;
    }

    /**
     * @param orders a multi-index of total order at most {@link #order()}
     * @return the partial derivative ∂^α f at the point
     */
    public double derivative(int[] orders) {
        Integer k = orders.length == space.d ? space.position.get(Arrays.toString(orders)) : null;
        if (k == null) {
            throw new GeopinnException("derivative " + Arrays.toString(orders) + " is not kept by a jet of " + space.d
                    + " variables to order " + space.order);
        }
        double factorial = 1;
        for (int o : orders) {
            for (int i = 2; i <= o; i++) {
                factorial *= i;
            }
        }
        return c[k] * factorial;
    }

    private TaylorJet same(TaylorJet o) {
        if (o.space != space) {
            throw new GeopinnException("jets of different spaces: " + space.d + " variables to order " + space.order + " and "
                    + o.space.d + " to order " + o.space.order);
        }
        return o;
    }

    /** @param o another jet @return this + o */
    public TaylorJet plus(TaylorJet o) {
        same(o);
        double[] r = c.clone();
        for (int i = 0; i < r.length; i++) {
            r[i] += o.c[i];
        }
        return new TaylorJet(space, r);
    }

    /** @param a a constant @return this + a */
    public TaylorJet plus(double a) {
        double[] r = c.clone();
        r[0] += a;
        return new TaylorJet(space, r);
    }

    /** @param o another jet @return this − o */
    public TaylorJet minus(TaylorJet o) {
        return plus(o.times(-1));
    }

    /** @param a a constant @return a · this */
    public TaylorJet times(double a) {
        double[] r = c.clone();
        for (int i = 0; i < r.length; i++) {
            r[i] *= a;
        }
        return new TaylorJet(space, r);
    }

    /** @param o another jet @return this · o (Cauchy product, truncated) */
    public TaylorJet times(TaylorJet o) {
        same(o);
        double[] r = new double[c.length];
        int[] t = space.products;
        for (int i = 0; i < t.length; i += 3) {
            r[t[i + 2]] += c[t[i]] * o.c[t[i + 1]];
        }
        return new TaylorJet(space, r);
    }

    /** @param o the denominator @return this / o */
    public TaylorJet over(TaylorJet o) {
        return times(o.pow(-1));
    }

    /** @return −this */
    public TaylorJet negate() {
        return times(-1);
    }

    /**
     * f(this) for a function given by its univariate Taylor coefficients at this jet's value:
     * Σ_k series[k] h^k with h = this − value.
     */
    private TaylorJet compose(double[] series) {
        double[] h = c.clone();
        h[0] = 0;
        TaylorJet dh = new TaylorJet(space, h);
        double[] r = new double[c.length];
        r[0] = series[0];
        TaylorJet power = dh;
        for (int k = 1; k <= space.order; k++) {
            // From 1: h has no constant term (a zero value with an infinite series[k], as √ at 0, stays 0).
            for (int i = 1; i < r.length; i++) {
                r[i] += series[k] * power.c[i];
            }
            if (k < space.order) {
                power = power.times(dh);
            }
        }
        return new TaylorJet(space, r);
    }

    /**
     * @param p a real exponent (an integer exponent also for a negative base)
     * @return this^p
     */
    public TaylorJet pow(double p) {
        int n = space.order;
        double a = c[0];
        if (p == Math.rint(p) && p >= 0 && p <= 64) {
            TaylorJet r = constant(space.d, n, 1);
            for (int i = 0; i < (int) p; i++) {
                r = r.times(this);
            }
            return r;
        }
        double[] s = new double[n + 1];
        double binomial = 1;
        for (int k = 0; k <= n; k++) {
            s[k] = binomial * Math.pow(a, p - k);
            binomial *= (p - k) / (k + 1);
        }
        return compose(s);
    }

    /** @return √this */
    public TaylorJet sqrt() {
        return pow(0.5);
    }

    /** @return e^this */
    public TaylorJet exp() {
        double[] s = new double[space.order + 1];
        double e = Math.exp(c[0]);
        double f = 1;
        for (int k = 0; k <= space.order; k++) {
            s[k] = e / f;
            f *= k + 1;
        }
        return compose(s);
    }

    /** @return the natural logarithm of this */
    public TaylorJet log() {
        double[] s = new double[space.order + 1];
        double a = c[0];
        s[0] = Math.log(a);
        for (int k = 1; k <= space.order; k++) {
            s[k] = (k % 2 == 1 ? 1.0 : -1.0) / (k * Math.pow(a, k));
        }
        return compose(s);
    }

    /** @return sin this */
    public TaylorJet sin() {
        return trig(0);
    }

    /** @return cos this */
    public TaylorJet cos() {
        return trig(1);
    }

    /** The k-th derivative of sin is sin(x + kπ/2); of cos, sin(x + (k+1)π/2). */
    private TaylorJet trig(int shift) {
        double[] s = new double[space.order + 1];
        double sin = Math.sin(c[0]);
        double cos = Math.cos(c[0]);
        double f = 1;
        for (int k = 0; k <= space.order; k++) {
            double d;
            switch ((k + shift) % 4) {
                case 0: d = sin; break;
                case 1: d = cos; break;
                case 2: d = -sin; break;
                default: d = -cos; break;
            }
            s[k] = d / f;
            f *= k + 1;
        }
        return compose(s);
    }

    /** @return sinh this */
    public TaylorJet sinh() {
        return exp().minus(negate().exp()).times(0.5);
    }

    /** @return cosh this */
    public TaylorJet cosh() {
        return exp().plus(negate().exp()).times(0.5);
    }

    /** @return tanh this, as 1 − 2/(e^{2x} + 1) */
    public TaylorJet tanh() {
        return times(2).exp().plus(1).pow(-1).times(-2).plus(1);
    }

    @Override
    public String toString() {
        return "TaylorJet" + Arrays.toString(c);
    }
}

package org.geopinn.autodiff;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.geopinn.api.GeopinnException;
import org.geopinn.expr.ExprLimits;
import org.geopinn.api.model.DerivativeRequest;

/**
 * The jet components needed to produce a {@link DerivativeRequest}: the downward closure of the
 * requested multi-indices (every multi-index β ≤ α of a requested α), with the requested ones
 * first in request order (component 0 is the value), followed by the extra ones by total order.
 *
 * <p>Also precomputes, once, what the propagation rules need:
 * <ul>
 * <li>the multivariate Faà di Bruno terms of each component: D^α σ(z) = Σ over set partitions π of
 * the multiset of directions of α of σ^(|π|)(z) · Π_{B∈π} D^B z, identical terms merged with an
 * integer coefficient;</li>
 * <li>the Leibniz (product rule) terms: D^α(f·g) = Σ_{β≤α} C(α,β) · D^β f · D^{α−β} g.</li>
 * </ul>
 * Immutable and thread-safe.
 */
public final class JetStructure {
    /**
     * The highest total order a jet carries: one below {@link Activation#MAX_ORDER}, since the
     * parameter derivatives of a jet of order m need activation derivatives of order m + 1.
     * Equal to {@link ExprLimits#MAX_DERIVATIVE_ORDER}, the bound operators are checked against
     * when they are declared.
     */
    public static final int MAX_ORDER = Activation.MAX_ORDER - 1;
    /**
     * The most jet components (requested multi-indices and their downward closure) a structure
     * holds; within {@link #MAX_ORDER} a request of a few hundred derivatives stays far below it.
     */
    public static final int MAX_COMPONENTS = 4096;

    private final int dimension;
    private final int requested;
    private final int[][] components;
    private final int maxOrder;
    private final FaaDiBrunoTerm[][] chainTerms;
    private final LeibnizTerm[][] productTerms;
    private final int[] orders;
    private final int[] soleVariable;

    /**
     * One term of the Faà di Bruno formula of a component: {@code coefficient · σ^(factors.length)(z) · Π z_{factors[b]}}.
     *
     * @param coefficient the number of set partitions giving this term
     * @param factors the jet components of the blocks (each ≠ 0), sorted
     */
    public record FaaDiBrunoTerm(double coefficient, int[] factors) {
        /** @return the order of the activation derivative, |π| */
        public int order() {
            return factors.length;
        }
    }

    /**
     * One term of the product rule of a component α: {@code coefficient · D^β f · D^{α−β} g}.
     *
     * @param coefficient Π_j C(α_j, β_j)
     * @param left the component β
     * @param right the component α − β
     */
    public record LeibnizTerm(double coefficient, int left, int right) {
    }

    private JetStructure(int dimension, int requested, List<int[]> components) {
        this.dimension = dimension;
        this.requested = requested;
        this.components = components.toArray(new int[0][]);
        this.maxOrder = components.stream().mapToInt(JetStructure::order).max().orElse(0);
        this.chainTerms = new FaaDiBrunoTerm[this.components.length][];
        this.productTerms = new LeibnizTerm[this.components.length][];
        this.orders = new int[this.components.length];
        this.soleVariable = new int[this.components.length];
        for (int c = 0; c < this.components.length; c++) {
            chainTerms[c] = faaDiBruno(this.components[c]);
            productTerms[c] = leibniz(this.components[c]);
            orders[c] = order(this.components[c]);
            soleVariable[c] = soleVariable(this.components[c]);
        }
    }

    /**
     * @param request the derivatives wanted
     * @return the closed set of jet components that produces them
     */
    public static JetStructure of(DerivativeRequest request) {
        int d = request.dimension();
        // Refuse before any work: the Faà di Bruno terms of an order-m component number the Bell number
        // of m, and the closure of an order-m multi-index has up to 2^m members.
        for (int k = 0; k < request.size(); k++) {
            int[] m = request.multiIndex(k);
            int order = order(m);
            if (order > MAX_ORDER) {
                throw new GeopinnException("derivatives of order " + order + " requested (" + Arrays.toString(m)
                        + "); the jet engine supports orders up to " + MAX_ORDER);
            }
        }
        Map<String, int[]> closure = new LinkedHashMap<>();
        for (int k = 0; k < request.size(); k++) {
            int[] m = request.multiIndex(k);
            closure.put(Arrays.toString(m), m);
        }
        List<int[]> extra = new ArrayList<>();
        for (int k = 0; k < request.size(); k++) {
            for (int[] beta : below(request.multiIndex(k))) {
                String key = Arrays.toString(beta);
                if (!closure.containsKey(key)) {
                    closure.put(key, beta);
                    extra.add(beta);
                }
            }
            if (closure.size() > MAX_COMPONENTS) {
                throw new GeopinnException(request.size() + " derivatives requested, needing more than " + MAX_COMPONENTS
                        + " jet components; the jet engine supports at most " + MAX_COMPONENTS);
            }
        }
        extra.sort((a, b) -> Integer.compare(order(a), order(b)));
        List<int[]> all = new ArrayList<>();
        for (int k = 0; k < request.size(); k++) {
            all.add(request.multiIndex(k));
        }
        all.addAll(extra);
        return new JetStructure(d, request.size(), all);
    }

    /** @return the number of input variables d */
    public int dimension() {
        return dimension;
    }

    /** @return the number of jet components C (requested plus closure) */
    public int size() {
        return components.length;
    }

    /** @return the number K of requested components; they are components 0..K−1 */
    public int requestedSize() {
        return requested;
    }

    /** @return the highest total order of any component */
    public int maxOrder() {
        return maxOrder;
    }

    /** @param c a component @return its multi-index (a copy) */
    public int[] multiIndex(int c) {
        return components[c].clone();
    }

    /** @param c a component @return its total order |α| */
    public int order(int c) {
        return orders[c];
    }

    /**
     * @param c a component
     * @return the variable j if the component is a pure derivative m·e_j (m ≥ 1), −1 for the value,
     *         −2 for a mixed partial
     */
    public int soleVariable(int c) {
        return soleVariable[c];
    }

    private static int soleVariable(int[] alpha) {
        int variable = -1;
        for (int j = 0; j < alpha.length; j++) {
            if (alpha[j] > 0) {
                variable = variable == -1 ? j : -2;
            }
        }
        return variable;
    }

    /** @param orders a multi-index @return its component index, or −1 */
    public int indexOf(int[] orders) {
        for (int c = 0; c < components.length; c++) {
            if (Arrays.equals(components[c], orders)) {
                return c;
            }
        }
        return -1;
    }


    /** @param c a component @return its Faà di Bruno terms (shared, do not modify the arrays) */
    public FaaDiBrunoTerm[] chainTerms(int c) {
        return chainTerms[c].clone();
    }

    /** @param c a component @return its product rule terms */
    public LeibnizTerm[] productTerms(int c) {
        return productTerms[c].clone();
    }

    private static int order(int[] m) {
        int s = 0;
        for (int o : m) {
            s += o;
        }
        return s;
    }

    /** Every multi-index β ≤ α (α included). */
    private static List<int[]> below(int[] alpha) {
        List<int[]> out = new ArrayList<>();
        int[] beta = new int[alpha.length];
        while (true) {
            out.add(beta.clone());
            int j = 0;
            while (j < alpha.length && beta[j] == alpha[j]) {
                beta[j] = 0;
                j++;
            }
            if (j == alpha.length) {
                return out;
            }
            beta[j]++;
        }
    }

    private FaaDiBrunoTerm[] faaDiBruno(int[] alpha) {
        int m = order(alpha);
        if (m == 0) {
            return new FaaDiBrunoTerm[] {new FaaDiBrunoTerm(1.0, new int[0])};
        }
        if (m > MAX_ORDER) {
            // of() refuses this already; the enumeration below takes Bell(m) steps, so never start it.
            throw new GeopinnException("a jet component of order " + m + "; the jet engine supports orders up to " + MAX_ORDER);
        }
        int[] directions = new int[m];
        int p = 0;
        for (int j = 0; j < alpha.length; j++) {
            for (int r = 0; r < alpha[j]; r++) {
                directions[p++] = j;
            }
        }
        Map<String, double[]> coefficients = new LinkedHashMap<>();
        Map<String, int[]> factors = new LinkedHashMap<>();
        // Enumerate set partitions of the positions as restricted growth strings.
        int[] block = new int[m];
        enumerate(block, 1, 1, directions, coefficients, factors);
        List<FaaDiBrunoTerm> terms = new ArrayList<>();
        for (Map.Entry<String, int[]> e : factors.entrySet()) {
            terms.add(new FaaDiBrunoTerm(coefficients.get(e.getKey())[0], e.getValue()));
        }
        return terms.toArray(new FaaDiBrunoTerm[0]);
    }

    private void enumerate(int[] block, int position, int blocks, int[] directions, Map<String, double[]> coefficients,
            Map<String, int[]> factors) {
        if (position == block.length) {
            int[] f = new int[blocks];
            for (int b = 0; b < blocks; b++) {
                int[] beta = new int[dimension];
                for (int q = 0; q < block.length; q++) {
                    if (block[q] == b) {
                        beta[directions[q]]++;
                    }
                }
                f[b] = indexOf(beta);
                if (f[b] < 0) {
                    throw new IllegalStateException("jet closure misses " + Arrays.toString(beta));
                }
            }
            Arrays.sort(f);
            String key = Arrays.toString(f);
            factors.putIfAbsent(key, f);
            coefficients.computeIfAbsent(key, k -> new double[1])[0] += 1.0;
            return;
        }
        for (int b = 0; b <= blocks; b++) {
            block[position] = b;
            enumerate(block, position + 1, Math.max(blocks, b + 1), directions, coefficients, factors);
        }
    }

    private LeibnizTerm[] leibniz(int[] alpha) {
        List<LeibnizTerm> terms = new ArrayList<>();
        for (int[] beta : below(alpha)) {
            double coefficient = 1.0;
            int[] rest = new int[dimension];
            for (int j = 0; j < dimension; j++) {
                coefficient *= binomial(alpha[j], beta[j]);
                rest[j] = alpha[j] - beta[j];
            }
            terms.add(new LeibnizTerm(coefficient, indexOf(beta), indexOf(rest)));
        }
        return terms.toArray(new LeibnizTerm[0]);
    }

    private static double binomial(int n, int k) {
        double r = 1.0;
        for (int i = 1; i <= k; i++) {
            r = r * (n - k + i) / i;
        }
        return r;
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("JetStructure[");
        for (int[] m : components) {
            b.append(Arrays.toString(m));
        }
        return b.append(']').toString();
    }
}

package org.geopinn.autodiff;

import java.util.ArrayList;
import java.util.List;

/**
 * Applies an elementwise activation to jets (forward), and its reverse and tangent linearisations,
 * from the Faà di Bruno terms of a {@link JetStructure} compiled once into lists of elementwise
 * products. At run time each product is one loop over the n points of a unit.
 *
 * <p>Buffers are indexed [component][unit][point] (z, a and their adjoints or tangents) and
 * [unit][order][point] (the activation derivatives σ^(k) at the value component).
 * Not thread-safe (it owns a little scratch).
 */
final class ActivationJets {
    /** Sources a product factor can come from. */
    private static final int Z = 0;
    private static final int S = 1;
    /** The adjoint of a (backward) or the tangent of z (tangent pass). */
    private static final int OTHER = 2;

    /**
     * A product coefficient · Π factors added to component {@code target}; the first product of each
     * target sets it instead ({@code first}), so no pass is spent clearing the output.
     */
    private record Product(int target, double coefficient, int[] sources, int[] indices, boolean first) {
        Product asFirst() {
            return new Product(target, coefficient, sources, indices, true);
        }
    }

    private final Product[] forward;
    private final Product[] backward;
    private final Product[] tangent;
    private final int components;
    private final double[][] arrays = new double[Activation.MAX_ORDER + 3][];

    ActivationJets(JetStructure jets) {
        components = jets.size();
        List<Product> f = new ArrayList<>();
        List<Product> b = new ArrayList<>();
        List<Product> t = new ArrayList<>();
        for (int c = 0; c < components; c++) {
            for (JetStructure.FaaDiBrunoTerm term : jets.chainTerms(c)) {
                int k = term.order();
                int[] factors = term.factors();
                // a_c += coef · σ^(k) · Π z_f
                f.add(product(c, term.coefficient(), S, k, factors, -1, -1, -1));
                // δz_0 += coef · δa_c · σ^(k+1) · Π z_f ; ż-contribution of ż_0 likewise
                b.add(product(0, term.coefficient(), S, k + 1, factors, -1, OTHER, c));
                t.add(product(c, term.coefficient(), S, k + 1, factors, -1, OTHER, 0));
                for (int p = 0; p < factors.length; p++) {
                    if (p > 0 && factors[p] == factors[p - 1]) {
                        continue;
                    }
                    int multiplicity = 0;
                    for (int q : factors) {
                        multiplicity += q == factors[p] ? 1 : 0;
                    }
                    // δz_{f_p} += μ · coef · δa_c · σ^(k) · Π_{q≠p} z_q ; tangent: ȧ_c += μ coef σ^(k) ż_{f_p} Π_{q≠p} z_q
                    b.add(product(factors[p], multiplicity * term.coefficient(), S, k, factors, p, OTHER, c));
                    t.add(product(c, multiplicity * term.coefficient(), S, k, factors, p, OTHER, factors[p]));
                }
            }
        }
        forward = markFirst(f, components);
        backward = markFirst(b, components);
        tangent = markFirst(t, components);
    }

    private static Product product(int target, double coefficient, int sSource, int sOrder, int[] factors, int skip,
            int extraSource, int extraIndex) {
        List<int[]> list = new ArrayList<>();
        list.add(new int[] {sSource, sOrder});
        for (int q = 0; q < factors.length; q++) {
            if (q != skip) {
                list.add(new int[] {Z, factors[q]});
            }
        }
        if (extraSource >= 0) {
            list.add(new int[] {extraSource, extraIndex});
        }
        int[] sources = new int[list.size()];
        int[] indices = new int[list.size()];
        for (int q = 0; q < sources.length; q++) {
            sources[q] = list.get(q)[0];
            indices[q] = list.get(q)[1];
        }
        return new Product(target, coefficient, sources, indices, false);
    }

    /** Marks the first product of each target; every component must be the target of some product. */
    private static Product[] markFirst(List<Product> program, int components) {
        boolean[] seen = new boolean[components];
        Product[] out = new Product[program.size()];
        for (int p = 0; p < out.length; p++) {
            Product product = program.get(p);
            out[p] = seen[product.target] ? product : product.asFirst();
            seen[product.target] = true;
        }
        for (boolean s : seen) {
            if (!s) {
                throw new IllegalStateException("a jet component receives no product");
            }
        }
        return out;
    }

    /** a = σ(z) as jets, for units [from, to). */
    void forward(double[][][] z, double[][][] s, double[][][] a, int n, int from, int to) {
        run(forward, z, s, null, a, n, from, to);
    }

    /** δz = (∂a/∂z)ᵀ δa, for units [from, to). */
    void backward(double[][][] da, double[][][] z, double[][][] s, double[][][] dz, int n, int from, int to) {
        run(backward, z, s, da, dz, n, from, to);
    }

    /** ȧ = (∂a/∂z) ż, for units [from, to). */
    void tangent(double[][][] dotZ, double[][][] z, double[][][] s, double[][][] dotA, int n, int from, int to) {
        run(tangent, z, s, dotZ, dotA, n, from, to);
    }

    /**
     * Runs a program for units [from, to). Buffers are indexed [component or order][unit][point], so
     * every factor of a product is its own array, read at the same index: the loops vectorise.
     */
    private void run(Product[] program, double[][][] z, double[][][] s, double[][][] other, double[][][] out, int n,
            int from, int to) {
        for (int j = from; j < to; j++) {
            for (Product p : program) {
                int m = p.sources.length;
                for (int q = 0; q < m; q++) {
                    int index = p.indices[q];
                    switch (p.sources[q]) {
                        case Z:
                            arrays[q] = z[index][j];
                            break;
                        case S:
                            arrays[q] = s[j][index];
                            break;
                        default:
                            arrays[q] = other[index][j];
                            break;
                    }
                }
                addProduct(out[p.target][j], p.coefficient, arrays, m, n, p.first);
            }
        }
    }

    /**
     * dst[e] += coefficient · Π_q arrays[q][e] for e &lt; len, or = when {@code set} (a
     * loop-invariant test that the compiler hoists out of the loops).
     */
    static void addProduct(double[] dst, double coefficient, double[][] arrays, int m, int len, boolean set) {
        double[] a0 = arrays[0];
        switch (m) {
            case 1:
                for (int e = 0; e < len; e++) {
                    dst[e] = (set ? 0.0 : dst[e]) + coefficient * a0[e];
                }
                return;
            case 2: {
                double[] a1 = arrays[1];
                for (int e = 0; e < len; e++) {
                    dst[e] = (set ? 0.0 : dst[e]) + coefficient * a0[e] * a1[e];
                }
                return;
            }
            case 3: {
                double[] a1 = arrays[1];
                double[] a2 = arrays[2];
                for (int e = 0; e < len; e++) {
                    dst[e] = (set ? 0.0 : dst[e]) + coefficient * a0[e] * a1[e] * a2[e];
                }
                return;
            }
            case 4: {
                double[] a1 = arrays[1];
                double[] a2 = arrays[2];
                double[] a3 = arrays[3];
                for (int e = 0; e < len; e++) {
                    dst[e] = (set ? 0.0 : dst[e]) + coefficient * a0[e] * a1[e] * a2[e] * a3[e];
                }
                return;
            }
            default:
                for (int e = 0; e < len; e++) {
                    double v = coefficient;
                    for (int q = 0; q < m; q++) {
                        v *= arrays[q][e];
                    }
                    dst[e] = (set ? 0.0 : dst[e]) + v;
                }
        }
    }
}

package org.geopinn.reproductions;

import java.util.List;
import java.util.Random;
import org.geopinn.autodiff.Activation;

/**
 * A second, closed-form implementation of Chen et al.'s system matrices, the oracle that the engine
 * assembly of {@link SystemMatrices} is checked against. The random feature model of Chen, Yang, Xiang & Hao (2024), u(x) = Σ_j a_j σ(w_j·x + b_j) with w_j, b_j ~ U[−1, 1]
 * fixed, and the two system matrices of a linear operator on it: A_AD with the derivatives of σ
 * taken analytically (what automatic differentiation computes), and A_FD with a finite-difference
 * stencil applied to values of the model at shifted points.
 */
final class RandomFeatures {
    /** One term c·∂^α of a linear differential operator. @param coefficient c @param orders α */
    record Term(double coefficient, int[] orders) {
    }

    /** One point of a stencil: c·u(x + h·offset). @param coefficient c, already divided by h^order @param offset in units of h */
    record StencilPoint(double coefficient, int[] offset) {
    }

    private final Activation activation;
    private final int dimension;
    private final int features;
    private final double[] w;
    private final double[] b;

    RandomFeatures(Activation activation, int dimension, int features, long seed) {
        this.activation = activation;
        this.dimension = dimension;
        this.features = features;
        Random random = new Random(seed);
        this.w = new double[features * dimension];
        this.b = new double[features];
        for (int j = 0; j < features; j++) {
            for (int d = 0; d < dimension; d++) {
                w[j * dimension + d] = 2 * random.nextDouble() - 1;
            }
            b[j] = 2 * random.nextDouble() - 1;
        }
    }

    int features() {
        return features;
    }

    /**
     * @param points n points, row-major n×d
     * @param operator the operator's terms
     * @return A_AD, row-major n×M: A[i][j] = Σ_terms c · w_j^α · σ^(|α|)(w_j·x_i + b_j)
     */
    double[] automatic(double[] points, List<Term> operator) {
        int n = points.length / dimension;
        double[] a = new double[n * features];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < features; j++) {
                double z = argument(points, i * dimension, j, null, 0);
                double sum = 0;
                for (Term t : operator) {
                    double factor = t.coefficient();
                    int order = 0;
                    for (int d = 0; d < dimension; d++) {
                        factor *= Math.pow(w[j * dimension + d], t.orders()[d]);
                        order += t.orders()[d];
                    }
                    sum += factor * derivative(activation, order, z);
                }
                a[i * features + j] = sum;
            }
        }
        return a;
    }

    /**
     * @param points n points, row-major n×d
     * @param stencil the stencil
     * @param h the step
     * @return A_FD, row-major n×M: A[i][j] = Σ_k c_k σ(w_j·(x_i + h·o_k) + b_j)
     */
    double[] finiteDifference(double[] points, List<StencilPoint> stencil, double h) {
        int n = points.length / dimension;
        double[] a = new double[n * features];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < features; j++) {
                double sum = 0;
                for (StencilPoint p : stencil) {
                    sum += p.coefficient() * derivative(activation, 0, argument(points, i * dimension, j, p.offset(), h));
                }
                a[i * features + j] = sum;
            }
        }
        return a;
    }

    private double argument(double[] points, int at, int j, int[] offset, double h) {
        double z = b[j];
        for (int d = 0; d < dimension; d++) {
            double x = points[at + d] + (offset == null ? 0 : offset[d] * h);
            z += w[j * dimension + d] * x;
        }
        return z;
    }

    /** σ^(order)(z) from the autodiff bundle's activation, the one the models use. */
    static double derivative(Activation activation, int order, double z) {
        double[][] out = new double[order + 1][1];
        activation.derivatives(new double[] {z}, 1, order, out);
        return out[order][0];
    }
}

package org.geopinn.kernels.openblas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.geopinn.api.model.DerivativeRequest;
import org.geopinn.autodiff.Activation;
import org.geopinn.autodiff.CoordinateEncoding;
import org.geopinn.autodiff.DenseLayer;
import org.geopinn.autodiff.JetNetwork;
import org.geopinn.autodiff.JetNetworkEvaluator;
import org.geopinn.autodiff.JetStructure;
import org.geopinn.autodiff.RowProducts;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The weight gradients by OpenBLAS's GEMM against the Java dot products: the product alone on random
 * rows, and a whole loss gradient of the Laplace network (MLP [2,64,64,64,1] tanh, jets u, ∂x, ∂y,
 * ∂xx, ∂yy at 900 points) through both evaluators, to 1e-12 relative; and no allocation once the
 * buffers are sized.
 */
class NativeRowProductsTest {
    @BeforeAll
    static void load() {
        assertNull(OpenBlasLibrary.load(), "this test runs where the OpenBLAS library loads");
    }

    @Test
    void productEqualsTheJavaProducts() {
        Random random = new Random(5);
        // the last shape spans three packed blocks of columns
        for (int[] shape : new int[][] {{64, 64, 5, 450}, {3, 70, 1, 7}, {17, 9, 6, 1001}, {20, 11, 5, 1901}}) {
            int xRows = shape[0], yRows = shape[1], components = shape[2], length = shape[3];
            double[][][] x = rows(components, xRows, length + 2, random);
            double[][][] y = rows(components, yRows, length + 2, random);
            double[] expected = new double[1 + xRows * yRows];
            double[] actual = new double[1 + xRows * yRows];
            for (int e = 0; e < expected.length; e++) {
                expected[e] = actual[e] = random.nextGaussian();
            }
            RowProducts.java().accumulate(x, xRows, y, yRows, components, length, expected, 1);
            new OpenBlasRowProducts().accumulate(x, xRows, y, yRows, components, length, actual, 1);
            // |Σ x·y| is about √(components·length) here; the sums' rounding is eps·components·length at most
            double scale = Math.sqrt(components * length);
            for (int e = 0; e < expected.length; e++) {
                assertEquals(expected[e], actual[e], 1e-12 * Math.max(Math.abs(expected[e]), scale), "entry " + e);
            }
        }
    }

    @Test
    void layerProductsEqualTheJavaProducts() {
        Random random = new Random(9);
        // 5 × 1901 columns: three packed blocks, their boundaries inside a component's row
        int rows = 48, sources = 64, components = 5, length = 1901;
        assertTrue(components * length > 2 * OpenBlasRowProducts.BLOCK);
        double[] m = new double[7 + rows * sources];
        for (int e = 0; e < m.length; e++) {
            m[e] = random.nextGaussian();
        }
        double[][][] src = rows(components, sources, length + 4, random);
        // M as stored (row-major rows × sources) and transposed in place (the backward pass reads Wᵀ so)
        int[][] layouts = {{sources, 1}, {1, rows}};
        for (int[] strides : layouts) {
            double[][][] expected = rows(components, rows, length + 4, random);
            double[][][] actual = rows(components, rows, length + 4, random);
            RowProducts.java().combine(m, 7, strides[0], strides[1], rows, sources, src, expected, components, length);
            new OpenBlasRowProducts().combine(m, 7, strides[0], strides[1], rows, sources, src, actual, components, length);
            for (int c = 0; c < components; c++) {
                for (int r = 0; r < rows; r++) {
                    for (int i = 0; i < length; i++) {
                        assertEquals(expected[c][r][i], actual[c][r][i], 1e-12 * Math.max(Math.abs(expected[c][r][i]), 8),
                                "strides " + strides[0] + "/" + strides[1] + " entry " + c + ", " + r + ", " + i);
                    }
                }
            }
        }
    }

    @Test
    void laplaceGradientEqualsTheJavaPathAndAllocatesNothing() {
        Random random = new Random(11);
        List<DenseLayer> layers = new ArrayList<>();
        int[] widths = {2, 64, 64, 64, 1};
        int offset = 0;
        for (int l = 0; l + 1 < widths.length; l++) {
            int in = widths[l], out = widths[l + 1];
            layers.add(DenseLayer.trainable(in, out, l + 2 < widths.length ? Activation.TANH : null, offset, offset + in * out));
            offset += in * out + out;
        }
        double[] theta = new double[offset];
        for (int p = 0; p < theta.length; p++) {
            theta[p] = random.nextGaussian() * 0.2;
        }
        JetNetwork net = new JetNetwork(CoordinateEncoding.affine(new double[] {1, 1}, new double[] {0, 0}), layers);
        JetStructure jets = JetStructure.of(DerivativeRequest.of(2, List.of(new int[] {2, 0}, new int[] {0, 2})));
        int n = 900;
        double[] points = new double[2 * n];
        for (int p = 0; p < points.length; p++) {
            points[p] = random.nextDouble();
        }
        double[][][] seeds = rows(jets.size(), 1, n, random);
        JetNetworkEvaluator java = net.evaluator(jets, n, RowProducts.java());
        JetNetworkEvaluator packed = net.evaluator(jets, n, new OpenBlasRowProducts());
        java.forward(theta, points, n);
        packed.forward(theta, points, n);
        for (int c = 0; c < jets.size(); c++) {
            for (int i = 0; i < n; i++) {
                double value = java.outputs()[c][0][i];
                assertEquals(value, packed.outputs()[c][0][i], 1e-12 * Math.max(Math.abs(value), 1), "output " + c + ", " + i);
            }
        }
        double[] expected = new double[offset];
        double[] actual = new double[offset];
        java.backward(seeds, expected);
        packed.backward(seeds, actual);
        double largest = 0;
        for (double g : expected) {
            largest = Math.max(largest, Math.abs(g));
        }
        assertTrue(largest > 0);
        for (int p = 0; p < offset; p++) {
            assertEquals(expected[p], actual[p], 1e-12 * Math.max(Math.abs(expected[p]), 1e-3 * largest), "parameter " + p);
        }
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long id = Thread.currentThread().getId();
        long before = threads.getThreadAllocatedBytes(id);
        for (int k = 0; k < 20; k++) {
            packed.forward(theta, points, n);
            packed.backward(seeds, actual);
        }
        long perPass = (threads.getThreadAllocatedBytes(id) - before) / 20;
        assertTrue(perPass < 256, "a forward + backward pass allocated " + perPass + " bytes");
    }

    private static double[][][] rows(int components, int count, int length, Random random) {
        double[][][] x = new double[components][count][length];
        for (double[][] perComponent : x) {
            for (double[] row : perComponent) {
                for (int i = 0; i < length; i++) {
                    row[i] = random.nextGaussian();
                }
            }
        }
        return x;
    }
}

package org.geopinn.autodiff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import org.geopinn.api.model.DerivativeRequest;
import org.junit.jupiter.api.Test;

/**
 * The weight-gradient products: the Java ones against plain sums, the packed path of the evaluator
 * (taken whenever products other than the Java ones are in use) against the Java path, and the choice
 * in {@link ProductKernels}.
 */
class RowProductsTest {

    /** Packs rows as a native implementation does and sums plainly: exercises the evaluator's packed path. */
    static final class PackedSums implements RowProducts {
        int calls;

        @Override
        public void accumulate(double[][][] x, int xRows, double[][][] y, int yRows, int components, int length, double[] out,
                int off) {
            calls++;
            int inner = components * length;
            double[] a = pack(x, xRows, components, length);
            double[] b = pack(y, yRows, components, length);
            for (int r = 0; r < xRows; r++) {
                for (int s = 0; s < yRows; s++) {
                    double sum = 0;
                    for (int e = 0; e < inner; e++) {
                        sum += a[r * inner + e] * b[s * inner + e];
                    }
                    out[off + r * yRows + s] += sum;
                }
            }
        }

        private static double[] pack(double[][][] rows, int count, int components, int length) {
            double[] p = new double[count * components * length];
            for (int r = 0; r < count; r++) {
                for (int c = 0; c < components; c++) {
                    System.arraycopy(rows[c][r], 0, p, (r * components + c) * length, length);
                }
            }
            return p;
        }

        @Override
        public String name() {
            return "packed sums";
        }
    }

    @Test
    void javaProductsAreTheSumsOverComponentsAndPoints() {
        Random random = new Random(3);
        int components = 5, xRows = 9, yRows = 7, length = 601;
        double[][][] x = random(components, xRows, length + 3, random);
        double[][][] y = random(components, yRows, length + 3, random);
        double[] out = new double[2 + xRows * yRows];
        out[2] = 1.5;
        RowProducts.java().accumulate(x, xRows, y, yRows, components, length, out, 2);
        for (int r = 0; r < xRows; r++) {
            for (int s = 0; s < yRows; s++) {
                double sum = r == 0 && s == 0 ? 1.5 : 0;
                double size = 0;
                for (int c = 0; c < components; c++) {
                    for (int i = 0; i < length; i++) {
                        sum += x[c][r][i] * y[c][s][i];
                        size += Math.abs(x[c][r][i] * y[c][s][i]);
                    }
                }
                assertEquals(sum, out[2 + r * yRows + s], 1e-13 * size, "entry " + r + ", " + s);
            }
        }
        assertEquals(0.0, out[0]);
        assertEquals(0.0, out[1]);
    }

    @Test
    void packedPathGivesTheJavaPathsValuesAndGradient() {
        Random random = new Random(17);
        List<Double> t = new ArrayList<>();
        JetNetwork net = JetNetworkEvaluatorTest.randomNetwork(2, new int[] {64, 64, 64}, 1, Activation.TANH,
                new double[] {1, 1}, new double[] {0, 0}, t, random);
        double[] theta = new double[t.size()];
        for (int p = 0; p < theta.length; p++) {
            theta[p] = t.get(p) * 0.2;
        }
        JetStructure jets = JetStructure.of(DerivativeRequest.of(2, List.of(new int[] {2, 0}, new int[] {0, 2})));
        int n = 300;
        double[] points = new double[2 * n];
        for (int p = 0; p < points.length; p++) {
            points[p] = 2 * random.nextDouble() - 1;
        }
        double[][][] seeds = random(jets.size(), 1, n, random);
        PackedSums packed = new PackedSums();
        JetNetworkEvaluator reference = net.evaluator(jets, n, RowProducts.java());
        JetNetworkEvaluator candidate = net.evaluator(jets, n, packed);
        assertSame(packed, candidate.products());
        reference.forward(theta, points, n);
        candidate.forward(theta, points, n);
        for (int c = 0; c < jets.size(); c++) {
            for (int i = 0; i < n; i++) {
                assertEquals(reference.outputs()[c][0][i], candidate.outputs()[c][0][i], 0.0);
            }
        }
        double[] expected = new double[theta.length];
        double[] actual = new double[theta.length];
        reference.backward(seeds, expected);
        candidate.backward(seeds, actual);
        // every layer's weight gradient takes the packed path (64×2, 64×64, 64×64, 1×64)
        assertEquals(4, packed.calls);
        double largest = 0;
        for (double g : expected) {
            largest = Math.max(largest, Math.abs(g));
        }
        assertTrue(largest > 0);
        for (int p = 0; p < theta.length; p++) {
            assertEquals(expected[p], actual[p], 1e-12 * Math.max(Math.abs(expected[p]), 1e-3 * largest), "parameter " + p);
        }
    }

    @Test
    void offeredProductsAreChosenUnlessJavaIsForced() {
        String before = System.getProperty(ProductKernels.PROPERTY);
        Supplier<RowProducts> factory = PackedSums::new;
        try {
            System.clearProperty(ProductKernels.PROPERTY);
            assertSame(RowProducts.java(), ProductKernels.create());
            ProductKernels.offer(factory);
            assertEquals("packed sums", ProductKernels.create().name());
            System.setProperty(ProductKernels.PROPERTY, "java");
            assertSame(RowProducts.java(), ProductKernels.create());
            System.clearProperty(ProductKernels.PROPERTY);
            ProductKernels.withdraw(PackedSums::new);
            assertEquals("packed sums", ProductKernels.create().name(), "another factory does not withdraw the offered one");
            ProductKernels.withdraw(factory);
            assertSame(RowProducts.java(), ProductKernels.create());
        } finally {
            ProductKernels.withdraw(factory);
            if (before == null) {
                System.clearProperty(ProductKernels.PROPERTY);
            } else {
                System.setProperty(ProductKernels.PROPERTY, before);
            }
        }
    }

    static double[][][] random(int components, int rows, int length, Random random) {
        double[][][] x = new double[components][rows][length];
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

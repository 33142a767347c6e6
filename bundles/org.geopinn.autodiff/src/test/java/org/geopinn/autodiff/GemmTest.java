package org.geopinn.autodiff;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The products against naive triple loops, odd sizes and offsets included, and one by hand. */
class GemmTest {
    @Test
    void smallProductByHand() {
        double[] a = {1, 2, 3, 4, 5, 6}; // 2x3
        double[] b = {7, 8, 9, 10, 11, 12}; // 3x2
        double[] c = new double[4];
        Gemm.multiply(2, 2, 3, a, 0, b, 0, c, 0, false);
        assertArrayEquals(new double[] {58, 64, 139, 154}, c);
    }

    @Test
    void productsMatchNaiveLoops() {
        Random random = new Random(2);
        int[][] shapes = {{1, 1, 1}, {3, 5, 7}, {17, 300, 9}, {64, 64, 64}, {33, 2, 65}, {5, 513, 3}};
        for (int[] s : shapes) {
            int m = s[0], n = s[1], k = s[2];
            double[] a = random(random, 3 + m * k);
            double[] b = random(random, 2 + k * n);
            double[] c = random(random, 1 + m * n);
            double[] expected = c.clone();
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < n; j++) {
                    double sum = 0;
                    for (int p = 0; p < k; p++) {
                        sum += a[3 + i * k + p] * b[2 + p * n + j];
                    }
                    expected[1 + i * n + j] += sum;
                }
            }
            Gemm.multiply(m, n, k, a, 3, b, 2, c, 1, true);
            assertClose(expected, c);
            // Aᵀ B with A stored k×m
            double[] at = new double[3 + k * m];
            Gemm.transpose(m, k, a, 3, at, 3);
            double[] c2 = new double[1 + m * n];
            c2[0] = 42;
            Gemm.multiplyTransposeA(m, n, k, at, 3, b, 2, c2, 1, false);
            double[] product = new double[m * n];
            for (int r = 0; r < m * n; r++) {
                product[r] = c2[1 + r];
            }
            double[] direct = new double[m * n];
            Gemm.multiply(m, n, k, a, 3, b, 2, direct, 0, false);
            assertClose(direct, product);
            assertEquals(42, c2[0]);
        }
    }

    private static double[] random(Random r, int size) {
        double[] a = new double[size];
        for (int i = 0; i < size; i++) {
            a[i] = r.nextGaussian();
        }
        return a;
    }

    private static void assertClose(double[] expected, double[] actual) {
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], 1e-12 * Math.max(1, Math.abs(expected[i])), "entry " + i);
        }
    }
}

package org.geopinn.autodiff;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The row products against naive loops (odd sizes, strides, offsets, column ranges) and one by hand. */
class GemmTest {
    @Test
    void smallProductByHand() {
        double[] m = {1, 2, 3, 4, 5, 6}; // 2x3
        double[][] src = {{7, 8}, {9, 10}, {11, 12}}; // 3 rows
        double[][] out = new double[2][2];
        Gemm.combineRows(m, 0, 3, 1, 2, 3, src, out, 0, 2, false);
        assertArrayEquals(new double[] {58, 64}, out[0]);
        assertArrayEquals(new double[] {139, 154}, out[1]);
        double[] g = new double[6];
        Gemm.dotRows(out, 2, src, 3, 2, g, 0);
        assertEquals(58 * 7 + 64 * 8, g[0]);
        assertEquals(139 * 11 + 154 * 12, g[5]);
    }

    @Test
    void combineRowsMatchesNaiveLoops() {
        Random random = new Random(2);
        int[][] shapes = {{1, 1, 1}, {3, 5, 7}, {17, 9, 300}, {64, 64, 600}, {33, 2, 65}, {5, 3, 513}};
        for (int[] sh : shapes) {
            int rows = sh[0], sources = sh[1], len = sh[2];
            double[] m = random(random, 3 + rows * sources);
            double[][] src = new double[sources][];
            for (int q = 0; q < sources; q++) {
                src[q] = random(random, len + 4);
            }
            for (boolean transposed : new boolean[] {false, true}) {
                int rowStride = transposed ? 1 : sources;
                int colStride = transposed ? rows : 1;
                double[][] out = new double[rows][];
                double[][] expected = new double[rows][];
                for (int r = 0; r < rows; r++) {
                    out[r] = random(random, len + 4);
                    expected[r] = out[r].clone();
                    for (int j = 1; j < len; j++) {
                        for (int q = 0; q < sources; q++) {
                            expected[r][j] += m[3 + r * rowStride + q * colStride] * src[q][j];
                        }
                    }
                }
                Gemm.combineRows(m, 3, rowStride, colStride, rows, sources, src, out, 1, len, true);
                for (int r = 0; r < rows; r++) {
                    assertClose(expected[r], out[r]);
                }
            }
        }
    }

    @Test
    void dotRowsMatchNaiveLoops() {
        Random random = new Random(3);
        int[][] shapes = {{1, 1, 1}, {3, 5, 7}, {20, 12, 700}, {7, 2, 300}, {2, 9, 513}};
        for (int[] sh : shapes) {
            int xr = sh[0], yr = sh[1], len = sh[2];
            double[][] x = new double[xr][];
            double[][] y = new double[yr][];
            for (int r = 0; r < xr; r++) {
                x[r] = random(random, len);
            }
            for (int r = 0; r < yr; r++) {
                y[r] = random(random, len);
            }
            double[] out = random(random, 2 + xr * yr);
            double[] expected = out.clone();
            for (int r = 0; r < xr; r++) {
                for (int q = 0; q < yr; q++) {
                    for (int e = 0; e < len; e++) {
                        expected[2 + r * yr + q] += x[r][e] * y[q][e];
                    }
                }
            }
            Gemm.dotRows(x, xr, y, yr, len, out, 2);
            assertClose(expected, out);
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
            assertEquals(expected[i], actual[i], 1e-11 * Math.max(1, Math.abs(expected[i])), "entry " + i);
        }
    }
}

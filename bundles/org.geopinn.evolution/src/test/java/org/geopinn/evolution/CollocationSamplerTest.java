package org.geopinn.evolution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** Guided samples follow the magnitude of the solution; the uniform share stays uniform. */
class CollocationSamplerTest {
    private static final double[] LO = {-1, -1};
    private static final double[] HI = {1, 1};

    @Test
    void guidedPointsGatherWhereTheSolutionIsLarge() {
        int n = 4000;
        CollocationSampler sampler = new CollocationSampler(new BoxSampler(LO, HI, new Random(1)), 1, n, 0.5, new Random(2));
        double[] points = new double[2 * n];
        // The solution lives in the quarter x > 0, y > 0 only.
        sampler.draw((p, m, out) -> {
            for (int i = 0; i < m; i++) {
                out[i] = p[2 * i] > 0 && p[2 * i + 1] > 0 ? 1 : 0;
            }
        }, points, n);
        int inQuarter = 0;
        for (int i = 0; i < n; i++) {
            if (points[2 * i] > 0 && points[2 * i + 1] > 0) {
                inQuarter++;
            }
        }
        // Expected: a quarter of the uniform half plus the whole guided half = 0.625 n.
        assertEquals(0.625, inQuarter / (double) n, 0.03);
    }

    @Test
    void withoutImportanceOrWithAZeroSolutionThePointsAreUniform() {
        int n = 4000;
        for (double importance : new double[] {0, 0.5}) {
            CollocationSampler sampler = new CollocationSampler(new BoxSampler(LO, HI, new Random(1)), 1, n, importance,
                    new Random(2));
            double[] points = new double[2 * n];
            sampler.draw((p, m, out) -> java.util.Arrays.fill(out, 0, m, 0.0), points, n);
            int inQuarter = 0;
            for (int i = 0; i < n; i++) {
                assertTrue(Math.abs(points[2 * i]) <= 1 && Math.abs(points[2 * i + 1]) <= 1);
                if (points[2 * i] > 0 && points[2 * i + 1] > 0) {
                    inQuarter++;
                }
            }
            assertEquals(0.25, inQuarter / (double) n, 0.03);
        }
    }
}

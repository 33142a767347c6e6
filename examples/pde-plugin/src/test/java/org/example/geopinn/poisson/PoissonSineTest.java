package org.example.geopinn.poisson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.annotation.Annotation;
import java.util.List;
import org.geopinn.api.GeopinnException;
import org.geopinn.api.problem.Condition;
import org.junit.jupiter.api.Test;

/** The problem is consistent: its exact solution satisfies its own conditions. */
class PoissonSineTest {
    private static PoissonSine.Config frequency(int k) {
        return new PoissonSine.Config() {
            @Override
            public int frequency() {
                return k;
            }

            @Override
            public Class<? extends Annotation> annotationType() {
                return PoissonSine.Config.class;
            }
        };
    }

    @Test
    void theExactSolutionSatisfiesThePdeAndTheBoundaryCondition() {
        for (int k : new int[] {1, 3}) {
            PoissonSine p = new PoissonSine(frequency(k));
            List<Condition> conditions = p.conditions();
            Condition pde = conditions.get(0);
            double[] u = new double[1];
            double h = 1e-4;
            for (double[] x : new double[][] {{0.3, 0.7}, {0.51, 0.12}, {0.9, 0.45}}) {
                // -Δu by central differences of the reference solution, against the source term.
                double c = value(p, x[0], x[1], u);
                double lap = (value(p, x[0] + h, x[1], u) + value(p, x[0] - h, x[1], u)
                        + value(p, x[0], x[1] + h, u) + value(p, x[0], x[1] - h, u) - 4 * c) / (h * h);
                assertEquals(pde.source().value(x), -lap, 1e-4 * (1 + Math.abs(lap)), "k=" + k);
            }
            for (double[] x : new double[][] {{0, 0.3}, {1, 0.8}, {0.4, 0}, {0.6, 1}}) {
                assertEquals(0, value(p, x[0], x[1], u), 1e-12, "boundary k=" + k);
            }
            assertTrue(p.description().contains("sin(" + k + "πy)"), p.description());
            assertEquals(List.of("pde", "boundary"), conditions.stream().map(Condition::name).toList());
        }
    }

    @Test
    void aFrequencyOutsideOneToEightIsRejectedWithTheAllowedRange() {
        GeopinnException e = assertThrows(GeopinnException.class, () -> new PoissonSine(frequency(99)));
        assertTrue(e.getMessage().contains("from 1 to 8, got 99"), e.getMessage());
        assertThrows(GeopinnException.class, () -> new PoissonSine(frequency(0)));
    }

    private static double value(PoissonSine p, double x, double y, double[] out) {
        p.reference().orElseThrow().evaluate(new double[] {x, y}, 1, out);
        return out[0];
    }
}

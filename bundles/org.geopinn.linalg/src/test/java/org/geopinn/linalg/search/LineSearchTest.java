package org.geopinn.linalg.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LineSearchTest {

    @Test
    void gridSearchPicksSmallestFiniteValue() {
        GridSearchResult r = new GridLineSearch(30).search(eta -> eta > 0.3 ? Double.NaN : (eta - 0.1) * (eta - 0.1));
        assertEquals(0.125, r.eta());
        assertEquals(3, r.exponent());
        assertEquals(31, r.evaluations());
        assertEquals(0.025 * 0.025, r.value(), 1e-15);
        assertFalse(new GridLineSearch(5).search(eta -> Double.POSITIVE_INFINITY).found());
    }

    /** φ(t) = (t − a)⁴ − t: a smooth 1-D function with known minimiser t* = a + 4^(−1/3). */
    static final class Quartic implements SmoothLineFunction {
        final double a;
        double lastT;
        double keptT = 0;
        int calls;

        Quartic(double a) {
            this.a = a;
        }

        @Override
        public double value(double t) {
            calls++;
            lastT = t;
            return Math.pow(t - a, 4) - t;
        }

        @Override
        public double slope() {
            return 4 * Math.pow(lastT - a, 3) - 1;
        }

        @Override
        public void keep() {
            keptT = lastT;
        }
    }

    @Test
    void strongWolfeStepSatisfiesBothConditions() {
        for (double initial : new double[] {1e-3, 1, 50}) {
            Quartic phi = new Quartic(0);
            double f0 = phi.value(0);
            double g0 = phi.slope();
            StrongWolfeLineSearch search = new StrongWolfeLineSearch(1e-4, 0.9, 25, 1e-12);
            WolfeResult r = search.search(phi, f0, g0, initial, 25);
            assertTrue(r.wolfe(), "initial " + initial + ": " + r);
            assertTrue(r.value() <= f0 + 1e-4 * r.step() * g0);
            assertTrue(Math.abs(r.slope()) <= 0.9 * Math.abs(g0));
            assertEquals(r.step(), phi.keptT, "the accepted point was kept");
            assertTrue(r.evaluations() <= 25 && r.evaluations() == phi.calls - 1);
        }
    }

    @Test
    void strongWolfeRespectsBudgetAndNonFiniteValues() {
        SmoothLineFunction blowUp = new SmoothLineFunction() {
            double t;

            @Override
            public double value(double t) {
                this.t = t;
                return t > 1e-3 ? Double.NaN : -t;
            }

            @Override
            public double slope() {
                return -1;
            }

            @Override
            public void keep() {
            }
        };
        WolfeResult r = new StrongWolfeLineSearch(1e-4, 0.9, 40, 0).search(blowUp, 0, -1, 1, 7);
        assertEquals(7, r.evaluations());
        assertTrue(r.step() <= 1e-3, "never accepts the non-finite region: " + r);
    }
}

package org.geopinn.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.geopinn.api.expr.Vocabulary;
import org.junit.jupiter.api.Test;

/** The default rule of docs/STRATEGY.md on synthetic inputs. */
class DefaultStrategyTest {
    private static final Predicate<String> ALL = Set.of("lm", "anagram", "adam", "lbfgs", "causal")::contains;

    private static DefaultStrategy.Choice choose(int p, long s, boolean linear, boolean time) {
        return DefaultStrategy.choose(new DefaultStrategy.Inputs(p, s, linear, time), HEAP, ALL);
    }

    private static final long HEAP = 4L << 30;

    @Test
    void dampedGaussNewtonWhileItsStepIsCheapLargeOnesAdamThenLbfgs() {
        assertEquals("lm", choose(129, 1020, true, false).chain(), "laplace2d-sized, linear");
        assertEquals("lm", choose(901, 2700, false, true).chain(), "burgers-sized, nonlinear");
        assertEquals("lm(initial_damping=1e-6)", choose(38_019, 774, false, false).chain(),
                "a coupled 1-D system: many parameters, few rows, S×S Gram, small first λ");
        assertEquals("lm(initial_damping=1e-6)", choose(25_346, 516, true, false).chain());
        assertEquals("lm", choose(516, 516, true, false).chain(), "as many rows as parameters: Nielsen's first λ");
        assertEquals("adam:2000,lbfgs", choose(76_422, 16_000, false, false).chain(), "a coupled 2-D system: 2e13 multiply-adds a step");
        assertEquals("adam:2000,lbfgs", choose(5_000, 10_000, true, false).chain(), "S·P·min(S,P) = 2.5e11");
        assertTrue(choose(5_000, 10_000, true, false).reason().contains("multiply-adds"));
    }

    @Test
    void theWorkLimitIsSidedByTheSmallerDimension() {
        // S·P·min(S,P) at the limit 2.5e10 from either side
        assertEquals("lm(initial_damping=1e-6)", choose(100_000, 500, true, false).chain(), "wide: 100 000·500·500 = 2.5e10");
        assertEquals("adam:2000,lbfgs", choose(100_001, 500, true, false).chain());
        assertEquals("lm", choose(500, 100_000, true, false).chain(), "tall: the same work through JᵀJ");
        assertEquals("adam:2000,lbfgs", choose(500, 100_001, true, false).chain());
    }

    @Test
    void theMemoryLimitComesFromTheHeap() {
        // 100 000 × 200: 8·(2e7 + 3·4e4) ≈ 161 MB, work 4e9: fits a 4 GB heap's quarter, not a 512 MB heap's
        DefaultStrategy.Inputs wide = new DefaultStrategy.Inputs(100_000, 200, true, false);
        assertEquals("lm(initial_damping=1e-6)", DefaultStrategy.choose(wide, HEAP, ALL).chain());
        DefaultStrategy.Choice tight = DefaultStrategy.choose(wide, 512L << 20, ALL);
        assertEquals("adam:2000,lbfgs", tight.chain());
        assertTrue(tight.reason().contains("MB"), tight.reason());
    }

    @Test
    void timeBringsCausalWeightingAndMissingServicesFallBack() {
        assertEquals("causal", choose(901, 2700, false, true).weighting());
        assertNull(choose(901, 2700, false, false).weighting());
        Predicate<String> noLm = Set.of("anagram", "adam", "lbfgs")::contains;
        DefaultStrategy.Choice linear = DefaultStrategy.choose(new DefaultStrategy.Inputs(129, 1020, true, true), HEAP, noLm);
        assertEquals("anagram", linear.chain());
        assertNull(linear.weighting(), "causal is not installed");
        assertEquals("adam:2000,lbfgs", DefaultStrategy.choose(new DefaultStrategy.Inputs(901, 2700, false, false), HEAP, noLm).chain());
        assertTrue(choose(901, 2700, false, true).reason().contains("P=901, S=2700, nonlinear, time-dependent"));
    }

    @Test
    void nonlinearProblemsUnderDampedGaussNewtonGetResidualAdaptiveResampling() {
        DefaultStrategy.Inputs burgers = new DefaultStrategy.Inputs(901, 2700, false, true);
        DefaultStrategy.Inputs laplace = new DefaultStrategy.Inputs(129, 1020, true, false);
        assertEquals(DefaultStrategy.NONLINEAR_RESAMPLE_EVERY, DefaultStrategy.resampleEvery(burgers, List.of("lm")));
        assertEquals(DefaultStrategy.NONLINEAR_RESAMPLE_EVERY, DefaultStrategy.resampleEvery(burgers, List.of("lm", "lm")));
        assertEquals(0, DefaultStrategy.resampleEvery(laplace, List.of("lm")), "linear: fixed points");
        assertEquals(0, DefaultStrategy.resampleEvery(burgers, List.of("adam", "lbfgs")), "measured only for lm");
        assertEquals(0, DefaultStrategy.resampleEvery(burgers, List.of("adam", "lm")));
    }

    @Test
    void linearityIsReadFromTheOperator() {
        Vocabulary v = new Vocabulary(List.of("t", "x"), List.of("u"));
        assertTrue(Linearity.isAffine(v.parse("u_t - 0.25*u_xx")));
        assertTrue(Linearity.isAffine(v.parse("sin(x)*u_x + exp(t)*u - 3")));
        assertTrue(Linearity.isAffine(v.parse("(u_x + u)/(1 + x^2)")));
        assertFalse(Linearity.isAffine(v.parse("u_t + u*u_x - 0.01*u_xx")), "Burgers");
        assertFalse(Linearity.isAffine(v.parse("u_t - 0.001*u_xx + 5*u^3 - 5*u")), "Allen–Cahn");
        assertFalse(Linearity.isAffine(v.parse("sin(u)")));
        assertFalse(Linearity.isAffine(v.parse("x/u")));
    }
}

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
        return DefaultStrategy.choose(new DefaultStrategy.Inputs(p, s, linear, time), ALL);
    }

    @Test
    void smallProblemsGetDampedGaussNewtonLargeOnesAdamThenLbfgs() {
        assertEquals("lm", choose(129, 1020, true, false).chain(), "laplace2d-sized, linear");
        assertEquals("lm", choose(901, 2700, false, true).chain(), "burgers-sized, nonlinear");
        assertEquals("adam:2000,lbfgs", choose(38_000, 3000, false, false).chain(), "coupled systems: too many parameters");
        assertEquals("adam:2000,lbfgs", choose(5_000, 10_000, true, false).chain(), "S·P = 5e7 Jacobian entries is too large");
        assertEquals("lm", choose(5_000, 8_000, true, false).chain(), "at the limits: 4e7 entries");
    }

    @Test
    void timeBringsCausalWeightingAndMissingServicesFallBack() {
        assertEquals("causal", choose(901, 2700, false, true).weighting());
        assertNull(choose(901, 2700, false, false).weighting());
        Predicate<String> noLm = Set.of("anagram", "adam", "lbfgs")::contains;
        DefaultStrategy.Choice linear = DefaultStrategy.choose(new DefaultStrategy.Inputs(129, 1020, true, true), noLm);
        assertEquals("anagram", linear.chain());
        assertNull(linear.weighting(), "causal is not installed");
        assertEquals("adam:2000,lbfgs", DefaultStrategy.choose(new DefaultStrategy.Inputs(901, 2700, false, false), noLm).chain());
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

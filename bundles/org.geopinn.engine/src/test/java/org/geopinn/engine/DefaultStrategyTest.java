package org.geopinn.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.geopinn.expr.Vocabulary;
import org.junit.jupiter.api.Test;

/** The default rule of docs/STRATEGY.md on synthetic inputs. */
class DefaultStrategyTest {
    private static final Predicate<String> ALL = Set.of("lm", "ssbfgs", "anagram", "adam", "soap", "lbfgs", "causal", "ntk")::contains;

    private static DefaultStrategy.Choice choose(int p, long s, boolean linear, boolean time) {
        return DefaultStrategy.choose(new DefaultStrategy.Inputs(p, s, linear, time), HEAP, ALL);
    }

    private static final long HEAP = 4L << 30;

    @Test
    void dampedGaussNewtonWhileItsStepIsCheapLargeOnesAdamThenLbfgs() {
        assertEquals("lm(scaling=jacobian)", choose(129, 1020, true, false).chain(), "laplace2d-sized, linear: Marquardt's scaling");
        assertTrue(choose(129, 1020, true, false).reason().contains("Marquardt's scaling"));
        assertEquals("lm", choose(901, 2700, false, true).chain(), "burgers-sized, nonlinear");
        assertEquals("lm", choose(38_019, 774, false, false).chain(),
                "a coupled 1-D system: many parameters, few rows, S×S Gram, Nielsen's first λ");
        assertEquals("lm", choose(25_346, 516, true, false).chain());
        assertEquals("lm(scaling=jacobian)", choose(516, 516, true, false).chain(), "as many rows as parameters");
        assertEquals("lm", choose(516, 516, false, false).chain(), "nonlinear: D = I");
        assertEquals("soap(lr=1e-3;beta1=0.99;beta2=0.999):2000,lbfgs", choose(76_422, 16_000, false, false).chain(), "a coupled 2-D system: 2e13 multiply-adds a step");
        assertEquals("soap(lr=1e-3;beta1=0.99;beta2=0.999):2000,lbfgs", choose(25_000, 10_000, true, false).chain(), "S·P·min(S,P) = 2.5e12, P too large for a dense H");
        assertTrue(choose(25_000, 10_000, true, false).reason().contains("multiply-adds"));
    }

    @Test
    void costlyGaussNewtonStepsOnASmallEnoughNetworkGoToSelfScaledBfgs() {
        // heat2d-spacetime: P = 1889, S = 4800, S·P·P = 1.7e10 > 5e9
        DefaultStrategy.Choice tall = choose(1_889, 4_800, true, true);
        assertEquals("ssbfgs", tall.chain());
        assertEquals("causal", tall.weighting(), "the weighting rule is independent of the chain");
        assertTrue(tall.reason().contains("self-scaled BFGS"), tall.reason());
        assertEquals("ssbfgs", choose(5_000, 10_000, true, false).chain(), "beyond lm's limit, but H = 200 MB");
        // at the threshold: burgers-sized stays with lm (2.2e9), 5e9 exactly stays, just above goes
        assertEquals("lm", choose(901, 2_700, false, true).chain());
        assertEquals("lm(scaling=jacobian)", choose(1_000, 5_000, true, false).chain(), "1000·5000·1000 = 5e9: the limit itself");
        assertEquals("ssbfgs", choose(1_000, 5_001, true, false).chain());
        // wide: the Gram side is S, so many parameters on few rows stay cheap
        assertEquals("lm", choose(19_000, 500, true, false).chain(), "19 000·500·500 = 4.75e9");
        assertEquals("ssbfgs", choose(11_000, 700, true, false).chain(), "5.4e9; H = 968 MB, within a quarter of 4 GB");
        assertEquals("lm", choose(19_000, 600, true, false).chain(), "6.8e9, but H = 2.9 GB is more than a quarter of the heap");
        // a network too large for a dense inverse Hessian keeps lm while lm's own limits allow it
        assertEquals("lm", choose(38_019, 774, false, false).chain(), "the coupled 1-D systems");
        assertEquals("lm", choose(20_001, 600, true, false).chain());
        // the inverse Hessian must fit a quarter of the heap: 8·10 000² = 800 MB
        DefaultStrategy.Inputs mid = new DefaultStrategy.Inputs(10_000, 1_500, true, false);
        assertEquals("ssbfgs", DefaultStrategy.choose(mid, HEAP, ALL).chain());
        assertEquals("lm", DefaultStrategy.choose(mid, 2L << 30, ALL).chain(), "a 2 GB heap: H does not fit its quarter");
        // without ssbfgs installed the earlier rule holds
        Predicate<String> noSsbfgs = Set.of("lm", "adam", "lbfgs", "causal")::contains;
        assertEquals("lm(scaling=jacobian)", DefaultStrategy.choose(new DefaultStrategy.Inputs(1_889, 4_800, true, true), HEAP, noSsbfgs).chain());
    }

    @Test
    void theWorkLimitIsSidedByTheSmallerDimension() {
        // S·P·min(S,P) at the limit 2.5e10 from either side
        assertEquals("lm", choose(100_000, 500, true, false).chain(), "wide: 100 000·500·500 = 2.5e10");
        assertEquals("soap(lr=1e-3;beta1=0.99;beta2=0.999):2000,lbfgs", choose(100_001, 500, true, false).chain());
        Predicate<String> noSsbfgs = Set.of("lm", "adam", "lbfgs", "causal")::contains;
        DefaultStrategy.Inputs tall = new DefaultStrategy.Inputs(500, 100_000, true, false);
        assertEquals("lm(scaling=jacobian)", DefaultStrategy.choose(tall, HEAP, noSsbfgs).chain(), "tall: the same work through JᵀJ");
        assertEquals("adam:2000,lbfgs", DefaultStrategy.choose(new DefaultStrategy.Inputs(500, 100_001, true, false), HEAP, noSsbfgs).chain());
        assertEquals("ssbfgs", choose(500, 100_000, true, false).chain(), "with ssbfgs installed a costly step on P = 500 goes to it");
    }

    @Test
    void beyondEveryDenseCurvatureTheFirstOrderStageIsSoapWhereInstalled() {
        // electroosmotic2d: six 4×64 networks (P = 76 422) on 16 100 rows; no Gram matrix, no dense H
        DefaultStrategy.Inputs eo = new DefaultStrategy.Inputs(76_422, 16_100, false, false,
                new long[] {7_700, 7_700, 7_700, 5_200, 5_200, 5_100}, 12_737);
        DefaultStrategy.Choice soap = DefaultStrategy.choose(eo, HEAP, ALL);
        assertEquals("soap(lr=1e-3;beta1=0.99;beta2=0.999):2000,lbfgs", soap.chain(), soap.reason());
        assertTrue(soap.reason().startsWith("default strategy for P=76422, S=16100, nonlinear"), soap.reason());
        assertTrue(soap.reason().contains("large: a Gauss-Newton step would cost") && soap.reason().endsWith("SOAP, then L-BFGS"),
                soap.reason());
        assertNull(soap.weighting(), "not lm: the problem's own weights (electroosmotic2d names gradnorm)");
        List<org.geopinn.api.session.OptimizerStage> stages = org.geopinn.api.session.OptimizerStage.parseChain(soap.chain());
        assertEquals("soap", stages.get(0).optimizerId());
        assertEquals(2000, stages.get(0).steps());
        assertEquals(java.util.Map.of("lr", "1e-3", "beta1", "0.99", "beta2", "0.999"), stages.get(0).settings(),
                "the coupling study's settings, with which SOAP was measured");
        assertEquals("lbfgs", stages.get(1).optimizerId());
        Predicate<String> noSoap = Set.of("lm", "ssbfgs", "adam", "lbfgs")::contains;
        DefaultStrategy.Choice adam = DefaultStrategy.choose(eo, HEAP, noSoap);
        assertEquals("adam:2000,lbfgs", adam.chain());
        assertTrue(adam.reason().endsWith("Adam, then L-BFGS"), adam.reason());
        // small but lm missing: the same first-order chain, SOAP where installed
        DefaultStrategy.Choice noLm = DefaultStrategy.choose(new DefaultStrategy.Inputs(901, 2700, false, false), HEAP,
                Set.of("soap", "adam", "lbfgs")::contains);
        assertEquals("soap(lr=1e-3;beta1=0.99;beta2=0.999):2000,lbfgs", noLm.chain());
        assertTrue(noLm.reason().contains("lm not installed: SOAP, then L-BFGS"), noLm.reason());
    }

    @Test
    void theMemoryLimitComesFromTheHeap() {
        // 100 000 × 200: 8·(2e7 + 3·4e4) ≈ 161 MB, work 4e9: fits a 4 GB heap's quarter, not a 512 MB heap's
        DefaultStrategy.Inputs wide = new DefaultStrategy.Inputs(100_000, 200, true, false);
        assertEquals("lm", DefaultStrategy.choose(wide, HEAP, ALL).chain());
        DefaultStrategy.Choice tight = DefaultStrategy.choose(wide, 512L << 20, ALL);
        assertEquals("soap(lr=1e-3;beta1=0.99;beta2=0.999):2000,lbfgs", tight.chain());
        assertTrue(tight.reason().contains("MB"), tight.reason());
    }

    @Test
    void timeBringsCausalWeightingAndMissingServicesFallBack() {
        assertEquals("causal", choose(901, 2700, false, true).weighting());
        assertEquals("ntk", choose(901, 2700, false, false).weighting(), "no time, lm: the NTK traces");
        assertEquals("ntk", choose(901, 2700, true, true).weighting(), "linear with time, lm: the NTK traces too");
        assertEquals("causal", DefaultStrategy.choose(new DefaultStrategy.Inputs(901, 2700, true, true), HEAP,
                Set.of("lm", "causal")::contains).weighting(), "ntk not installed: causal");
        Predicate<String> noLm = Set.of("anagram", "adam", "lbfgs")::contains;
        DefaultStrategy.Choice linear = DefaultStrategy.choose(new DefaultStrategy.Inputs(129, 1020, true, true), HEAP, noLm);
        assertEquals("anagram", linear.chain());
        assertNull(linear.weighting(), "causal is not installed");
        assertEquals("adam:2000,lbfgs", DefaultStrategy.choose(new DefaultStrategy.Inputs(901, 2700, false, false), HEAP, noLm).chain());
        assertTrue(choose(901, 2700, false, true).reason().contains("P=901, S=2700, nonlinear, time-dependent"));
    }

    @Test
    void problemsUnderDampedGaussNewtonWithEnoughRowsGetResidualAdaptiveResampling() {
        DefaultStrategy.Inputs burgers = new DefaultStrategy.Inputs(901, 2700, false, true);
        DefaultStrategy.Inputs laplace = new DefaultStrategy.Inputs(129, 1020, true, false);
        assertEquals(DefaultStrategy.GAUSS_NEWTON_RESAMPLE_EVERY, DefaultStrategy.resampleEvery(burgers, List.of("lm")));
        assertEquals(DefaultStrategy.GAUSS_NEWTON_RESAMPLE_EVERY, DefaultStrategy.resampleEvery(burgers, List.of("lm", "lm")));
        assertEquals(DefaultStrategy.GAUSS_NEWTON_RESAMPLE_EVERY, DefaultStrategy.resampleEvery(laplace, List.of("lm")),
                "linear: the same period, a condition renewed only where its fit does not hold between the points");
        DefaultStrategy.Inputs fewRows = new DefaultStrategy.Inputs(901, 402, false, false);
        assertEquals(0, DefaultStrategy.resampleEvery(fewRows, List.of("lm")), "S < P: lm can fit every point set exactly, fixed points");
        assertEquals(DefaultStrategy.GAUSS_NEWTON_RESAMPLE_EVERY, DefaultStrategy.resampleEvery(new DefaultStrategy.Inputs(901, 901, false, false), List.of("lm")),
                "S = P: renewed");
        assertEquals(0, DefaultStrategy.resampleEvery(burgers, List.of("adam", "lbfgs")), "measured only for lm");
        assertEquals(0, DefaultStrategy.resampleEvery(burgers, List.of("adam", "lm")));
        DefaultStrategy.Inputs heat3d = new DefaultStrategy.Inputs(1889, 4800, true, true);
        assertEquals(DefaultStrategy.QUASI_NEWTON_RESAMPLE_EVERY, DefaultStrategy.resampleEvery(heat3d, List.of("ssbfgs")),
                "quasi-Newton runs reach the floor of fixed points, linear or not");
        assertEquals(DefaultStrategy.QUASI_NEWTON_RESAMPLE_EVERY, DefaultStrategy.resampleEvery(burgers, List.of("ssbfgs")));
        assertEquals(0, DefaultStrategy.resampleEvery(heat3d, List.of("adam", "ssbfgs")));
    }

    @Test
    void aProblemThatNamesNoNetworkGetsThreeLayersOfTwenty() {
        java.util.function.Function<String, int[]> parse = t -> java.util.Arrays.stream(t.split(",")).mapToInt(w -> Integer.parseInt(w.trim())).toArray();
        org.junit.jupiter.api.Assertions.assertArrayEquals(new int[] {20, 20, 20}, DefaultStrategy.hidden(null, parse));
        org.junit.jupiter.api.Assertions.assertArrayEquals(new int[] {20, 20, 20}, DefaultStrategy.hidden(" ", parse));
        org.junit.jupiter.api.Assertions.assertArrayEquals(new int[] {64, 64}, DefaultStrategy.hidden("64,64", parse), "the problem's own network wins");
        int[] first = DefaultStrategy.hidden(null, parse);
        first[0] = 1;
        assertEquals(20, DefaultStrategy.DEFAULT_HIDDEN[0], "callers get a copy");
    }

    @Test
    void oneNetworkPerFieldCountsOnlyTheNonZeroBlocksOfTheGramMatrix() {
        // the reaction-diffusion system: three 4×64 networks of 12 673 parameters, pde-A uses A,
        // pde-B uses A and B, pde-C B and C (256 rows each), one boundary condition per field (2 rows)
        DefaultStrategy.Inputs rd = new DefaultStrategy.Inputs(38_019, 774, true, false, new long[] {514, 514, 258}, 12_673);
        assertEquals((514.0 * 514 + 514.0 * 514 + 258.0 * 258) * 12_673, rd.gaussNewtonWork(), 1);
        assertTrue(rd.gaussNewtonWork() < 0.34 * new DefaultStrategy.Inputs(38_019, 774, true, false).gaussNewtonWork());
        // dense 3·20 000·1000² = 6e10 is beyond lm's limit (and P beyond a dense H): Adam then L-BFGS;
        // its non-zero blocks, (600² + 600² + 400²)·20 000 = 1.8e10, are within it: lm
        assertEquals("soap(lr=1e-3;beta1=0.99;beta2=0.999):2000,lbfgs", choose(60_000, 1_000, true, false).chain());
        DefaultStrategy.Choice blocks = DefaultStrategy.choose(
                new DefaultStrategy.Inputs(60_000, 1_000, true, false, new long[] {600, 600, 400}, 20_000), HEAP, ALL);
        assertEquals("lm", blocks.chain(), blocks.reason());
        assertTrue(blocks.reason().contains("1.8e+10 multiply-adds"), blocks.reason());
        assertTrue(blocks.reason().contains("one network per field"), blocks.reason());
        // parameters shared by every row (trained coefficients) count densely; more rows than
        // parameters is the JᵀJ side, which lm forms densely
        assertEquals((600.0 * 600 + 600.0 * 600 + 400.0 * 400) * 20_000 + 1000.0 * 1000 * 2,
                new DefaultStrategy.Inputs(60_002, 1_000, true, false, new long[] {600, 600, 400}, 20_000).gaussNewtonWork(), 1);
        assertEquals(3000.0 * 900 * 900, new DefaultStrategy.Inputs(900, 3_000, true, false, new long[] {2000, 2000, 1000}, 300)
                .gaussNewtonWork());
    }

    @Test
    void theFieldsOfAnOperatorAreReadFromItsTree() {
        Vocabulary v = new Vocabulary(List.of("x"), List.of("a", "b", "c"));
        java.util.BitSet used = new java.util.BitSet();
        Linearity.fields(v.parse("0.1*b_xx + a - exp(-c)/(1 + x^2)"), used);
        assertEquals(java.util.BitSet.valueOf(new long[] {0b111}), used);
        used.clear();
        Linearity.fields(v.parse("b_xx + sin(x)"), used);
        assertEquals(java.util.BitSet.valueOf(new long[] {0b010}), used);
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

    @Test
    void aTrainedCoefficientIsAnUnknownLikeAField() {
        Vocabulary v = new Vocabulary(List.of("t", "x"), List.of("u")).withCoefficients(java.util.Map.of("kappa", 0.1, "c", 2.0));
        Set<String> kappa = Set.of("kappa");
        assertTrue(Linearity.isAffine(v.parse("u_t - kappa*u_xx")), "kappa a known constant: linear");
        assertFalse(Linearity.isAffine(v.parse("u_t - kappa*u_xx"), kappa), "kappa trained: kappa·u_xx is bilinear in θ");
        assertFalse(Linearity.isAffine(v.parse("u_t - (kappa + 1)*u_xx"), kappa));
        assertFalse(Linearity.isAffine(v.parse("u_t - exp(kappa)"), kappa), "a trained coefficient inside exp");
        assertFalse(Linearity.isAffine(v.parse("u/kappa"), kappa), "a trained coefficient in a denominator");
        assertTrue(Linearity.isAffine(v.parse("u_t - u_xx + kappa*sin(x)"), kappa), "a trained source amplitude: affine");
        assertTrue(Linearity.isAffine(v.parse("u_t - c*u_xx"), kappa), "c is not trained");
        assertFalse(Linearity.isAffine(v.parse("kappa*c*kappa"), kappa), "kappa²");
    }

    @Test
    void dampedGaussNewtonWithoutTimeBalancesTheConditionsByTheirNtkTraces() {
        // the coupled 1-D systems: S < P, lm through the S×S Gram matrix, no time
        DefaultStrategy.Choice coupled = choose(38_019, 774, false, false);
        assertEquals("lm", coupled.chain());
        assertEquals("ntk", coupled.weighting());
        assertTrue(coupled.reason().contains("NTK traces"), coupled.reason());
        assertEquals("ntk", choose(25_346, 516, true, false).weighting(), "linear or not");
        // the reaction-diffusion system as the engine sees it (linear, three networks, their
        // blocks): kept on ntk after three seeds at equal steps (docs/STRATEGY.md), gradient norms
        // were 7–30× further from the reference at strong coupling (step 20) and within 0.8–2.3× at weak coupling
        DefaultStrategy.Choice rd = DefaultStrategy.choose(
                new DefaultStrategy.Inputs(38_019, 774, true, false, new long[] {514, 514, 258}, 12_673), HEAP, ALL);
        assertEquals("lm", rd.chain(), rd.reason());
        assertEquals("ntk", rd.weighting(), rd.reason());
        // time, other chains, or the service missing: not chosen
        // the P×P side too (since the traces are read from the Jacobian): laplace2d-sized, S = P
        assertEquals("ntk", choose(129, 1020, true, false).weighting(), "laplace2d-sized: S ≥ P");
        assertEquals("ntk", choose(516, 516, false, false).weighting(), "S = P");
        assertEquals("causal", choose(25_346, 516, false, true).weighting(), "time wins");
        assertNull(choose(76_422, 16_000, false, false).weighting(), "Adam then L-BFGS");
        DefaultStrategy.Inputs wide = new DefaultStrategy.Inputs(38_019, 774, false, false);
        assertNull(DefaultStrategy.weighting(wide, List.of("adam", "lbfgs"), ALL), "a given chain that is not lm");
        assertNull(DefaultStrategy.weighting(wide, List.of("adam", "lm"), ALL));
        assertEquals("ntk", DefaultStrategy.weighting(wide, List.of("lm", "lm"), ALL));
        assertNull(DefaultStrategy.choose(wide, HEAP, Set.of("lm")::contains).weighting(), "ntk not installed");
    }
}

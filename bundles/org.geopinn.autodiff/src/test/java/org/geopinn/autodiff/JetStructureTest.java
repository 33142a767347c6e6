package org.geopinn.autodiff;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.geopinn.api.model.DerivativeRequest;
import org.junit.jupiter.api.Test;

/** The closure and the Faà di Bruno and Leibniz terms, against hand-derived formulas. */
class JetStructureTest {
    @Test
    void closureKeepsRequestOrderAndAddsLowerComponents() {
        JetStructure jets = JetStructure.of(DerivativeRequest.of(2, List.of(new int[] {0, 2}, new int[] {1, 1})));
        assertEquals(3, jets.requestedSize());
        assertArrayEquals(new int[] {0, 0}, jets.multiIndex(0));
        assertArrayEquals(new int[] {0, 2}, jets.multiIndex(1));
        assertArrayEquals(new int[] {1, 1}, jets.multiIndex(2));
        assertEquals(5, jets.size()); // plus u_y, u_x
        assertEquals(2, jets.maxOrder());
        assertEquals(-2, jets.soleVariable(2));
        assertEquals(1, jets.soleVariable(1));
    }

    @Test
    void fourthDerivativeOfACompositionInOneVariable() {
        // (σ∘z)'''' = σ''''z'^4 + 6σ'''z'^2 z'' + 3σ''z''^2 + 4σ''z'z''' + σ'z''''
        JetStructure jets = JetStructure.of(DerivativeRequest.of(1, List.of(new int[] {4})));
        int c4 = jets.indexOf(new int[] {4});
        int c1 = jets.indexOf(new int[] {1});
        int c2 = jets.indexOf(new int[] {2});
        int c3 = jets.indexOf(new int[] {3});
        Map<String, Double> terms = new HashMap<>();
        for (JetStructure.FaaDiBrunoTerm t : jets.chainTerms(c4)) {
            terms.put(java.util.Arrays.toString(t.factors()), t.coefficient());
        }
        assertEquals(5, terms.size());
        assertEquals(1.0, terms.get(java.util.Arrays.toString(new int[] {c1, c1, c1, c1})));
        assertEquals(6.0, terms.get(java.util.Arrays.toString(sorted(c1, c1, c2))));
        assertEquals(3.0, terms.get(java.util.Arrays.toString(new int[] {c2, c2})));
        assertEquals(4.0, terms.get(java.util.Arrays.toString(sorted(c1, c3))));
        assertEquals(1.0, terms.get(java.util.Arrays.toString(new int[] {c4})));
    }

    @Test
    void mixedSecondDerivative() {
        // ∂xy σ(z) = σ'' z_x z_y + σ' z_xy
        JetStructure jets = JetStructure.of(DerivativeRequest.of(2, List.of(new int[] {1, 1})));
        JetStructure.FaaDiBrunoTerm[] terms = jets.chainTerms(1);
        assertEquals(2, terms.length);
        double total = 0;
        for (JetStructure.FaaDiBrunoTerm t : terms) {
            total += t.coefficient();
        }
        assertEquals(2.0, total); // the Bell number of 2
    }

    @Test
    void leibnizCoefficientsAreBinomials() {
        JetStructure jets = JetStructure.of(DerivativeRequest.of(2, List.of(new int[] {2, 1})));
        double sum = 0;
        for (JetStructure.LeibnizTerm t : jets.productTerms(1)) {
            sum += t.coefficient();
        }
        assertEquals(8.0, sum); // Σ C(2,i)C(1,j) = 2^3
    }

    private static int[] sorted(int... a) {
        java.util.Arrays.sort(a);
        return a;
    }

    @Test
    void ordersAboveTheEngineLimitAreRefusedBeforeAnyWork() throws Exception {
        // Order 40 would enumerate Bell(40) ≈ 1.6e35 set partitions: refused at once, never hung.
        for (int order : new int[] {JetStructure.MAX_ORDER + 1, 40, 2000}) {
            java.util.concurrent.CompletableFuture<Throwable> f = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                try {
                    JetStructure.of(DerivativeRequest.of(1, List.of(new int[] {order})));
                    return null;
                } catch (Throwable t) {
                    return t;
                }
            });
            Throwable t = f.get(5, java.util.concurrent.TimeUnit.SECONDS);
            org.junit.jupiter.api.Assertions.assertInstanceOf(org.geopinn.api.GeopinnException.class, t);
            org.junit.jupiter.api.Assertions.assertTrue(t.getMessage().contains("order " + order)
                    && t.getMessage().contains("up to " + JetStructure.MAX_ORDER), t.getMessage());
        }
        assertEquals(JetStructure.MAX_ORDER, JetStructure.of(DerivativeRequest.of(1, List.of(new int[] {JetStructure.MAX_ORDER})))
                .maxOrder(), "the limit itself is supported");
    }

    @Test
    void tooManyComponentsAreRefused() {
        // Every multi-index of order at most 7 in 8 variables: C(15, 8) = 6435 components.
        List<int[]> all = new java.util.ArrayList<>();
        allUpTo(new int[8], 0, JetStructure.MAX_ORDER, all);
        assertEquals(6435, all.size());
        org.geopinn.api.GeopinnException e = org.junit.jupiter.api.Assertions.assertThrows(org.geopinn.api.GeopinnException.class,
                () -> JetStructure.of(DerivativeRequest.of(8, all)));
        org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains("at most " + JetStructure.MAX_COMPONENTS), e.getMessage());
    }

    private static void allUpTo(int[] m, int j, int left, List<int[]> out) {
        if (j == m.length) {
            out.add(m.clone());
            return;
        }
        for (int o = 0; o <= left; o++) {
            m[j] = o;
            allUpTo(m, j + 1, left - o, out);
        }
        m[j] = 0;
    }

    @Test
    void theDeclaredOperatorLimitIsWhatTheEngineSupports() {
        assertEquals(org.geopinn.expr.ExprLimits.MAX_DERIVATIVE_ORDER, JetStructure.MAX_ORDER);
    }
}

package org.geopinn.problems.library;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.geopinn.api.GeopinnException;
import org.geopinn.api.model.DerivativeRequest;
import org.geopinn.api.model.Model;
import org.geopinn.api.model.ModelSpec;
import org.geopinn.api.operator.LossScaling;
import org.geopinn.api.optimizer.Optimizer;
import org.geopinn.api.problem.Condition;
import org.geopinn.api.problem.Problem;
import org.geopinn.models.StandardModels;
import org.geopinn.operators.EvaluatorFactory;
import org.geopinn.operators.StackedResidualSystem;
import org.geopinn.optimizer.anagram.AnagramFactory;
import org.geopinn.problem.builder.ProblemBuilder;
import org.geopinn.samplers.Samplers;
import org.junit.jupiter.api.Test;

/**
 * {@link Problem#parametric} on a problem written in Java: −k u″ = π² sin πx on [0, 1], u = 0 at both
 * ends, with the coefficient k = 2 named by {@link ProblemBuilder#coefficient}. Made parametric over
 * k ∈ [1, 4], one network of (x, k) is trained and answers for every k: exact u = sin(πx)/k.
 */
class JavaParametricTest {
    /** The operator in Java on the vocabulary, so {@code v.coefficient("k")} must follow k when it becomes an input. */
    private static ProblemBuilder builder() {
        return ProblemBuilder.problem("rod-k", "−k u'' = π² sin πx on [0,1]").variable("x", 0, 1).field("u")
                .coefficient("k", 2)
                .condition("pde", "interior", v -> v.d("u", "x", "x").times(v.coefficient("k")).times(-1), x -> Math.PI * Math.PI
                        * Math.sin(Math.PI * x[0]), 128)
                .condition("ends", "boundary", "u", 16);
    }

    @Test
    void oneNetworkAnswersAcrossTheRange() {
        Problem fixed = builder().reference("sin(pi*x)/k").build();
        assertEquals(Map.of("k", 2.0), fixed.coefficients());
        Problem problem = fixed.parametric(Map.of("k", new double[] {1, 4}));
        assertEquals("rod-k", problem.id());
        assertEquals(List.of("x", "k"), problem.domain().variables());
        assertEquals(java.util.Set.of("k"), problem.domain().parameters());
        assertEquals(1.0, problem.domain().lower(1));
        assertEquals(4.0, problem.domain().upper(1));
        assertTrue(problem.coefficients().isEmpty(), "k is an input now, not a coefficient");
        // the text reference was read again with k as an input
        double[] at = {0.5, 1, 0.5, 4};
        double[] exact = new double[2];
        problem.reference().orElseThrow().evaluate(at, 2, exact);
        assertEquals(1.0, exact[0], 1e-15);
        assertEquals(0.25, exact[1], 1e-15);

        ModelSpec spec = new ModelSpec(problem.domain().lower(), problem.domain().upper(), problem.vocabulary().fields(),
                new int[] {16, 16}, "tanh", "xavier", false, true, Map.of());
        Model model = StandardModels.create("mlp", spec);
        Map<String, double[]> points = new LinkedHashMap<>();
        for (Condition c : problem.conditions()) {
            points.put(c.name(), Samplers.create(c.sampler()).sample(problem.domain(), problem.domain().part(c.part()), c.points(), 1,
                    c.samplerOptions()));
        }
        StackedResidualSystem system = StackedResidualSystem.build(problem, model, points, LossScaling.MEAN, EvaluatorFactory.EXACT);
        double[] theta = model.initialParameters(0);
        Optimizer optimizer = new AnagramFactory().create(Map.of());
        for (int step = 0; step < 150; step++) {
            optimizer.step(system, theta);
        }
        double worst = 0;
        for (double k = 1; k <= 4.0001; k += 0.5) {
            double error = relativeL2(model, theta, k);
            System.out.printf(java.util.Locale.ROOT, "rod-k parametric: k = %.1f relative L2 %.2e%n", k, error);
            worst = Math.max(worst, error);
        }
        // measured 2026-12-02: see docs/GEOMETRY.md (parametric problems). The bound leaves room for other machines
        // and still fails a network that answers for one k only (the solution for k = 2 is 50 % off at k = 1).
        assertTrue(worst < 1e-2, "largest relative L2 error over k in [1, 4]: " + worst);
    }

    /** The relative L2 error of the trained network at one value of k against sin(πx)/k on 201 points. */
    private static double relativeL2(Model model, double[] theta, double k) {
        int n = 201;
        double[] x = new double[2 * n];
        for (int i = 0; i < n; i++) {
            x[2 * i] = i / (n - 1.0);
            x[2 * i + 1] = k;
        }
        var evaluator = model.evaluator(DerivativeRequest.of(2, List.of(new int[] {0, 0})), n);
        evaluator.forward(theta, x, n);
        double[] u = evaluator.values();
        double num = 0;
        double den = 0;
        for (int i = 0; i < n; i++) {
            double e = Math.sin(Math.PI * x[2 * i]) / k;
            num += (u[i] - e) * (u[i] - e);
            den += e * e;
        }
        return Math.sqrt(num / den);
    }

    @Test
    void aJavaReferenceIsDroppedForItWasComputedForOneValue() {
        Problem problem = builder().reference(x -> Math.sin(Math.PI * x[0]) / 2).build().parametric(Map.of("k", new double[] {1, 4}));
        assertFalse(problem.reference().isPresent());
        Problem same = builder().build();
        assertSame(same, same.parametric(Map.of()));
    }

    @Test
    void aJavaReferenceOrSourceThatReadsTheCoefficientFollowsIt() {
        // heat's exact solution e^(−π²κt) sin πx reads kappa: made parametric, it is kept and reads the input
        Problem heat = new Heat();
        double[] exact = new double[2];
        heat.reference().orElseThrow().evaluate(new double[] {1, 0.5, 0.4, 0.5}, 2, exact);
        assertEquals(Math.exp(-Math.PI * Math.PI / 4), exact[0], 1e-15);
        Problem parametric = heat.parametric(Map.of("kappa", new double[] {0.1, 1}));
        assertEquals(List.of("t", "x", "kappa"), parametric.domain().variables());
        parametric.reference().orElseThrow().evaluate(new double[] {1, 0.5, 0.5, 0.4, 0.5, 0.1}, 2, exact);
        assertEquals(Math.exp(-Math.PI * Math.PI * 0.5), exact[0], 1e-15);
        assertEquals(Math.exp(-Math.PI * Math.PI * 0.4 * 0.1) * Math.sin(Math.PI * 0.5), exact[1], 1e-15);
        // a source reading k follows it; a plain function of the point keeps its one value
        Problem rod = ProblemBuilder.problem("rod-k", "−k u'' = k π² sin πx").variable("x", 0, 1).field("u").coefficient("k", 2)
                .condition("pde", "interior", "-k*u_xx", (x, c) -> c.get("k") * Math.PI * Math.PI * Math.sin(Math.PI * x[0]), 32)
                .condition("ends", "boundary", "u", 2).reference((x, c) -> Math.sin(Math.PI * x[0])).build();
        assertEquals(2 * Math.PI * Math.PI, rod.conditions().get(0).source().value(new double[] {0.5}), 1e-12);
        Problem over = rod.parametric(Map.of("k", new double[] {1, 4}));
        assertEquals(3 * Math.PI * Math.PI, over.conditions().get(0).source().value(new double[] {0.5, 3}), 1e-12);
        assertTrue(over.reference().isPresent(), "a reference that reads the coefficients is kept");
    }

    @Test
    void aJavaFunctionReadingWhatIsNoCoefficientOrATrainedOneIsRefused() {
        GeopinnException e = assertThrows(GeopinnException.class, () -> ProblemBuilder.problem("rod-k", "rod").variable("x", 0, 1)
                .field("u").coefficient("k", 2).condition("pde", "interior", "-k*u_xx", (x, c) -> c.get("q"), 8).build());
        assertTrue(e.getMessage().contains("condition 'pde': source reads 'q', which is not a coefficient; coefficients are [k]"),
                e.getMessage());
        assertEquals(-1, e.getMessage().indexOf('\n'));
        e = assertThrows(GeopinnException.class, () -> ProblemBuilder.problem("rod-k", "rod").variable("x", 0, 1).field("u")
                .unknown("k", 1).condition("pde", "interior", "-k*u_xx", 8).reference((x, c) -> c.get("k") * x[0]).build());
        assertTrue(e.getMessage().contains("the reference of field 1 reads the coefficient 'k', which is trained"), e.getMessage());
    }

    @Test
    void whatCannotBecomeAnInputIsRefusedOnOneLine() {
        Problem p = ProblemBuilder.problem("rod-k", "-k u'' + c u = 0").variable("x", 0, 1).field("u").coefficient("k", 2)
                .unknown("c", 1).condition("pde", "interior", "-k*u_xx + c*u", 8).condition("ends", "boundary", "u", 2).build();
        assertRefused(p, "c", "'c' is an unknown (trained) coefficient");
        assertRefused(p, "q", "it has no coefficient 'q'; its coefficients: c, k");
        GeopinnException e = assertThrows(GeopinnException.class, () -> p.parametric(Map.of("k", new double[] {4, 1})));
        assertTrue(e.getMessage().contains("the range of 'k' must be two finite numbers lo < hi"), e.getMessage());
        Problem assembled = ProblemBuilder.of("by-hand", "assembled", new org.geopinn.expr.Vocabulary(List.of("x"), List.of("u")),
                p.domain(), p.conditions(), null, Map.of());
        e = assertThrows(GeopinnException.class, () -> assembled.parametric(Map.of("k", new double[] {1, 4})));
        assertTrue(e.getMessage().contains("cannot make its coefficients parametric"), e.getMessage());
        assertEquals(-1, e.getMessage().indexOf('\n'));
    }

    private static void assertRefused(Problem p, String name, String expected) {
        GeopinnException e = assertThrows(GeopinnException.class, () -> p.parametric(Map.of(name, new double[] {1, 4})));
        assertTrue(e.getMessage().startsWith("problem 'rod-k': ") && e.getMessage().contains(expected), e.getMessage());
        assertEquals(-1, e.getMessage().indexOf('\n'));
    }
}

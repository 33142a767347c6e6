package org.geopinn.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.geopinn.api.problem.Condition;
import org.geopinn.api.problem.Domain;
import org.geopinn.api.problem.DomainPart;
import org.geopinn.api.problem.Problem;
import org.geopinn.api.problem.ReferenceSolution;
import org.geopinn.api.session.SessionSpec;
import org.geopinn.expr.Vocabulary;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The default output map read from the values a problem gives for its fields. */
class OutputNormalizationTest {
    private ServiceRegistry registry;

    /**
     * u'' = −50π² sin πx on [−1, 1] with u(−1) = LEFT, u(1) = RIGHT: u = (LEFT + RIGHT)/2 +
     * (RIGHT − LEFT)x/2 + 50 sin πx, a temperature-like field.
     */
    private static Problem offset(String id, double left, double right) {
        return offset(id, left, right, false);
    }

    /** @param periodic adds a periodic pair u(−1) = u(1) + 0 (a jump of zero, not a value of u) */
    private static Problem offset(String id, double left, double right, boolean periodic) {
        Vocabulary v = new Vocabulary(List.of("x"), List.of("u"));
        return new Problem() {
            @Override public String id() { return id; }
            @Override public String description() { return "1-D Poisson with boundary values " + left + ", " + right; }
            @Override public Vocabulary vocabulary() { return v; }
            @Override public Domain domain() {
                return new Domain(List.of("x"), new double[] {-1}, new double[] {1},
                        List.of(DomainPart.interior("interior"), DomainPart.boundary("boundary", 0)));
            }
            @Override public List<Condition> conditions() {
                Condition pde = Condition.of("pde", "interior", v.d("u", "x", "x"), x -> -50 * Math.PI * Math.PI * Math.sin(Math.PI * x[0]), 24);
                Condition boundary = Condition.of("boundary", "boundary", v.field("u"), x -> x[0] < 0 ? left : right, 2);
                return periodic ? List.of(pde, boundary, Condition.of("pair", "boundary", v.field("u"), x -> 0, 2)
                        .withPair((x, out) -> out[0] = -x[0])) : List.of(pde, boundary);
            }
            @Override public Optional<ReferenceSolution> reference() { return Optional.empty(); }
            @Override public Map<String, String> defaults() { return Map.of("hidden", "8", "optimizer", "gd"); }
        };
    }

    @BeforeEach
    void host() {
        registry = new ServiceRegistry();
        TestServices.addStandard(registry);
        registry.add(org.geopinn.api.optimizer.OptimizerFactory.class, null, null, "test",
                TestOptimizers.factory("gd", () -> new TestOptimizers.Descent("gd", 1e-3)));
        registry.add(Problem.class, null, null, "test", offset("kelvin", 300, 400));
        registry.add(Problem.class, null, null, "test", offset("small", -25, 25));
        registry.add(Problem.class, null, null, "test", new Poisson1d("poisson"));
    }

    private Map<String, String> options(SessionSpec spec) {
        ResolvedSpec resolved = new SpecResolver(registry).resolve(spec);
        assertEquals(resolved.modelSpec().options(), resolved.spec().modelOptions(), "the session's spec carries what the model was built with");
        return resolved.modelSpec().options();
    }

    @Test
    void valuesFarFromOrderOneShiftToTheirMiddleAndScaleToHalfTheirRange() {
        Map<String, String> o = options(SessionSpec.builder("kelvin").build());
        assertEquals("350", o.get(OutputNormalization.SHIFT_OPTION));
        assertEquals("50", o.get(OutputNormalization.SCALE_OPTION));
    }

    @Test
    void valuesWithinTheUnitRangeAndZeroDataLeaveTheOutputsAlone() {
        assertFalse(options(SessionSpec.builder("small").build()).containsKey(OutputNormalization.SHIFT_OPTION), "|u| ≤ 25 on the data");
        assertFalse(options(SessionSpec.builder("poisson").build()).containsKey(OutputNormalization.SHIFT_OPTION), "zero data");
    }

    @Test
    void aGivenMapOrOutputFactorIsKept() {
        assertEquals(Map.of(OutputNormalization.SCALE_OPTION, "2"),
                options(SessionSpec.builder("kelvin").modelOptions(Map.of(OutputNormalization.SCALE_OPTION, "2")).build()));
        assertEquals(Map.of(OutputNormalization.FACTOR_OPTION, "box-zero"),
                options(SessionSpec.builder("kelvin").modelOptions(Map.of(OutputNormalization.FACTOR_OPTION, "box-zero")).build()));
    }

    @Test
    void aPeriodicPairIsNoValueOfTheField() {
        registry.add(Problem.class, null, null, "test", offset("periodic", 300, 400, true));
        Map<String, String> o = options(SessionSpec.builder("periodic").build());
        assertEquals("350", o.get(OutputNormalization.SHIFT_OPTION), "the pair's zero source does not widen the range to 0 … 400");
        assertEquals("50", o.get(OutputNormalization.SCALE_OPTION));
    }

    @Test
    void theScaleNeverShrinksTheOutputs() {
        registry.add(Problem.class, null, null, "test", offset("constant", 300, 300.5));
        Map<String, String> o = options(SessionSpec.builder("constant").build());
        assertEquals("300", o.get(OutputNormalization.SHIFT_OPTION));
        assertEquals("1", o.get(OutputNormalization.SCALE_OPTION), "half the range, 0.25, is below one");
    }
}

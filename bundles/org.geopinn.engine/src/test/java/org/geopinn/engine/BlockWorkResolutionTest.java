package org.geopinn.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.geopinn.expr.Vocabulary;
import org.geopinn.api.problem.Condition;
import org.geopinn.api.problem.Domain;
import org.geopinn.api.problem.DomainPart;
import org.geopinn.api.problem.Problem;
import org.geopinn.api.problem.ReferenceSolution;
import org.geopinn.api.session.SessionSpec;
import org.junit.jupiter.api.Test;

/**
 * The spec resolution gives the default strategy the rows each field's network enters when the
 * model has one network per field, so the step's work is counted by the non-zero blocks.
 */
class BlockWorkResolutionTest {

    /** a'' = 0 and b'' + a = 0 on [0, 1] with a and b given at both ends. */
    private static final class TwoFields implements Problem {
        private final Vocabulary v = new Vocabulary(List.of("x"), List.of("a", "b"));

        @Override
        public String id() {
            return "two-fields";
        }

        @Override
        public String description() {
            return "two fields, one coupling term";
        }

        @Override
        public Vocabulary vocabulary() {
            return v;
        }

        @Override
        public Domain domain() {
            return new Domain(List.of("x"), new double[] {0}, new double[] {1},
                    List.of(DomainPart.interior("interior"), DomainPart.boundary("boundary", 0)));
        }

        @Override
        public List<Condition> conditions() {
            return List.of(Condition.of("pde-a", "interior", v.d("a", "x", "x"), x -> 0, 10),
                    Condition.of("pde-b", "interior", v.d("b", "x", "x").plus(v.field("a")), x -> 0, 10),
                    Condition.of("boundary-a", "boundary", v.field("a"), x -> 1, 2),
                    Condition.of("boundary-b", "boundary", v.field("b"), x -> 0, 2));
        }

        @Override
        public Optional<ReferenceSolution> reference() {
            return Optional.empty();
        }

        @Override
        public Map<String, String> defaults() {
            return Map.of("hidden", "8", "steps", "2");
        }
    }

    @Test
    void oneNetworkPerFieldIsCountedByTheRowsEachNetworkEnters() {
        ServiceRegistry registry = new ServiceRegistry();
        registry.add(Problem.class, null, null, "test", new TwoFields());
        TestServices.addStandard(registry);
        registry.add(org.geopinn.api.optimizer.OptimizerFactory.class, null, null, "test",
                TestOptimizers.factory("lm", () -> new TestOptimizers.Descent("lm", 1e-3)));
        SpecResolver resolver = new SpecResolver(registry);
        // a network 1→8→1 per field: 25 parameters each, P = 50 on S = 24 rows (the S×S side);
        // network a enters 10 + 10 + 2 rows, network b 10 + 2
        ResolvedSpec separate = resolver.resolve(SessionSpec.builder("two-fields").separateNetworks(true).build());
        assertEquals("lm", separate.stages().get(0).optimizerId());
        assertTrue(separate.strategy().contains("one network per field"), separate.strategy());
        assertTrue(separate.strategy().contains(String.format(java.util.Locale.ROOT, "%.1e multiply-adds",
                (22.0 * 22 + 12.0 * 12) * 25)), separate.strategy());
        ResolvedSpec shared = resolver.resolve(SessionSpec.builder("two-fields").separateNetworks(false).build());
        int p = 8 + 8 + 8 * 2 + 2; // one network 1→8→2: 34 parameters, every row dense
        assertTrue(shared.strategy().contains(String.format(java.util.Locale.ROOT, "%.1e multiply-adds", 24.0 * 24 * p)),
                shared.strategy());
    }
}

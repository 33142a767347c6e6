package org.geopinn.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.geopinn.api.GeopinnException;
import org.geopinn.expr.Vocabulary;
import org.geopinn.api.problem.CoefficientModel;
import org.geopinn.api.problem.Condition;
import org.geopinn.api.problem.Domain;
import org.geopinn.api.problem.DomainPart;
import org.geopinn.api.problem.Problem;
import org.geopinn.api.problem.ReferenceSolution;
import org.geopinn.api.session.Session;
import org.geopinn.api.session.SessionSpec;
import org.geopinn.api.session.TrainingEvent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A session that trains a coefficient of its problem with the network: θ, events, resume. */
class TrainedCoefficientSessionTest {
    private ServiceRegistry registry;
    private Sessions sessions;

    /** a·u'' = −π² sin πx on [−1, 1], u(±1) = 0, with the named coefficient a = 1. */
    record Scaled(Vocabulary vocabulary) implements Problem {
        Scaled() {
            this(new Vocabulary(List.of("x"), List.of("u")).withCoefficients(Map.of("a", 1.0)));
        }

        @Override
        public String id() {
            return "scaled";
        }

        @Override
        public String description() {
            return "a u'' = f";
        }

        @Override
        public Domain domain() {
            return new Domain(List.of("x"), new double[] {-1}, new double[] {1},
                    List.of(DomainPart.interior("interior"), DomainPart.boundary("boundary", 0)));
        }

        @Override
        public List<Condition> conditions() {
            return List.of(Condition.of("pde", "interior", vocabulary.coefficient("a").times(vocabulary.d("u", "x", "x")),
                    x -> -Math.PI * Math.PI * Math.sin(Math.PI * x[0]), 24),
                    Condition.of("boundary", "boundary", vocabulary.field("u"), x -> 0, 2));
        }

        @Override
        public SortedMap<String, Double> coefficients() {
            return new TreeMap<>(Map.of("a", 1.0));
        }

        @Override
        public Optional<ReferenceSolution> reference() {
            return Optional.of(ReferenceSolution.of(x -> Math.sin(Math.PI * x[0])));
        }

        @Override
        public Map<String, String> defaults() {
            return Map.of("hidden", "8", "optimizer", "gd", "steps", "10");
        }
    }

    @BeforeEach
    void host() {
        registry = new ServiceRegistry();
        registry.add(Problem.class, null, null, "test", new Scaled());
        TestServices.addStandard(registry);
        registry.add(org.geopinn.api.optimizer.OptimizerFactory.class, null, null, "test",
                TestOptimizers.factory("gd", () -> new TestOptimizers.Descent("gd", 1e-3)));
        sessions = TestServices.sessions(registry);
    }

    private static Session finish(Session s) throws InterruptedException {
        assertTrue(s.await(Duration.ofSeconds(60)).isTerminal(), s.message());
        return s;
    }

    @Test
    void theCoefficientIsTheLastParameterTrainedAndReported() throws Exception {
        Session plain = finish(sessions.start(SessionSpec.builder("scaled").build()));
        Session s = finish(sessions.start(SessionSpec.builder("scaled").unknowns(Map.of("a", 0.5)).build()));
        assertEquals(plain.parameters().length + 1, s.parameters().length);
        assertEquals(List.of("a"), CoefficientModel.coefficientNames(s.model()));
        assertEquals("coefficient.a", s.model().layout().blocks().get(s.model().layout().blocks().size() - 1).name());
        List<TrainingEvent> h = s.history();
        double first = h.get(0).coefficients()[0];
        double last = h.get(h.size() - 1).coefficients()[0];
        assertNotEquals(0.5, first, "gradient descent moves the coefficient from its initial value");
        assertNotEquals(first, last);
        assertEquals(s.parameters()[s.parameters().length - 1], last, 0.0, "the event carries θ's last entry");
        assertEquals(0, plain.history().get(0).coefficients().length, "nothing trained, nothing reported");
    }

    @Test
    void resumeRestoresTheCoefficientFromTheParameters() throws Exception {
        Session a = finish(sessions.start(SessionSpec.builder("scaled").unknowns(Map.of("a", 0.5)).maxSteps(6).build()));
        Session straight = finish(sessions.start(SessionSpec.builder("scaled").unknowns(Map.of("a", 0.5)).maxSteps(10).build()));
        Session b = finish(sessions.start(SessionSpec.builder("scaled").unknowns(Map.of("a", 0.5)).maxSteps(10).startStep(6)
                .initialParameters(a.parameters()).initialOptimizerState(a.optimizerState()).build()));
        assertEquals(a.history().get(5).coefficients()[0], a.parameters()[a.parameters().length - 1], 0.0);
        assertArrayEquals(straight.history().get(9).coefficients(), b.history().get(3).coefficients(), 0.0,
                "resumed from the saved θ, the coefficient continues exactly as without interruption (not from 0.5)");
        assertArrayEquals(straight.parameters(), b.parameters(), 0.0);
    }

    @Test
    void aTrainedCoefficientMakesTheDefaultStrategySeeANonlinearProblem() {
        // a·u'' with a known is linear; with a trained it is bilinear in θ: the renewal of a linear
        // problem keeps the points where the fit holds between them, a nonlinear one's renews them
        registry.add(org.geopinn.api.optimizer.OptimizerFactory.class, null, null, "test",
                TestOptimizers.factory("lm", () -> new TestOptimizers.Descent("lm", 1e-3)));
        SpecResolver resolver = new SpecResolver(registry);
        ResolvedSpec known = resolver.resolve(SessionSpec.builder("scaled").optimizers(List.of(new org.geopinn.api.session.OptimizerStage("lm", 0, Map.of()))).build());
        ResolvedSpec trained = resolver.resolve(SessionSpec.builder("scaled").optimizers(List.of(new org.geopinn.api.session.OptimizerStage("lm", 0, Map.of())))
                .unknowns(Map.of("a", 0.5)).build());
        assertTrue(Linearity.affine(known.problem(), known.spec()));
        assertTrue(known.strategy().contains("(damped Gauss-Newton; a condition only where its residual between the points exceeds 10 times"),
                known.strategy());
        assertFalse(Linearity.affine(trained.problem(), trained.spec()));
        assertTrue(trained.strategy().contains("(nonlinear, damped Gauss-Newton)"), trained.strategy());
        assertEquals(DefaultStrategy.GAUSS_NEWTON_RESAMPLE_EVERY, trained.spec().resampleEvery(), trained.strategy());
    }

    @Test
    void anUnknownThatIsNoCoefficientIsRefusedByName() {
        GeopinnException e = assertThrows(GeopinnException.class,
                () -> sessions.start(SessionSpec.builder("scaled").unknowns(Map.of("nu", 0.1)).build()));
        assertEquals("problem 'scaled' has no coefficient 'nu' to train; its coefficients are {a=1.0}", e.getMessage());
    }
}

package org.geopinn.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.geopinn.api.operator.LeastSquaresSystem;
import org.geopinn.expr.Vocabulary;
import org.geopinn.api.optimizer.Optimizer;
import org.geopinn.api.optimizer.OptimizerFactory;
import org.geopinn.api.optimizer.OptimizerState;
import org.geopinn.api.optimizer.StepResult;
import org.geopinn.api.problem.Condition;
import org.geopinn.api.problem.Problem;
import org.geopinn.api.session.Session;
import org.geopinn.api.session.SessionSpec;
import org.geopinn.api.session.SessionState;
import org.geopinn.api.session.TrainingEvent;
import org.geopinn.api.solution.TrainedSolution;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A diverging step is undone and ends the session failed; so does a loss gradient that is not finite. */
class DivergenceTest {
    private ServiceRegistry registry;
    private Sessions sessions;

    @BeforeEach
    void host() {
        registry = new ServiceRegistry();
        registry.add(Problem.class, null, null, "test", new Poisson1d("poisson"));
        registry.add(Problem.class, null, null, "test", new NanGradient());
        TestServices.addStandard(registry);
        registry.add(OptimizerFactory.class, null, null, "test", TestOptimizers.factory("gd", () -> new TestOptimizers.Descent("gd", 1e-3)));
        registry.add(OptimizerFactory.class, null, null, "test", TestOptimizers.factory("leap", Leap::new));
        registry.add(OptimizerFactory.class, null, null, "test", TestOptimizers.factory("greedy", Greedy::new));
        sessions = new Sessions(registry, new Sessions.SolutionPublisher() {
            @Override
            public void publish(Session session, TrainedSolution solution) {
            }

            @Override
            public void withdraw(String sessionId) {
            }
        });
    }

    @Test
    void aDivergingStepIsUndoneAndTheLastGoodParametersAreKept() throws Exception {
        AtomicReference<Session> session = new AtomicReference<>();
        AtomicReference<double[]> atTwenty = new AtomicReference<>();
        registry.addListener(e -> { // a whiteboard listener hears every step, also those before start() returns
            if (e.kind() == TrainingEvent.Kind.STEP && e.step() == 20) {
                while (session.get() == null) {
                    Thread.onSpinWait();
                }
                atTwenty.set(session.get().parameters());
            }
        });
        Session s = sessions.start(SessionSpec.builder("poisson").optimizers("gd:20,leap").maxSteps(40).build());
        session.set(s);
        assertEquals(SessionState.FAILED, s.await(Duration.ofSeconds(60)), s.message());
        assertTrue(s.message().startsWith("diverged at step 21: the loss rose to "), s.message());
        assertTrue(s.message().contains("the parameters of step 20"), s.message());
        List<TrainingEvent> h = s.history();
        assertEquals(20, h.size(), "the diverged step is not in the history");
        assertArrayEquals(atTwenty.get(), s.parameters(), 0.0, "the parameters of step 20 are kept");
        assertTrue(s.lastEvent().loss() == h.get(19).loss(), "the session ends with the loss of step 20");
    }

    @Test
    void aLossGradientThatIsNotFiniteEndsTheSessionFailed() throws Exception {
        Session s = sessions.start(SessionSpec.builder("nan-gradient").optimizers("gd").maxSteps(40).build());
        assertEquals(SessionState.FAILED, s.await(Duration.ofSeconds(60)), s.message());
        assertTrue(s.message().contains("the loss gradient is not finite at step 0"), s.message());
    }

    @Test
    void anOptimizerAskingForMoreThanTheHeapEndsFailedWithTheSizes() throws Exception {
        Session s = sessions.start(SessionSpec.builder("poisson").optimizers("greedy").maxSteps(5).build());
        double[] before = s.parameters();
        assertEquals(SessionState.FAILED, s.await(Duration.ofSeconds(60)), s.message());
        assertTrue(s.message().startsWith("optimizer 'greedy' ran out of memory at step 0: a Jacobian of 26 residuals × "), s.message());
        assertTrue(s.message().contains("this Java heap holds at most"), s.message());
        assertArrayEquals(before, s.parameters(), 0.0);
    }

    @Test
    void theRuleLooksAtTheBestAndTheStartingLoss() {
        DivergenceWatch w = new DivergenceWatch();
        assertNull(w.accepted(1, 50, 1e-10));
        assertNull(w.accepted(2, 1e-10, 1e-3), "a bump 1e7 × the best loss but below the starting loss is allowed");
        assertNull(w.accepted(3, 1e-3, 49));
        assertTrue(w.accepted(4, 49, 1e5).startsWith("diverged at step 4"), "above the start and 1e6 × the best");
        assertTrue(w.failed());
        DivergenceWatch inf = new DivergenceWatch();
        assertTrue(inf.accepted(1, 1, Double.POSITIVE_INFINITY).contains("became Infinity"));
    }

    @Test
    void aLossRescaledByNewWeightsIsComparedOnItsOwnScale() {
        DivergenceWatch w = new DivergenceWatch();
        assertNull(w.accepted(1, 10, 1e-2));
        // new weights multiply the loss at the same parameters by 10⁸: the step from there is not divergence
        assertNull(w.accepted(2, 1e6, 5e5, true), "the reweighted loss carries the best loss over to 1e6");
        assertTrue(w.accepted(3, 5e5, 1e12).startsWith("diverged at step 3"),
                "1e12 is 2e6 × the carried-over best 5e5 and above the carried-over start 1e9");
        DivergenceWatch unchanged = new DivergenceWatch();
        assertNull(unchanged.accepted(1, 10, 1e-2));
        assertTrue(unchanged.accepted(2, 1e6, 5e5, false).startsWith("diverged at step 2"),
                "without a change of the loss the same figures are divergence");
    }

    /** Multiplies every parameter by 10⁴ and calls that a step. */
    static final class Leap implements Optimizer {
        @Override
        public String id() {
            return "leap";
        }

        @Override
        public StepResult step(LeastSquaresSystem system, double[] theta) {
            double before = system.loss(theta);
            for (int i = 0; i < theta.length; i++) {
                theta[i] = theta[i] * 1e4 + 1;
            }
            return StepResult.accepted(before, system.loss(theta), 1e4, 2, "");
        }

        @Override
        public OptimizerState exportState() {
            return new OptimizerState("leap", 0, Map.of(), Map.of());
        }

        @Override
        public void importState(OptimizerState state) {
        }
    }

    /** Asks for an array far larger than any test heap, as a Jacobian of a huge system would. */
    static final class Greedy implements Optimizer {
        @Override
        public String id() {
            return "greedy";
        }

        @Override
        public StepResult step(LeastSquaresSystem system, double[] theta) {
            double[] jacobian = new double[Integer.MAX_VALUE - 8]; // 16 GB at once: refused without touching memory
            theta[0] += jacobian.length;
            return StepResult.accepted(0, 0, 1, 1, "");
        }

        @Override
        public OptimizerState exportState() {
            return new OptimizerState("greedy", 0, Map.of(), Map.of());
        }

        @Override
        public void importState(OptimizerState state) {
        }
    }

    /** Poisson with an extra term √(0·u): its value is 0 everywhere, its derivative ½/√0 · 0 is NaN. */
    static final class NanGradient implements Problem {
        private final Poisson1d base = new Poisson1d("nan-gradient");
        private final Vocabulary v = base.vocabulary();

        @Override
        public String id() {
            return "nan-gradient";
        }

        @Override
        public String description() {
            return "a problem whose loss gradient is NaN";
        }

        @Override
        public Vocabulary vocabulary() {
            return v;
        }

        @Override
        public org.geopinn.api.problem.Domain domain() {
            return base.domain();
        }

        @Override
        public List<Condition> conditions() {
            return List.of(Condition.of("pde", "interior", v.parse("u_xx + sqrt(0*u)"), x -> -Math.PI * Math.PI * Math.sin(Math.PI * x[0]), 24),
                    Condition.of("boundary", "boundary", v.field("u"), x -> 0, 2));
        }

        @Override
        public java.util.Optional<org.geopinn.api.problem.ReferenceSolution> reference() {
            return base.reference();
        }

        @Override
        public Map<String, String> defaults() {
            return Map.of("hidden", "8");
        }
    }
}

package org.geopinn.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.geopinn.api.model.ModelFactory;
import org.geopinn.api.operator.LeastSquaresSystem;
import org.geopinn.api.optimizer.Optimizer;
import org.geopinn.api.optimizer.OptimizerFactory;
import org.geopinn.api.optimizer.OptimizerState;
import org.geopinn.api.optimizer.StepResult;
import org.geopinn.api.problem.Problem;
import org.geopinn.api.session.ProblemConfiguration;
import org.geopinn.api.session.Session;
import org.geopinn.api.session.SessionSpec;
import org.geopinn.api.session.SessionState;
import org.geopinn.api.session.TrainingEvent;
import org.geopinn.api.solution.TrainedSolution;
import org.geopinn.models.StandardModels;
import org.geopinn.operators.OperatorEngines;
import org.geopinn.samplers.Samplers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What a session says about itself (status message, pause step, configuration) as services change under it. */
class SessionMessagesTest {
    private ServiceRegistry registry;
    private Sessions sessions;
    private Problem problem;
    private final List<TrainingEvent> events = new CopyOnWriteArrayList<>();
    private final OptimizerFactory gd = TestOptimizers.factory("gd", () -> new TestOptimizers.Descent("gd", 1e-3));
    private final OptimizerFactory gd2 = TestOptimizers.factory("gd2", () -> new TestOptimizers.Descent("gd2", 1e-3));

    @BeforeEach
    void host() {
        registry = new ServiceRegistry();
        problem = new Poisson1d("poisson");
        registry.add(Problem.class, null, null, "test", problem, Map.of());
        for (ModelFactory f : StandardModels.factories()) {
            registry.add(ModelFactory.class, null, null, "models", f);
        }
        registry.add(org.geopinn.api.operator.OperatorEngine.class, null, null, "operators", OperatorEngines.create("autodiff"));
        for (String id : Samplers.ids()) {
            registry.add(org.geopinn.api.sampler.Sampler.class, null, null, "samplers", Samplers.create(id));
        }
        registry.add(OptimizerFactory.class, null, null, "test", gd);
        registry.add(OptimizerFactory.class, null, null, "test", gd2);
        registry.addListener(events::add);
        sessions = new Sessions(registry, new Sessions.SolutionPublisher() {
            @Override
            public void publish(Session session, TrainedSolution solution) {
            }

            @Override
            public void withdraw(String sessionId) {
            }
        });
    }

    private static void waitFor(BooleanSupplier condition, Session s) throws InterruptedException {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "timed out; state " + s.state() + ": " + s.message());
            Thread.sleep(5);
        }
    }

    private static void end(Session s) throws InterruptedException {
        s.stop();
        assertTrue(s.await(Duration.ofSeconds(30)).isTerminal());
    }

    @Test
    void aSystemThatExhaustsTheHeapWhileBuiltIsRefusedInOneLine() {
        registry.add(org.geopinn.api.operator.OperatorEngine.class, null, null, "test", new org.geopinn.api.operator.OperatorEngine() {
            @Override
            public String id() {
                return "exhausting";
            }

            @Override
            public org.geopinn.api.operator.ResidualSystem build(Problem p, org.geopinn.api.model.Model m,
                    Map<String, double[]> points, org.geopinn.api.operator.LossScaling scaling) {
                throw new OutOfMemoryError("Java heap space"); // what a point set larger than the heap ends in
            }
        });
        org.geopinn.api.GeopinnException e = org.junit.jupiter.api.Assertions.assertThrows(org.geopinn.api.GeopinnException.class,
                () -> sessions.start(SessionSpec.builder("poisson").engine("exhausting").optimizers("gd").build()));
        assertTrue(e.getMessage().startsWith("operator engine 'exhausting' ran out of memory while building the residual system")
                && e.getMessage().contains("this Java heap holds at most") && !e.getMessage().contains("\n"), e.getMessage());
    }

    @Test
    void theMessageNamesTheOptimizerAfterASwapOrAChainStage() throws Exception {
        Session s = sessions.start(SessionSpec.builder("poisson").optimizers("gd").maxSteps(1_000_000).build());
        waitFor(() -> s.history().size() >= 2, s);
        assertEquals("training with gd", s.message());
        s.swapOptimizer("gd2", Map.of());
        assertEquals("training with gd2", s.message(), "not the optimizer it started with");
        end(s);

        Session chain = sessions.start(SessionSpec.builder("poisson").optimizers("gd:3,gd2").maxSteps(1_000_000).build());
        waitFor(() -> chain.history().size() >= 5, chain);
        assertEquals("training with gd2", chain.message());
        end(chain);
    }

    @Test
    void aPauseForALostServiceNamesTheStepTheSessionStandsAt() throws Exception {
        Gate gate = new Gate();
        OptimizerFactory gated = TestOptimizers.factory("gated", () -> gate);
        registry.add(OptimizerFactory.class, null, null, "test", gated);
        Session s = sessions.start(SessionSpec.builder("poisson").optimizers("gated").maxSteps(1_000_000).build());
        waitFor(() -> s.history().size() >= 3, s);
        gate.close();
        assertTrue(gate.inStep.tryAcquire(20, TimeUnit.SECONDS), "a step is in flight");
        registry.remove(OptimizerFactory.class, gated); // its bundle goes away while the step runs
        gate.open();
        waitFor(() -> s.state() == SessionState.PAUSED, s);
        long last = s.history().get(s.history().size() - 1).step();
        assertEquals(last, s.lastEvent().step());
        assertEquals("optimizer 'gated' went away at step " + last + "; paused until it returns", s.message(),
                "the step the status shows beside it, not the step before the one in flight");
        end(s);
    }

    @Test
    void aSessionPausedForItsLostOptimizerCanSwapToAnother() throws Exception {
        Session s = sessions.start(SessionSpec.builder("poisson").optimizers("gd2").maxSteps(1_000_000).build());
        waitFor(() -> s.history().size() >= 2, s);
        registry.remove(OptimizerFactory.class, gd2);
        waitFor(() -> s.state() == SessionState.PAUSED, s);
        int before = s.history().size();
        s.swapOptimizer("gd", Map.of());
        assertEquals("gd", s.optimizerId());
        waitFor(() -> s.history().size() >= before + 2, s);
        assertEquals(SessionState.RUNNING, s.state(), s.message());
        assertEquals("gd", s.history().get(before).optimizerId(), "the new optimizer takes the steps");
        assertEquals(before + 1, s.history().get(before).step(), "the steps continue");
        assertTrue(events.stream().anyMatch(e -> e.kind() == TrainingEvent.Kind.SWAPPED && e.message().contains("gd2 -> gd")));
        end(s);
    }

    @Test
    void aProblemReconfiguredDuringTheRunIsRecordedWithTheStep() throws Exception {
        Session s = sessions.start(SessionSpec.builder("poisson").optimizers("gd").maxSteps(1_000_000).build());
        waitFor(() -> s.history().size() >= 3, s);
        // What Declarative Services does when a .cfg file changes: the problem leaves and comes back.
        registry.remove(Problem.class, problem);
        waitFor(() -> s.state() == SessionState.PAUSED, s);
        long at = s.lastEvent().step();
        registry.add(Problem.class, null, null, "test", new Poisson1d("poisson"), Map.of("gamma", "10"));
        waitFor(() -> s.history().size() >= at + 2, s);
        List<ProblemConfiguration> configs = s.problemConfigurations();
        assertEquals(List.of(new ProblemConfiguration(0, Map.of()), new ProblemConfiguration(at, Map.of("gamma", "10"))), configs);
        TrainingEvent resumed = events.stream().filter(e -> e.kind() == TrainingEvent.Kind.RESUMED).findFirst().orElseThrow();
        assertEquals("resumed at step " + at + "; problem configuration changed (gamma unset -> 10) for the steps after " + at,
                resumed.message());
        end(s);
    }

    /** Descent whose steps can be held at their start, to lose a service while a step is in flight. */
    static final class Gate implements Optimizer {
        final Semaphore inStep = new Semaphore(0);
        private final Semaphore pass = new Semaphore(Integer.MAX_VALUE / 2);
        private final TestOptimizers.Descent descent = new TestOptimizers.Descent("gated", 1e-3);

        void close() {
            pass.drainPermits();
        }

        void open() {
            pass.release(Integer.MAX_VALUE / 2);
        }

        @Override
        public String id() {
            return "gated";
        }

        @Override
        public StepResult step(LeastSquaresSystem system, double[] theta) {
            // A step that finds the gate closed says so before it waits (a flag read before the
            // permits were drained let a step wait unannounced).
            if (!pass.tryAcquire()) {
                inStep.release();
                pass.acquireUninterruptibly();
            }
            return descent.step(system, theta);
        }

        @Override
        public OptimizerState exportState() {
            return descent.exportState();
        }

        @Override
        public void importState(OptimizerState state) {
            descent.importState(state);
        }
    }
}

package org.geopinn.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import org.geopinn.api.GeopinnException;
import org.geopinn.api.optimizer.Optimizer;
import org.geopinn.api.optimizer.OptimizerFactory;
import org.geopinn.api.optimizer.OptimizerState;
import org.geopinn.api.problem.Problem;
import org.geopinn.api.session.Session;
import org.geopinn.api.session.SessionSpec;
import org.geopinn.api.session.SessionState;
import org.geopinn.api.solution.TrainedSolution;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every optimizer state handed to an optimizer (a resumed run's, a swapped-out optimizer's, the
 * previous chain stage's) is checked against the model's parameter count: the optimizers
 * themselves only check whose state it is.
 */
class OptimizerChainTest {
    private ServiceRegistry registry;
    private Sessions sessions;

    /** Takes real steps but exports its state for a model of three parameters. */
    static final class WrongCount implements Optimizer {
        private final TestOptimizers.Descent inner = new TestOptimizers.Descent("wrong-count", 1e-3);

        @Override
        public String id() {
            return "wrong-count";
        }

        @Override
        public org.geopinn.api.optimizer.StepResult step(org.geopinn.api.operator.LeastSquaresSystem system, double[] theta) {
            return inner.step(system, theta);
        }

        @Override
        public OptimizerState exportState() {
            return new OptimizerState(id(), 3, Map.of(), inner.exportState().scalars());
        }

        @Override
        public void importState(OptimizerState state) {
            inner.importState(new OptimizerState("wrong-count", state.parameterCount(), state.arrays(), state.scalars()));
        }
    }

    @BeforeEach
    void host() {
        registry = new ServiceRegistry();
        registry.add(Problem.class, null, null, "test", new Poisson1d("poisson"));
        TestServices.addStandard(registry);
        registry.add(OptimizerFactory.class, null, null, "test", TestOptimizers.factory("gd", () -> new TestOptimizers.Descent("gd", 1e-3)));
        registry.add(OptimizerFactory.class, null, null, "test", TestOptimizers.factory("wrong-count", WrongCount::new));
        sessions = new Sessions(registry, new Sessions.SolutionPublisher() {
            @Override
            public void publish(Session session, TrainedSolution solution) {
            }

            @Override
            public void withdraw(String sessionId) {
            }
        });
    }

    private int parameterCount() throws InterruptedException {
        Session s = sessions.start(SessionSpec.builder("poisson").optimizers("gd").maxSteps(1).build());
        assertEquals(SessionState.FINISHED, s.await(Duration.ofSeconds(60)), s.message());
        return s.parameters().length;
    }

    @Test
    void aResumedStateForAnotherParameterCountIsRefusedBeforeAnyStep() throws Exception {
        int p = parameterCount();
        Map<String, Double> scalars = Map.of("lr", 1e-3, "taken", 5.0);
        Session fits = sessions.start(SessionSpec.builder("poisson").optimizers("gd").maxSteps(2)
                .initialOptimizerState(new OptimizerState("gd", p, Map.of(), scalars)).build());
        assertEquals(SessionState.FINISHED, fits.await(Duration.ofSeconds(60)), fits.message());
        for (String savedBy : new String[] {"gd", "wrong-count"}) { // imported, or offered to adopt
            GeopinnException e = assertThrows(GeopinnException.class, () -> sessions.start(SessionSpec.builder("poisson")
                    .optimizers("gd").initialOptimizerState(new OptimizerState(savedBy, p + 1, Map.of(), scalars)).build()));
            assertEquals("the saved optimizer state is for " + (p + 1) + " parameters, the model has " + p, e.getMessage());
        }
    }

    @Test
    void aSwapRefusesAStateForAnotherParameterCountAndKeepsTheOptimizer() throws Exception {
        Session s = sessions.start(SessionSpec.builder("poisson").optimizers("wrong-count").maxSteps(1_000_000).build());
        while (s.history().size() < 2) {
            Thread.sleep(5);
        }
        GeopinnException e = assertThrows(GeopinnException.class, () -> s.swapOptimizer("gd", Map.of()));
        assertTrue(e.getMessage().contains("the saved optimizer state is for 3 parameters, the model has "), e.getMessage());
        assertEquals("wrong-count", s.optimizerId());
        int steps = s.history().size();
        while (s.history().size() < steps + 2 && s.state() == SessionState.RUNNING) {
            Thread.sleep(5);
        }
        assertEquals(SessionState.RUNNING, s.state(), s.message());
        s.stop();
        assertEquals(SessionState.STOPPED, s.await(Duration.ofSeconds(60)));
    }

    @Test
    void theNextChainStageIsNotHandedAStateForAnotherParameterCount() throws Exception {
        Session s = sessions.start(SessionSpec.builder("poisson").optimizers("wrong-count:2,gd").maxSteps(10).build());
        assertEquals(SessionState.FAILED, s.await(Duration.ofSeconds(60)), s.message());
        assertTrue(s.message().contains("the saved optimizer state is for 3 parameters, the model has "), s.message());
        assertEquals(2, s.history().size(), "the first stage's steps were taken");
    }
}

package org.geopinn.itest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.geopinn.api.optimizer.OptimizerState;
import org.geopinn.api.problem.Problem;
import org.geopinn.api.session.Session;
import org.geopinn.api.session.SessionSpec;
import org.geopinn.api.session.SessionState;
import org.geopinn.api.session.TrainingEvent;
import org.geopinn.api.session.TrainingService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The dense second-order optimizers in a real host: a running session swaps to them, a chain
 * hands over to them, and a run resumed from their exported state continues exactly.
 */
class SecondOrderSessionTest {
    private static final Duration WAIT = Duration.ofSeconds(60);
    /** The dense second-order optimizers. */
    private static final List<String> OPTIMIZERS = List.of("lm", "ssbfgs");
    private static TestHost host;

    @BeforeAll
    static void start() {
        host = TestHost.start();
    }

    @AfterAll
    static void stop() {
        host.close();
    }

    @Test
    void aRunningSessionSwapsToEachAndKeepsLoweringTheLoss() throws Exception {
        TrainingService training = host.service(TrainingService.class, null, WAIT);
        Problem laplace = host.service(Problem.class, "laplace2d", WAIT);
        for (String id : OPTIMIZERS) {
            Session s = training.start(Sessions.quick(laplace, "adam"));
            Sessions.Recorder recorder = new Sessions.Recorder(s);
            Sessions.awaitSteps(s, 3, WAIT);
            s.swapOptimizer(id, Map.of());
            TrainingEvent swapped = recorder.await(e -> e.kind() == TrainingEvent.Kind.SWAPPED, WAIT);
            TrainingEvent first = recorder.await(e -> e.kind() == TrainingEvent.Kind.STEP && id.equals(e.optimizerId()), WAIT);
            assertEquals(swapped.step() + 1, first.step(), id + ": the first step follows the last adam step");
            Sessions.awaitSteps(s, first.step() + 5, WAIT);
            s.stop();
            assertTrue(s.await(WAIT).isTerminal());
            TrainingEvent last = s.lastEvent();
            assertEquals(id, last.optimizerId());
            assertTrue(last.loss() < first.loss(), id + ": loss " + first.loss() + " -> " + last.loss());
        }
    }

    @Test
    void aChainHandsOverAndAResumedRunTakesExactlyTheSameSteps() throws Exception {
        TrainingService training = host.service(TrainingService.class, null, WAIT);
        Problem laplace = host.service(Problem.class, "laplace2d", WAIT);
        for (String id : OPTIMIZERS) {
            SessionSpec base = Sessions.quick(laplace, "adam:4," + id);
            Session straight = training.start(base.toBuilder().maxSteps(12).build());
            assertEquals(SessionState.FINISHED, straight.await(WAIT), straight.message());
            Session first = training.start(base.toBuilder().maxSteps(8).build());
            assertEquals(SessionState.FINISHED, first.await(WAIT), first.message());
            assertEquals(id, first.optimizerId(), "the chain reached the second stage");
            OptimizerState state = first.optimizerState();
            assertEquals(id, state.optimizerId());
            Session resumed = training.start(base.toBuilder().maxSteps(12).startStep(8)
                    .initialParameters(first.parameters()).initialOptimizerState(state).build());
            assertEquals(SessionState.FINISHED, resumed.await(WAIT), resumed.message());
            assertArrayEquals(straight.parameters(), resumed.parameters(), 0.0, id + ": the resumed run differs from the uninterrupted one");
            assertEquals(straight.lastEvent().loss(), resumed.lastEvent().loss(), 0.0);
        }
    }
}

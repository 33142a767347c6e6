package org.geopinn.itest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import org.geopinn.api.problem.Problem;
import org.geopinn.api.session.Session;
import org.geopinn.api.session.SessionState;
import org.geopinn.api.session.TrainingEvent;
import org.geopinn.api.session.TrainingService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Runtime swap: a running session's optimizer is replaced between steps and training continues from the same parameters. */
class SwapTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
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
    void aPausedSessionTakesANewOptimizerAndGoesOnFromItsParameters() throws Exception {
        TrainingService training = host.service(TrainingService.class, null, WAIT);
        Problem laplace = host.service(Problem.class, "laplace2d", WAIT);
        Session s = training.start(Sessions.quick(laplace, "gd"));
        Sessions.Recorder recorder = new Sessions.Recorder(s);
        Sessions.awaitSteps(s, 5, WAIT);

        s.pause();
        assertTrue(TestHost.waitUntil(() -> s.state() == SessionState.PAUSED, WAIT), s.state() + ": " + s.message());
        double[] before = s.parameters();
        long stepBefore = Sessions.steps(s);
        // a tiny step size, so that even thousands of Adam steps before the pause below stay close
        s.swapOptimizer("adam", Map.of("lr", "1e-9"));
        assertArrayEquals(before, s.parameters(), 0.0, "a swap does not touch the parameters");
        s.resume();

        TrainingEvent first = recorder.await(e -> e.kind() == TrainingEvent.Kind.STEP && "adam".equals(e.optimizerId()), WAIT);
        assertEquals(stepBefore + 1, first.step(), "the step count goes on");
        assertEquals("adam", s.optimizerId());
        // Stop it moving, then count the Adam steps taken: on a fast machine there may be many.
        s.pause();
        assertTrue(TestHost.waitUntil(() -> s.state() == SessionState.PAUSED, WAIT), s.state() + ": " + s.message());
        long adamSteps = Sessions.steps(s) - stepBefore;
        double[] after = s.parameters();
        double change = 0;
        double size = 0;
        for (int i = 0; i < before.length; i++) {
            change += (after[i] - before[i]) * (after[i] - before[i]);
            size += before[i] * before[i];
        }
        // Adam moves each parameter by at most about 3.2·lr per step ((1-β1)/sqrt(1-β2)):
        // the parameters moved that little from where gd left them, far less than the distance to
        // a fresh initialisation (of the order of ‖θ‖).
        double bound = 5 * adamSteps * 1e-9 * Math.sqrt(before.length);
        assertTrue(adamSteps >= 1 && bound < 0.1 * Math.sqrt(size), "took " + adamSteps + " Adam steps before the pause");
        assertTrue(Math.sqrt(change) <= bound, "moved " + Math.sqrt(change) + " in " + adamSteps + " steps, bound " + bound);
        s.stop();
        assertTrue(s.await(WAIT).isTerminal());
    }

    @Test
    void aRunningSessionSwapsBetweenTwoSteps() throws Exception {
        TrainingService training = host.service(TrainingService.class, null, WAIT);
        Problem laplace = host.service(Problem.class, "laplace2d", WAIT);
        Session s = training.start(Sessions.quick(laplace, "adam"));
        Sessions.Recorder recorder = new Sessions.Recorder(s);
        Sessions.awaitSteps(s, 3, WAIT);

        s.swapOptimizer("gd", Map.of());
        TrainingEvent swapped = recorder.await(e -> e.kind() == TrainingEvent.Kind.SWAPPED, WAIT);
        TrainingEvent next = recorder.await(e -> e.kind() == TrainingEvent.Kind.STEP && "gd".equals(e.optimizerId()), WAIT);
        assertEquals(swapped.step() + 1, next.step(), "the first gd step follows the last adam step");
        assertEquals(SessionState.RUNNING, s.state());
        s.stop();
        assertTrue(s.await(WAIT).isTerminal());
    }
}

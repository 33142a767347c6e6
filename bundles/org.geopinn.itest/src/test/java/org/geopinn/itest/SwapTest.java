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
        s.swapOptimizer("adam", Map.of("lr", "1e-5"));
        assertArrayEquals(before, s.parameters(), 0.0, "a swap does not touch the parameters");
        s.resume();

        TrainingEvent first = recorder.await(e -> e.kind() == TrainingEvent.Kind.STEP && "adam".equals(e.optimizerId()), WAIT);
        assertEquals(stepBefore + 1, first.step(), "the step count goes on");
        assertEquals("adam", s.optimizerId());
        double[] after = s.parameters();
        double change = 0;
        double size = 0;
        for (int i = 0; i < before.length; i++) {
            change += (after[i] - before[i]) * (after[i] - before[i]);
            size += before[i] * before[i];
        }
        // Adam with lr 1e-5 moves each parameter by about 1e-5 per step: training went on from the
        // parameters gd had reached, not from a fresh initialisation.
        assertTrue(Math.sqrt(change / size) < 1e-2, "relative change " + Math.sqrt(change / size));
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

package org.geopinn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.geopinn.api.GeopinnException;
import org.geopinn.api.problem.Problem;
import org.geopinn.api.sweep.RunOutcome;
import org.geopinn.api.sweep.RunRequest;
import org.junit.jupiter.api.Test;

/**
 * Two sweep runs of one problem at once, the first giving it other settings: in a host the problem
 * service is re-registered then, and for a moment there is none. The second run must not be refused
 * as "unknown problem" in that moment (it was, on a loaded machine).
 */
class SweepPerformerTest {

    @Test
    void aRunDoesNotMissTheProblemWhileAnotherReconfiguresIt() throws Exception {
        Problem problem = (Problem) Proxy.newProxyInstance(Problem.class.getClassLoader(), new Class<?>[] {Problem.class},
                (proxy, method, args) -> method.getName().equals("id") ? "coupled" : null);
        CountDownLatch unregistered = new CountDownLatch(1);
        CountDownLatch secondStarted = new CountDownLatch(1);
        boolean[] registered = {true};
        Services services = (Services) Proxy.newProxyInstance(Services.class.getClassLoader(), new Class<?>[] {Services.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "awaitReady" -> null;
                    case "problem" -> {
                        synchronized (registered) {
                            yield registered[0] ? Optional.of(problem) : Optional.empty();
                        }
                    }
                    case "configureProblem" -> {
                        synchronized (registered) {
                            registered[0] = false; // the host re-registers the problem with its new settings
                        }
                        unregistered.countDown();
                        // long enough for the second run to look the problem up, were it not held at the gate
                        secondStarted.await(5, TimeUnit.SECONDS);
                        Thread.sleep(300);
                        synchronized (registered) {
                            registered[0] = true;
                        }
                        yield problem;
                    }
                    // the runs stop here: past the problem's look-up, which is what is tested
                    case "training" -> throw new GeopinnException("no training service in this test");
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        SweepPerformer performer = new SweepPerformer(services, "this machine");
        Map<String, String> strong = Map.of("gamma", "10");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<RunOutcome> first = pool.submit(() -> performer.perform(new RunRequest("a", "coupled", strong, "adam", "", "", 0, 2, 0)));
            assertTrue(unregistered.await(5, TimeUnit.SECONDS));
            Future<RunOutcome> second = pool.submit(() -> {
                secondStarted.countDown();
                return performer.perform(new RunRequest("b", "coupled", strong, "adam", "", "", 1, 2, 0));
            });
            for (RunOutcome o : new RunOutcome[] {first.get(10, TimeUnit.SECONDS), second.get(10, TimeUnit.SECONDS)}) {
                assertEquals("refused", o.state(), o.message());
                assertFalse(o.message().contains("unknown problem"), o.key() + ": " + o.message());
                assertTrue(o.message().contains("no training service"), o.key() + ": " + o.message());
            }
        } finally {
            pool.shutdownNow();
        }
    }
}

package org.geopinn.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.geopinn.api.sweep.RunOutcome;
import org.geopinn.api.sweep.RunPerformer;
import org.geopinn.api.sweep.RunRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Real Hazelcast members in this JVM (loopback only, multicast off, a member taken as gone after
 * 5 s without heartbeat): sweep runs spread over them, each run's outcome delivered once, and a
 * member killed during the sweep loses nothing. Each member's host is a stand-in performer that
 * takes a little time and says which member ran the run.
 */
class ClusterRunExecutorTest {
    private final List<HazelcastInstance> members = new ArrayList<>();
    /** Runs started per key, over all members (a run given out again after its member died counts twice here). */
    private final Map<String, AtomicInteger> started = new ConcurrentHashMap<>();
    /** The member whose runs do not end by themselves (they wait for {@link #killed}), or null. */
    private volatile String held;
    /** Counted down when the held member has started a run. */
    private final CountDownLatch heldRunning = new CountDownLatch(1);
    /** Counted down once the held member is killed: its run's thread may then return (to nobody). */
    private final CountDownLatch killed = new CountDownLatch(1);

    @AfterEach
    void stop() {
        killed.countDown();
        members.forEach(m -> {
            Performers.unregister(m.getName());
            m.getLifecycleService().terminate();
        });
    }

    private void start(int count, long runMillis) {
        HazelcastLogging.quiet();
        int base = 20000 + ThreadLocalRandom.current().nextInt(20000);
        String cluster = "test-" + base;
        List<String> addresses = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            addresses.add("127.0.0.1:" + (base + i));
        }
        for (int i = 0; i < count; i++) {
            HazelcastInstance h = Hazelcast.newHazelcastInstance(
                    MemberSettings.config(cluster, addresses, "127.0.0.1", base, count, 1, 5, getClass().getClassLoader()));
            members.add(h);
            String name = h.getName();
            RunPerformer p = r -> {
                started.computeIfAbsent(r.key(), k -> new AtomicInteger()).incrementAndGet();
                if (name.equals(held)) {
                    heldRunning.countDown();
                    killed.await(60, TimeUnit.SECONDS);
                } else {
                    Thread.sleep(runMillis);
                }
                return new RunOutcome(r.key(), name, Map.of("summary.json", ("{\"seed\": " + r.seed() + "}").getBytes(StandardCharsets.UTF_8)),
                        "finished", 10, 0.1, 1e-3, 1e-4, "");
            };
            Performers.register(name, p);
        }
        assertEquals(count, members.get(0).getCluster().getMembers().size(), "all members joined");
    }

    private static List<RunRequest> runs(int n) {
        List<RunRequest> l = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            l.add(new RunRequest("laplace2d-adam-s" + i, "laplace2d", Map.of(), "adam", "", "", i, 10, 0));
        }
        return l;
    }

    @Test
    void twelveRunsOnThreeMembersEachOnce() throws Exception {
        start(3, 100);
        List<String> notes = new CopyOnWriteArrayList<>();
        ClusterRunExecutor executor = new ClusterRunExecutor(members.get(0), 5, notes::add);
        try {
            assertTrue(executor.description().startsWith("cluster 'test-"), executor.description());
            assertTrue(executor.description().contains("3 members"), executor.description());
            List<CompletableFuture<RunOutcome>> futures = runs(12).stream().map(r -> executor.submit(r).toCompletableFuture()).toList();
            List<RunOutcome> outcomes = new ArrayList<>();
            for (CompletableFuture<RunOutcome> f : futures) {
                outcomes.add(f.get(60, TimeUnit.SECONDS));
            }
            Set<String> keys = new TreeSet<>();
            outcomes.forEach(o -> assertTrue(keys.add(o.key()), "once: " + o.key()));
            assertEquals(12, keys.size());
            assertEquals(new String(outcomes.get(7).files().get("summary.json"), StandardCharsets.UTF_8), "{\"seed\": 7}",
                    "the results files travel back");
            long where = outcomes.stream().map(RunOutcome::member).distinct().count();
            assertEquals(3, where, "one run at a time per member: all three took runs");
            started.forEach((k, n) -> assertEquals(1, n.get(), "run once: " + k));
        } finally {
            executor.close();
        }
    }

    /** Not one of the sweep's classes: a member refuses to rebuild it from the bytes it receives. */
    static final class Stranger implements java.util.concurrent.Callable<String>, java.io.Serializable {
        private static final long serialVersionUID = 1L;

        @Override
        public String call() {
            return "ran";
        }
    }

    @Test
    void aMemberRebuildsOnlyTheSweepsClasses() throws Exception {
        start(2, 10);
        var remote = members.get(1).getCluster().getLocalMember();
        var executor = members.get(0).getExecutorService(MemberSettings.EXECUTOR);
        java.util.concurrent.ExecutionException e = org.junit.jupiter.api.Assertions.assertThrows(java.util.concurrent.ExecutionException.class,
                () -> executor.submitToMember(new Stranger(), remote).get(30, TimeUnit.SECONDS));
        assertTrue(String.valueOf(e.getCause()).contains(Stranger.class.getName()), String.valueOf(e.getCause()));
        // the sweep's own task goes through
        assertEquals("laplace2d-adam-s0", executor.submitToMember(new RunTask(runs(1).get(0)), remote).get(30, TimeUnit.SECONDS).key());
    }

    @Test
    void aMemberKilledDuringTheSweepLosesNothing() throws Exception {
        start(3, 400);
        List<String> notes = new CopyOnWriteArrayList<>();
        ClusterRunExecutor executor = new ClusterRunExecutor(members.get(0), 5, notes::add);
        try {
            // the third member's run lasts until it is killed: it is killed in the middle of a run, whatever the load
            HazelcastInstance victim = members.get(2);
            String victimName = victim.getName();
            held = victimName;
            List<CompletableFuture<RunOutcome>> futures = runs(12).stream().map(r -> executor.submit(r).toCompletableFuture()).toList();
            assertTrue(heldRunning.await(60, TimeUnit.SECONDS), "the third member started a run");
            victim.getLifecycleService().terminate(); // without a goodbye
            killed.countDown();
            List<RunOutcome> outcomes = new ArrayList<>();
            for (CompletableFuture<RunOutcome> f : futures) {
                outcomes.add(f.get(60, TimeUnit.SECONDS));
            }
            Set<String> keys = new TreeSet<>();
            outcomes.forEach(o -> assertTrue(keys.add(o.key()), "once: " + o.key()));
            assertEquals(12, keys.size(), "nothing lost");
            assertTrue(notes.stream().anyMatch(n -> n.contains("which left; it goes to another member")), "a run was given out again: " + notes);
            assertTrue(notes.stream().anyMatch(n -> n.contains("left (2 members)")), notes.toString());
            long rerun = started.values().stream().filter(n -> n.get() > 1).count();
            assertTrue(rerun >= 1, "the killed member's run was started again elsewhere");
            List<String> afterDeath = outcomes.stream().map(RunOutcome::member).filter(victimName::equals).toList();
            assertTrue(afterDeath.size() < 12, "the dead member did not answer for everything");
        } finally {
            executor.close();
        }
    }
}

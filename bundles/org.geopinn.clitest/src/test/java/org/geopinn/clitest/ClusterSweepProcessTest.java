package org.geopinn.clitest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A sweep on a cluster of two launcher processes on this machine (loopback only): a member
 * started with {@code ./geopinn member --join …} and the sweep's own host configured by
 * {@code plugins/org.geopinn.cluster.cfg}; the member's home has a configuration of its own that
 * names only the cache share, so the command replaces a member already starting. The member is killed (SIGKILL) during the sweep: its
 * run goes to the other member, and every run is written once.
 */
class ClusterSweepProcessTest {
    @Test
    void aSweepSurvivesItsSecondMemberBeingKilled(@TempDir Path dir) throws Exception {
        Path coordinator = Files.createDirectories(dir.resolve("coordinator"));
        Path memberHome = Files.createDirectories(dir.resolve("member"));
        int port = 30000 + ThreadLocalRandom.current().nextInt(15000);
        String name = "test-" + port;
        String join = "127.0.0.1:" + port + ",127.0.0.1:" + (port + 1);
        // a member home whose configuration names only the cache share: the host starts a member
        // from it, and `member --join` then replaces that member with the one it configures
        Files.createDirectories(memberHome.resolve("plugins"));
        Files.writeString(memberHome.resolve("plugins/org.geopinn.cluster.cfg"), "cache=0.5\n");
        Process member = Geopinn.start(memberHome, List.of("member", "--join", join, "--port", Integer.toString(port), "--name", name,
                "--timeout", "5"), "-member");
        Process sweep = null;
        try {
            waitFor(memberHome.resolve("stdout-member.txt"), "performing sweep runs until Ctrl-C", member);
            Files.createDirectories(coordinator.resolve("plugins"));
            Files.writeString(coordinator.resolve("plugins/org.geopinn.cluster.cfg"), String.join("\n", "name=" + name, "members=" + join,
                    "address=127.0.0.1", "port=" + port, "ports=2", "timeout=5", ""));
            Files.writeString(coordinator.resolve("twelve.properties"), String.join("\n", "problems = poisson1d", "optimizers = lm",
                    "seeds = 0-11", "steps = 30", "hidden = 16", ""));
            sweep = Geopinn.start(coordinator, List.of("sweep", "twelve.properties"), "-sweep");
            Path out = coordinator.resolve("stdout-sweep.txt");
            waitFor(out, "on cluster '" + name + "', 2 members", sweep);
            // two runs written: the member is busy with its next one
            waitUntil(() -> Files.readString(out).lines().filter(l -> l.startsWith("[")).count() >= 2, sweep);
            member.destroyForcibly();
            member.waitFor(30, TimeUnit.SECONDS);
            assertTrue(sweep.waitFor(170, TimeUnit.SECONDS), "the sweep ends");
            Geopinn.Result r = Geopinn.finished(coordinator, sweep, "-sweep");
            assertEquals(0, r.exit(), r.out() + r.err());
            assertTrue(r.out().contains("left (1 members)"), r.out());
            assertTrue(r.out().contains("which left; it goes to another member"), "the killed member's run was given out again: " + r.out());
            assertEquals(12, r.out().lines().filter(l -> l.matches("\\[\\d+/12\\] poisson1d-lm-h16-s\\d+ on \\[127\\.0\\.0\\.1\\]:\\d+: 30 steps.*"))
                    .count(), r.out());
            List<String> rows = Files.readAllLines(coordinator.resolve("runs/sweep-twelve/sweep.csv"), StandardCharsets.UTF_8);
            Set<String> runs = new TreeSet<>();
            for (String row : rows.subList(1, rows.size())) {
                assertTrue(runs.add(row.split(",")[0]), "once: " + row);
            }
            assertEquals(12, runs.size(), rows.toString());
            for (String run : runs) {
                assertTrue(Files.isRegularFile(coordinator.resolve("runs/sweep-twelve").resolve(run).resolve("manifest.sha256")), run);
            }
        } finally {
            member.destroyForcibly();
            if (sweep != null) {
                sweep.destroyForcibly();
            }
        }
    }

    private interface Check {
        boolean ok() throws Exception;
    }

    private static void waitFor(Path file, String text, Process p) throws Exception {
        waitUntil(() -> Files.isRegularFile(file) && Files.readString(file).contains(text), p);
    }

    private static void waitUntil(Check check, Process p) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (!check.ok()) {
            if (!p.isAlive() || System.nanoTime() > end) {
                throw new AssertionError("not reached (process " + (p.isAlive() ? "still running" : "ended with " + p.exitValue()) + ")");
            }
            Thread.sleep(200);
        }
    }
}

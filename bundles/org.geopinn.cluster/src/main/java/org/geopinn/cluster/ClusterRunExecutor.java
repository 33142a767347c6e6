package org.geopinn.cluster;

import com.hazelcast.cluster.Member;
import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.cluster.MembershipListener;
import com.hazelcast.core.ExecutionCallback;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.HazelcastInstanceNotActiveException;
import com.hazelcast.core.IExecutorService;
import com.hazelcast.core.MemberLeftException;
import com.hazelcast.spi.exception.TargetNotMemberException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import org.geopinn.api.sweep.RunExecutor;
import org.geopinn.api.sweep.RunOutcome;
import org.geopinn.api.sweep.RunRequest;

/**
 * Sweep runs spread over the members of a cluster from the member that gathers them. Each member
 * takes as many runs at once as its {@value MemberSettings#RUNS} attribute says; the others wait
 * here, so a run always goes to a member with a free slot (members that join later get runs as
 * soon as they are there). A run whose member leaves (its process killed, its machine gone)
 * before answering is given to another member, up to a number of attempts; its outcome is
 * delivered once.
 */
final class ClusterRunExecutor implements RunExecutor, MembershipListener {
    /** A queued run and how often it was given out. */
    private record Job(RunRequest request, CompletableFuture<RunOutcome> result, int attempts) {
    }

    private final HazelcastInstance hazelcast;
    private final IExecutorService executor;
    private final int maxAttempts;
    private final Consumer<String> notes;
    private final Deque<Job> waiting = new ArrayDeque<>();
    private final Map<UUID, Integer> busy = new HashMap<>();
    private final UUID listener;

    /**
     * @param hazelcast this member
     * @param maxAttempts times a run is given out at most
     * @param notes receives one-line notes (a member left, its runs given out again)
     */
    ClusterRunExecutor(HazelcastInstance hazelcast, int maxAttempts, Consumer<String> notes) {
        this.hazelcast = hazelcast;
        this.executor = hazelcast.getExecutorService(MemberSettings.EXECUTOR);
        this.maxAttempts = maxAttempts;
        this.notes = notes;
        this.listener = hazelcast.getCluster().addMembershipListener(this);
    }

    @Override
    public String description() {
        int n = hazelcast.getCluster().getMembers().size();
        return "cluster '" + hazelcast.getConfig().getClusterName() + "', " + n + (n == 1 ? " member" : " members") + " ("
                + String.join(", ", hazelcast.getCluster().getMembers().stream().map(m -> m.getAddress() + " " + slots(m) + " at once").toList())
                + ")";
    }

    @Override
    public CompletionStage<RunOutcome> submit(RunRequest request) {
        CompletableFuture<RunOutcome> f = new CompletableFuture<>();
        synchronized (this) {
            waiting.addLast(new Job(request, f, 0));
        }
        dispatch();
        return f;
    }

    /** Gives waiting runs to members with free slots. */
    private void dispatch() {
        while (true) {
            Job job;
            Member target = null;
            synchronized (this) {
                if (waiting.isEmpty()) {
                    return;
                }
                for (Member m : hazelcast.getCluster().getMembers()) {
                    if (busy.getOrDefault(m.getUuid(), 0) < slots(m)) {
                        target = m;
                        break;
                    }
                }
                if (target == null) {
                    return;
                }
                job = waiting.pollFirst();
                busy.merge(target.getUuid(), 1, Integer::sum);
            }
            send(job, target);
        }
    }

    private void send(Job job, Member target) {
        Job given = new Job(job.request(), job.result(), job.attempts() + 1);
        try {
            executor.submitToMember(new RunTask(job.request()), target, new ExecutionCallback<RunOutcome>() {
                @Override
                public void onResponse(RunOutcome outcome) {
                    free(target);
                    given.result().complete(outcome);
                    dispatch();
                }

                @Override
                public void onFailure(Throwable t) {
                    free(target);
                    retryOrFail(given, target, t);
                    dispatch();
                }
            });
        } catch (RuntimeException e) {
            free(target);
            retryOrFail(given, target, e);
        }
    }

    private synchronized void free(Member m) {
        busy.computeIfPresent(m.getUuid(), (k, v) -> v > 1 ? v - 1 : null);
    }

    private void retryOrFail(Job job, Member target, Throwable t) {
        if (memberLost(t) && job.attempts() < maxAttempts && hazelcast.getLifecycleService().isRunning()) {
            notes.accept("run " + job.request().key() + " was on " + target.getAddress() + ", which left; it goes to another member");
            synchronized (this) {
                waiting.addFirst(job);
            }
        } else {
            job.result().completeExceptionally(memberLost(t)
                    ? new IllegalStateException("run " + job.request().key() + " lost its member " + job.attempts() + " times", t)
                    : t);
        }
    }

    /** @return whether the failure is the member's going away, not the run's own */
    static boolean memberLost(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof MemberLeftException || c instanceof TargetNotMemberException || c instanceof HazelcastInstanceNotActiveException) {
                return true;
            }
        }
        return false;
    }

    private static int slots(Member m) {
        String a = m.getAttribute(MemberSettings.RUNS);
        try {
            return a == null ? 1 : Math.max(1, Integer.parseInt(a));
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    @Override
    public void memberAdded(MembershipEvent event) {
        notes.accept("member " + event.getMember().getAddress() + " joined (" + event.getMembers().size() + " members)");
        dispatch();
    }

    @Override
    public void memberRemoved(MembershipEvent event) {
        notes.accept("member " + event.getMember().getAddress() + " left (" + event.getMembers().size() + " members)");
        // its runs come back through their callbacks (the member left) and are given out again there
    }

    /** Stops listening; runs not yet given out fail. */
    void close() {
        try {
            hazelcast.getCluster().removeMembershipListener(listener);
        } catch (RuntimeException e) {
            // the member is already down
        }
        synchronized (this) {
            waiting.forEach(j -> j.result().completeExceptionally(new IllegalStateException("the cluster member stopped")));
            waiting.clear();
        }
    }
}

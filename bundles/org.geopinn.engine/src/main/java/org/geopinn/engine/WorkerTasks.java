package org.geopinn.engine;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;
import org.geopinn.api.GeopinnException;

/**
 * Tasks other threads hand to a session's worker (a swap, a diagnostic, reading the optimizer's
 * state), run between two steps. Guarded by the lock of the {@link SessionControl} that owns it,
 * so that posting a task wakes a worker waiting there. Once the worker has ended, tasks run on
 * their caller's thread.
 */
final class WorkerTasks {
    private final String sessionId;
    private final Object lock;
    // Guarded by lock.
    private final Deque<Runnable> actions = new ArrayDeque<>();
    private boolean workerAlive;
    private volatile Thread worker;

    /** @param sessionId the session id, for messages @param lock the lock it shares with its control */
    WorkerTasks(String sessionId, Object lock) {
        this.sessionId = sessionId;
        this.lock = lock;
    }

    /** @param thread the worker thread, not yet started */
    void workerStarting(Thread thread) {
        synchronized (lock) {
            workerAlive = true;
        }
        worker = thread;
    }

    /** @return whether tasks wait (call holding the lock) */
    boolean pendingLocked() {
        return !actions.isEmpty();
    }

    /** @return whether the worker runs (call holding the lock) */
    boolean aliveLocked() {
        return workerAlive;
    }

    /** Runs the posted tasks on the worker thread. */
    void runAll() {
        while (true) {
            Runnable a;
            synchronized (lock) {
                a = actions.poll();
            }
            if (a == null) {
                return;
            }
            a.run();
        }
    }

    /** The worker is ending: tasks posted from now on run on their caller's thread; those left run now. */
    void workerEnded() {
        List<Runnable> leftover;
        synchronized (lock) {
            workerAlive = false;
            leftover = new ArrayList<>(actions);
            actions.clear();
            lock.notifyAll();
        }
        leftover.forEach(Runnable::run);
    }

    /** Runs a task on the worker thread between two steps (directly once the worker has ended). */
    <T> T onWorker(Supplier<T> task) {
        if (Thread.currentThread() == worker) {
            return task.get();
        }
        CompletableFuture<T> f = new CompletableFuture<>();
        boolean queued;
        synchronized (lock) {
            // Once the worker has ended it runs what is left in the queue: a queued task always runs.
            queued = workerAlive;
            if (queued) {
                actions.add(() -> {
                    try {
                        f.complete(task.get());
                    } catch (RuntimeException | LinkageError t) {
                        f.completeExceptionally(t);
                    }
                });
                lock.notifyAll();
            }
        }
        if (!queued) {
            return task.get();
        }
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GeopinnException("interrupted while waiting for session " + sessionId);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new GeopinnException("session " + sessionId + ": " + e.getCause(), e.getCause());
        }
    }
}

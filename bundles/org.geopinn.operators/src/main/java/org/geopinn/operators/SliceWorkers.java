package org.geopinn.operators;

import java.lang.ref.WeakReference;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.ObjIntConsumer;

/**
 * Runs one task on T threads at once, the caller being thread 0 and T − 1 daemon workers the
 * others, without allocating per run (a generation counter, an atomic countdown, park/unpark).
 *
 * <p>The workers reach their owner only through a weak reference, so a residual system that is no
 * longer used can be collected; its workers then end within a second. Runs must come from one
 * thread at a time (residual systems are not thread-safe).
 *
 * @param <T> the owner whose method the workers call
 */
final class SliceWorkers<T> {
    private static final AtomicInteger NAMES = new AtomicInteger();
    private static final long IDLE_CHECK_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final WeakReference<T> owner;
    private final ObjIntConsumer<T> task;
    private final Thread[] workers;
    private final AtomicInteger pending = new AtomicInteger();
    private volatile long generation;
    private volatile Thread caller;
    private volatile Throwable failure;

    /**
     * @param owner the object the task runs on (held weakly)
     * @param task what thread t does: {@code task.accept(owner, t)}; must not allocate to keep runs allocation-free
     * @param threads T ≥ 2, the caller included
     */
    SliceWorkers(T owner, ObjIntConsumer<T> task, int threads) {
        this.owner = new WeakReference<>(owner);
        this.task = task;
        this.workers = new Thread[threads - 1];
        int id = NAMES.incrementAndGet();
        for (int w = 0; w < workers.length; w++) {
            int index = w + 1;
            workers[w] = new Thread(() -> work(index), "geopinn-residuals-" + id + "-" + index);
            workers[w].setDaemon(true);
            workers[w].start();
        }
    }

    /**
     * Runs the task on every thread and waits for all; rethrows the first failure.
     *
     * @param self the owner (the caller's strong reference, so it cannot vanish during the run)
     */
    void run(T self) {
        failure = null;
        caller = Thread.currentThread();
        pending.set(workers.length);
        generation++; // publishes the task's arguments to the workers
        for (Thread w : workers) {
            LockSupport.unpark(w);
        }
        try {
            task.accept(self, 0);
        } catch (RuntimeException | Error e) {
            failure = e;
        }
        while (pending.get() != 0) {
            LockSupport.park(this);
        }
        Throwable f = failure;
        if (f instanceof RuntimeException r) {
            throw r;
        } else if (f instanceof Error e) {
            throw e;
        }
    }

    private void work(int index) {
        long seen = 0;
        while (true) {
            while (generation == seen) {
                LockSupport.parkNanos(this, IDLE_CHECK_NANOS);
                if (generation == seen && owner.get() == null) {
                    return; // the residual system is gone
                }
            }
            seen = generation;
            T self = owner.get();
            try {
                if (self != null) {
                    task.accept(self, index);
                }
            } catch (RuntimeException | Error e) {
                failure = e;
            }
            self = null;
            if (pending.decrementAndGet() == 0) {
                LockSupport.unpark(caller);
            }
        }
    }
}

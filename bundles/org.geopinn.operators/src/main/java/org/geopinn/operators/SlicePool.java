package org.geopinn.operators;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The worker threads that run the slices of threaded residual passes, shared by every residual
 * system of the JVM: a pass on T threads runs slice 0 on the caller and slices 1 … T−1 on workers
 * 1 … T−1, so at most (largest T) − 1 workers exist however many systems there are. Passes from
 * different systems take turns (one lock); on a machine with few cores they would compete anyway.
 *
 * <p>A run allocates nothing (a generation counter, an atomic countdown, park/unpark). Workers are
 * daemon threads started on first use; one idle for {@link #idleNanos} ends, and the next pass
 * that needs it starts it again, so an unused bundle leaves no thread behind. Workers hold the
 * system they serve only during a pass.
 */
final class SlicePool {
    /** How long a worker waits for work before it ends (package-private so tests can shorten it). */
    static volatile long idleNanos = TimeUnit.SECONDS.toNanos(60);

    private static final AtomicInteger NAMES = new AtomicInteger();
    private static final ReentrantLock LOCK = new ReentrantLock();
    private static final AtomicInteger PENDING = new AtomicInteger();
    private static Thread[] workers = new Thread[0]; // guarded by LOCK
    private static volatile long generation;
    private static volatile SlicePasses job;
    private static volatile int jobThreads;
    private static volatile Thread caller;
    private static volatile Throwable failure;

    private SlicePool() {
    }

    /**
     * Runs {@code system.runSlice(t)} for t = 0 … threads−1 at once and waits for all; rethrows the
     * first failure.
     *
     * @param system the system whose current pass to run
     * @param threads T ≥ 2
     */
    static void run(SlicePasses system, int threads) {
        LOCK.lock();
        try {
            ensureWorkers(threads);
            failure = null;
            caller = Thread.currentThread();
            job = system;
            jobThreads = threads;
            PENDING.set(threads - 1);
            generation++; // publishes the job and the system's pass arguments
            for (int w = 1; w < threads; w++) {
                LockSupport.unpark(workers[w]);
            }
            try {
                system.runSlice(0);
            } catch (RuntimeException | Error e) {
                failure = e;
            }
            while (PENDING.get() != 0) {
                LockSupport.park(SlicePool.class);
            }
            job = null;
            Throwable f = failure;
            failure = null;
            if (f instanceof RuntimeException r) {
                throw r;
            } else if (f instanceof Error e) {
                throw e;
            }
        } finally {
            LOCK.unlock();
        }
    }

    /** @return the number of live workers (for tests) */
    static int liveWorkers() {
        LOCK.lock();
        try {
            int live = 0;
            for (Thread t : workers) {
                live += t != null && t.isAlive() ? 1 : 0;
            }
            return live;
        } finally {
            LOCK.unlock();
        }
    }

    /** Starts workers 1 … threads−1 where missing (allocates only then). Called under LOCK. */
    private static void ensureWorkers(int threads) {
        if (workers.length < threads) {
            Thread[] grown = new Thread[threads];
            System.arraycopy(workers, 0, grown, 0, workers.length);
            workers = grown;
        }
        for (int w = 1; w < threads; w++) {
            if (workers[w] == null) {
                int index = w;
                long start = generation;
                Thread t = new Thread(() -> work(index, start), "geopinn-residuals-" + NAMES.incrementAndGet());
                t.setDaemon(true);
                workers[w] = t;
                t.start();
            }
        }
    }

    private static void work(int index, long start) {
        long seen = start;
        while (true) {
            long idleSince = System.nanoTime();
            while (generation == seen) {
                LockSupport.parkNanos(SlicePool.class, Math.min(idleNanos, TimeUnit.SECONDS.toNanos(1)));
                if (generation == seen && System.nanoTime() - idleSince > idleNanos && retire(index, seen)) {
                    return;
                }
            }
            seen = generation;
            if (index < jobThreads) {
                try {
                    job.runSlice(index);
                } catch (RuntimeException | Error e) {
                    failure = e;
                }
                if (PENDING.decrementAndGet() == 0) {
                    LockSupport.unpark(caller);
                }
            }
        }
    }

    /** Ends an idle worker, unless a pass is running or has just been published. */
    private static boolean retire(int index, long seen) {
        if (!LOCK.tryLock()) {
            return false;
        }
        try {
            if (generation != seen) {
                return false;
            }
            workers[index] = null;
            return true;
        } finally {
            LOCK.unlock();
        }
    }
}

package org.geopinn.autodiff;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

/**
 * Splits a large product in two: the calling thread runs lane 0 while one shared helper thread runs
 * lane 1. Allocation-free per call (a volatile hand-off with park/unpark), so the training step
 * stays allocation-free. Only one caller at a time uses the helper; a concurrent caller simply runs
 * both lanes itself. The helper is a daemon thread that ends after a second without work and is
 * started again when needed.
 *
 * <p>Off by default; enabled with {@code -Dgeopinn.autodiff.threads=2} on a machine with at least
 * two processors. Measured (docs/PERFORMANCE-CORE.md): on an idle machine the split nearly halves
 * the time of a pass, but when the cores are oversubscribed each hand-off waits for the helper to
 * be scheduled and a pass becomes slower than on one thread.
 */
final class Lanes {
    /** Work that can be split into lanes. */
    interface Task {
        /**
         * @param lane this lane, 0 ≤ lane &lt; lanes
         * @param lanes the number of lanes
         */
        void run(int lane, int lanes);
    }

    /** Products smaller than this many multiply-adds are not split (the hand-off costs microseconds). */
    static final long MIN_WORK = 1L << 18;

    private static final boolean ENABLED = Runtime.getRuntime().availableProcessors() > 1
            && "2".equals(System.getProperty("geopinn.autodiff.threads", "1"));
    private static final long IDLE_NANOS = 1_000_000_000L;
    private static final Lanes SHARED = new Lanes();

    private final AtomicBoolean busy = new AtomicBoolean();
    private volatile Task task;
    private volatile int published;
    private volatile int finished;
    private volatile Throwable failure;
    private volatile Thread caller;
    private volatile Thread helper;
    /** Two-lane runs so far (updated under {@link #busy}); lets tests see that the helper was used. */
    private volatile long twoLaneRuns;

    private Lanes() {
    }

    /**
     * Runs the task in two lanes when worthwhile and the helper is free, else in one.
     *
     * @param work the number of multiply-adds, to decide whether splitting pays
     * @param t the task
     */
    static void run(long work, Task t) {
        if (!ENABLED || work < MIN_WORK || !SHARED.busy.compareAndSet(false, true)) {
            t.run(0, 1);
            return;
        }
        try {
            SHARED.runTwo(t);
        } finally {
            SHARED.busy.set(false);
        }
    }

    private void runTwo(Task t) {
        Thread h = helper;
        if (h == null) {
            int base = published;
            h = new Thread(() -> helperLoop(base), "geopinn-autodiff-lane");
            h.setDaemon(true);
            helper = h;
            h.start();
        }
        caller = Thread.currentThread();
        twoLaneRuns = twoLaneRuns + 1;
        task = t;
        int generation = published + 1;
        published = generation;
        LockSupport.unpark(h);
        t.run(0, 2);
        while (finished != generation) {
            LockSupport.park(this);
        }
        Throwable f = failure;
        if (f != null) {
            failure = null;
            throw new IllegalStateException("autodiff helper lane failed", f);
        }
    }

    private void helperLoop(int base) {
        int seen = base;
        while (true) {
            int generation = published;
            if (generation != seen) {
                try {
                    task.run(1, 2);
                } catch (Throwable e) {
                    failure = e;
                }
                seen = generation;
                finished = generation;
                LockSupport.unpark(caller);
                continue;
            }
            long start = System.nanoTime();
            LockSupport.parkNanos(this, IDLE_NANOS);
            if (published == seen && System.nanoTime() - start >= IDLE_NANOS && busy.compareAndSet(false, true)) {
                // no caller is between publishing and waiting: safe to stop; a later caller starts a new helper
                helper = null;
                busy.set(false);
                return;
            }
        }
    }

    /** @return how many products ran in two lanes so far */
    static long twoLaneRuns() {
        return SHARED.twoLaneRuns;
    }

    /**
     * @param from start of a range
     * @param to end of the range
     * @param lane a lane
     * @param lanes the number of lanes
     * @return the start of this lane's part (its end is the start of the next lane), aligned to 8
     */
    static int split(int from, int to, int lane, int lanes) {
        if (lane == 0) {
            return from;
        }
        if (lane >= lanes) {
            return to;
        }
        int cut = from + (int) ((long) (to - from) * lane / lanes);
        return Math.min(to, (cut + 7) & ~7);
    }
}

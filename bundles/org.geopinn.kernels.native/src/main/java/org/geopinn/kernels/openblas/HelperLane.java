package org.geopinn.kernels.openblas;

import java.util.concurrent.locks.LockSupport;

/**
 * One helper thread that runs a part of a product beside the calling thread, each part a
 * single-threaded OpenBLAS call. The hand-off is a volatile field and park/unpark: nothing is
 * allocated per call, and a thread that waits parks instead of spinning. OpenBLAS's own worker
 * threads wait by spinning, which on a shared machine costs CPU time without doing work (its
 * two-thread SYRK took 0.36–0.49 s of CPU for the 1020×1020 Gram matrix where one thread took
 * 0.28–0.29 s and this split 0.25–0.31 s, at load 35). One lane serves the whole process: callers
 * take turns.
 */
final class HelperLane {
    private static HelperLane shared;

    private final Thread thread;
    private volatile Runnable task;
    private volatile boolean finished;
    private volatile boolean stopped;
    private volatile Thread waiter;
    private Throwable failure;

    private HelperLane() {
        thread = new Thread(this::loop, "geopinn-openblas-helper");
        thread.setDaemon(true);
        thread.start();
    }

    /** @return the process's lane, started on first use */
    static synchronized HelperLane shared() {
        if (shared == null) {
            shared = new HelperLane();
        }
        return shared;
    }

    /** Ends the lane's thread (the bundle stops); a later {@link #shared()} starts a new one. */
    static synchronized void stopShared() {
        if (shared != null) {
            shared.stopped = true;
            LockSupport.unpark(shared.thread);
            shared = null;
        }
    }

    /**
     * Runs {@code helperPart} on the helper thread and {@code callerPart} on the calling thread and
     * returns when both are done; a failure of either is rethrown here.
     *
     * @param helperPart the helper's share (a preallocated task)
     * @param callerPart the caller's share
     */
    synchronized void runBoth(Runnable helperPart, Runnable callerPart) {
        failure = null;
        finished = false;
        waiter = Thread.currentThread();
        task = helperPart;
        LockSupport.unpark(thread);
        RuntimeException own = null;
        try {
            callerPart.run();
        } catch (RuntimeException e) {
            own = e;
        }
        while (!finished) {
            LockSupport.park(this);
        }
        waiter = null;
        if (own != null) {
            throw own;
        }
        if (failure instanceof RuntimeException e) {
            throw e;
        }
        if (failure instanceof Error e) {
            throw e;
        }
    }

    private void loop() {
        while (!stopped) {
            Runnable t = task;
            if (t == null) {
                LockSupport.park(this);
                continue;
            }
            try {
                t.run();
            } catch (Throwable e) { // handed to the caller, rethrown there
                failure = e;
            }
            task = null;
            finished = true;
            LockSupport.unpark(waiter);
        }
    }
}

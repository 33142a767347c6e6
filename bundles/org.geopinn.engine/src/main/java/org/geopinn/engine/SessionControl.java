package org.geopinn.engine;

import java.time.Duration;
import org.geopinn.api.session.SessionState;

/**
 * The states of a session and the requests of other threads (pause, resume, stop, a service
 * lost or back, tasks to run between two steps), all under one lock. The worker thread asks
 * {@link #next} what to do before each step; other threads only post and read. The tasks posted
 * to the worker ({@link WorkerTasks}) share the lock, so that a posted task wakes a paused worker.
 */
final class SessionControl {
    /** What the worker does next: step, stop, say it paused, say it resumed (and step), rebuild the rig, or ask again. */
    enum Next { STEP, STOP, PAUSED, RESUMED, REBUILD, AGAIN }

    private final Object lock = new Object();
    // Guarded by lock.
    private SessionState state = SessionState.STARTING;
    private String message = "";
    private boolean pauseRequested;
    private boolean stopRequested;
    private String lostReason;
    private boolean retryRebuild;
    /** Said once when the session resumes after its problem came back with other configured values. */
    private String configurationNote = "";
    /** The tasks posted to the worker; shares the lock. */
    private final WorkerTasks tasks;

    /** @param sessionId the session id, for messages */
    SessionControl(String sessionId) {
        this.tasks = new WorkerTasks(sessionId, lock);
    }

    /** @return the tasks other threads post to the worker */
    WorkerTasks tasks() {
        return tasks;
    }

    SessionState state() {
        synchronized (lock) {
            return state;
        }
    }

    String message() {
        synchronized (lock) {
            return message;
        }
    }

    void message(String text) {
        synchronized (lock) {
            message = text;
        }
    }

    /** @param text the message, set only while the session is running */
    void messageIfRunning(String text) {
        synchronized (lock) {
            if (state == SessionState.RUNNING) {
                message = text;
            }
        }
    }

    /** @param text the first message of a running session */
    void running(String text) {
        synchronized (lock) {
            state = SessionState.RUNNING;
            message = text;
        }
    }

    /** @param end the final state @param text why it ended */
    void ended(SessionState end, String text) {
        synchronized (lock) {
            state = end;
            message = text;
        }
    }

    void pause() {
        synchronized (lock) {
            pauseRequested = true;
            lock.notifyAll();
        }
    }

    void resume() {
        synchronized (lock) {
            pauseRequested = false;
            retryRebuild = true;
            lock.notifyAll();
        }
    }

    void stop() {
        synchronized (lock) {
            stopRequested = true;
            lock.notifyAll();
        }
    }

    /** @return why the session is paused for a service, or null */
    String lostReason() {
        synchronized (lock) {
            return lostReason;
        }
    }

    /**
     * A service went away.
     *
     * @param used whether the session uses it
     * @param reason what went away, e.g. {@code problem 'p' went away}
     * @param step the step the session stands at
     */
    void lost(boolean used, String reason, long step) {
        synchronized (lock) {
            if (state.isTerminal() || !used) {
                return;
            }
            lostReason = reason;
            if (state == SessionState.PAUSED) {
                message = lostAt(reason, step);
            }
            lock.notifyAll();
        }
    }

    /** A service arrived: a session paused for a missing service tries to rebuild. */
    void arrived() {
        synchronized (lock) {
            if (lostReason != null) {
                retryRebuild = true;
                lock.notifyAll();
            }
        }
    }

    /** @param note said when the session resumes, or null for nothing new */
    void rebuilt(String note) {
        synchronized (lock) {
            lostReason = null;
            if (note != null) {
                configurationNote = note;
            }
        }
    }

    /** @param why the rebuild failed: the session stays paused */
    void stillPaused(String why) {
        synchronized (lock) {
            lostReason = "still paused: " + why;
            message = lostReason;
        }
    }

    /** An optimizer was swapped in while paused without one: it is installed on the next rebuild. */
    void swappedWhilePaused(String from, String to) {
        synchronized (lock) {
            if (lostReason != null && lostReason.startsWith("optimizer '")) {
                lostReason = "still paused: waiting to install optimizer '" + to + "'";
            }
            retryRebuild = true;
            message = "swapped " + from + " -> " + to + " while paused; " + message;
            lock.notifyAll();
        }
    }

    /**
     * Decides the worker's next move, waiting while nothing can be done.
     *
     * @param hasRig whether the session has its rig
     * @param step the step it stands at
     * @return what to do
     */
    Next next(boolean hasRig, long step) throws InterruptedException {
        synchronized (lock) {
            if (tasks.pendingLocked()) {
                return Next.AGAIN;
            }
            if (stopRequested) {
                return Next.STOP;
            }
            if (!pauseRequested && lostReason == null && hasRig) {
                if (state != SessionState.PAUSED) {
                    return Next.STEP;
                }
                state = SessionState.RUNNING;
                message = "resumed at step " + step + configurationNote;
                configurationNote = "";
                return Next.RESUMED;
            }
            if (state != SessionState.PAUSED) {
                state = SessionState.PAUSED;
                // the step at which it paused: a step in flight when the service left has completed
                message = lostReason != null ? lostAt(lostReason, step) : "paused at step " + step;
                return Next.PAUSED;
            }
            if (!pauseRequested && (retryRebuild || lostReason == null) && !hasRig) {
                retryRebuild = false;
                return Next.REBUILD;
            }
            lock.wait();
            return Next.AGAIN;
        }
    }

    /** @return the pause message for a lost service, with the step the session stands at */
    private static String lostAt(String reason, long step) {
        return reason.startsWith("still paused") ? reason : reason + " at step " + step + "; paused until it returns";
    }

    /** @param timeout how long to wait @return the state once the worker has ended, or when the time is up */
    SessionState await(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lock) {
            while (tasks.aliveLocked() || !state.isTerminal()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    break;
                }
                lock.wait(Math.max(1, left / 1_000_000));
            }
            return state;
        }
    }
}

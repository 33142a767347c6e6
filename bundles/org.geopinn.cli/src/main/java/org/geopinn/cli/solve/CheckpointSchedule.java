package org.geopinn.cli.solve;

import java.util.function.Consumer;
import org.geopinn.api.GeopinnException;
import org.geopinn.api.session.Session;

/**
 * When a running session's results are written as a checkpoint ({@code --checkpoint-every}): at
 * most once every so many seconds, and only when it has taken a step since the last one. A
 * checkpoint that cannot be written is said once and training goes on (the next one is tried
 * again). Used by {@code ./geopinn solve} and by the shell's {@code geopinn:solve}, each with its
 * own writer and its own way of saying things; called from one thread.
 */
public final class CheckpointSchedule {
    /** Writes one checkpoint. */
    @FunctionalInterface
    public interface Writer {
        /** @throws GeopinnException if it cannot be written (the folder is then unchanged) */
        void write();
    }

    private final Session session;
    private final double everySeconds;
    private final Writer writer;
    private final Consumer<String> sayFailure;
    private long last = System.nanoTime();
    private int writtenAtHistory;
    private boolean failureSaid;

    /**
     * @param session the running session
     * @param everySeconds seconds between two checkpoints; 0 for none
     * @param writer writes one checkpoint
     * @param sayFailure told the reason of the first checkpoint that could not be written
     */
    public CheckpointSchedule(Session session, double everySeconds, Writer writer, Consumer<String> sayFailure) {
        this.session = session;
        this.everySeconds = everySeconds;
        this.writer = writer;
        this.sayFailure = sayFailure;
    }

    /** Writes a checkpoint if one is due. */
    public void writeIfDue() {
        if (everySeconds <= 0 || (System.nanoTime() - last) * 1e-9 < everySeconds) {
            return;
        }
        last = System.nanoTime();
        int steps = session.history().size();
        if (steps == writtenAtHistory) {
            return; // no step since the last one (paused, or a long first step)
        }
        try {
            writer.write();
            writtenAtHistory = steps;
        } catch (GeopinnException | IllegalStateException e) {
            if (!failureSaid) {
                failureSaid = true;
                sayFailure.accept(e.getMessage());
            }
        }
    }
}

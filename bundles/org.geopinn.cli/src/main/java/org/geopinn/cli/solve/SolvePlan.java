package org.geopinn.cli.solve;

import java.nio.file.Path;
import org.geopinn.api.session.SessionSpec;

/**
 * What the words of a solve command ask for.
 *
 * @param spec the session to start
 * @param out the results directory ({@code --out}, the resumed run's directory, or a fresh one under runs/)
 * @param outGiven whether the arguments named the results directory ({@code --out} or {@code --resume})
 * @param earlierHistory the history of the run it continues ({@code --resume}), null for none
 * @param earlierSeconds the training seconds of the run it continues
 * @param quiet whether progress output was turned off
 * @param checkpointEvery seconds of training between two checkpoints of the results
 *        ({@code --checkpoint-every}; 0: only at the end)
 */
public record SolvePlan(SessionSpec spec, Path out, boolean outGiven, Path earlierHistory, double earlierSeconds, boolean quiet,
        double checkpointEvery) {
    /**
     * A plan without checkpoints (the form before {@code checkpointEvery} existed).
     *
     * @param spec the session to start
     * @param out the results directory
     * @param outGiven whether the arguments named it
     * @param earlierHistory the history of the run it continues, null for none
     * @param earlierSeconds the training seconds of the run it continues
     * @param quiet whether progress output was turned off
     */
    public SolvePlan(SessionSpec spec, Path out, boolean outGiven, Path earlierHistory, double earlierSeconds, boolean quiet) {
        this(spec, out, outGiven, earlierHistory, earlierSeconds, quiet, 0);
    }
}

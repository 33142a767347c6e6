package org.geopinn.api.sweep;

import java.util.concurrent.CompletionStage;

/**
 * Somewhere other than this host's own pool to perform sweep runs, e.g. the members of a
 * cluster. Registered only while it can take runs; a sweep uses its local pool otherwise.
 */
@org.osgi.annotation.versioning.ProviderType
public interface RunExecutor {
    /** @return what runs the runs, one line (e.g. {@code cluster 'geopinn', 2 members}) */
    String description();

    /**
     * Queues a run. A run whose member leaves before it finishes is given to another member; the
     * stage completes once, with the outcome of the attempt that finished.
     *
     * @param request the run
     * @return its outcome, or an exception when no member could perform it
     */
    CompletionStage<RunOutcome> submit(RunRequest request);
}

package org.geopinn.api.sweep;

/**
 * Performs sweep runs on this host: trains, writes the results folder with the host's results
 * writer, and returns its files. Provided by the command-line bundle; a cluster member calls it
 * for the runs it is given.
 */
@org.osgi.annotation.versioning.ProviderType
public interface RunPerformer {
    /**
     * Trains one run to its end (a run that fails or stops still gives its results files).
     *
     * @param request the run
     * @return its outcome; {@link RunOutcome#refused()} with a one-line message when the request
     *         names something this host does not have or a bad setting
     * @throws InterruptedException if interrupted while training (the session is stopped)
     */
    RunOutcome perform(RunRequest request) throws InterruptedException;
}

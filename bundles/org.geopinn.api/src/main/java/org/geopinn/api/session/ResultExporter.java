package org.geopinn.api.session;

import java.nio.file.Path;

/**
 * Writes the results of a session into a directory: summary.json, history.csv, parameters,
 * optimizer state, VTK and PNG pictures. Files are written atomically. Provided by the CLI bundle,
 * used by the CLI and the shell alike.
 */
@org.osgi.annotation.versioning.ProviderType
public interface ResultExporter {
    /**
     * @param session the session (running or ended; a running one is exported as of its last step)
     * @param directory the results directory, created if needed
     * @return the directory written
     * @throws org.geopinn.api.GeopinnException if the directory cannot be written
     */
    Path export(Session session, Path directory);
}

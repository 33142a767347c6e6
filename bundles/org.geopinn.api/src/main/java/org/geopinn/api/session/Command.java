package org.geopinn.api.session;

import java.io.PrintStream;
import java.util.List;

/**
 * A top-level command of the {@code ./geopinn} launcher contributed by a bundle, e.g.
 * {@code diagnose}. Registered as a service with the {@code geopinn.id} property equal to
 * {@link #name()}; the CLI dispatches {@code ./geopinn NAME args…} to it.
 */
@org.osgi.annotation.versioning.ConsumerType
public interface Command {
    /** @return the command word */
    String name();

    /** @return a one-line summary for the help text */
    String summary();

    /**
     * @param args the arguments after the command word
     * @param out standard output
     * @param err standard error (one-line messages for user errors)
     * @return the process exit code: 0 for success, 2 for bad input, 1 for other failures
     */
    int run(List<String> args, PrintStream out, PrintStream err);
}

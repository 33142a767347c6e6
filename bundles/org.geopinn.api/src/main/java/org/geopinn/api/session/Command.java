package org.geopinn.api.session;

import java.io.PrintStream;
import java.util.List;
import org.geopinn.api.Identified;

/**
 * A top-level command of the {@code ./geopinn} launcher contributed by a bundle, e.g.
 * {@code diagnose}. Registered as a service with the {@code geopinn.id} property equal to
 * {@link #name()}; the CLI dispatches {@code ./geopinn NAME args…} to it.
 */
@org.osgi.annotation.versioning.ConsumerType
public interface Command extends Identified {
    /** @return the command word */
    String name();

    /** @return a one-line summary for the help text */
    String summary();

    /** @return the command's name: a command is identified by the word users type */
    @Override
    default String id() {
        return name();
    }

    /** @return the command's summary */
    @Override
    default String description() {
        return summary();
    }

    /**
     * @param args the arguments after the command word
     * @param out standard output
     * @param err standard error (one-line messages for user errors)
     * @return the process exit code: 0 for success, 2 for bad input, 1 for other failures
     */
    int run(List<String> args, PrintStream out, PrintStream err);
}

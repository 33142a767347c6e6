package org.geopinn.cli;

import java.io.PrintStream;
import java.util.List;
import org.geopinn.api.GeopinnException;
import org.geopinn.api.ServiceProperties;
import org.geopinn.api.session.Command;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;

/**
 * {@code sweep} as a {@link Command} service, for the shell's {@code geopinn:sweep} (the command
 * line runs its built-in {@code sweep}, the same code).
 */
@Component(service = Command.class, property = ServiceProperties.ID + "=sweep")
public final class SweepCommandComponent implements Command {
    private FrameworkServices services;

    /** @param context the bundle context */
    @Activate
    void activate(BundleContext context) {
        services = new FrameworkServices(context, CommandRunner.READY_TIMEOUT);
    }

    /** Stops listening to the framework. */
    @Deactivate
    void deactivate() {
        services.close();
    }

    @Override
    public String name() {
        return "sweep";
    }

    @Override
    public String summary() {
        return SweepCommand.USAGE + "  every run of a sweep file, into one folder and one table";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        try {
            return new SweepCommand(services, out, err).run(args);
        } catch (GeopinnException e) {
            err.println("geopinn sweep: " + SolveCommand.oneLine(e.getMessage()));
            return 2;
        }
    }
}

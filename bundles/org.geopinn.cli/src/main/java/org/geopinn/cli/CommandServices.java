package org.geopinn.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import org.geopinn.api.GeopinnException;
import org.geopinn.api.ServiceProperties;
import org.geopinn.api.session.Command;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;

/**
 * The command line's {@code export} and {@code sweep} as {@link Command} services, for the shell's
 * {@code geopinn:export DIR --onnx FILE --vtk-xml FILE} and {@code geopinn:sweep FILE}: the same code
 * the command line runs, with the same options and one-line errors. One component registers both,
 * so that they share one view of the framework and one lifecycle.
 */
@Component(immediate = true)
public final class CommandServices {
    /** What a command does with its arguments, given the framework view and the two streams. */
    @FunctionalInterface
    interface Body {
        int run(FrameworkServices services, List<String> args, PrintStream out, PrintStream err);
    }

    private FrameworkServices services;
    private final List<ServiceRegistration<Command>> registrations = new ArrayList<>();

    /** @param context the bundle context the commands are registered in */
    @Activate
    void activate(BundleContext context) {
        services = new FrameworkServices(context, CommandRunner.READY_TIMEOUT);
        register(context, "export", ExportCommand.USAGE + "  the trained network as ONNX, fields as VTK XML",
                (s, args, out, err) -> new ExportCommand(s, out, err).run(args));
        register(context, "sweep", SweepCommand.USAGE + "  every run of a sweep file, into one folder and one table",
                (s, args, out, err) -> new SweepCommand(s, out, err).run(args));
    }

    /** Withdraws the commands and stops listening to the framework. */
    @Deactivate
    void deactivate() {
        for (ServiceRegistration<Command> r : registrations) {
            try {
                r.unregister();
            } catch (IllegalStateException alreadyGone) {
                // the framework withdrew it while the bundle stopped
            }
        }
        registrations.clear();
        services.close();
    }

    private void register(BundleContext context, String name, String summary, Body body) {
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put(ServiceProperties.ID, name);
        registrations.add(context.registerService(Command.class, new Registered(name, summary, body), properties));
    }

    /** One registered command: a user mistake is one line on the error stream and exit code 2. */
    private final class Registered implements Command {
        private final String name;
        private final String summary;
        private final Body body;

        Registered(String name, String summary, Body body) {
            this.name = name;
            this.summary = summary;
            this.body = body;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public String summary() {
            return summary;
        }

        @Override
        public int run(List<String> args, PrintStream out, PrintStream err) {
            try {
                return body.run(services, args, out, err);
            } catch (GeopinnException e) {
                err.println("geopinn " + name + ": " + SolveCommand.oneLine(e.getMessage()));
                return 2;
            }
        }
    }
}

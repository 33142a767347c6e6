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
 * {@code export} as a {@link Command} service, for the shell's {@code geopinn:export DIR --onnx FILE
 * --vtk-xml FILE} (the command line runs its built-in {@code export}, the same code, with the same
 * options and one-line errors).
 */
@Component(service = Command.class, property = ServiceProperties.ID + "=export")
public final class ExportCommandComponent implements Command {
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
        return "export";
    }

    @Override
    public String summary() {
        return ExportCommand.USAGE + "  the trained network as ONNX, fields as VTK XML";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        try {
            return new ExportCommand(services, out, err).run(args);
        } catch (GeopinnException e) {
            err.println("geopinn export: " + SolveCommand.oneLine(e.getMessage()));
            return 2;
        }
    }
}

package org.geopinn.cli;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.geopinn.api.ServiceProperties;
import org.geopinn.api.session.Session;
import org.geopinn.cli.solve.SolvePlan;
import org.geopinn.cli.solve.SolvePlanner;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;

/** The command line's solve parsing ({@link SolvePlanning#plan}) as a service, for the shell. */
@Component(service = SolvePlanner.class, property = ServiceProperties.ID + "=solve")
public final class SolvePlannerComponent implements SolvePlanner {
    /** How long a plan waits for services still starting (a host that is up answers at once). */
    static final Duration READY_TIMEOUT = Duration.ofSeconds(20);
    private static final PrintStream NOWHERE = new PrintStream(OutputStream.nullOutputStream());
    private FrameworkServices services;

    /** @param context the bundle context */
    @Activate
    void activate(BundleContext context) {
        services = new FrameworkServices(context, READY_TIMEOUT);
    }

    /** Stops listening to the framework. */
    @Deactivate
    void deactivate() {
        services.close();
    }

    @Override
    public String options() {
        return SolveOptions.OPTIONS;
    }

    @Override
    public SolvePlan plan(List<String> args) {
        SolvePlanning.Plan p = new SolvePlanning(services, NOWHERE).plan(args);
        // The shell writes the results later, after the session; the writer takes the lock then.
        p.lock().close();
        return new SolvePlan(p.spec(), p.out(), p.outGiven(), p.earlier().history(), p.earlier().seconds(), p.quiet(),
                p.checkpointEvery());
    }

    @Override
    public Path write(Session session, SolvePlan plan) {
        return services.results().export(session, plan.out(), new ResultWriter.Earlier(plan.earlierHistory(), plan.earlierSeconds()), null);
    }

    @Override
    public Path checkpoint(Session session, SolvePlan plan) {
        return services.results().checkpoint(session, plan.out(), new ResultWriter.Earlier(plan.earlierHistory(), plan.earlierSeconds()),
                null);
    }
}

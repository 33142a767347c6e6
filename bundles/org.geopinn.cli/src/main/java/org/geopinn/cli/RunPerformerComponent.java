package org.geopinn.cli;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.geopinn.api.ServiceProperties;
import org.geopinn.api.sweep.RunOutcome;
import org.geopinn.api.sweep.RunPerformer;
import org.geopinn.api.sweep.RunRequest;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;

/** Sweep runs performed on this host, as a service: a cluster member performs the runs it is given with it. */
@Component(service = RunPerformer.class, property = ServiceProperties.ID + "=sweep-runs")
public final class RunPerformerComponent implements RunPerformer {
    private FrameworkServices services;
    private SweepPerformer performer;

    /** @param context the bundle context */
    @Activate
    void activate(BundleContext context) {
        services = new FrameworkServices(context, CommandRunner.READY_TIMEOUT);
        performer = new SweepPerformer(services, hostName());
    }

    /** Stops listening to the framework. */
    @Deactivate
    void deactivate() {
        services.close();
    }

    @Override
    public RunOutcome perform(RunRequest request) throws InterruptedException {
        return performer.perform(request);
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName() + " (process " + ProcessHandle.current().pid() + ")";
        } catch (UnknownHostException | SecurityException e) {
            return "process " + ProcessHandle.current().pid();
        }
    }
}

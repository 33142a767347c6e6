package org.geopinn.cli;

import java.nio.file.Path;
import java.time.Duration;
import org.geopinn.api.ServiceProperties;
import org.geopinn.api.session.ResultExporter;
import org.geopinn.api.session.Session;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;

/** The results writer as a service, for the shell and other tools. */
@Component(service = ResultExporter.class, property = ServiceProperties.ID + "=results")
public final class ResultExporterComponent implements ResultExporter {
    private FrameworkServices services;

    /** @param context the bundle context */
    @Activate
    void activate(BundleContext context) {
        services = new FrameworkServices(context, Duration.ZERO);
    }

    /** Stops listening to the framework. */
    @Deactivate
    void deactivate() {
        services.close();
    }

    @Override
    public Path export(Session session, Path directory) {
        return services.results().export(session, directory);
    }
}

package org.geopinn.dashboard;

import jakarta.servlet.Servlet;
import java.io.PrintStream;
import java.util.Collection;
import java.util.Hashtable;
import java.util.Optional;
import org.geopinn.api.ServiceProperties;
import org.geopinn.api.problem.Problem;
import org.geopinn.api.session.TrainingEvent;
import org.geopinn.api.session.TrainingListener;
import org.geopinn.api.session.TrainingService;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * The dashboard: hears every session's events (as a {@link TrainingListener} service), and
 * registers its page and API as a servlet on the OSGi HTTP Whiteboard under {@code /geopinn/}.
 * Where the HTTP server listens is the HTTP bundle's setting (the host's feature binds it to
 * 127.0.0.1); this component prints the page's address with the token at start.
 */
@Component(service = TrainingListener.class, configurationPid = Dashboard.PID)
@Designate(ocd = Dashboard.Config.class)
public final class Dashboard implements TrainingListener {
    /** The configuration PID. */
    public static final String PID = "org.geopinn.dashboard";
    /** Framework property: the token (set by the launcher's --dashboard-token); the configuration wins. */
    public static final String TOKEN_PROPERTY = "geopinn.dashboard.token";
    /** The path the page is served under. */
    public static final String PATH = "/geopinn";

    /** Settings. */
    @ObjectClassDefinition(name = "Geopinn dashboard", description = "The browser page to watch and steer training sessions")
    public @interface Config {
        /** @return the token state-changing requests must carry; empty: 128 random bits drawn at start */
        @AttributeDefinition(description = "Token for pause/resume/stop/swap requests; empty for a random one printed at start")
        String token() default "";
    }

    @Reference
    private TrainingService training;
    private volatile Feeds feeds;
    private EventStream events;
    private ServiceRegistration<Servlet> servlet;

    /**
     * @param context the bundle context
     * @param config the settings
     */
    @Activate
    void activate(BundleContext context, Config config) {
        String configured = config.token().isBlank() ? context.getProperty(TOKEN_PROPERTY) : config.token();
        Token token = Token.of(configured);
        feeds = new Feeds(training);
        events = new EventStream(training, feeds);
        DashboardServlet page = new DashboardServlet(training, id -> problem(context, id), events, new Controls(training, token));
        Hashtable<String, Object> props = new Hashtable<>();
        props.put("osgi.http.whiteboard.servlet.pattern", PATH + "/*");
        props.put("osgi.http.whiteboard.servlet.name", "geopinn-dashboard");
        servlet = context.registerService(Servlet.class, page, props);
        announce(context, token, System.out);
    }

    /** Ends the open event streams and withdraws the page. */
    @Deactivate
    void deactivate() {
        events.close();
        try {
            servlet.unregister();
        } catch (IllegalStateException gone) {
            // unregistered with the bundle already
        }
    }

    @Override
    public void onEvent(TrainingEvent event) {
        Feeds f = feeds;
        if (f != null) {
            f.onEvent(event);
        }
    }

    /** Prints where the page is: the HTTP bundle's host and port settings, and the token. */
    private static void announce(BundleContext context, Token token, PrintStream out) {
        String host = Optional.ofNullable(context.getProperty("org.apache.felix.http.host")).orElse("0.0.0.0");
        String port = Optional.ofNullable(context.getProperty("org.osgi.service.http.port")).orElse("8080");
        String shown = host.equals("0.0.0.0") || host.equals("::") ? "127.0.0.1" : host;
        out.println("geopinn dashboard: http://" + (shown.contains(":") ? "[" + shown + "]" : shown) + ":" + port + PATH + "/?token="
                + token.value());
        if (!host.equals("127.0.0.1") && !host.equals("localhost") && !host.equals("::1")) {
            out.println("geopinn dashboard: listening on " + host + ", reachable from other machines; anyone with the token can steer sessions");
        }
    }

    private static Optional<Problem> problem(BundleContext context, String id) {
        try {
            Collection<ServiceReference<Problem>> refs = context.getServiceReferences(Problem.class,
                    "(" + ServiceProperties.ID + "=" + id.replaceAll("([\\\\*()])", "\\\\$1") + ")");
            for (ServiceReference<Problem> r : refs) {
                Problem p = context.getService(r);
                if (p != null) {
                    context.ungetService(r); // the dashboard only reads its domain and reference now
                    return Optional.of(p);
                }
            }
        } catch (InvalidSyntaxException e) {
            // an id with characters a filter cannot hold: no problem found
        }
        return Optional.empty();
    }
}

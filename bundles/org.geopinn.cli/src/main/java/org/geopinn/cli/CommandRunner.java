package org.geopinn.cli;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;

/**
 * The launcher contract's command side: when the framework property {@code geopinn.mode} is
 * {@code command}, runs the command in {@code geopinn.args} on its own thread, sets the system
 * property {@code geopinn.exit.code} and stops the framework. In {@code host} mode it does nothing.
 */
@Component(immediate = true, service = {})
public final class CommandRunner {
    /** Launch property: {@code command} or {@code host}. */
    static final String MODE = "geopinn.mode";
    /** Launch property: the arguments joined with U+001F. */
    static final String ARGS = "geopinn.args";
    /** System property read by the launcher for the exit code. */
    static final String EXIT_CODE = "geopinn.exit.code";
    /** How long a command waits for the host's services. */
    static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

    private volatile Cli cli;
    private volatile FrameworkServices services;

    /** @param context the bundle context (framework properties, services, the system bundle) */
    @Activate
    void activate(BundleContext context) {
        if (!"command".equals(context.getProperty(MODE))) {
            return;
        }
        String joined = context.getProperty(ARGS);
        List<String> args = joined == null || joined.isEmpty() ? List.of() : List.of(joined.split("\u001f", -1));
        services = new FrameworkServices(context, READY_TIMEOUT);
        cli = new Cli(services, System.out, System.err);
        Thread t = new Thread(() -> runAndStop(context, args), "geopinn-command");
        t.start();
    }

    private void runAndStop(BundleContext context, List<String> args) {
        int code = 1;
        try {
            // Wait for the host even when the arguments are wrong: the launcher checks that this
            // bundle is active once it has started them all, so stopping earlier would confuse it.
            services.awaitReady();
            code = cli.run(args);
        } catch (org.geopinn.api.GeopinnException e) {
            System.err.println("geopinn: " + e.getMessage());
        } catch (RuntimeException | LinkageError e) {
            System.err.println("geopinn: internal error: " + e);
            e.printStackTrace(System.err);
        } finally {
            System.out.flush();
            System.setProperty(EXIT_CODE, Integer.toString(code));
            services.close();
            try {
                context.getBundle(0).stop();
            } catch (BundleException | IllegalStateException e) {
                // the framework is already stopping
            }
        }
    }

    /** A solve being interrupted keeps the framework until its results are written. */
    @Deactivate
    void deactivate() {
        Cli c = cli;
        CountDownLatch written = c == null ? null : c.solveWritten();
        if (written != null) {
            try {
                written.await(25, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}

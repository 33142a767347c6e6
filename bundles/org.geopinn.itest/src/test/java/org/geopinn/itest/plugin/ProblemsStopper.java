package org.geopinn.itest.plugin;

import java.nio.file.Files;
import java.nio.file.Path;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;

/**
 * A plugin's activator that stops the bundle of the built-in problems once the file
 * {@code GEOPINN_HOME/stop-problems} appears: the problem of a running session goes away and never
 * comes back, as when a plugin a session uses is removed or fails.
 */
public final class ProblemsStopper implements BundleActivator {
    /** The file that triggers the stop, in the Geopinn home. */
    public static final String TRIGGER = "stop-problems";
    private volatile boolean stopped;

    @Override
    public void start(BundleContext context) {
        Path trigger = Path.of(System.getProperty("geopinn.home", ".")).resolve(TRIGGER);
        Thread watcher = new Thread(() -> {
            try {
                while (!stopped && !Files.exists(trigger)) {
                    Thread.sleep(100);
                }
                for (Bundle b : context.getBundles()) {
                    if (!stopped && "org.geopinn.problems".equals(b.getSymbolicName())) {
                        b.stop();
                    }
                }
            } catch (InterruptedException | BundleException | IllegalStateException e) {
                // the framework is stopping: nothing to do
            }
        }, "problems-stopper");
        watcher.setDaemon(true);
        watcher.start();
    }

    @Override
    public void stop(BundleContext context) {
        stopped = true;
    }
}

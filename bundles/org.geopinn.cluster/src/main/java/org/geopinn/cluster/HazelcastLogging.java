package org.geopinn.cluster;

import java.util.logging.Level;
import java.util.logging.Logger;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;

/**
 * Hazelcast logs through java.util.logging at INFO, also when no member runs (its OSGi activator
 * says when it starts and stops, and that it finds no JavaScript engine): only its errors reach
 * the console, so a command's output stays the command's. This bundle is started before
 * Hazelcast's (the feature lists it first), so the level holds from Hazelcast's first line on.
 */
public final class HazelcastLogging implements BundleActivator {
    /** Held so the level stays (java.util.logging keeps loggers weakly). */
    static final Logger HAZELCAST = Logger.getLogger("com.hazelcast");

    @Override
    public void start(BundleContext context) {
        quiet();
    }

    @Override
    public void stop(BundleContext context) {
        // the level stays until the JVM ends: Hazelcast's bundle says goodbye after this one stopped
    }

    /** Only Hazelcast's errors are printed; a member's comings and goings are reported by the cluster member itself. */
    static void quiet() {
        HAZELCAST.setLevel(Level.SEVERE);
    }
}

package org.geopinn.cluster;

import java.io.IOException;
import java.io.PrintStream;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.geopinn.api.GeopinnException;
import org.geopinn.api.ServiceProperties;
import org.geopinn.api.session.Command;
import org.geopinn.api.sweep.RunExecutor;
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.util.tracker.ServiceTracker;

/**
 * {@code ./geopinn member [--join ADDRESSES] [--address IP] [--port N] [--name CLUSTER] [--runs N] [--timeout S] [--cache SHARE]}:
 * makes this host a member of a cluster (the options become its configuration; without them the
 * configuration of {@code plugins/org.geopinn.cluster.cfg} is used) and performs the sweep runs it
 * is given until it is stopped (Ctrl-C).
 */
@Component(service = Command.class, property = ServiceProperties.ID + "=member")
public final class MemberCommand implements Command {
    /** The options, each a setting of {@link ClusterConfig}. */
    static final Map<String, String> OPTIONS = Map.of("join", "members", "address", "address", "port", "port", "name", "name", "runs", "runs",
            "timeout", "timeout", "cache", "cache");
    private static final Set<String> NUMBERS = Set.of("port", "runs", "timeout");

    @Reference
    private ConfigurationAdmin configurations;

    private BundleContext context;
    private final CountDownLatch stopped = new CountDownLatch(1);

    /** @param context the bundle context */
    @Activate
    void activate(BundleContext context) {
        this.context = context;
    }

    /** The host stops: the command ends (and the member leaves the cluster). */
    @Deactivate
    void deactivate() {
        stopped.countDown();
    }

    @Override
    public String name() {
        return "member";
    }

    @Override
    public String summary() {
        return "[--join HOST:PORT,…] [--address IP] [--port N] [--runs N]  join a cluster and perform sweep runs until Ctrl-C (docs/CLUSTER.md)";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        Map<String, Object> given = new TreeMap<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            String option = a.startsWith("--") ? a.substring(2) : null;
            if (option == null || !OPTIONS.containsKey(option)) {
                err.println("geopinn member: unknown argument '" + a + "'; options are --join, --address, --port, --name, --runs, --timeout, --cache");
                return 2;
            }
            if (i + 1 >= args.size()) {
                err.println("geopinn member: --" + option + " needs a value");
                return 2;
            }
            String value = args.get(++i);
            if (option.equals("cache")) {
                double share;
                try {
                    share = Double.parseDouble(value);
                } catch (NumberFormatException e) {
                    share = Double.NaN;
                }
                if (!(share >= 0 && share <= 1)) {
                    err.println("geopinn member: --cache is '" + value + "'; allowed: a number from 0 to 1 (the share of the heap for kept point blocks)");
                    return 2;
                }
                given.put("cache", share);
            } else if (NUMBERS.contains(option)) {
                try {
                    int n = Integer.parseInt(value);
                    if (n < 1) {
                        throw new NumberFormatException();
                    }
                    given.put(OPTIONS.get(option), n);
                } catch (NumberFormatException e) {
                    err.println("geopinn member: --" + option + " is '" + value + "'; allowed: a whole number ≥ 1");
                    return 2;
                }
            } else {
                given.put(OPTIONS.get(option), value);
            }
        }
        try {
            Configuration c = configurations.getConfiguration(ClusterMember.PID, "?");
            Dictionary<String, Object> properties = c.getProperties();
            if (given.isEmpty() && properties == null) {
                err.println("geopinn member: no cluster is configured; give --join HOST:PORT (the member to join) and --address IP "
                        + "(this machine's address), or put " + ClusterMember.PID + ".cfg in plugins/ (docs/CLUSTER.md)");
                return 2;
            }
            if (!given.isEmpty()) {
                Dictionary<String, Object> p = properties == null ? new Hashtable<>() : properties;
                given.forEach(p::put);
                c.update(p);
            }
        } catch (IOException e) {
            err.println("geopinn member: cannot configure the member: " + e.getMessage());
            return 1;
        }
        ServiceTracker<RunExecutor, RunExecutor> tracker = new ServiceTracker<>(context, RunExecutor.class, null);
        tracker.open();
        try {
            String description = joinedCluster(tracker, System.nanoTime() + TimeUnit.SECONDS.toNanos(60));
            if (description == null) {
                err.println("geopinn member: the cluster member did not start within 60 s (see the error above)");
                return 1;
            }
            out.println("member of " + description + "; performing sweep runs until Ctrl-C");
            out.flush();
            stopped.await();
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 130;
        } finally {
            tracker.close();
        }
    }

    /**
     * Waits for the member to join. A member that was already running from a configuration in
     * plugins/ is replaced when this command changes its configuration: the old one stops (its
     * description then fails) and a new one is registered, so a failure of a member that has
     * since been unregistered means "wait for its successor", not "the cluster failed".
     *
     * @return the cluster's description, or null when no member started before the deadline
     */
    private static String joinedCluster(ServiceTracker<RunExecutor, RunExecutor> tracker, long deadlineNanos) throws InterruptedException {
        while (true) {
            long left = TimeUnit.NANOSECONDS.toMillis(deadlineNanos - System.nanoTime());
            RunExecutor cluster = left > 0 ? tracker.waitForService(left) : null;
            if (cluster == null) {
                return null;
            }
            try {
                return cluster.description();
            } catch (GeopinnException e) {
                if (tracker.getService() == cluster) {
                    throw e;
                }
            }
        }
    }
}

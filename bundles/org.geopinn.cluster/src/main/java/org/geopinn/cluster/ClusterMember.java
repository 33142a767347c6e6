package org.geopinn.cluster;

import com.hazelcast.cluster.MembershipAdapter;
import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.geopinn.api.GeopinnException;
import org.geopinn.api.ServiceProperties;
import org.geopinn.api.operator.OperatorEngine;
import org.geopinn.api.sweep.RunExecutor;
import org.geopinn.api.sweep.RunOutcome;
import org.geopinn.api.sweep.RunPerformer;
import org.geopinn.api.sweep.RunRequest;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;

/**
 * This host's cluster member: an embedded Hazelcast member, started only when the configuration
 * {@value #PID} exists (by default there is none: no member, nothing listens on the network). It
 * performs the sweep runs the cluster gives it with this host's {@link RunPerformer}, and offers
 * the cluster as the {@link RunExecutor} of the sweeps started here and as the operator engine
 * {@code cluster} ({@link ClusterEngine}: point blocks held by the members).
 *
 * <p>Joining takes seconds (connecting to the listed addresses), so the member starts on its own
 * thread; the {@link RunExecutor} is registered at once and its methods wait for the start, so
 * that a sweep started while the member is joining goes to the cluster, not to the local pool.
 */
@Component(configurationPid = ClusterMember.PID, configurationPolicy = ConfigurationPolicy.REQUIRE, immediate = true, service = {})
@Designate(ocd = ClusterConfig.class)
public final class ClusterMember {
    /** The configuration PID. */
    public static final String PID = "org.geopinn.cluster";

    @Reference
    private RunPerformer performer;

    private final CompletableFuture<ClusterRunExecutor> started = new CompletableFuture<>();
    private volatile HazelcastInstance hazelcast;
    private ServiceRegistration<RunExecutor> registration;
    private ServiceRegistration<OperatorEngine> engine;
    private HostBlockBuilder blocks;
    private Thread starter;

    /**
     * Starts joining the configured addresses and registers the cluster as a {@link RunExecutor}.
     *
     * @param context the bundle context
     * @param config the settings
     */
    @Activate
    void activate(BundleContext context, ClusterConfig config) {
        blocks = new HostBlockBuilder(context);
        starter = new Thread(() -> start(config), "geopinn-cluster-start");
        starter.setDaemon(true);
        starter.start();
        Dictionary<String, Object> props = new Hashtable<>();
        props.put(ServiceProperties.ID, "cluster");
        registration = context.registerService(RunExecutor.class, new Executor(), props);
        Dictionary<String, Object> engineProps = new Hashtable<>();
        engineProps.put(ServiceProperties.ID, ClusterEngine.ID);
        engine = context.registerService(OperatorEngine.class, new ClusterEngine(this::member, config, blocks), engineProps);
    }

    /** @return this host's member, waiting for its start */
    private HazelcastInstance member() {
        new Executor().runs();
        return hazelcast;
    }

    private void start(ClusterConfig config) {
        try {
            HazelcastInstance h = Hazelcast.newHazelcastInstance(MemberSettings.config(config, ClusterMember.class.getClassLoader()));
            synchronized (this) {
                if (started.isDone()) {
                    // deactivated (a new configuration, the host stopping) while joining: leave at once
                    h.shutdown();
                    return;
                }
                hazelcast = h;
            }
            Performers.register(h.getName(), performer);
            Blocks.register(h.getName(), blocks, config.cache());
            h.getCluster().addMembershipListener(new MembershipAdapter() {
                @Override
                public void memberRemoved(MembershipEvent event) {
                    Blocks.releaseJobsOf(h.getName(), event.getMember().getUuid().toString());
                }
            });
            ClusterRunExecutor runs = new ClusterRunExecutor(h, config.attempts(), line -> System.out.println("cluster: " + line));
            System.out.println("cluster: member " + h.getCluster().getLocalMember().getAddress() + " of " + runs.description());
            started.complete(runs);
        } catch (RuntimeException | LinkageError e) {
            if (started.isDone()) {
                return; // deactivated meanwhile: the bundle's classes may be gone, and nobody waits for this start
            }
            String why = "the cluster member (" + PID + ": address " + config.address() + ", port " + config.port() + ") did not start: "
                    + e.getMessage();
            System.err.println("geopinn: " + why);
            started.completeExceptionally(new GeopinnException(why, e));
        }
    }

    /** Leaves the cluster (its runs in progress go to other members). */
    @Deactivate
    void deactivate() {
        if (engine != null) {
            try {
                engine.unregister();
            } catch (IllegalStateException e) {
                // already gone with the bundle
            }
        }
        if (registration != null) {
            try {
                registration.unregister();
            } catch (IllegalStateException e) {
                // already gone with the bundle
            }
        }
        HazelcastInstance h;
        synchronized (this) {
            // a member still joining sees the cancellation and leaves by itself (start)
            started.cancel(false);
            h = hazelcast;
        }
        awaitStarter();
        if (!started.isCancelled() && !started.isCompletedExceptionally()) {
            started.join().close();
        }
        if (h != null) {
            Performers.unregister(h.getName());
            Blocks.unregister(h.getName());
            h.shutdown();
        }
    }

    /**
     * Waits (a bounded time) for a member still joining to leave, so that its port is free before
     * a successor with a new configuration binds one.
     */
    private void awaitStarter() {
        Thread t = starter;
        if (t == null || t == Thread.currentThread()) {
            return;
        }
        try {
            t.join(TimeUnit.SECONDS.toMillis(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The cluster for sweeps: waits for the member's start. */
    private final class Executor implements RunExecutor {
        @Override
        public String description() {
            return runs().description();
        }

        @Override
        public CompletionStage<RunOutcome> submit(RunRequest request) {
            return runs().submit(request);
        }

        private ClusterRunExecutor runs() {
            try {
                return started.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new GeopinnException("interrupted while the cluster member was starting");
            } catch (ExecutionException e) {
                throw e.getCause() instanceof GeopinnException g ? g : new GeopinnException(String.valueOf(e.getCause()));
            } catch (java.util.concurrent.CancellationException e) {
                throw new GeopinnException("the cluster member stopped");
            }
        }
    }
}

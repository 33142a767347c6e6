package org.geopinn.cluster;

import com.hazelcast.config.Config;
import com.hazelcast.config.JavaSerializationFilterConfig;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.NetworkConfig;
import java.util.ArrayList;
import java.util.List;

/**
 * The Hazelcast configuration of a Geopinn member: TCP/IP join with the given addresses, multicast
 * and auto-detection off, bound to one interface only (never to every address of the machine),
 * phone-home off, Hazelcast's own shutdown hook off (the host stops the member), and the executor
 * sweep runs are tasks of.
 */
final class MemberSettings {
    /** The executor sweep runs are submitted to. */
    static final String EXECUTOR = "geopinn-sweep-runs";
    /** The member attribute saying how many runs a member takes at once. */
    static final String RUNS = "geopinn.runs";

    private MemberSettings() {
    }

    /**
     * @param c the settings
     * @param loader the class loader that sees the task classes (this bundle's)
     * @return the Hazelcast configuration
     */
    static Config config(ClusterConfig c, ClassLoader loader) {
        return config(c.name(), members(c.members()), c.address(), c.port(), c.ports(), c.runs(), c.timeout(),
                loader);
    }

    /**
     * @param clusterName the cluster's name
     * @param members the addresses to join
     * @param address the interface to bind to
     * @param port the first port
     * @param portCount ports to try
     * @param runs runs at once on this member
     * @param timeoutSeconds seconds without a heartbeat before a member is taken as gone
     * @param loader the class loader for tasks
     * @return the configuration
     */
    static Config config(String clusterName, List<String> members, String address, int port, int portCount, int runs, int timeoutSeconds,
            ClassLoader loader) {
        Config config = new Config();
        config.setClusterName(clusterName);
        config.setClassLoader(loader);
        // nothing leaves the machine but what the cluster itself sends
        config.setProperty("hazelcast.phone.home.enabled", "false");
        config.setProperty("hazelcast.shutdownhook.enabled", "false");
        config.setProperty("hazelcast.logging.type", "jdk");
        // listen on the configured interface only
        config.setProperty("hazelcast.socket.bind.any", "false");
        config.setProperty("hazelcast.heartbeat.interval.seconds", "1");
        config.setProperty("hazelcast.max.no.heartbeat.seconds", Integer.toString(timeoutSeconds));
        // members are listed: no need to wait for others to appear before forming the cluster
        config.setProperty("hazelcast.wait.seconds.before.join", "1");
        config.getJetConfig().setEnabled(false);
        NetworkConfig network = config.getNetworkConfig();
        network.setPort(port).setPortAutoIncrement(portCount > 1).setPortCount(portCount);
        network.setPublicAddress(null);
        network.getInterfaces().setEnabled(true).setInterfaces(List.of(address));
        JoinConfig join = network.getJoin();
        join.getMulticastConfig().setEnabled(false);
        join.getAutoDetectionConfig().setEnabled(false);
        join.getTcpIpConfig().setEnabled(true).setMembers(members).setConnectionTimeoutSeconds(2);
        // Tasks arrive as Java-serialized objects: only the sweep's own classes (and the JDK and
        // Hazelcast classes they and error replies are made of) may be rebuilt, so a stranger who
        // reaches the port cannot make a member build arbitrary objects.
        JavaSerializationFilterConfig filter = new JavaSerializationFilterConfig();
        filter.getWhitelist().addClasses(RunTask.class.getName(), BlockModel.class.getName(), BlockTasks.OnMember.class.getName(),
                BlockTasks.Setup.class.getName(), BlockTasks.Evaluate.class.getName(), BlockWork.class.getName(), BlockTasks.Release.class.getName(),
                BlockTasks.GramRows.class.getName(), "[B", "[D", "[I", "[[D")
                .addPrefixes("org.geopinn.api.sweep.", "org.geopinn.api.GeopinnException",
                "java.lang.", "java.util.", "com.hazelcast.");
        config.getSerializationConfig().setJavaSerializationFilterConfig(filter);
        config.getExecutorConfig(EXECUTOR).setPoolSize(runs).setQueueCapacity(0).setStatisticsEnabled(false);
        config.getMemberAttributeConfig().setAttribute(RUNS, Integer.toString(runs));
        return config;
    }

    /** @param text addresses separated by commas @return them, trimmed */
    static List<String> members(String text) {
        List<String> l = new ArrayList<>();
        for (String s : text.split(",")) {
            if (!s.isBlank()) {
                l.add(s.trim());
            }
        }
        return l;
    }
}

package org.geopinn.cluster;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * The cluster member's settings (PID {@value ClusterMember#PID}, e.g. {@code plugins/org.geopinn.cluster.cfg}).
 * Without a configuration there is no member and nothing listens on the network.
 */
@ObjectClassDefinition(name = "Geopinn cluster member",
        description = "An embedded Hazelcast member that performs sweep runs for the cluster; members find each other by TCP/IP at the addresses given (no multicast).")
public @interface ClusterConfig {
    @AttributeDefinition(description = "the cluster's name: only members with the same name join each other")
    String name() default "geopinn";

    @AttributeDefinition(description = "addresses of the members to join, host or host:port, comma-separated (this member's own address may be among them)")
    String members() default "127.0.0.1";

    @AttributeDefinition(description = "the address this member listens on and announces (127.0.0.1: this machine only; a private network's address to reach other machines)")
    String address() default "127.0.0.1";

    @AttributeDefinition(description = "the first port to listen on", min = "1", max = "65535")
    int port() default 5701;

    @AttributeDefinition(description = "ports tried from the first one when it is taken (several members on one machine)", min = "1", max = "1000")
    int ports() default 20;

    @AttributeDefinition(description = "sweep runs this member trains at once (each run uses one core for its steps)", min = "1", max = "1024")
    int runs() default 1;

    @AttributeDefinition(description = "a member not heard from for this many seconds is taken as gone, and its runs go to other members", min = "2", max = "3600")
    int timeout() default 60;

    @AttributeDefinition(description = "engine = cluster: the operator engine the members build their point blocks' residual systems with")
    String engine() default "autodiff";

    @AttributeDefinition(description = "engine = cluster: the model factory the members build the session's model with (its spec travels, not its code)")
    String model() default "mlp";

    @AttributeDefinition(description = "engine = cluster: the number of point blocks (0 = automatic: at least one per member, and enough that one block's Jacobian holds at most 8·10⁶ numbers, 64 MB)", min = "0", max = "100000")
    int blocks() default 0;

    @AttributeDefinition(description = "engine = cluster: the share of this member's maximum heap that its point blocks' kept residual systems "
            + "(their forward passes, reused by the products at one θ) may take; the blocks beyond keep only their points and are "
            + "recomputed per product, one at a time (0: every block recomputed; 1: every block kept)", min = "0", max = "1")
    double cache() default BlockMemory.DEFAULT_SHARE;

    @AttributeDefinition(description = "times a run is given to another member after its member left before it counts as failed", min = "1", max = "100")
    int attempts() default 5;
}

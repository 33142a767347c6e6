package org.geopinn.cluster;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.geopinn.api.operator.ResidualSystem;

/**
 * The point blocks a member holds, by member (Hazelcast instance name) and job: each member builds
 * the residual system of its blocks once, when they arrive, and then only receives θ.
 */
final class Blocks {
    private static final Map<String, BlockBuilder> BUILDERS = new ConcurrentHashMap<>();
    private static final Map<String, ResidualSystem> HELD = new ConcurrentHashMap<>();

    private Blocks() {
    }

    /** @param instance a member's instance name @param builder how it builds block systems for the job it serves */
    static void register(String instance, BlockBuilder builder) {
        BUILDERS.put(instance, builder);
    }

    /** @param instance a member's instance name: forgets its builder and its blocks */
    static void unregister(String instance) {
        BUILDERS.remove(instance);
        HELD.keySet().removeIf(k -> k.startsWith(instance + "/"));
    }

    static BlockBuilder builder(String instance) {
        BlockBuilder b = BUILDERS.get(instance);
        if (b == null) {
            throw new IllegalStateException("member " + instance + " builds no point blocks");
        }
        return b;
    }

    static void hold(String instance, String job, int block, ResidualSystem system) {
        HELD.put(instance + "/" + job + "/" + block, system);
    }

    static ResidualSystem held(String instance, String job, int block) {
        ResidualSystem s = HELD.get(instance + "/" + job + "/" + block);
        if (s == null) {
            throw new IllegalStateException("member " + instance + " holds no block " + block + " of " + job);
        }
        return s;
    }

    /**
     * Forgets the blocks of every job a member that left had started (a job's name begins with its
     * coordinator's member id): a coordinator that stops or crashes leaves nothing held elsewhere.
     *
     * @param instance a member's instance name
     * @param coordinator the id of the member that left
     */
    static void releaseJobsOf(String instance, String coordinator) {
        HELD.keySet().removeIf(k -> k.startsWith(instance + "/" + coordinator + ":"));
    }

    static void release(String instance, String job) {
        HELD.keySet().removeIf(k -> k.startsWith(instance + "/" + job + "/"));
    }
}

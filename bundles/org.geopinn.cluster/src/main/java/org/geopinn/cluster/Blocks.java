package org.geopinn.cluster;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.geopinn.api.operator.ResidualSystem;

/**
 * The point blocks a member holds, by member (Hazelcast instance name) and job: each member builds
 * the residual system of its blocks once, when they arrive, and then only receives θ.
 */
final class Blocks {
    private static final Map<String, BlockBuilder> BUILDERS = new ConcurrentHashMap<>();
    private static final Map<String, ResidualSystem> HELD = new ConcurrentHashMap<>();
    /** A member's summed normal equations while the coordinator fetches their stripes, by member and job. */
    private static final Map<String, NormalEquations> SUMS = new ConcurrentHashMap<>();
    /** Evaluations a member has run, for the tests: one per product however many blocks it holds. */
    private static final Map<String, AtomicLong> EVALUATIONS = new ConcurrentHashMap<>();

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
        SUMS.keySet().removeIf(k -> k.startsWith(instance + "/"));
        EVALUATIONS.remove(instance);
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
        SUMS.keySet().removeIf(k -> k.startsWith(instance + "/" + coordinator + ":"));
    }

    static void release(String instance, String job) {
        HELD.keySet().removeIf(k -> k.startsWith(instance + "/" + job + "/"));
        SUMS.remove(instance + "/" + job);
    }

    /** Keeps a member's sum until its last stripe is fetched (one sum per job: a newer one replaces it). */
    static void holdSum(String instance, String job, NormalEquations sum) {
        SUMS.put(instance + "/" + job, sum);
    }

    /** @return the member's sum of a job, forgotten if {@code last} */
    static NormalEquations sum(String instance, String job, boolean last) {
        String key = instance + "/" + job;
        NormalEquations s = last ? SUMS.remove(key) : SUMS.get(key);
        if (s == null) {
            throw new IllegalStateException("member " + instance + " holds no normal equations of " + job);
        }
        return s;
    }

    /** @return the sums a member holds for stripes not yet fetched */
    static long sumsHeld(String instance) {
        return SUMS.keySet().stream().filter(k -> k.startsWith(instance + "/")).count();
    }

    static void evaluated(String instance) {
        EVALUATIONS.computeIfAbsent(instance, k -> new AtomicLong()).incrementAndGet();
    }

    /** @return the evaluations the member has run so far */
    static long evaluations(String instance) {
        AtomicLong n = EVALUATIONS.get(instance);
        return n == null ? 0 : n.get();
    }
}

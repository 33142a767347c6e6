package org.geopinn.cluster;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.geopinn.api.operator.ResidualSystem;

/**
 * The point blocks a member holds, by member (Hazelcast instance name) and job: each member builds
 * the residual system of a block when it arrives and keeps it, or keeps only its points
 * ({@link BlockMemory}: beyond its share of the heap), and then only receives θ.
 */
final class Blocks {
    private static final Map<String, BlockBuilder> BUILDERS = new ConcurrentHashMap<>();
    /** The share of its maximum heap each member's kept block systems may take. */
    private static final Map<String, Double> SHARES = new ConcurrentHashMap<>();
    private static final Map<String, HeldBlock> HELD = new ConcurrentHashMap<>();
    /** The work system of a member's recomputed blocks, by member and job. */
    private static final Map<String, HeldBlock.Work> WORK = new ConcurrentHashMap<>();
    /** A member's summed normal equations while the coordinator fetches their stripes, by member and job. */
    private static final Map<String, NormalEquations> SUMS = new ConcurrentHashMap<>();
    /** Evaluations a member has run, for the tests: one per product however many blocks it holds. */
    private static final Map<String, AtomicLong> EVALUATIONS = new ConcurrentHashMap<>();

    private Blocks() {
    }

    /** @param instance a member's instance name @param builder how it builds block systems for the job it serves */
    static void register(String instance, BlockBuilder builder) {
        register(instance, builder, BlockMemory.DEFAULT_SHARE);
    }

    /**
     * @param instance a member's instance name
     * @param builder how it builds block systems
     * @param share the share of its maximum heap its kept block systems may take (0: keep only points)
     */
    static void register(String instance, BlockBuilder builder, double share) {
        BUILDERS.put(instance, builder);
        SHARES.put(instance, share);
    }

    /** @param instance a member's instance name: forgets its builder and its blocks */
    static void unregister(String instance) {
        BUILDERS.remove(instance);
        SHARES.remove(instance);
        HELD.keySet().removeIf(k -> k.startsWith(instance + "/"));
        WORK.keySet().removeIf(k -> k.startsWith(instance + "/"));
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

    /**
     * Holds a block just built: its system if it fits in the member's share of the heap beside
     * those it keeps, else its points (the system becomes the job's work system if it has none).
     *
     * @param system the block's system
     * @param bytes its estimated size, or −1 when unknown
     * @param points the block's points
     */
    static synchronized void hold(String instance, String job, int block, ResidualSystem system, long bytes,
            TreeMap<String, double[]> points) {
        long kept = 0;
        for (Map.Entry<String, HeldBlock> e : HELD.entrySet()) {
            if (e.getKey().startsWith(instance + "/") && e.getValue().kept()) {
                kept += e.getValue().bytes();
            }
        }
        HeldBlock held;
        if (BlockMemory.keep(SHARES.getOrDefault(instance, BlockMemory.DEFAULT_SHARE), kept, bytes, Runtime.getRuntime().maxMemory())) {
            held = HeldBlock.kept(system, bytes);
        } else {
            held = HeldBlock.recomputed(points, WORK.computeIfAbsent(instance + "/" + job, k -> new HeldBlock.Work(system, bytes)));
        }
        HELD.put(instance + "/" + job + "/" + block, held);
    }

    /**
     * @return the job's work system if the member recomputes its blocks already (a block of a job
     *         is about as large as the others: once one did not fit, the later ones do not either),
     *         else null
     */
    static HeldBlock.Work work(String instance, String job) {
        return WORK.get(instance + "/" + job);
    }

    /** Holds a block of which the member keeps only the points, in the job's work system. */
    static void hold(String instance, String job, int block, HeldBlock held) {
        HELD.put(instance + "/" + job + "/" + block, held);
    }

    static HeldBlock held(String instance, String job, int block) {
        HeldBlock s = HELD.get(instance + "/" + job + "/" + block);
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
        WORK.keySet().removeIf(k -> k.startsWith(instance + "/" + coordinator + ":"));
        SUMS.keySet().removeIf(k -> k.startsWith(instance + "/" + coordinator + ":"));
    }

    static void release(String instance, String job) {
        HELD.keySet().removeIf(k -> k.startsWith(instance + "/" + job + "/"));
        WORK.remove(instance + "/" + job);
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

    /**
     * What a member holds for its blocks.
     *
     * @param keptSystems the block systems it keeps
     * @param pointBlocks the blocks of which it keeps only the points
     * @param workSystems the work systems its recomputed blocks are computed in (at most one per job)
     * @param bytes the estimated bytes of all of them
     */
    record Holding(int keptSystems, int pointBlocks, int workSystems, long bytes) {
    }

    /** @param instance a member's instance name @return what it holds */
    static synchronized Holding holding(String instance) {
        int kept = 0;
        int points = 0;
        long bytes = 0;
        for (Map.Entry<String, HeldBlock> e : HELD.entrySet()) {
            if (e.getKey().startsWith(instance + "/")) {
                kept += e.getValue().kept() ? 1 : 0;
                points += e.getValue().kept() ? 0 : 1;
                bytes += e.getValue().bytes();
            }
        }
        int work = 0;
        for (Map.Entry<String, HeldBlock.Work> e : WORK.entrySet()) {
            if (e.getKey().startsWith(instance + "/")) {
                work++;
                bytes += e.getValue().bytes();
            }
        }
        return new Holding(kept, points, work, bytes);
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

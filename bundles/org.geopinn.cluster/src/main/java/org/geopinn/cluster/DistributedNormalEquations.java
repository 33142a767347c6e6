package org.geopinn.cluster;

import com.hazelcast.cluster.Member;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.IExecutorService;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/**
 * The normal equations of a large point set held in blocks by the members of a cluster: each
 * member builds the residual system of its blocks once (with its {@link BlockBuilder}); per step
 * only θ travels to the members and each block's packed JᵀJ, Jᵀr and loss come back, summed here
 * in block order. A member that leaves loses its blocks: the job then fails (a new job sends the
 * blocks again).
 */
final class DistributedNormalEquations implements AutoCloseable {
    private final IExecutorService executor;
    private final String job = UUID.randomUUID().toString();
    private final List<Member> holders = new ArrayList<>();
    private final int parameters;

    /**
     * Splits every condition's points into {@code blocks} consecutive pieces (block b holds piece b
     * of each condition) and gives block b to member b mod n (members in address order).
     *
     * @param hazelcast this member (the coordinator)
     * @param model the problem, model, engine and scaling the members build their blocks with
     * @param points all points per condition, row-major n×d
     * @param dimension d, the coordinates per point
     * @param blocks the number of blocks
     * @param parameters P
     */
    DistributedNormalEquations(HazelcastInstance hazelcast, BlockModel model, Map<String, double[]> points, int dimension, int blocks, int parameters) {
        this.executor = hazelcast.getExecutorService(MemberSettings.EXECUTOR);
        this.parameters = parameters;
        List<Member> members = new ArrayList<>(hazelcast.getCluster().getMembers());
        members.sort(Comparator.comparing(m -> m.getAddress().toString()));
        List<Future<Integer>> setups = new ArrayList<>();
        for (int b = 0; b < blocks; b++) {
            Map<String, double[]> piece = new LinkedHashMap<>();
            for (Map.Entry<String, double[]> e : points.entrySet()) {
                int n = e.getValue().length / dimension;
                int from = (int) ((long) n * b / blocks);
                int to = (int) ((long) n * (b + 1) / blocks);
                piece.put(e.getKey(), java.util.Arrays.copyOfRange(e.getValue(), from * dimension, to * dimension));
            }
            Member m = members.get(b % members.size());
            holders.add(m);
            setups.add(executor.submitToMember(new BlockTasks.Setup(job, b, model, piece), m));
        }
        for (Future<Integer> f : setups) {
            get(f);
        }
    }

    /**
     * @param theta the parameters
     * @return JᵀJ, Jᵀr and ½‖r‖² over all blocks
     */
    NormalEquations at(double[] theta) {
        List<Future<double[]>> parts = new ArrayList<>();
        for (int b = 0; b < holders.size(); b++) {
            parts.add(executor.submitToMember(new BlockTasks.Gram(job, b, theta), holders.get(b)));
        }
        List<double[]> got = new ArrayList<>();
        for (Future<double[]> f : parts) {
            got.add(get(f));
        }
        return NormalEquations.sum(parameters, got);
    }

    /** The members forget their blocks. */
    @Override
    public void close() {
        for (Member m : holders.stream().distinct().toList()) {
            try {
                executor.submitToMember(new BlockTasks.Release(job), m).get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (ExecutionException | RuntimeException e) {
                // a member that left has forgotten them already
            }
        }
    }

    private static <T> T get(Future<T> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a member could not compute its block: " + e.getCause(), e.getCause());
        }
    }
}

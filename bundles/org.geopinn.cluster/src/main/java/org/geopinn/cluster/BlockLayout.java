package org.geopinn.cluster;

import com.hazelcast.cluster.Member;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.geopinn.api.GeopinnException;
import org.geopinn.api.operator.ResidualGroup;

/**
 * Where the rows of a {@link DistributedResidualSystem} are: every condition's points split into B
 * consecutive pieces (block b holds piece b of each condition), block b held by member b mod n;
 * the whole system's groups are condition by condition, block by block. Knows each block's share
 * of each condition's points (its weight factor under per-point scaling), the blocks each member
 * holds, and how the blocks' rows are gathered into (or scattered from) the whole system's.
 */
final class BlockLayout {
    private final List<ResidualGroup> groups = new ArrayList<>();
    /** Rows of condition g in block b, and where they start in the whole system. */
    private final int[][] blockRows;
    private final int[][] blockOffsets;
    private final int[] blockSizes;
    /** The block's share n_b/n of each condition's points, or 1 with sum scaling. */
    private final double[][] shares;
    /** The members holding blocks, in address order, and their blocks (ascending). */
    private final List<Member> memberOrder;
    private final int[][] memberBlocks;

    /**
     * @param points all points per condition
     * @param dimension d
     * @param blocks B
     * @return block b's points per condition: piece b of each
     */
    static Map<String, double[]> piece(Map<String, double[]> points, int dimension, int blocks, int b) {
        Map<String, double[]> piece = new LinkedHashMap<>();
        for (Map.Entry<String, double[]> e : points.entrySet()) {
            int n = e.getValue().length / dimension;
            piece.put(e.getKey(), Arrays.copyOfRange(e.getValue(), from(n, blocks, b) * dimension, from(n, blocks, b + 1) * dimension));
        }
        return piece;
    }

    /** @return the first of n points in block b of B */
    private static int from(int n, int blocks, int b) {
        return (int) ((long) n * b / blocks);
    }

    /**
     * @param points all points per condition
     * @param dimension d
     * @param perPoint whether the scaling divides by the point count (so a block's weights carry its share)
     * @param holders the member of each block
     * @param members all members, in address order
     * @param answers each block's set-up answer: rows per condition, weights, P
     */
    BlockLayout(Map<String, double[]> points, int dimension, boolean perPoint, List<Member> holders, List<Member> members,
            List<double[]> answers) {
        int blocks = holders.size();
        List<String> names = new ArrayList<>(points.keySet());
        int g = answers.get(0).length / 2;
        if (g != names.size()) {
            throw new GeopinnException("cluster: the members' systems have " + g + " conditions, the coordinator's points " + names.size());
        }
        shares = new double[blocks][g];
        blockRows = new int[blocks][g];
        blockOffsets = new int[blocks][g];
        blockSizes = new int[blocks];
        int offset = 0;
        for (int c = 0; c < g; c++) {
            int n = points.get(names.get(c)).length / dimension;
            int size = 0;
            for (int b = 0; b < blocks; b++) {
                shares[b][c] = perPoint ? (double) (from(n, blocks, b + 1) - from(n, blocks, b)) / n : 1;
                blockRows[b][c] = (int) answers.get(b)[c];
                blockOffsets[b][c] = offset + size;
                size += blockRows[b][c];
                blockSizes[b] += blockRows[b][c];
            }
            groups.add(new ResidualGroup(names.get(c), offset, size));
            offset += size;
        }
        Map<Member, List<Integer>> byMember = new LinkedHashMap<>();
        for (Member m : members) {
            byMember.put(m, new ArrayList<>());
        }
        for (int b = 0; b < blocks; b++) {
            byMember.get(holders.get(b)).add(b);
        }
        byMember.values().removeIf(List::isEmpty);
        memberOrder = new ArrayList<>(byMember.keySet());
        memberBlocks = new int[memberOrder.size()][];
        int i = 0;
        for (List<Integer> held : byMember.values()) {
            memberBlocks[i++] = held.stream().mapToInt(Integer::intValue).toArray();
        }
    }

    /** @return the whole system's groups */
    List<ResidualGroup> groups() {
        return groups;
    }

    /** @return the members holding blocks, in address order */
    List<Member> members() {
        return memberOrder;
    }

    /** @param m a member's index in {@link #members()} @return its blocks, ascending (not copied) */
    int[] blocksOf(int m) {
        return memberBlocks[m];
    }

    /** @return block b's weights: the system's weights times the block's share of each condition */
    double[] blockWeights(double[] weights, int b) {
        double[] w = new double[weights.length];
        for (int g = 0; g < w.length; g++) {
            w[g] = weights[g] * shares[b][g];
        }
        return w;
    }

    /** Puts each member's blocks' rows (of width w, concatenated in block order) where they are in the whole system. */
    void gather(List<double[]> parts, double[] out, int width) {
        for (int m = 0; m < memberBlocks.length; m++) {
            double[] part = parts.get(m);
            int from = 0;
            for (int b : memberBlocks[m]) {
                for (int g = 0; g < groups.size(); g++) {
                    int n = blockRows[b][g] * width;
                    System.arraycopy(part, from, out, blockOffsets[b][g] * width, n);
                    from += n;
                }
            }
        }
    }

    /** @return block b's rows of a whole-system vector */
    double[] scatter(double[] u, int b) {
        double[] part = new double[blockSizes[b]];
        int to = 0;
        for (int g = 0; g < groups.size(); g++) {
            System.arraycopy(u, blockOffsets[b][g], part, to, blockRows[b][g]);
            to += blockRows[b][g];
        }
        return part;
    }
}

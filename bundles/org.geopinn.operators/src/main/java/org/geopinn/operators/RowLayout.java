package org.geopinn.operators;

import java.util.ArrayList;
import java.util.List;
import org.geopinn.api.GeopinnException;
import org.geopinn.api.operator.ResidualGroup;

/**
 * Where each condition's rows stand in the stacked residual vector: one block per condition, in
 * the problem's order, each starting where the one before it ends. Laid out again when a block's
 * points change; the engine's weights and points reach a block by its group name here.
 */
final class RowLayout {
    private final List<ConditionBlock> blocks;
    private List<ResidualGroup> groups;
    private int[] offsets;
    private int residualCount;

    /** @param blocks the condition blocks, in stacking order */
    RowLayout(List<ConditionBlock> blocks) {
        this.blocks = List.copyOf(blocks);
        restack();
    }

    /** Recomputes the offsets and groups from the blocks' current sizes. */
    void restack() {
        List<ResidualGroup> g = new ArrayList<>();
        offsets = new int[blocks.size()];
        int offset = 0;
        for (int b = 0; b < blocks.size(); b++) {
            offsets[b] = offset;
            g.add(new ResidualGroup(blocks.get(b).name(), offset, blocks.get(b).size()));
            offset += blocks.get(b).size();
        }
        groups = List.copyOf(g);
        residualCount = offset;
    }

    /** @return the number of blocks (groups) */
    int size() {
        return blocks.size();
    }

    /** @param b a block index @return the block */
    ConditionBlock block(int b) {
        return blocks.get(b);
    }

    /** @param b a block index @return the row of its first residual */
    int offset(int b) {
        return offsets[b];
    }

    /** @return the total number of rows S */
    int residualCount() {
        return residualCount;
    }

    /** @return the groups, in stacking order */
    List<ResidualGroup> groups() {
        return groups;
    }

    /**
     * @param group a group name
     * @return its block
     * @throws GeopinnException naming the groups there are
     */
    ConditionBlock block(String group) {
        for (ConditionBlock b : blocks) {
            if (b.name().equals(group)) {
                return b;
            }
        }
        throw new GeopinnException("no residual group '" + group + "'; groups are " + names());
    }

    /** @return the group names, in stacking order */
    List<String> names() {
        return blocks.stream().map(ConditionBlock::name).toList();
    }

    /** @return the groups and sizes, e.g. {@code pde 900, boundary 120} */
    String describe() {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < blocks.size(); i++) {
            b.append(i == 0 ? "" : ", ").append(blocks.get(i).name()).append(' ').append(blocks.get(i).size());
        }
        return b.toString();
    }
}

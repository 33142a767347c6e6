package org.geopinn.api.model;

import java.util.List;
import org.geopinn.api.GeopinnException;

/**
 * How a model's flat parameter vector is divided into named blocks. Blocks are contiguous,
 * in order, and cover the vector exactly.
 *
 * @param blocks the blocks in vector order
 */
public record ParameterLayout(List<ParameterBlock> blocks) {
    /** Checks that the blocks tile the vector. */
    public ParameterLayout {
        blocks = List.copyOf(blocks);
        int next = 0;
        for (ParameterBlock b : blocks) {
            if (b.offset() != next) {
                throw new GeopinnException("parameter block " + b.name() + " starts at " + b.offset() + ", expected " + next);
            }
            next += b.size();
        }
    }

    /** @return the total number of parameters P */
    public int size() {
        return blocks.isEmpty() ? 0 : blocks.get(blocks.size() - 1).offset() + blocks.get(blocks.size() - 1).size();
    }

    /** @return the number of networks (1 + the largest network index) */
    public int networks() {
        return blocks.stream().mapToInt(ParameterBlock::network).max().orElse(-1) + 1;
    }

    /** @param network a network index @return the [start, end) range of its parameters, assumed contiguous */
    public int[] networkRange(int network) {
        int start = Integer.MAX_VALUE;
        int end = 0;
        for (ParameterBlock b : blocks) {
            if (b.network() == network) {
                start = Math.min(start, b.offset());
                end = Math.max(end, b.offset() + b.size());
            }
        }
        return new int[] {start, end};
    }

    /** @param name a block name @return the block @throws GeopinnException if none has that name */
    public ParameterBlock block(String name) {
        return blocks.stream().filter(b -> b.name().equals(name)).findFirst()
                .orElseThrow(() -> new GeopinnException("no parameter block '" + name + "'"));
    }
}

package org.geopinn.cluster;

import java.util.Map;
import java.util.TreeMap;
import org.geopinn.api.operator.ResidualSystem;

/**
 * One point block a member holds ({@link BlockMemory} chose how): its residual system, kept
 * between products (one forward pass per θ), or only its points, the system rebuilt per product
 * in the work system the member's recomputed blocks of one job share (one block's work buffers
 * at a time, a forward pass per product).
 */
final class HeldBlock {
    private final ResidualSystem system;
    private final TreeMap<String, double[]> points;
    private final Work work;
    private final long bytes;

    private HeldBlock(ResidualSystem system, TreeMap<String, double[]> points, Work work, long bytes) {
        this.system = system;
        this.points = points;
        this.work = work;
        this.bytes = bytes;
    }

    /** @param system the block's system @param bytes its estimated size @return the block, kept */
    static HeldBlock kept(ResidualSystem system, long bytes) {
        return new HeldBlock(system, null, null, bytes);
    }

    /** @param points the block's points per condition @param work the job's work system @return the block, recomputed */
    static HeldBlock recomputed(TreeMap<String, double[]> points, Work work) {
        return new HeldBlock(null, points, work, BlockMemory.pointBytes(points));
    }

    /** @return whether the block's system is kept */
    boolean kept() {
        return system != null;
    }

    /** @return the bytes held for this block: its kept system's estimated size, or its points' */
    long bytes() {
        return bytes;
    }

    /** @return the system this block is computed on, to synchronize on before {@link #ready()} */
    ResidualSystem system() {
        return system != null ? system : work.system;
    }

    /**
     * @return the system at this block's points (the caller holds {@link #system()}'s lock): the
     *         kept one, or the work system with this block's points (set only when another block's
     *         were there, so products at one θ on the same block share its forward pass)
     */
    ResidualSystem ready() {
        if (system != null) {
            return system;
        }
        if (work.loaded != this) {
            work.loaded = null; // stays so if setting the points fails half-way
            for (Map.Entry<String, double[]> e : points.entrySet()) {
                work.system.setPoints(e.getKey(), e.getValue());
            }
            work.loaded = this;
        }
        return work.system;
    }

    /** The work system of a member's recomputed blocks of one job, and the block whose points it has. */
    static final class Work {
        private final ResidualSystem system;
        private final long bytes;
        private HeldBlock loaded;

        /** @param system a block's system (its buffers grow when a larger block is set) @param bytes its estimated size */
        Work(ResidualSystem system, long bytes) {
            this.system = system;
            this.bytes = bytes;
        }

        /** @return its estimated size */
        long bytes() {
            return bytes;
        }
    }
}

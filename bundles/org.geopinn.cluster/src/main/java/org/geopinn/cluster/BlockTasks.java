package org.geopinn.cluster;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.HazelcastInstanceAware;
import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.geopinn.api.operator.ResidualGroup;
import org.geopinn.api.operator.ResidualSystem;

/** The tasks of a residual system held in blocks by members: a block's points to its member, then θ per evaluation. */
final class BlockTasks {
    private BlockTasks() {
    }

    /** Base: knows the member it runs on. */
    abstract static class OnMember<T> implements Callable<T>, Serializable, HazelcastInstanceAware {
        private static final long serialVersionUID = 1L;
        transient HazelcastInstance instance;

        @Override
        public void setHazelcastInstance(HazelcastInstance instance) {
            this.instance = instance;
        }
    }

    /**
     * A block's points: the member builds the block's residual system and holds it, or only the
     * points ({@link BlockMemory}). Answers the block's rows per group, then its weights per group
     * (as built: the problem's weights), then P.
     */
    static final class Setup extends OnMember<double[]> {
        private static final long serialVersionUID = 1L;
        private final String job;
        private final int block;
        private final BlockModel model;
        private final TreeMap<String, double[]> points;

        Setup(String job, int block, BlockModel model, Map<String, double[]> points) {
            this.job = job;
            this.block = block;
            this.model = model;
            this.points = new TreeMap<>(points);
        }

        @Override
        public double[] call() {
            String member = instance.getName();
            HeldBlock.Work work = Blocks.work(member, job);
            if (work != null) { // the block's points go into the work system: no system built only to be dropped
                HeldBlock held = HeldBlock.recomputed(points, work);
                synchronized (held.system()) {
                    double[] out = answer(held.ready());
                    Blocks.hold(member, job, block, held);
                    return out;
                }
            }
            BlockBuilder builder = Blocks.builder(member);
            long before = BlockMemory.allocated();
            ResidualSystem s = builder.build(model, points);
            long after = BlockMemory.allocated();
            double[] out = answer(s);
            // held last: as a job's work system it is another block's from then on
            Blocks.hold(member, job, block, s, before < 0 || after < 0 ? -1 : after - before, points);
            return out;
        }

        private static double[] answer(ResidualSystem s) {
            List<ResidualGroup> groups = s.groups();
            double[] w = s.weights();
            double[] out = new double[2 * groups.size() + 1];
            for (int g = 0; g < groups.size(); g++) {
                out[g] = groups.get(g).size();
                out[groups.size() + g] = w[g];
            }
            out[2 * groups.size()] = s.parameterCount();
            return out;
        }
    }

    /**
     * One evaluation ({@link BlockWork}) at θ on all the blocks a member holds, summed (or, for
     * row-valued work, concatenated) on the member in block order before it answers: one message
     * per member per product however many blocks it holds. The blocks are computed one after the
     * other, so the member holds one block's Jacobian at a time. Each block's rows carry the
     * weights given for it (the whole system's weights times the block's share of each
     * condition's points where the scaling divides by the point count). A block of which the
     * member keeps only the points is computed in the job's work system, its forward pass again.
     */
    static final class Evaluate extends OnMember<double[]> {
        private static final long serialVersionUID = 2L;
        private final String job;
        private final int[] blocks;
        private final BlockWork work;
        private final double[] theta;
        private final double[][] vectors;
        private final double[][] weights;
        private final int firstRows;

        /**
         * @param job the session's job
         * @param blocks the member's blocks, ascending
         * @param work what to compute
         * @param theta the parameters
         * @param vectors null, one vector for every block, or one per block
         * @param weights the weights per block
         * @param firstRows for {@link BlockWork#NORMAL_EQUATIONS}: the packed rows of JᵀJ sent with
         *        this answer; the member holds the rest for {@link GramRows}
         */
        Evaluate(String job, int[] blocks, BlockWork work, double[] theta, double[][] vectors, double[][] weights, int firstRows) {
            this.job = job;
            this.blocks = blocks;
            this.work = work;
            this.theta = theta;
            this.vectors = vectors;
            this.weights = weights;
            this.firstRows = firstRows;
        }

        @Override
        public double[] call() {
            String member = instance.getName();
            Blocks.evaluated(member);
            if (work == BlockWork.NORMAL_EQUATIONS) {
                return normalEquations(member);
            }
            double[][] parts = new double[blocks.length][];
            for (int i = 0; i < blocks.length; i++) {
                HeldBlock block = Blocks.held(member, job, blocks[i]);
                synchronized (block.system()) { // a block system is not thread-safe; a member may run several tasks at once
                    parts[i] = work.on(weighted(block, i), theta, vectors == null ? null : vectors[vectors.length == 1 ? 0 : i]);
                }
            }
            return work.rowValued() ? concatenate(parts) : sum(parts);
        }

        /** @return the block's system at its points with its weights (the caller holds its lock) */
        private ResidualSystem weighted(HeldBlock block, int i) {
            ResidualSystem s = block.ready();
            if (!Arrays.equals(s.weights(), weights[i])) {
                s.setWeights(weights[i]);
            }
            return s;
        }

        /** Jᵀr, the loss and the first packed rows of JᵀJ summed over the member's blocks; the member keeps the sum for the other rows. */
        private double[] normalEquations(String member) {
            NormalEquations sum = new NormalEquations(theta.length, BlockWork.kernels());
            for (int i = 0; i < blocks.length; i++) {
                HeldBlock block = Blocks.held(member, job, blocks[i]);
                synchronized (block.system()) {
                    sum.add(weighted(block, i), theta);
                }
            }
            sum.dropBuffers();
            int p = theta.length;
            if (firstRows < p) {
                Blocks.holdSum(member, job, sum);
            }
            double[] rows = sum.rows(0, firstRows);
            double[] out = new double[p + 1 + rows.length];
            System.arraycopy(sum.gradientAndLoss(), 0, out, 0, p + 1);
            System.arraycopy(rows, 0, out, p + 1, rows.length);
            return out;
        }

        private static double[] sum(double[][] parts) {
            double[] out = new double[parts[0].length];
            for (double[] part : parts) {
                for (int k = 0; k < out.length; k++) {
                    out[k] += part[k];
                }
            }
            return out;
        }

        private static double[] concatenate(double[][] parts) {
            int n = 0;
            for (double[] part : parts) {
                n += part.length;
            }
            double[] out = new double[n];
            int at = 0;
            for (double[] part : parts) {
                System.arraycopy(part, 0, out, at, part.length);
                at += part.length;
            }
            return out;
        }
    }

    /** Further packed rows of a member's summed JᵀJ (held since its {@link Evaluate}); the last request frees the sum. */
    static final class GramRows extends OnMember<double[]> {
        private static final long serialVersionUID = 1L;
        private final String job;
        private final int from;
        private final int to;

        GramRows(String job, int from, int to) {
            this.job = job;
            this.from = from;
            this.to = to;
        }

        @Override
        public double[] call() {
            NormalEquations sum = Blocks.sum(instance.getName(), job, false);
            double[] rows = sum.rows(from, to);
            if (to == sum.parameters()) {
                Blocks.sum(instance.getName(), job, true);
            }
            return rows;
        }
    }

    /** The job is over: the member forgets its blocks. */
    static final class Release extends OnMember<Boolean> {
        private static final long serialVersionUID = 1L;
        private final String job;

        Release(String job) {
            this.job = job;
        }

        @Override
        public Boolean call() {
            Blocks.release(instance.getName(), job);
            return true;
        }
    }
}

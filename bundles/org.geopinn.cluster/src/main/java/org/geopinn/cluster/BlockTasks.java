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
     * A block's points: the member builds the block's residual system and holds it. Answers the
     * block's rows per group, then its weights per group (as built: the problem's weights), then P.
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
            ResidualSystem s = Blocks.builder(instance.getName()).build(model, points);
            Blocks.hold(instance.getName(), job, block, s);
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
     * One evaluation on a held block at θ ({@link BlockWork}), with the weights the block's rows
     * must carry (the whole system's weights times the block's share of each condition's points
     * where the scaling divides by the point count).
     */
    static final class Evaluate extends OnMember<double[]> {
        private static final long serialVersionUID = 1L;
        private final String job;
        private final int block;
        private final BlockWork work;
        private final double[] theta;
        private final double[] vector;
        private final double[] weights;

        Evaluate(String job, int block, BlockWork work, double[] theta, double[] vector, double[] weights) {
            this.job = job;
            this.block = block;
            this.work = work;
            this.theta = theta;
            this.vector = vector;
            this.weights = weights;
        }

        @Override
        public double[] call() {
            ResidualSystem s = Blocks.held(instance.getName(), job, block);
            synchronized (s) { // a block system is not thread-safe; a member may run several tasks at once
                if (!Arrays.equals(s.weights(), weights)) {
                    s.setWeights(weights);
                }
                return work.on(s, theta, vector);
            }
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

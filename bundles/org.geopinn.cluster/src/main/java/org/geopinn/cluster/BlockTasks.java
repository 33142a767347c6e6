package org.geopinn.cluster;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.HazelcastInstanceAware;
import java.io.Serializable;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.geopinn.api.operator.ResidualSystem;

/** The tasks of distributed normal equations: a block's points to its member, then θ each step. */
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

    /** A block's points: the member builds the block's residual system and holds it. */
    static final class Setup extends OnMember<Integer> {
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
        public Integer call() {
            ResidualSystem s = Blocks.builder(instance.getName()).build(model, points);
            Blocks.hold(instance.getName(), job, block, s);
            return s.residualCount();
        }
    }

    /**
     * The block's part of the normal equations at θ: packed upper triangle of JᵀJ (row by row,
     * P(P+1)/2 values), then Jᵀr (P values), then ½‖r‖².
     */
    static final class Gram extends OnMember<double[]> {
        private static final long serialVersionUID = 1L;
        private final String job;
        private final int block;
        private final double[] theta;

        Gram(String job, int block, double[] theta) {
            this.job = job;
            this.block = block;
            this.theta = theta;
        }

        @Override
        public double[] call() {
            return NormalEquations.part(Blocks.held(instance.getName(), job, block), theta);
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

package org.geopinn.cluster;

import java.util.Arrays;
import java.util.Map;
import java.util.function.Supplier;
import org.geopinn.api.GeopinnException;
import org.geopinn.api.model.Model;
import org.geopinn.api.model.ModelFactory;
import org.geopinn.api.operator.LossScaling;
import org.geopinn.api.operator.OperatorEngine;
import org.geopinn.api.operator.ResidualSystem;
import org.geopinn.api.problem.CoefficientModel;
import org.geopinn.api.problem.Problem;

/**
 * The operator engine {@value #ID} (a session's {@code --engine cluster}): builds a
 * {@link DistributedResidualSystem}, whose collocation points the cluster's members hold in
 * blocks, each member building its blocks with its own host's operator engine and model factory
 * (the configuration's {@code engine} and {@code model}). Registered while this host is a member.
 */
final class ClusterEngine implements OperatorEngine {
    /** The engine id. */
    static final String ID = "cluster";
    /** One block's Jacobian holds at most this many numbers (64 MB) unless the blocks are set. */
    static final long BLOCK_NUMBERS = 8_000_000L;

    private final Supplier<com.hazelcast.core.HazelcastInstance> member;
    private final ClusterConfig config;
    private final HostBlockBuilder host;

    /**
     * @param member this host's member, once started (waits for the start)
     * @param config the settings
     * @param host this host's services
     */
    ClusterEngine(Supplier<com.hazelcast.core.HazelcastInstance> member, ClusterConfig config, HostBlockBuilder host) {
        this.member = member;
        this.config = config;
        this.host = host;
    }

    @Override
    public String id() {
        return ID;
    }

    /** @return false: the members evaluate the points; this process keeps their coordinates */
    @Override
    public boolean evaluatesPointsHere() {
        return false;
    }

    @Override
    public String description() {
        return "operator engine cluster: the collocation points held in blocks by the cluster's members (each builds its blocks with engine '"
                + config.engine() + "' and model '" + config.model() + "'); engd, lm and gn-pcg get JᵀJ, Jᵀr and JᵀJ·v summed over them";
    }

    @Override
    public ResidualSystem build(Problem problem, Model model, Map<String, double[]> points, LossScaling scaling) {
        if (model instanceof CoefficientModel) {
            throw new GeopinnException("engine cluster does not train unknown coefficients; use engine " + config.engine() + " for this problem");
        }
        // the members build their blocks from the problem service of that id: the session must train it as it is
        Problem service = host.service(Problem.class, problem.id());
        if (!conditionNames(service).equals(conditionNames(problem)) || !service.unknowns().equals(problem.unknowns())) {
            throw new GeopinnException("engine cluster trains problem '" + problem.id() + "' as its service declares it (conditions "
                    + conditionNames(service) + "); for conditions left out or coefficients held fixed use engine " + config.engine());
        }
        // the members rebuild the model from its spec with their factory: it must be the session's model
        Model same = host.service(ModelFactory.class, config.model()).create(model.spec());
        if (same.parameterCount() != model.parameterCount() || !Arrays.equals(same.initialParameters(1), model.initialParameters(1))) {
            throw new GeopinnException("engine cluster: the members build the model with factory '" + config.model()
                    + "', which is not this session's model; set model in " + ClusterMember.PID + " to the session's model id");
        }
        host.service(OperatorEngine.class, config.engine()); // named, and present here: a clear message now rather than from every member
        int dimension = model.spec().inputLower().length;
        com.hazelcast.core.HazelcastInstance h = member.get();
        return new DistributedResidualSystem(h, BlockModel.of(problem.id(), config.model(), model.spec(), config.engine(), scaling), points,
                dimension, blocks(points, dimension, model.parameterCount(), h.getCluster().getMembers().size()), model.layout());
    }

    private static java.util.List<String> conditionNames(Problem problem) {
        return problem.conditions().stream().map(org.geopinn.api.problem.Condition::name).toList();
    }

    /** The configured blocks, or one per member and enough that one block's Jacobian stays below {@link #BLOCK_NUMBERS}. */
    private int blocks(Map<String, double[]> points, int dimension, int parameters, int members) {
        long rows = 0;
        int smallest = Integer.MAX_VALUE;
        for (double[] p : points.values()) {
            rows += p.length / dimension;
            smallest = Math.min(smallest, p.length / dimension);
        }
        if (config.blocks() > 0) {
            return config.blocks();
        }
        long needed = (rows * parameters + BLOCK_NUMBERS - 1) / BLOCK_NUMBERS;
        long perMember = (needed + members - 1) / members;
        return (int) Math.max(1, Math.min(smallest, perMember * members));
    }
}

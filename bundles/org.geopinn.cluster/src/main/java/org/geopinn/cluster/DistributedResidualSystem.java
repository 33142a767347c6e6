package org.geopinn.cluster;

import com.hazelcast.cluster.Member;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.IExecutorService;
import java.lang.ref.Cleaner;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.geopinn.api.GeopinnException;
import org.geopinn.api.model.ParameterLayout;
import org.geopinn.api.operator.LossScaling;
import org.geopinn.api.operator.NormalEquationSystem;
import org.geopinn.api.operator.ResidualGroup;
import org.geopinn.api.operator.ResidualSystem;

/**
 * A residual system whose collocation points are held in blocks by the members of a cluster: the
 * coordinator (this object) keeps only the points, the weights and θ. Every condition's points are
 * split into B consecutive pieces, block b holding piece b of each condition, and block b goes to
 * member b mod n (members in address order); each member builds its blocks' residual systems once
 * (problem, model and operator engine of its own host, named by {@link BlockModel}). Per evaluation
 * only θ (and the weights) travel out, one task per member for all its blocks; each member sums
 * its blocks' parts before it answers (one block's Jacobian at a time), and the members' answers
 * are summed here in member order: {@link #normalEquations} (Jᵀr, the loss and JᵀJ's packed lower
 * rows, fetched in stripes of bounded size and added into the caller's matrix in place),
 * {@link #gaussNewtonTimes} and {@link #lossAndGradient} (P values per member). The S-long
 * operations ({@link #residuals}, {@link #jacobianTimes}, {@link #jacobianTransposeTimes}) and
 * {@link #jacobian} gather or scatter the blocks' rows, so every optimizer works; only those that
 * ask for the normal equations avoid
 * moving S-long data.
 *
 * <p>Rows equal the whole system's: with {@link LossScaling#MEAN} and {@link LossScaling#MEASURE}
 * a block built on n_b of a condition's n points divides by n_b, so its weight for that condition
 * is the system's weight times n_b/n. A member that leaves loses its blocks: the next evaluation
 * fails with a message (a new session sends the blocks again). Not thread-safe, as every residual system.
 */
final class DistributedResidualSystem implements ResidualSystem, NormalEquationSystem, AutoCloseable {
    private static final Cleaner CLEANER = Cleaner.create();

    private final IExecutorService executor;
    private final String coordinator;
    private final List<Member> members;
    private final BlockModel model;
    private final int dimension;
    private final int blockCount;
    private final ParameterLayout layout;
    private final int parameters;
    private final Map<String, double[]> points = new LinkedHashMap<>();
    private String job;
    private final long stripeNumbers;
    private Cleaner.Cleanable release;
    /** Where the current blocks' rows are, and who holds them. */
    private BlockLayout blocks;
    private double[] weights;
    private long revision;

    /**
     * @param hazelcast this member (the coordinator)
     * @param model the problem, model, engine and scaling the members build their blocks with
     * @param points all points per condition, row-major n×d (copied)
     * @param dimension d, the coordinates per point
     * @param blocks the number of blocks (at most the smallest condition's point count)
     * @param layout the model's parameter layout
     */
    DistributedResidualSystem(HazelcastInstance hazelcast, BlockModel model, Map<String, double[]> points, int dimension, int blocks,
            ParameterLayout layout) {
        this(hazelcast, model, points, dimension, blocks, layout, NormalEquations.STRIPE_NUMBERS);
    }

    /** As above, with the numbers per stripe of JᵀJ's packed rows a member sends at once (tests use small stripes). */
    DistributedResidualSystem(HazelcastInstance hazelcast, BlockModel model, Map<String, double[]> points, int dimension, int blocks,
            ParameterLayout layout, long stripeNumbers) {
        this.stripeNumbers = stripeNumbers;
        this.executor = hazelcast.getExecutorService(MemberSettings.EXECUTOR);
        this.coordinator = hazelcast.getCluster().getLocalMember().getUuid().toString();
        this.members = new ArrayList<>(hazelcast.getCluster().getMembers());
        this.members.sort(Comparator.comparing(m -> m.getAddress().toString()));
        this.model = model;
        this.dimension = dimension;
        this.blockCount = blocks;
        this.layout = layout;
        this.parameters = layout.size();
        points.forEach((k, v) -> this.points.put(k, v.clone()));
        distribute(null);
    }

    /** Sends the blocks (again, after points changed); keeps the given weights, or takes the problem's. */
    private void distribute(double[] keep) {
        if (release != null) {
            release.clean();
        }
        job = coordinator + ":" + UUID.randomUUID(); // members forget it when this coordinator leaves
        int smallest = Integer.MAX_VALUE;
        for (double[] v : points.values()) {
            smallest = Math.min(smallest, v.length / dimension);
        }
        if (blockCount > smallest) {
            throw new GeopinnException("cluster: " + blockCount + " point blocks need at least " + blockCount
                    + " points in every condition; the smallest has " + smallest);
        }
        List<Member> holders = new ArrayList<>();
        List<Future<double[]>> setups = new ArrayList<>();
        for (int b = 0; b < blockCount; b++) {
            Member m = members.get(b % members.size());
            holders.add(m);
            setups.add(executor.submitToMember(new BlockTasks.Setup(job, b, model, BlockLayout.piece(points, dimension, blockCount, b)), m));
        }
        release = CLEANER.register(this, new Release(executor, job, List.copyOf(holders)));
        List<double[]> answers = new ArrayList<>();
        for (Future<double[]> f : setups) {
            answers.add(get(f));
        }
        int g = answers.get(0).length / 2;
        int p = (int) answers.get(0)[2 * g];
        if (p != parameters) {
            throw new GeopinnException("cluster: the members built a model of " + p + " parameters, the coordinator's has " + parameters
                    + " (members build the model with their own factory of the id the coordinator names)");
        }
        blocks = new BlockLayout(points, dimension, !LossScaling.SUM.name().equals(model.scaling()), holders, members, answers);
        weights = keep != null ? keep : Arrays.copyOfRange(answers.get(0), g, 2 * g);
        revision++;
    }

    /** Asks every member once for all its blocks, in parallel; answers in member order. */
    private List<double[]> ask(BlockWork work, double[] theta, double[] vector) {
        return ask(work, theta, vector == null ? null : b -> vector, true, 0);
    }

    /**
     * @param vectors the vector per block, or null
     * @param shared whether the vector is the same for every block (sent once per member)
     * @param firstRows for the normal equations: the packed rows of JᵀJ in the first answer
     */
    private List<double[]> ask(BlockWork work, double[] theta, java.util.function.IntFunction<double[]> vectors, boolean shared,
            int firstRows) {
        double[] t = theta.clone();
        List<Member> holding = blocks.members();
        List<Future<double[]>> parts = new ArrayList<>(holding.size());
        for (int m = 0; m < holding.size(); m++) {
            int[] held = blocks.blocksOf(m);
            double[][] v = null;
            if (vectors != null) {
                v = new double[shared ? 1 : held.length][];
                for (int i = 0; i < v.length; i++) {
                    v[i] = vectors.apply(held[i]);
                }
            }
            double[][] w = new double[held.length][];
            for (int i = 0; i < held.length; i++) {
                w[i] = blocks.blockWeights(weights, held[i]);
            }
            parts.add(executor.submitToMember(new BlockTasks.Evaluate(job, held, work, t, v, w, firstRows), holding.get(m)));
        }
        List<double[]> got = new ArrayList<>(parts.size());
        for (Future<double[]> f : parts) {
            got.add(get(f));
        }
        return got;
    }

    /**
     * JᵀJ, Jᵀr and the loss summed by each member over its blocks; the coordinator adds the
     * members' packed rows into {@code gram} in place, stripe by stripe in member order (at most
     * one stripe per member in flight, {@link NormalEquations#STRIPE_NUMBERS} numbers each).
     */
    @Override
    public double normalEquations(double[] theta, double[] gram, double[] gradient) {
        int p = parameters;
        int[] stripes = NormalEquations.stripes(p, stripeNumbers);
        List<double[]> first = ask(BlockWork.NORMAL_EQUATIONS, theta, null, true, stripes[1]);
        Arrays.fill(gram, 0, p * p, 0);
        double[] total = new double[p + 1];
        for (double[] part : first) {
            for (int i = 0; i <= p; i++) {
                total[i] += part[i];
            }
            NormalEquations.addRows(gram, p, 0, stripes[1], part, p + 1);
        }
        for (int k = 1; k + 1 < stripes.length; k++) {
            List<Future<double[]>> rows = new ArrayList<>(blocks.members().size());
            for (Member m : blocks.members()) {
                rows.add(executor.submitToMember(new BlockTasks.GramRows(job, stripes[k], stripes[k + 1]), m));
            }
            for (Future<double[]> f : rows) {
                NormalEquations.addRows(gram, p, stripes[k], stripes[k + 1], get(f), 0);
            }
        }
        NormalEquations.mirrorLower(gram, p);
        System.arraycopy(total, 0, gradient, 0, p);
        return total[p];
    }

    @Override
    public void gaussNewtonTimes(double[] theta, double[] v, double[] out) {
        sum(ask(BlockWork.GAUSS_NEWTON_TIMES, theta, v.clone()), out);
    }

    @Override
    public double lossAndGradient(double[] theta, double[] gradient) {
        double[] total = new double[parameters + 1];
        sum(ask(BlockWork.LOSS_GRADIENT, theta, null), total);
        System.arraycopy(total, 0, gradient, 0, parameters);
        return total[parameters];
    }

    @Override
    public double loss(double[] theta) {
        double[] total = new double[parameters + 1];
        sum(ask(BlockWork.LOSS_GRADIENT, theta, null), total);
        return total[parameters];
    }

    @Override
    public double[] groupLosses(double[] theta) {
        double[] total = new double[weights.length];
        sum(ask(BlockWork.GROUP_LOSSES, theta, null), total);
        return total;
    }

    @Override
    public void residuals(double[] theta, double[] out) {
        blocks.gather(ask(BlockWork.RESIDUALS, theta, null), out, 1);
    }

    @Override
    public void jacobian(double[] theta, double[] out) {
        blocks.gather(ask(BlockWork.JACOBIAN, theta, null), out, parameters);
    }

    @Override
    public void jacobianTimes(double[] theta, double[] v, double[] out) {
        blocks.gather(ask(BlockWork.JACOBIAN_TIMES, theta, v.clone()), out, 1);
    }

    @Override
    public void jacobianTransposeTimes(double[] theta, double[] u, double[] out) {
        sum(ask(BlockWork.JACOBIAN_TRANSPOSE_TIMES, theta, b -> blocks.scatter(u, b), false, 0), out);
    }

    /** Adds the members' sums in member order (the same order gives the same sums). */
    private static void sum(List<double[]> parts, double[] out) {
        Arrays.fill(out, 0);
        for (double[] part : parts) {
            for (int i = 0; i < out.length; i++) {
                out[i] += part[i];
            }
        }
    }

    @Override
    public int parameterCount() {
        return parameters;
    }

    @Override
    public int residualCount() {
        int s = 0;
        for (ResidualGroup g : blocks.groups()) {
            s += g.size();
        }
        return s;
    }

    @Override
    public List<ResidualGroup> groups() {
        return blocks.groups();
    }

    @Override
    public ParameterLayout parameterLayout() {
        return layout;
    }

    @Override
    public double[] weights() {
        return weights.clone();
    }

    @Override
    public void setWeights(double[] w) {
        if (w.length != weights.length) {
            throw new GeopinnException("weights: " + w.length + " given for " + weights.length + " conditions");
        }
        for (double x : w) {
            if (!(x > 0) || !Double.isFinite(x)) {
                throw new GeopinnException("weights must be positive and finite, got " + x);
            }
        }
        weights = w.clone();
        revision++;
    }

    @Override
    public void setPoints(String group, double[] newPoints) {
        if (!points.containsKey(group)) {
            throw new GeopinnException("no condition '" + group + "' among " + points.keySet());
        }
        points.put(group, newPoints.clone());
        distribute(weights);
    }

    @Override
    public double[] points(String group) {
        double[] p = points.get(group);
        if (p == null) {
            throw new GeopinnException("no condition '" + group + "' among " + points.keySet());
        }
        return p.clone();
    }

    @Override
    public long revision() {
        return revision;
    }

    /** @return the number of point blocks */
    int blocks() {
        return blockCount;
    }

    /** The members forget the blocks (also done when this system is garbage). */
    @Override
    public void close() {
        release.clean();
    }

    private static <T> T get(Future<T> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GeopinnException("interrupted while the members computed their point blocks");
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            throw new GeopinnException("a cluster member could not compute its point block: " + (c != null ? c.getMessage() : e), c);
        }
    }

    /** Tells the holders to forget a job's blocks; refers to nothing of the system it cleans up after. */
    private record Release(IExecutorService executor, String job, List<Member> holders) implements Runnable {
        @Override
        public void run() {
            for (Member m : holders.stream().distinct().toList()) {
                try {
                    executor.submitToMember(new BlockTasks.Release(job), m);
                } catch (RuntimeException e) {
                    // a member that left (or a cluster that stopped) holds nothing any more
                }
            }
        }
    }
}

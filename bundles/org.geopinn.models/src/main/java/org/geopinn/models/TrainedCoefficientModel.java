package org.geopinn.models;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import org.geopinn.api.GeopinnException;
import org.geopinn.api.model.DerivativeRequest;
import org.geopinn.api.model.Model;
import org.geopinn.api.model.ModelEvaluator;
import org.geopinn.api.model.ParameterBlock;
import org.geopinn.api.model.ParameterLayout;
import org.geopinn.api.problem.CoefficientModel;

/**
 * The {@link CoefficientModel} of an inverse problem: the network's parameters followed by the
 * trained coefficients, θ = (θ_network, c_1 … c_U), one block {@code coefficient.NAME} (1×1, kind
 * {@link ParameterBlock.Kind#OTHER}) per unknown, in the order of the names. So every optimizer,
 * checkpoint and resume handles the coefficients as ordinary parameters. The network's evaluator sees
 * only its own entries: values do not depend on the coefficients, and the coefficient columns of
 * its Jacobian rows and gradients are zero (the residual system adds the operator's dependence on
 * them). The engine extends every session's network with it; a saved solution is rebuilt with it.
 */
public final class TrainedCoefficientModel extends ForwardingModel implements CoefficientModel {
    private final List<String> names;
    private final double[] initial;
    private final ParameterLayout layout;

    private TrainedCoefficientModel(Model network, SortedMap<String, Double> unknowns) {
        super(network);
        this.names = List.copyOf(unknowns.keySet());
        this.initial = unknowns.values().stream().mapToDouble(Double::doubleValue).toArray();
        List<ParameterBlock> blocks = new ArrayList<>(network.layout().blocks());
        int offset = network.parameterCount();
        int last = Math.max(0, network.layout().networks() - 1);
        for (String name : names) {
            blocks.add(new ParameterBlock(BLOCK_PREFIX + name, ParameterBlock.Kind.OTHER, offset++, 1, 1, last));
        }
        this.layout = new ParameterLayout(blocks);
    }

    /**
     * @param network the network
     * @param unknowns the trained coefficients, name → initial value, in θ order
     * @return the network itself when there are no unknowns, else the network extended by them
     * @throws GeopinnException for a non-finite initial value
     */
    public static Model extend(Model network, SortedMap<String, Double> unknowns) {
        if (unknowns.isEmpty()) {
            return network;
        }
        for (Map.Entry<String, Double> e : unknowns.entrySet()) {
            if (!Double.isFinite(e.getValue())) {
                throw new GeopinnException("the initial value of coefficient '" + e.getKey() + "' is " + e.getValue()
                        + "; it must be a finite number");
            }
        }
        return new TrainedCoefficientModel(network, unknowns);
    }

    @Override
    public List<String> names() {
        return names;
    }

    @Override
    public Model network() {
        return network;
    }

    @Override
    public ParameterLayout layout() {
        return layout;
    }

    @Override
    public double[] initialParameters(long seed) {
        double[] net = network.initialParameters(seed);
        double[] theta = Arrays.copyOf(net, net.length + initial.length);
        System.arraycopy(initial, 0, theta, net.length, initial.length);
        return theta;
    }

    @Override
    public ModelEvaluator evaluator(DerivativeRequest request, int maxPoints) {
        return new Evaluator(network.evaluator(request, maxPoints), layout.size());
    }

    /** The network's evaluator on the leading entries of θ; zero in the coefficient columns. */
    private static final class Evaluator extends ForwardingEvaluator {
        private final int total;
        private final int own;
        private final double[] theta;
        private final double[] direction;
        private double[] rows = new double[0];

        Evaluator(ModelEvaluator inner, int total) {
            super(inner);
            this.total = total;
            this.own = inner.parameterCount();
            this.theta = new double[own];
            this.direction = new double[own];
        }

        @Override
        public int parameterCount() {
            return total;
        }

        @Override
        public void forward(double[] parameters, double[] points, int n) {
            if (parameters.length != total) {
                throw new GeopinnException("parameter vector of length " + parameters.length + " for a model with " + total
                        + " parameters (" + own + " of the network and " + (total - own) + " coefficients)");
            }
            System.arraycopy(parameters, 0, theta, 0, own);
            inner.forward(theta, points, n);
        }

        // backward is the network's: it accumulates into its own leading entries, the coefficient entries get nothing.

        @Override
        public void jacobianRows(double[] seeds, double[] jacobian, int rowOffset) {
            int n = inner.pointCount();
            if (rows.length < n * own) {
                rows = new double[n * own]; // grows once to the largest batch, then reused
            }
            inner.jacobianRows(seeds, rows, 0);
            for (int i = 0; i < n; i++) {
                int row = (rowOffset + i) * total;
                System.arraycopy(rows, i * own, jacobian, row, own);
                Arrays.fill(jacobian, row + own, row + total, 0);
            }
        }

        @Override
        public void tangent(double[] v, double[] out) {
            System.arraycopy(v, 0, direction, 0, own);
            inner.tangent(direction, out);
        }
    }
}

package org.geopinn.autodiff;

import java.util.Arrays;
import org.geopinn.api.GeopinnException;

/**
 * Evaluates a {@link JetNetwork} on batches of points with Taylor-mode jets in the inputs, and
 * differentiates the output jets with respect to the parameters: reverse mode (gradient, and
 * per-point Jacobian rows without one pass per point) and forward tangents.
 *
 * <p>Layout: every layer keeps {@code [c][unit][i]}, one array per jet component and unit over
 * the points. Every layer is then the same matrix product for every jet component,
 * Z_c = W·A_c (rows of Z combine rows of A), the bias added to the value component only; the
 * weight gradient is Σ_c δZ_c A_cᵀ (dot products of rows). Outputs, seeds and tangents use the
 * same layout: {@code [c][output][i]}.
 *
 * <p>This class holds the passes and their workspaces; the matrix products (native or Java) are
 * {@link LayerProducts}', the per-point Jacobian rows {@link JacobianRows}'. All workspaces are
 * allocated at construction for {@code maxPoints}; the passes allocate nothing. Not thread-safe:
 * create one evaluator per thread.
 */
public final class JetNetworkEvaluator {
    private final JetNetwork network;
    private final JetStructure jets;
    private final DenseLayer[] layers;
    private final int components;
    private final int maxPoints;
    private final int derivativeOrders;
    /** One per lane: they own scratch. */
    private final ActivationJets[] activationJets = new ActivationJets[2];
    private final double[][][] encoded;
    private final double[][][][] z;
    private final double[][][][] a;
    private final double[][][][] s;
    private final double[][] weights;
    private final double[][][] bufferX;
    private final double[][][] bufferY;
    /** The layer products and weight gradients (native GEMM when offered and wide enough). */
    private final LayerProducts products;
    private final JacobianRows rows;
    private final ActivationTask activationTask = new ActivationTask();
    private int n = -1;

    JetNetworkEvaluator(JetNetwork network, JetStructure jets, int maxPoints, RowProducts products) {
        if (jets.maxOrder() + 1 > Activation.MAX_ORDER) {
            throw new GeopinnException("derivatives of order " + jets.maxOrder() + " requested; at most "
                    + (Activation.MAX_ORDER - 1) + " are supported");
        }
        if (network.encoding().inputDimension() != jets.dimension()) {
            throw new GeopinnException("the network has " + network.encoding().inputDimension()
                    + " inputs but derivatives are requested in " + jets.dimension() + " variables");
        }
        this.network = network;
        this.jets = jets;
        this.products = new LayerProducts(products, jets.size());
        this.layers = network.layers().toArray(new DenseLayer[0]);
        this.components = jets.size();
        this.maxPoints = Math.max(1, maxPoints);
        this.derivativeOrders = jets.maxOrder() + 2;
        this.activationJets[0] = new ActivationJets(jets);
        this.activationJets[1] = new ActivationJets(jets);
        int points = this.maxPoints;
        int widest = network.encoding().width();
        encoded = new double[components][network.encoding().width()][points];
        z = new double[layers.length][][][];
        a = new double[layers.length][][][];
        s = new double[layers.length][][][];
        weights = new double[layers.length][];
        for (int l = 0; l < layers.length; l++) {
            DenseLayer layer = layers[l];
            widest = Math.max(widest, layer.outputs());
            z[l] = new double[components][layer.outputs()][points];
            if (layer.activation() != null) {
                a[l] = new double[components][layer.outputs()][points];
                s[l] = new double[layer.outputs()][derivativeOrders][points];
            }
            weights[l] = layer.trainableWeights() ? new double[layer.inputs() * layer.outputs()] : layer.fixedWeights();
        }
        bufferX = new double[components][widest][points];
        bufferY = new double[components][widest][points];
        rows = new JacobianRows(components, widest);
    }

    /** @return the network */
    public JetNetwork network() {
        return network;
    }

    /** @return the jet components propagated */
    public JetStructure jets() {
        return jets;
    }

    /** @return the weight-gradient products this evaluator uses */
    public RowProducts products() {
        return products.products();
    }

    /** @return the largest batch */
    public int maxPoints() {
        return maxPoints;
    }

    /** @return the number of points of the last forward pass */
    public int pointCount() {
        return n;
    }

    /**
     * Runs the jets through the network and keeps what the reverse and tangent passes need.
     *
     * @param theta the parameters (not modified)
     * @param points n points, row-major n×d (not modified)
     * @param count the number of points, at most {@link #maxPoints()}
     */
    public void forward(double[] theta, double[] points, int count) {
        if (count < 0 || count > maxPoints) {
            throw new GeopinnException("batch of " + count + " points; this evaluator holds at most " + maxPoints);
        }
        n = count;
        network.encoding().encode(points, n, jets, encoded);
        for (int l = 0; l < layers.length; l++) {
            DenseLayer layer = layers[l];
            int in = layer.inputs();
            int out = layer.outputs();
            if (layer.trainableWeights()) {
                // keep W as it was in this pass: the reverse pass must not see later changes of theta
                System.arraycopy(theta, layer.weightOffset(), weights[l], 0, in * out);
            }
            products.combine(weights[l], 0, in, 1, out, in, input(l), z[l], false, n);
            addBias(layer, theta, z[l][0]);
            if (layer.activation() != null) {
                activationTask.run(ActivationTask.FORWARD, l, null, a[l], out);
            }
        }
    }

    /**
     * @return the output jets of the last forward pass, {@code [c][output][i]} (a view, valid
     *         until the next forward pass; do not modify)
     */
    public double[][][] outputs() {
        return z[layers.length - 1];
    }

    /**
     * Reverse mode: {@code gradient[p] += Σ seeds[c][o][i] · ∂outputs[c][o][i]/∂θ_p} over the
     * trainable parameters.
     *
     * @param seeds weights on the outputs, layout of {@link #outputs()} (not modified)
     * @param gradient accumulates the gradient (modified)
     */
    public void backward(double[][][] seeds, double[] gradient) {
        reverse(seeds, gradient, null, 0, 0);
    }

    /**
     * Per-point reverse mode: for each point i, overwrites the trainable parameters' columns of row
     * {@code rowOffset + i} of the row-major matrix {@code jacobian} (with {@code columns} columns)
     * with Σ_{c,o} seeds[c][o][i] · ∂outputs[c][o][i]/∂θ. For point i and a weight matrix this
     * is Σ_c δz_{i,c} a_{i,c}ᵀ, a few outer products, so all rows cost about one backward pass.
     *
     * @param seeds weights on the outputs (not modified)
     * @param jacobian the matrix (modified)
     * @param rowOffset the row of point 0
     * @param columns the number of columns (all parameters of the model)
     */
    public void jacobianRows(double[][][] seeds, double[] jacobian, int rowOffset, int columns) {
        reverse(seeds, null, jacobian, rowOffset, columns);
    }

    private void reverse(double[][][] seeds, double[] gradient, double[] jacobian, int rowOffset, int columns) {
        requireForward();
        double[][][] current = seeds;
        for (int l = layers.length - 1; l >= 0; l--) {
            DenseLayer layer = layers[l];
            int in = layer.inputs();
            int out = layer.outputs();
            double[][][] input = input(l);
            if (gradient != null) {
                if (layer.trainableWeights()) {
                    products.weightGradient(current, out, input, in, n, gradient, layer.weightOffset());
                }
                if (layer.trainableBias()) {
                    for (int j = 0; j < out; j++) {
                        double sum = 0;
                        double[] row = current[0][j];
                        for (int i = 0; i < n; i++) {
                            sum += row[i];
                        }
                        gradient[layer.biasOffset() + j] += sum;
                    }
                }
            } else {
                rows.write(layer, current, input, jacobian, rowOffset, columns, n);
            }
            if (l == 0) {
                break;
            }
            double[][][] next = current == bufferX ? bufferY : bufferX;
            // δA (in rows) = Wᵀ δZ: M(r, s) = W[s][r], rowStride 1, colStride in
            products.combine(weights[l], 0, 1, in, in, out, current, next, false, n);
            DenseLayer below = layers[l - 1];
            if (below.activation() != null) {
                double[][][] target = next == bufferX ? bufferY : bufferX;
                activationTask.run(ActivationTask.BACKWARD, l - 1, next, target, in);
                current = target;
            } else {
                current = next;
            }
        }
    }

    /**
     * Forward mode in the parameters: {@code out[c][o][i] = Σ_p ∂outputs[c][o][i]/∂θ_p · v[p]} at
     * the parameters of the last forward pass.
     *
     * @param v a parameter direction (not modified)
     * @param out receives the output tangents, layout of {@link #outputs()} (modified)
     */
    public void tangent(double[] v, double[][][] out) {
        requireForward();
        double[][][] previous = null;
        for (int l = 0; l < layers.length; l++) {
            DenseLayer layer = layers[l];
            int in = layer.inputs();
            int width = layer.outputs();
            boolean last = l == layers.length - 1;
            double[][][] target = last ? out : previous == bufferX ? bufferY : bufferX;
            if (previous != null) {
                products.combine(weights[l], 0, in, 1, width, in, previous, target, false, n);
            } else {
                for (int c = 0; c < components; c++) {
                    for (int j = 0; j < width; j++) {
                        Arrays.fill(target[c][j], 0, n, 0.0);
                    }
                }
            }
            if (layer.trainableWeights()) {
                products.combine(v, layer.weightOffset(), in, 1, width, in, input(l), target, true, n);
            }
            if (layer.trainableBias()) {
                for (int j = 0; j < width; j++) {
                    double b = v[layer.biasOffset() + j];
                    double[] row = target[0][j];
                    for (int i = 0; i < n; i++) {
                        row[i] += b;
                    }
                }
            }
            if (last) {
                break;
            }
            if (layer.activation() != null) {
                double[][][] dotA = target == bufferX ? bufferY : bufferX;
                activationTask.run(ActivationTask.TANGENT, l, target, dotA, width);
                previous = dotA;
            } else {
                previous = target;
            }
        }
    }

    private double[][][] input(int l) {
        if (l == 0) {
            return encoded;
        }
        return layers[l - 1].activation() != null ? a[l - 1] : z[l - 1];
    }

    private void addBias(DenseLayer layer, double[] theta, double[][] target) {
        double[] bias = layer.trainableBias() ? theta : layer.fixedBias();
        if (bias == null) {
            return;
        }
        int offset = layer.trainableBias() ? layer.biasOffset() : 0;
        for (int j = 0; j < layer.outputs(); j++) {
            double b = bias[offset + j];
            double[] row = target[j];
            for (int i = 0; i < n; i++) {
                row[i] += b;
            }
        }
    }

    private void requireForward() {
        if (n < 0) {
            throw new IllegalStateException("call forward before the reverse or tangent passes");
        }
    }

    /** The activation's jets, forward, reverse or tangent, split by units. */
    private final class ActivationTask implements Lanes.Task {
        static final int FORWARD = 0;
        static final int BACKWARD = 1;
        static final int TANGENT = 2;
        private int mode;
        private int layer;
        private double[][][] other;
        private double[][][] target;
        private int width;

        void run(int pass, int l, double[][][] source, double[][][] result, int units) {
            mode = pass;
            layer = l;
            other = source;
            target = result;
            width = units;
            Lanes.run((long) units * n * components * 8, this);
        }

        @Override
        public void run(int lane, int lanes) {
            int from = Lanes.split(0, width, lane, lanes);
            int to = Lanes.split(0, width, lane + 1, lanes);
            ActivationJets jetsOfLane = activationJets[lane];
            switch (mode) {
                case FORWARD:
                    Activation activation = layers[layer].activation();
                    for (int j = from; j < to; j++) {
                        activation.derivatives(z[layer][0][j], n, derivativeOrders - 1, s[layer][j]);
                    }
                    jetsOfLane.forward(z[layer], s[layer], target, n, from, to);
                    break;
                case BACKWARD:
                    jetsOfLane.backward(other, z[layer], s[layer], target, n, from, to);
                    break;
                default:
                    jetsOfLane.tangent(other, z[layer], s[layer], target, n, from, to);
                    break;
            }
        }
    }
}

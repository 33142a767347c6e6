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
 * <p>All workspaces are allocated at construction for {@code maxPoints}; the passes allocate
 * nothing. Not thread-safe: create one evaluator per thread.
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
    /** Per-point gathers for the Jacobian rows, per lane: a_{i,c} (C × in) and δz_{i,c} (C × out). */
    private final double[][][] gatheredInput;
    private final double[][][] gatheredDelta;
    private final CombineTask combineTask = new CombineTask();
    private final DotTask dotTask = new DotTask();
    private final ActivationTask activationTask = new ActivationTask();
    private final RowsTask rowsTask = new RowsTask();
    /** The weight-gradient products of the wide layers (native GEMM when offered). */
    private final RowProducts products;
    private int n = -1;

    /**
     * Layer products with fewer than this many rows or sources, and weight gradients with fewer than
     * its square entries, stay in Java: packing would cost more than the product. (The weight
     * gradients of a 2-input or 1-output layer are packed: their Java dot products run at scalar speed.)
     */
    private static final int PACKED_MIN_WIDTH = 8;

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
        this.products = products;
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
        gatheredInput = new double[2][components][widest];
        gatheredDelta = new double[2][components][widest];
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
        return products;
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
            combine(weights[l], 0, in, 1, out, in, input(l), z[l], false);
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
                    if (products != RowProducts.java() && out * in >= PACKED_MIN_WIDTH * PACKED_MIN_WIDTH) {
                        // one GEMM over points × components, on the calling thread
                        products.accumulate(current, out, input, in, components, n, gradient, layer.weightOffset());
                    } else {
                        dotTask.run(current, out, input, in, gradient, layer.weightOffset());
                    }
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
                rowsTask.run(layer, current, input, jacobian, rowOffset, columns);
            }
            if (l == 0) {
                break;
            }
            double[][][] next = current == bufferX ? bufferY : bufferX;
            // δA (in rows) = Wᵀ δZ: M(r, s) = W[s][r], rowStride 1, colStride in
            combine(weights[l], 0, 1, in, in, out, current, next, false);
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

    private void writeRows(DenseLayer layer, double[][][] delta, double[][][] input, double[] jacobian, int rowOffset,
            int columns, int from, int to, int lane) {
        int in = layer.inputs();
        int out = layer.outputs();
        double[][] a = gatheredInput[lane];
        double[][] d = gatheredDelta[lane];
        for (int i = from; i < to; i++) {
            int rowStart = (rowOffset + i) * columns;
            if (layer.trainableWeights()) {
                // a_{i,c} and δz_{i,c} of this point, one small array per component (vectorisable below)
                for (int c = 0; c < components; c++) {
                    double[][] inputs = input[c];
                    double[][] deltas = delta[c];
                    double[] ac = a[c];
                    double[] dc = d[c];
                    for (int k = 0; k < in; k++) {
                        ac[k] = inputs[k][i];
                    }
                    for (int j = 0; j < out; j++) {
                        dc[j] = deltas[j][i];
                    }
                }
                int base = rowStart + layer.weightOffset();
                for (int j = 0; j < out; j++) {
                    outerProductRow(jacobian, base + j * in, in, a, d, j);
                }
            }
            if (layer.trainableBias()) {
                int base = rowStart + layer.biasOffset();
                for (int j = 0; j < out; j++) {
                    jacobian[base + j] = delta[0][j][i];
                }
            }
        }
    }

    /** row[dst + k] = Σ_c d[c][j] · a[c][k]: one row of Σ_c δz_c a_cᵀ, four components per loop. */
    private void outerProductRow(double[] row, int dst, int in, double[][] a, double[][] d, int j) {
        int c = 0;
        if (components >= 4) {
            double x0 = d[0][j], x1 = d[1][j], x2 = d[2][j], x3 = d[3][j];
            double[] a0 = a[0], a1 = a[1], a2 = a[2], a3 = a[3];
            for (int k = 0; k < in; k++) {
                row[dst + k] = x0 * a0[k] + x1 * a1[k] + x2 * a2[k] + x3 * a3[k];
            }
            c = 4;
        } else {
            double x0 = d[0][j];
            double[] a0 = a[0];
            for (int k = 0; k < in; k++) {
                row[dst + k] = x0 * a0[k];
            }
            c = 1;
        }
        for (; c + 3 < components; c += 4) {
            double x0 = d[c][j], x1 = d[c + 1][j], x2 = d[c + 2][j], x3 = d[c + 3][j];
            double[] a0 = a[c], a1 = a[c + 1], a2 = a[c + 2], a3 = a[c + 3];
            for (int k = 0; k < in; k++) {
                row[dst + k] += x0 * a0[k] + x1 * a1[k] + x2 * a2[k] + x3 * a3[k];
            }
        }
        for (; c < components; c++) {
            double x0 = d[c][j];
            double[] a0 = a[c];
            for (int k = 0; k < in; k++) {
                row[dst + k] += x0 * a0[k];
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
                combine(weights[l], 0, in, 1, width, in, previous, target, false);
            } else {
                for (int c = 0; c < components; c++) {
                    for (int j = 0; j < width; j++) {
                        Arrays.fill(target[c][j], 0, n, 0.0);
                    }
                }
            }
            if (layer.trainableWeights()) {
                combine(v, layer.weightOffset(), in, 1, width, in, input(l), target, true);
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

    private void combine(double[] m, int off, int rowStride, int colStride, int rows, int sources, double[][][] src,
            double[][][] out, boolean accumulate) {
        if (!accumulate && products != RowProducts.java() && rows >= PACKED_MIN_WIDTH && sources >= PACKED_MIN_WIDTH) {
            // one GEMM over points × components, on the calling thread
            products.combine(m, off, rowStride, colStride, rows, sources, src, out, components, n);
            return;
        }
        combineTask.m = m;
        combineTask.off = off;
        combineTask.rowStride = rowStride;
        combineTask.colStride = colStride;
        combineTask.rows = rows;
        combineTask.sources = sources;
        combineTask.src = src;
        combineTask.out = out;
        combineTask.length = n;
        combineTask.components = components;
        combineTask.accumulate = accumulate;
        Lanes.run((long) rows * sources * n * components, combineTask);
    }

    /** Rows out_c = M·src_c for every component c, split by points. */
    private static final class CombineTask implements Lanes.Task {
        double[] m;
        int off;
        int rowStride;
        int colStride;
        int rows;
        int sources;
        double[][][] src;
        double[][][] out;
        int length;
        int components;
        boolean accumulate;

        @Override
        public void run(int lane, int lanes) {
            int from = Lanes.split(0, length, lane, lanes);
            int to = Lanes.split(0, length, lane + 1, lanes);
            for (int c = 0; c < components; c++) {
                Gemm.combineRows(m, off, rowStride, colStride, rows, sources, src[c], out[c], from, to, accumulate);
            }
        }
    }

    /** Weight gradients Σ_c δZ_c A_cᵀ by dot products of rows, split by output rows. */
    private final class DotTask implements Lanes.Task {
        private double[][][] x;
        private int xRows;
        private double[][][] y;
        private int yRows;
        private double[] out;
        private int off;

        void run(double[][][] left, int leftRows, double[][][] right, int rightRows, double[] result, int offset) {
            x = left;
            xRows = leftRows;
            y = right;
            yRows = rightRows;
            out = result;
            off = offset;
            Lanes.run(xRows >= 4 ? (long) xRows * yRows * n * components : 0L, this);
        }

        @Override
        public void run(int lane, int lanes) {
            int from = Lanes.split(0, xRows, lane, lanes);
            int to = Lanes.split(0, xRows, lane + 1, lanes);
            for (int c = 0; c < components; c++) {
                Gemm.dotRows(x[c], from, to, y[c], yRows, n, out, off);
            }
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

    /** Per-point Jacobian rows of one layer, split by points. */
    private final class RowsTask implements Lanes.Task {
        private DenseLayer layer;
        private double[][][] delta;
        private double[][][] input;
        private double[] jacobian;
        private int rowOffset;
        private int columns;

        void run(DenseLayer l, double[][][] d, double[][][] in, double[] jac, int offset, int cols) {
            layer = l;
            delta = d;
            input = in;
            jacobian = jac;
            rowOffset = offset;
            columns = cols;
            Lanes.run((long) n * components * l.inputs() * l.outputs(), this);
        }

        @Override
        public void run(int lane, int lanes) {
            writeRows(layer, delta, input, jacobian, rowOffset, columns, Lanes.split(0, n, lane, lanes),
                    Lanes.split(0, n, lane + 1, lanes), lane);
        }
    }
}

package org.geopinn.autodiff;

import java.util.Arrays;
import org.geopinn.api.GeopinnException;

/**
 * Evaluates a {@link JetNetwork} on batches of points with Taylor-mode jets in the inputs, and
 * differentiates the output jets with respect to the parameters: reverse mode (gradient, and
 * per-point Jacobian rows without one pass per point) and forward tangents.
 *
 * <p>Every layer is one matrix product over all points and all jet components:
 * Z (C·n×out) = A (C·n×in) · Wᵀ, the bias added to the value rows only. Outputs, seeds and
 * tangents use the same layout: row {@code c*n + i}, column = output index.
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
    private final ActivationJets activationJets;
    private final double[] encoded;
    private final double[][] z;
    private final double[][] a;
    private final double[][] s;
    private final double[][] transposedWeights;
    private final double[][] weights;
    private final double[] bufferX;
    private final double[] bufferY;
    private final double[] transposedDirection;
    private int n = -1;

    JetNetworkEvaluator(JetNetwork network, JetStructure jets, int maxPoints) {
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
        this.layers = network.layers().toArray(new DenseLayer[0]);
        this.components = jets.size();
        this.maxPoints = Math.max(1, maxPoints);
        this.derivativeOrders = jets.maxOrder() + 2;
        this.activationJets = new ActivationJets(jets);
        int rows = components * this.maxPoints;
        int widest = network.encoding().width();
        encoded = new double[rows * network.encoding().width()];
        z = new double[layers.length][];
        a = new double[layers.length][];
        s = new double[layers.length][];
        transposedWeights = new double[layers.length][];
        weights = new double[layers.length][];
        int largestMatrix = 0;
        for (int l = 0; l < layers.length; l++) {
            DenseLayer layer = layers[l];
            widest = Math.max(widest, layer.outputs());
            z[l] = new double[rows * layer.outputs()];
            if (layer.activation() != null) {
                a[l] = new double[rows * layer.outputs()];
                s[l] = new double[derivativeOrders * this.maxPoints * layer.outputs()];
            }
            transposedWeights[l] = new double[layer.inputs() * layer.outputs()];
            if (layer.trainableWeights()) {
                weights[l] = new double[layer.inputs() * layer.outputs()];
            } else {
                weights[l] = layer.fixedWeights();
                Gemm.transpose(layer.outputs(), layer.inputs(), weights[l], 0, transposedWeights[l], 0);
            }
            largestMatrix = Math.max(largestMatrix, layer.inputs() * layer.outputs());
        }
        bufferX = new double[rows * widest];
        bufferY = new double[rows * widest];
        transposedDirection = new double[largestMatrix];
    }

    /** @return the network */
    public JetNetwork network() {
        return network;
    }

    /** @return the jet components propagated */
    public JetStructure jets() {
        return jets;
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
        int rows = components * n;
        network.encoding().encode(points, n, jets, encoded);
        for (int l = 0; l < layers.length; l++) {
            DenseLayer layer = layers[l];
            int in = layer.inputs();
            int out = layer.outputs();
            if (layer.trainableWeights()) {
                // keep W as it was in this pass: the reverse pass must not see later changes of theta
                System.arraycopy(theta, layer.weightOffset(), weights[l], 0, in * out);
                Gemm.transpose(out, in, weights[l], 0, transposedWeights[l], 0);
            }
            Gemm.multiply(rows, out, in, input(l), 0, transposedWeights[l], 0, z[l], 0, false);
            addBias(layer, theta, z[l]);
            if (layer.activation() != null) {
                int len = n * out;
                layer.activation().derivatives(z[l], len, derivativeOrders - 1, s[l], maxPoints * out);
                activationJets.forward(z[l], s[l], maxPoints * out, a[l], n, out);
            }
        }
    }

    /**
     * @return the output jets of the last forward pass, row {@code c*n + i}, column = output
     *         (a view, valid until the next forward pass; do not modify)
     */
    public double[] outputs() {
        return z[layers.length - 1];
    }

    /**
     * Reverse mode: {@code gradient[p] += Σ seeds[r] · ∂outputs[r]/∂θ_p} over the trainable
     * parameters.
     *
     * @param seeds weights on the outputs, same layout as {@link #outputs()} (not modified)
     * @param gradient accumulates the gradient (modified)
     */
    public void backward(double[] seeds, double[] gradient) {
        reverse(seeds, gradient, null, 0, 0);
    }

    /**
     * Per-point reverse mode: for each point i, overwrites the trainable parameters' columns of row
     * {@code rowOffset + i} of the row-major matrix {@code jacobian} (with {@code columns} columns)
     * with Σ_{c,o} seeds[(c*n+i), o] · ∂outputs[(c*n+i), o]/∂θ. For point i and a weight matrix
     * this is Σ_c δz_{i,c} a_{i,c}ᵀ, a few outer products, so the rows cost about one
     * backward pass in total.
     *
     * @param seeds weights on the outputs (not modified)
     * @param jacobian the matrix (modified)
     * @param rowOffset the row of point 0
     * @param columns the number of columns (all parameters of the model)
     */
    public void jacobianRows(double[] seeds, double[] jacobian, int rowOffset, int columns) {
        reverse(seeds, null, jacobian, rowOffset, columns);
    }

    private void reverse(double[] seeds, double[] gradient, double[] jacobian, int rowOffset, int columns) {
        requireForward();
        int rows = components * n;
        double[] current = seeds;
        for (int l = layers.length - 1; l >= 0; l--) {
            DenseLayer layer = layers[l];
            int in = layer.inputs();
            int out = layer.outputs();
            double[] input = input(l);
            if (gradient != null) {
                if (layer.trainableWeights()) {
                    Gemm.multiplyTransposeA(out, in, rows, current, 0, input, 0, gradient, layer.weightOffset(), true);
                }
                if (layer.trainableBias()) {
                    int b = layer.biasOffset();
                    for (int i = 0; i < n; i++) {
                        for (int j = 0; j < out; j++) {
                            gradient[b + j] += current[i * out + j];
                        }
                    }
                }
            } else {
                writeRows(layer, current, input, jacobian, rowOffset, columns);
            }
            if (l == 0) {
                break;
            }
            double[] next = current == bufferX ? bufferY : bufferX;
            // δA (rows × in) = δZ (rows × out) · W (out × in)
            Gemm.multiply(rows, in, out, current, 0, weights[l], 0, next, 0, false);
            DenseLayer below = layers[l - 1];
            if (below.activation() != null) {
                double[] target = next == bufferX ? bufferY : bufferX;
                activationJets.backward(next, z[l - 1], s[l - 1], maxPoints * in, target, n, in);
                current = target;
            } else {
                current = next;
            }
        }
    }

    private void writeRows(DenseLayer layer, double[] delta, double[] input, double[] jacobian, int rowOffset,
            int columns) {
        int in = layer.inputs();
        int out = layer.outputs();
        for (int i = 0; i < n; i++) {
            long rowStart = (long) (rowOffset + i) * columns;
            if (layer.trainableWeights()) {
                int base = (int) (rowStart + layer.weightOffset());
                for (int j = 0; j < out; j++) {
                    int dst = base + j * in;
                    double d0 = delta[i * out + j];
                    int src0 = i * in;
                    for (int k = 0; k < in; k++) {
                        jacobian[dst + k] = d0 * input[src0 + k];
                    }
                    for (int c = 1; c < components; c++) {
                        int r = c * n + i;
                        double d = delta[r * out + j];
                        if (d != 0.0) {
                            int src = r * in;
                            for (int k = 0; k < in; k++) {
                                jacobian[dst + k] += d * input[src + k];
                            }
                        }
                    }
                }
            }
            if (layer.trainableBias()) {
                System.arraycopy(delta, i * out, jacobian, (int) (rowStart + layer.biasOffset()), out);
            }
        }
    }

    /**
     * Forward mode in the parameters: {@code out[r] = Σ_p ∂outputs[r]/∂θ_p · v[p]} at the parameters
     * of the last forward pass.
     *
     * @param v a parameter direction (not modified)
     * @param out receives the output tangents, layout of {@link #outputs()} (modified)
     */
    public void tangent(double[] v, double[] out) {
        requireForward();
        int rows = components * n;
        double[] previous = null;
        for (int l = 0; l < layers.length; l++) {
            DenseLayer layer = layers[l];
            int in = layer.inputs();
            int width = layer.outputs();
            boolean last = l == layers.length - 1;
            double[] target = last ? out : previous == bufferX ? bufferY : bufferX;
            if (previous != null) {
                Gemm.multiply(rows, width, in, previous, 0, transposedWeights[l], 0, target, 0, false);
            } else {
                Arrays.fill(target, 0, rows * width, 0.0);
            }
            if (layer.trainableWeights()) {
                Gemm.transpose(width, in, v, layer.weightOffset(), transposedDirection, 0);
                Gemm.multiply(rows, width, in, input(l), 0, transposedDirection, 0, target, 0, true);
            }
            if (layer.trainableBias()) {
                for (int i = 0; i < n; i++) {
                    for (int j = 0; j < width; j++) {
                        target[i * width + j] += v[layer.biasOffset() + j];
                    }
                }
            }
            if (last) {
                break;
            }
            if (layer.activation() != null) {
                double[] dotA = target == bufferX ? bufferY : bufferX;
                activationJets.tangent(target, z[l], s[l], maxPoints * width, dotA, n, width);
                previous = dotA;
            } else {
                previous = target;
            }
        }
    }

    private double[] input(int l) {
        if (l == 0) {
            return encoded;
        }
        return layers[l - 1].activation() != null ? a[l - 1] : z[l - 1];
    }

    private void addBias(DenseLayer layer, double[] theta, double[] target) {
        double[] bias = layer.trainableBias() ? theta : layer.fixedBias();
        if (bias == null) {
            return;
        }
        int offset = layer.trainableBias() ? layer.biasOffset() : 0;
        int out = layer.outputs();
        for (int i = 0; i < n; i++) {
            int row = i * out;
            for (int j = 0; j < out; j++) {
                target[row + j] += bias[offset + j];
            }
        }
    }

    private void requireForward() {
        if (n < 0) {
            throw new IllegalStateException("call forward before the reverse or tangent passes");
        }
    }
}

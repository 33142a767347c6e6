package org.geopinn.autodiff;

/**
 * The per-point Jacobian rows of one layer in a {@link JetNetworkEvaluator}'s reverse pass: for
 * point i the weight block of its row is Σ_c δz_{i,c} a_{i,c}ᵀ, a few outer products, and the bias
 * block is δz_{i,0}. Split by points into {@link Lanes}; each lane gathers a_{i,c} and δz_{i,c}
 * into its own small arrays, made at construction, so writing the rows allocates nothing. Not
 * thread-safe, like its evaluator.
 */
final class JacobianRows implements Lanes.Task {
    private final int components;
    /** Per-point gathers, per lane: a_{i,c} (C × in) and δz_{i,c} (C × out). */
    private final double[][][] gatheredInput;
    private final double[][][] gatheredDelta;
    private DenseLayer layer;
    private double[][][] delta;
    private double[][][] input;
    private double[] jacobian;
    private int rowOffset;
    private int columns;
    private int n;

    /**
     * @param components the jet components of every row
     * @param widest the widest layer (inputs or outputs)
     */
    JacobianRows(int components, int widest) {
        this.components = components;
        gatheredInput = new double[2][components][widest];
        gatheredDelta = new double[2][components][widest];
    }

    /**
     * Overwrites the layer's trainable columns of rows {@code rowOffset + i}, i &lt; n, of the
     * row-major matrix {@code jac} with {@code columns} columns.
     *
     * @param l the layer
     * @param d δZ of the layer, {@code [c][output][i]} (not modified)
     * @param in its input A, {@code [c][input][i]} (not modified)
     * @param jac the matrix (modified)
     * @param offset the row of point 0
     * @param cols the number of columns
     * @param points the number of points
     */
    void write(DenseLayer l, double[][][] d, double[][][] in, double[] jac, int offset, int cols, int points) {
        layer = l;
        delta = d;
        input = in;
        jacobian = jac;
        rowOffset = offset;
        columns = cols;
        n = points;
        Lanes.run((long) n * components * l.inputs() * l.outputs(), this);
    }

    @Override
    public void run(int lane, int lanes) {
        writeRows(layer, delta, input, jacobian, rowOffset, columns, Lanes.split(0, n, lane, lanes),
                Lanes.split(0, n, lane + 1, lanes), lane);
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
}

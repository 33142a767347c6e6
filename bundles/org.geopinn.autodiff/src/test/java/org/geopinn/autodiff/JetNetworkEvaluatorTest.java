package org.geopinn.autodiff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.commons.math3.analysis.differentiation.DerivativeStructure;
import org.geopinn.api.GeopinnException;
import org.geopinn.api.model.DerivativeRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Jets of random networks against Commons Math DerivativeStructure (every partial up to order 4 in
 * two and three variables), and the parameter derivatives against finite differences and each
 * other.
 */
class JetNetworkEvaluatorTest {
    /** Every multi-index of total order 1..maxOrder in d variables. */
    static List<int[]> allMultiIndices(int d, int maxOrder) {
        List<int[]> out = new ArrayList<>();
        int[] m = new int[d];
        while (true) {
            int j = 0;
            while (j < d && m[j] == maxOrder) {
                m[j] = 0;
                j++;
            }
            if (j == d) {
                break;
            }
            m[j]++;
            int sum = 0;
            for (int o : m) {
                sum += o;
            }
            if (sum >= 1 && sum <= maxOrder) {
                out.add(m.clone());
            }
        }
        return out;
    }

    /** A random network over an affine encoding; returns the network, fills theta. */
    static JetNetwork randomNetwork(int d, int[] hidden, int outputs, Activation activation, double[] scale,
            double[] shift, List<Double> thetaOut, Random random) {
        List<DenseLayer> layers = new ArrayList<>();
        int offset = 0;
        int width = d;
        for (int l = 0; l <= hidden.length; l++) {
            int out = l < hidden.length ? hidden[l] : outputs;
            layers.add(DenseLayer.trainable(width, out, l < hidden.length ? activation : null, offset, offset + out * width));
            for (int p = 0; p < out * width + out; p++) {
                thetaOut.add(random.nextGaussian() * 0.8);
            }
            offset += out * width + out;
            width = out;
        }
        return new JetNetwork(CoordinateEncoding.affine(scale, shift), layers);
    }

    static DerivativeStructure activate(Activation a, DerivativeStructure z) {
        switch (a) {
            case TANH: return z.tanh();
            case SIN: return z.sin();
            case COS: return z.cos();
            case SWISH: return z.multiply(z.negate().exp().add(1.0).reciprocal());
            case SOFTPLUS: return z.exp().log1p();
            default: return z;
        }
    }

    /** The network by DerivativeStructure at one point: outputs as DS. */
    static DerivativeStructure[] reference(JetNetwork net, double[] theta, double[] scale, double[] shift, double[] x,
            int order) {
        int d = x.length;
        DerivativeStructure[] a = new DerivativeStructure[d];
        for (int j = 0; j < d; j++) {
            a[j] = new DerivativeStructure(d, order, j, x[j]).subtract(shift[j]).multiply(scale[j]);
        }
        for (DenseLayer layer : net.layers()) {
            DerivativeStructure[] z = new DerivativeStructure[layer.outputs()];
            for (int o = 0; o < layer.outputs(); o++) {
                DerivativeStructure sum = new DerivativeStructure(d, order, theta[layer.biasOffset() + o]);
                for (int k = 0; k < layer.inputs(); k++) {
                    sum = sum.add(a[k].multiply(theta[layer.weightOffset() + o * layer.inputs() + k]));
                }
                z[o] = layer.activation() == null ? sum : activate(layer.activation(), sum);
            }
            a = z;
        }
        return a;
    }

    static double[] toArray(List<Double> list) {
        return list.stream().mapToDouble(Double::doubleValue).toArray();
    }

    @ParameterizedTest
    @EnumSource(Activation.class)
    void jetsMatchDerivativeStructureUpToOrderFour(Activation activation) {
        Random random = new Random(11 + activation.ordinal());
        int d = 2;
        List<Double> t = new ArrayList<>();
        double[] scale = {1.3, 0.7};
        double[] shift = {0.2, -0.1};
        JetNetwork net = randomNetwork(d, new int[] {5, 4}, 2, activation, scale, shift, t, random);
        double[] theta = toArray(t);
        DerivativeRequest request = DerivativeRequest.of(d, allMultiIndices(d, 4));
        checkAgainstReference(net, theta, scale, shift, request, 7, random, 1e-12);
    }

    @Test
    void mixedPartialsInThreeVariables() {
        Random random = new Random(5);
        int d = 3;
        List<Double> t = new ArrayList<>();
        double[] scale = {1, 1, 1};
        double[] shift = {0, 0, 0};
        JetNetwork net = randomNetwork(d, new int[] {6, 6, 6}, 1, Activation.TANH, scale, shift, t, random);
        // only a few requested: u_xy, u_xxz, u_yyzz and the biharmonic-type u_xxxx (closure adds the rest)
        DerivativeRequest request = DerivativeRequest.of(d,
                List.of(new int[] {1, 1, 0}, new int[] {2, 0, 1}, new int[] {0, 2, 2}, new int[] {4, 0, 0}));
        checkAgainstReference(net, toArray(t), scale, shift, request, 5, random, 1e-12);
    }

    private static void checkAgainstReference(JetNetwork net, double[] theta, double[] scale, double[] shift,
            DerivativeRequest request, int n, Random random, double tolerance) {
        int d = request.dimension();
        JetStructure jets = JetStructure.of(request);
        JetNetworkEvaluator ev = net.evaluator(jets, n + 3);
        double[] points = new double[n * d];
        for (int p = 0; p < points.length; p++) {
            points[p] = 2 * random.nextDouble() - 1;
        }
        ev.forward(theta, points, n);
        double[][][] out = ev.outputs();
        int outputs = net.outputs();
        for (int c = 0; c < jets.size(); c++) {
            int[] alpha = jets.multiIndex(c);
            for (int o = 0; o < outputs; o++) {
                double maxRef = 0;
                double maxErr = 0;
                for (int i = 0; i < n; i++) {
                    double[] x = java.util.Arrays.copyOfRange(points, i * d, i * d + d);
                    double ref = reference(net, theta, scale, shift, x, jets.maxOrder())[o].getPartialDerivative(alpha);
                    maxRef = Math.max(maxRef, Math.abs(ref));
                    maxErr = Math.max(maxErr, Math.abs(ref - out[c][o][i]));
                }
                assertTrue(maxErr <= tolerance * Math.max(maxRef, 1e-300),
                        "component " + java.util.Arrays.toString(alpha) + " output " + o + ": error " + maxErr + " vs " + maxRef);
            }
        }
    }

    /** Σ seeds·outputs as a function of theta, for finite differences. */
    private static double functional(JetNetworkEvaluator ev, double[] theta, double[] points, int n, double[][][] seeds) {
        ev.forward(theta, points, n);
        double s = 0;
        double[][][] out = ev.outputs();
        for (int c = 0; c < seeds.length; c++) {
            for (int o = 0; o < seeds[c].length; o++) {
                for (int i = 0; i < n; i++) {
                    s += seeds[c][o][i] * out[c][o][i];
                }
            }
        }
        return s;
    }

    @ParameterizedTest
    @EnumSource(value = Activation.class, names = {"TANH", "SIN", "SWISH", "SOFTPLUS"})
    void reverseTangentAndRowsAgree(Activation activation) {
        Random random = new Random(3 + activation.ordinal());
        int d = 2;
        List<Double> t = new ArrayList<>();
        double[] scale = {1, 1};
        double[] shift = {0, 0};
        JetNetwork net = randomNetwork(d, new int[] {6, 5}, 2, activation, scale, shift, t, random);
        double[] theta = toArray(t);
        int parameters = theta.length;
        DerivativeRequest request = DerivativeRequest.of(d, List.of(new int[] {2, 0}, new int[] {0, 2}, new int[] {1, 1},
                new int[] {0, 3}));
        JetStructure jets = JetStructure.of(request);
        int n = 4;
        JetNetworkEvaluator ev = net.evaluator(jets, n);
        double[] points = new double[n * d];
        for (int p = 0; p < points.length; p++) {
            points[p] = 2 * random.nextDouble() - 1;
        }
        int outputs = net.outputs();
        int components = jets.size();
        double[][][] seeds = new double[components][outputs][n];
        for (int c = 0; c < components; c++) {
            for (int o = 0; o < outputs; o++) {
                for (int i = 0; i < n; i++) {
                    seeds[c][o][i] = random.nextGaussian();
                }
            }
        }
        ev.forward(theta, points, n);
        double[] gradient = new double[parameters];
        ev.backward(seeds, gradient);
        // finite differences, central, 4th-order
        for (int p = 0; p < parameters; p++) {
            double h = 1e-4;
            double[] th = theta.clone();
            th[p] = theta[p] + h;
            double f1 = functional(ev, th, points, n, seeds);
            th[p] = theta[p] - h;
            double fm1 = functional(ev, th, points, n, seeds);
            th[p] = theta[p] + 2 * h;
            double f2 = functional(ev, th, points, n, seeds);
            th[p] = theta[p] - 2 * h;
            double fm2 = functional(ev, th, points, n, seeds);
            double fd = (8 * (f1 - fm1) - (f2 - fm2)) / (12 * h);
            assertEquals(fd, gradient[p], 1e-6 * Math.max(1, Math.abs(fd)), "parameter " + p);
        }
        // rows: Σ_i row_i = gradient
        ev.forward(theta, points, n);
        double[] jac = new double[(n + 2) * parameters];
        java.util.Arrays.fill(jac, Double.NaN);
        ev.jacobianRows(seeds, jac, 1, parameters);
        for (int p = 0; p < parameters; p++) {
            double sum = 0;
            for (int i = 0; i < n; i++) {
                sum += jac[(1 + i) * parameters + p];
            }
            assertEquals(gradient[p], sum, 1e-12 * Math.max(1, Math.abs(gradient[p])));
            assertTrue(Double.isNaN(jac[p]) && Double.isNaN(jac[(n + 1) * parameters + p]), "rows outside untouched");
        }
        // tangent: for unit seeds on each output entry, the dense Jacobian row dotted with v
        double[] v = new double[parameters];
        for (int p = 0; p < parameters; p++) {
            v[p] = random.nextGaussian();
        }
        double[][][] tangent = new double[components][outputs][n];
        ev.tangent(v, tangent);
        double[][][] unit = new double[components][outputs][n];
        double[] g = new double[parameters];
        for (int c = 0; c < components; c++) {
            for (int o = 0; o < outputs; o++) {
                for (int i = 0; i < n; i++) {
                    unit[c][o][i] = 1;
                    java.util.Arrays.fill(g, 0);
                    ev.backward(unit, g);
                    unit[c][o][i] = 0;
                    double dot = 0;
                    for (int p = 0; p < parameters; p++) {
                        dot += g[p] * v[p];
                    }
                    assertEquals(dot, tangent[c][o][i], 1e-11 * Math.max(1, Math.abs(dot)), "entry " + c + "," + o + "," + i);
                }
            }
        }
    }

    @Test
    void rejectsTooLargeBatches() {
        List<Double> t = new ArrayList<>();
        JetNetwork net = randomNetwork(1, new int[] {3}, 1, Activation.TANH, new double[] {1}, new double[] {0}, t,
                new Random(1));
        JetNetworkEvaluator ev = net.evaluator(JetStructure.of(DerivativeRequest.valuesOnly(1)), 2);
        assertThrows(GeopinnException.class, () -> ev.forward(toArray(t), new double[3], 3));
    }

    @Test
    void largeBatchesSplitAcrossTwoLanesGiveTheSameDerivatives() {
        Random random = new Random(21);
        int d = 2;
        List<Double> t = new ArrayList<>();
        double[] scale = {1, 1};
        double[] shift = {0, 0};
        JetNetwork net = randomNetwork(d, new int[] {64, 64}, 1, Activation.TANH, scale, shift, t, random);
        double[] theta = toArray(t);
        for (int p = 0; p < theta.length; p++) {
            theta[p] *= 0.25;
        }
        DerivativeRequest request = DerivativeRequest.of(d, List.of(new int[] {2, 0}, new int[] {0, 2}, new int[] {1, 1}));
        JetStructure jets = JetStructure.of(request);
        int n = 400;
        JetNetworkEvaluator ev = net.evaluator(jets, n);
        double[] points = new double[n * d];
        for (int p = 0; p < points.length; p++) {
            points[p] = 2 * random.nextDouble() - 1;
        }
        long before = Lanes.twoLaneRuns();
        ev.forward(theta, points, n);
        for (int i : new int[] {0, 7, 199, 200, 201, 399}) {
            DerivativeStructure ref = reference(net, theta, scale, shift, new double[] {points[2 * i], points[2 * i + 1]}, 2)[0];
            for (int c = 0; c < jets.size(); c++) {
                double expected = ref.getPartialDerivative(jets.multiIndex(c));
                assertEquals(expected, ev.outputs()[c][0][i], 1e-12 * Math.max(1, Math.abs(expected)), "point " + i);
            }
        }
        int parameters = theta.length;
        double[][][] seeds = new double[jets.size()][1][n];
        for (double[][] perComponent : seeds) {
            for (int i = 0; i < n; i++) {
                perComponent[0][i] = random.nextGaussian();
            }
        }
        double[] gradient = new double[parameters];
        ev.backward(seeds, gradient);
        double[] jac = new double[n * parameters];
        ev.jacobianRows(seeds, jac, 0, parameters);
        double[] v = new double[parameters];
        double gv = 0;
        for (int p = 0; p < parameters; p++) {
            double sum = 0;
            for (int i = 0; i < n; i++) {
                sum += jac[i * parameters + p];
            }
            assertEquals(gradient[p], sum, 1e-10 * Math.max(1, Math.abs(sum)), "parameter " + p);
            v[p] = random.nextGaussian();
            gv += gradient[p] * v[p];
        }
        double[][][] tangent = new double[jets.size()][1][n];
        ev.tangent(v, tangent);
        double st = 0;
        for (int c = 0; c < jets.size(); c++) {
            for (int i = 0; i < n; i++) {
                st += seeds[c][0][i] * tangent[c][0][i];
            }
        }
        assertEquals(gv, st, 1e-10 * Math.abs(gv));
        if (Runtime.getRuntime().availableProcessors() > 1 && "2".equals(System.getProperty("geopinn.autodiff.threads"))) {
            assertTrue(Lanes.twoLaneRuns() > before, "the products were split across two lanes");
        }
    }

    @Test
    void rowsSumToTheGradientForFewComponents() {
        Random random = new Random(8);
        List<Double> t = new ArrayList<>();
        JetNetwork net = randomNetwork(2, new int[] {7, 6}, 2, Activation.SIN, new double[] {1, 1}, new double[] {0, 0}, t,
                random);
        double[] theta = toArray(t);
        int parameters = theta.length;
        for (DerivativeRequest request : List.of(DerivativeRequest.valuesOnly(2),
                DerivativeRequest.of(2, List.of(new int[] {1, 0}, new int[] {0, 1})))) {
            JetStructure jets = JetStructure.of(request);
            int n = 5;
            JetNetworkEvaluator ev = net.evaluator(jets, n);
            double[] points = new double[2 * n];
            for (int p = 0; p < points.length; p++) {
                points[p] = random.nextDouble();
            }
            double[][][] seeds = new double[jets.size()][2][n];
            for (double[][] perComponent : seeds) {
                for (double[] row : perComponent) {
                    for (int i = 0; i < n; i++) {
                        row[i] = random.nextGaussian();
                    }
                }
            }
            ev.forward(theta, points, n);
            double[] gradient = new double[parameters];
            ev.backward(seeds, gradient);
            double[] jac = new double[n * parameters];
            ev.jacobianRows(seeds, jac, 0, parameters);
            for (int p = 0; p < parameters; p++) {
                double sum = 0;
                for (int i = 0; i < n; i++) {
                    sum += jac[i * parameters + p];
                }
                assertEquals(gradient[p], sum, 1e-12 * Math.max(1, Math.abs(sum)), jets + " parameter " + p);
            }
        }
    }
}

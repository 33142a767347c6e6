package org.geopinn.models.internal;

import java.util.Arrays;
import java.util.List;
import org.geopinn.api.GeopinnException;
import org.geopinn.api.model.DerivativeRequest;
import org.geopinn.api.model.ModelEvaluator;
import org.geopinn.autodiff.JetNetwork;
import org.geopinn.autodiff.JetNetworkEvaluator;
import org.geopinn.autodiff.JetStructure;

/**
 * Evaluates a {@link NetworkModel}: runs each network's jets, applies the output factor by the
 * product rule on jets and the {@link OutputMap}, and rearranges into the API layout {@code ((f*K)+k)*n + i}. Seeds and
 * tangents travel the same way back. All buffers are allocated here, once.
 */
final class NetworkModelEvaluator implements ModelEvaluator {
    private final DerivativeRequest request;
    private final JetStructure jets;
    private final JetNetworkEvaluator[] networks;
    private final int[] firstField;
    private final int fields;
    private final int parameters;
    private final int requested;
    private final OutputFactor factor;
    private final OutputMap map;
    /** The requested component that is the value itself (the shift enters it alone), or −1. */
    private final int valueComponent;
    private final int[][] multiIndices;
    /** Product rule terms of each requested component k: [start[k], start[k+1]). */
    private final int[] termStart;
    private final double[] termCoefficient;
    private final int[] termNetwork;
    private final int[] termFactor;
    private final double[] values;
    private final double[] factorJets;
    private final double[][][] networkBuffer;
    private int n = -1;

    NetworkModelEvaluator(DerivativeRequest request, List<JetNetwork> nets, int parameters, OutputFactor factor,
            OutputMap map, int maxPoints) {
        this.request = request;
        this.jets = JetStructure.of(request);
        this.parameters = parameters;
        this.factor = factor;
        this.map = map;
        this.valueComponent = request.indexOf(new int[request.dimension()]);
        this.requested = request.size();
        int capacity = Math.max(1, maxPoints);
        networks = new JetNetworkEvaluator[nets.size()];
        firstField = new int[nets.size()];
        int f = 0;
        int widest = 0;
        for (int q = 0; q < nets.size(); q++) {
            networks[q] = nets.get(q).evaluator(jets, capacity);
            firstField[q] = f;
            f += nets.get(q).outputs();
            widest = Math.max(widest, nets.get(q).outputs());
        }
        fields = f;
        multiIndices = new int[jets.size()][];
        for (int c = 0; c < jets.size(); c++) {
            multiIndices[c] = jets.multiIndex(c);
        }
        termStart = new int[requested + 1];
        int count = 0;
        for (int k = 0; k < requested; k++) {
            termStart[k] = count;
            count += factor == null ? 1 : jets.productTerms(k).length;
        }
        termStart[requested] = count;
        termCoefficient = new double[count];
        termNetwork = new int[count];
        termFactor = new int[count];
        for (int k = 0; k < requested; k++) {
            if (factor == null) {
                termCoefficient[termStart[k]] = 1.0;
                termNetwork[termStart[k]] = k;
                termFactor[termStart[k]] = -1;
            } else {
                JetStructure.LeibnizTerm[] terms = jets.productTerms(k);
                for (int t = 0; t < terms.length; t++) {
                    termCoefficient[termStart[k] + t] = terms[t].coefficient();
                    termNetwork[termStart[k] + t] = terms[t].left();
                    termFactor[termStart[k] + t] = terms[t].right();
                }
            }
        }
        values = new double[fields * requested * capacity];
        factorJets = factor == null ? null : new double[jets.size() * capacity];
        networkBuffer = new double[jets.size()][widest][capacity];
    }

    @Override
    public DerivativeRequest request() {
        return request;
    }

    @Override
    public int fieldCount() {
        return fields;
    }

    @Override
    public int parameterCount() {
        return parameters;
    }

    @Override
    public int pointCount() {
        return n;
    }

    @Override
    public double[] values() {
        return values;
    }

    @Override
    public void forward(double[] theta, double[] points, int count) {
        if (theta.length != parameters) {
            throw new GeopinnException("parameter vector of length " + theta.length + " for a model with " + parameters
                    + " parameters");
        }
        for (JetNetworkEvaluator network : networks) {
            network.forward(theta, points, count);
        }
        n = count;
        if (factor != null) {
            factor.jets(points, n, jets, multiIndices, factorJets);
        }
        for (int q = 0; q < networks.length; q++) {
            toValues(q, networks[q].outputs(), values, true);
        }
    }

    /** @return the scale of field f's outputs (1 without an output map) */
    private double scale(int f) {
        return map == null ? 1.0 : map.scale(f);
    }

    /**
     * Maps network output jets ([c][o][i]) to model values, applying the factor and the output
     * map; {@code shifted} false for tangents, which the shift does not enter.
     */
    private void toValues(int q, double[][][] outputs, double[] target, boolean shifted) {
        int width = networks[q].network().outputs();
        for (int o = 0; o < width; o++) {
            int f = firstField[q] + o;
            double scale = scale(f);
            for (int k = 0; k < requested; k++) {
                int dst = (f * requested + k) * n;
                Arrays.fill(target, dst, dst + n, shifted && k == valueComponent && map != null ? map.shift(f) : 0.0);
                for (int t = termStart[k]; t < termStart[k + 1]; t++) {
                    double[] row = outputs[termNetwork[t]][o];
                    double coefficient = termCoefficient[t] * scale;
                    if (termFactor[t] < 0) {
                        for (int i = 0; i < n; i++) {
                            target[dst + i] += coefficient * row[i];
                        }
                    } else {
                        int g = termFactor[t] * n;
                        for (int i = 0; i < n; i++) {
                            target[dst + i] += coefficient * row[i] * factorJets[g + i];
                        }
                    }
                }
            }
        }
    }

    /** The adjoint of {@link #toValues}: model seeds to network output seeds of network q. */
    private void toNetworkSeeds(int q, double[] seeds) {
        int width = networks[q].network().outputs();
        for (int o = 0; o < width; o++) {
            int f = firstField[q] + o;
            double scale = scale(f);
            for (int c = 0; c < jets.size(); c++) {
                Arrays.fill(networkBuffer[c][o], 0, n, 0.0);
            }
            for (int k = 0; k < requested; k++) {
                int src = (f * requested + k) * n;
                for (int t = termStart[k]; t < termStart[k + 1]; t++) {
                    double[] row = networkBuffer[termNetwork[t]][o];
                    double coefficient = termCoefficient[t] * scale;
                    if (termFactor[t] < 0) {
                        for (int i = 0; i < n; i++) {
                            row[i] += coefficient * seeds[src + i];
                        }
                    } else {
                        int g = termFactor[t] * n;
                        for (int i = 0; i < n; i++) {
                            row[i] += coefficient * seeds[src + i] * factorJets[g + i];
                        }
                    }
                }
            }
        }
    }

    @Override
    public void backward(double[] seeds, double[] gradient) {
        requireForward();
        for (int q = 0; q < networks.length; q++) {
            toNetworkSeeds(q, seeds);
            networks[q].backward(networkBuffer, gradient);
        }
    }

    @Override
    public void jacobianRows(double[] seeds, double[] jacobian, int rowOffset) {
        requireForward();
        for (int q = 0; q < networks.length; q++) {
            toNetworkSeeds(q, seeds);
            networks[q].jacobianRows(networkBuffer, jacobian, rowOffset, parameters);
        }
    }

    @Override
    public void tangent(double[] v, double[] out) {
        requireForward();
        for (int q = 0; q < networks.length; q++) {
            networks[q].tangent(v, networkBuffer);
            toValues(q, networkBuffer, out, false);
        }
    }

    private void requireForward() {
        if (n < 0) {
            throw new IllegalStateException("call forward before backward, jacobianRows or tangent");
        }
    }
}

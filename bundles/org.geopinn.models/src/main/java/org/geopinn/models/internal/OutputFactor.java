package org.geopinn.models.internal;

import java.util.Locale;
import org.geopinn.api.GeopinnException;
import org.geopinn.api.model.ModelSpec;
import org.geopinn.autodiff.JetStructure;

/**
 * A fixed factor g(x) multiplying every network output, u = N(x)·g(x), to impose zero Dirichlet
 * data exactly (hard constraints). {@code box-zero}: g(x) = Π_{j∈J} (x_j − a_j)(b_j − x_j)/h_j²,
 * h_j = (b_j − a_j)/2, over the chosen inputs J of the box [a, b]; g is 1 at the centre and 0 on
 * the faces x_j = a_j, b_j. Since g is a product of one-variable quadratics its jets are exact:
 * D^α g = Π_j φ_j^(α_j)(x_j).
 */
final class OutputFactor {
    /** The option naming the factor. */
    static final String OPTION = "output-factor";
    /** The option listing the inputs (0-based, comma separated) the factor vanishes on; default all. */
    static final String INPUTS_OPTION = "output-factor-inputs";

    private final int dimension;
    private final boolean[] active;
    private final double[] lower;
    private final double[] upper;
    private final double[] inverseHalfWidthSquared;

    private OutputFactor(ModelSpec spec, int[] inputs) {
        dimension = spec.inputDimension();
        active = new boolean[dimension];
        lower = spec.inputLower();
        upper = spec.inputUpper();
        inverseHalfWidthSquared = new double[dimension];
        for (int j : inputs) {
            if (!(upper[j] > lower[j])) {
                throw new GeopinnException("output-factor=box-zero needs lower < upper for input " + j + ", got ["
                        + lower[j] + ", " + upper[j] + "]");
            }
            active[j] = true;
            double h = 0.5 * (upper[j] - lower[j]);
            inverseHalfWidthSquared[j] = 1.0 / (h * h);
        }
    }

    /**
     * @param kind the model kind (for messages)
     * @param spec the spec
     * @param options its options
     * @return the factor the options ask for, or null for none
     */
    static OutputFactor from(String kind, ModelSpec spec, ModelOptions options) {
        String name = options.text(OPTION, "none").toLowerCase(Locale.ROOT);
        switch (name) {
            case "none":
                return null;
            case "box-zero":
                return new OutputFactor(spec, options.inputIndices(INPUTS_OPTION, spec.inputDimension()));
            default:
                throw new GeopinnException("model '" + kind + "' has no output factor '" + name + "'; known: none, box-zero");
        }
    }

    /**
     * @param points n points, row-major n×d (not modified)
     * @param n the number of points
     * @param jets the components
     * @param out receives g's jets at {@code c*n + i} (modified)
     */
    void jets(double[] points, int n, JetStructure jets, int[][] multiIndices, double[] out) {
        for (int c = 0; c < jets.size(); c++) {
            int[] alpha = multiIndices[c];
            for (int i = 0; i < n; i++) {
                double g = 1.0;
                for (int j = 0; j < dimension && g != 0.0; j++) {
                    g *= active[j] ? quadratic(j, alpha[j], points[i * dimension + j]) : alpha[j] == 0 ? 1.0 : 0.0;
                }
                out[c * n + i] = g;
            }
        }
    }

    /** The order-th derivative of (x − a)(b − x)/h². */
    private double quadratic(int j, int order, double x) {
        double scale = inverseHalfWidthSquared[j];
        switch (order) {
            case 0: return (x - lower[j]) * (upper[j] - x) * scale;
            case 1: return (lower[j] + upper[j] - 2.0 * x) * scale;
            case 2: return -2.0 * scale;
            default: return 0.0;
        }
    }
}

package org.geopinn.cli.export;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.geopinn.api.GeopinnException;
import org.geopinn.api.model.ModelSpec;
import org.geopinn.api.model.ParameterBlock;
import org.geopinn.api.model.ParameterLayout;

/**
 * A trained multilayer perceptron (model kind {@code mlp}) as an ONNX model in float64: input
 * {@code x} [N, d] in the problem's variables, output {@code u} [N, F] in the problem's fields.
 * The graph repeats what the model computes: the affine input normalisation
 * x̃ = (2/(b − a))(x − (a + b)/2) when the run normalised inputs, the dense layers
 * {@code net<q>.layer<l>} of the parameter layout (one network, or one per field, concatenated),
 * the hidden activation, and the hard-constraint factor {@code output-factor=box-zero}
 * Π_j (x_j − a_j)(b_j − x_j)/h_j², then the output map u_f = shift_f + scale_f·N_f
 * ({@code output-shift}, {@code output-scale}). Anything else is refused with one line.
 */
public final class MlpOnnx {
    /** The input's name in the graph. */
    public static final String INPUT = "x";
    /** The output's name in the graph. */
    public static final String OUTPUT = "u";

    /** The model options the graph reproduces. */
    static final List<String> SUPPORTED_OPTIONS = List.of("output-factor", "output-factor-inputs", ModelSpec.OUTPUT_SHIFT,
            ModelSpec.OUTPUT_SCALE);

    private MlpOnnx() {
    }

    /**
     * @param modelId the model kind of the run
     * @param spec its model spec
     * @param layout its parameter layout
     * @param theta the trained parameters
     * @param problem the problem id (graph name and metadata)
     * @param variables the input variables, in order
     * @return the serialized ONNX ModelProto
     * @throws GeopinnException for a model this export cannot describe
     */
    public static byte[] write(String modelId, ModelSpec spec, ParameterLayout layout, double[] theta, String problem, List<String> variables) {
        if (!"mlp".equals(modelId)) {
            throw new GeopinnException("--onnx exports model kind 'mlp'; this run's model is '" + modelId + "'");
        }
        for (String key : spec.options().keySet()) {
            if (!SUPPORTED_OPTIONS.contains(key)) {
                throw new GeopinnException("--onnx: model option '" + key + "' is not supported; known: " + String.join(", ", SUPPORTED_OPTIONS));
            }
        }
        if (theta.length != layout.size()) {
            throw new GeopinnException("--onnx: " + theta.length + " parameters for a layout of " + layout.size());
        }
        int d = spec.inputDimension();
        int fields = spec.fields().size();
        String activation = activation(spec.activation());
        OnnxGraph g = new OnnxGraph();
        String h0 = INPUT;
        if (spec.normalizeInputs()) {
            double[] lo = spec.inputLower();
            double[] hi = spec.inputUpper();
            double[] shift = new double[d];
            double[] scale = new double[d];
            for (int j = 0; j < d; j++) {
                shift[j] = 0.5 * (lo[j] + hi[j]);
                scale[j] = 2.0 / (hi[j] - lo[j]);
            }
            h0 = g.node("Mul", g.node("Sub", INPUT, g.constant("input_shift", new long[] {d}, shift)),
                    g.constant("input_scale", new long[] {d}, scale));
        }
        int networks = spec.separateNetworks() ? fields : 1;
        int layers = spec.hidden().length + 1;
        List<String> outputs = new ArrayList<>();
        for (int q = 0; q < networks; q++) {
            String h = h0;
            for (int l = 0; l < layers; l++) {
                String prefix = "net" + q + ".layer" + l;
                ParameterBlock w = block(layout, prefix + ".weight");
                ParameterBlock b = block(layout, prefix + ".bias");
                // Geopinn stores W as rows = outputs; the graph multiplies row vectors: h·Wᵀ
                double[] transposed = new double[w.size()];
                for (int r = 0; r < w.rows(); r++) {
                    for (int c = 0; c < w.cols(); c++) {
                        transposed[c * w.rows() + r] = theta[w.offset() + r * w.cols() + c];
                    }
                }
                double[] bias = java.util.Arrays.copyOfRange(theta, b.offset(), b.offset() + b.size());
                String z = g.node("Add", g.node("MatMul", h, g.constant(prefix + ".weight_t", new long[] {w.cols(), w.rows()}, transposed)),
                        g.constant(prefix + ".bias", new long[] {b.size()}, bias));
                h = l < layers - 1 ? activate(g, activation, z) : z;
            }
            outputs.add(h);
        }
        if (layout.blocks().size() != 2 * networks * layers) {
            throw new GeopinnException("--onnx: the parameter layout has blocks beyond the perceptron's layers: " + layout.blocks().size());
        }
        String u = outputs.size() == 1 ? outputs.get(0) : g.node("Concat", Map.of("axis", 1L), outputs.toArray(String[]::new));
        String factor = factor(g, spec);
        String factored = factor == null ? u : g.node("Mul", u, factor);
        g.nodeTo(OUTPUT, "Add", Map.of(), g.node("Mul", factored, g.constant("output_scale", new long[] {fields},
                spec.perField(ModelSpec.OUTPUT_SCALE, 1.0))), g.constant("output_shift", new long[] {fields}, spec.perField(ModelSpec.OUTPUT_SHIFT, 0.0)));
        g.metadata("geopinn.problem", problem);
        g.metadata("geopinn.variables", String.join(",", variables));
        g.metadata("geopinn.fields", String.join(",", spec.fields()));
        g.metadata("geopinn.model", modelId + " " + java.util.Arrays.toString(spec.hidden()) + " " + activation);
        return g.model(problem, "Geopinn PINN for " + problem + ": input x = (" + String.join(", ", variables) + "), output u = ("
                + String.join(", ", spec.fields()) + ")", INPUT, d, OUTPUT, fields);
    }

    private static ParameterBlock block(ParameterLayout layout, String name) {
        return layout.blocks().stream().filter(b -> b.name().equals(name)).findFirst()
                .orElseThrow(() -> new GeopinnException("--onnx: the parameter layout has no block '" + name + "'"));
    }

    private static String activation(String name) {
        String a = name == null || name.isBlank() ? "tanh" : name.trim().toLowerCase(Locale.ROOT);
        switch (a) {
            case "silu": return "swish";
            case "linear": return "identity";
            case "tanh": case "sin": case "cos": case "swish": case "softplus": case "identity": return a;
            default: throw new GeopinnException("--onnx: activation '" + name + "' is not supported; known: tanh, sin, cos, swish, softplus, identity");
        }
    }

    private static String activate(OnnxGraph g, String activation, String z) {
        switch (activation) {
            case "tanh": return g.node("Tanh", z);
            case "sin": return g.node("Sin", z);
            case "cos": return g.node("Cos", z);
            case "swish":
                // z / (1 + e^−z), not Mul(z, Sigmoid(z)): ONNX Runtime fuses that pattern into a
                // float-only kernel (QuickGelu) and then refuses the float64 model
                return g.node("Div", z, g.node("Add", one(g), g.node("Exp", g.node("Neg", z))));
            case "softplus":
                // max(z, 0) + log(1 + e^−|z|): the stable form the model uses (no overflow for large z)
                return g.node("Add", g.node("Relu", z), g.node("Log", g.node("Add", one(g), g.node("Exp", g.node("Neg", g.node("Abs", z))))));
            default: return z;
        }
    }

    private static String one(OnnxGraph g) {
        return g.constant(g.fresh("one"), new long[0], new double[] {1.0});
    }

    /** The box-zero factor as a [N, 1] value, or null without one. */
    private static String factor(OnnxGraph g, ModelSpec spec) {
        String kind = spec.options().getOrDefault("output-factor", "none").trim().toLowerCase(Locale.ROOT);
        if (kind.isEmpty() || kind.equals("none")) {
            return null;
        }
        if (!kind.equals("box-zero")) {
            throw new GeopinnException("--onnx: output factor '" + kind + "' is not supported; known: none, box-zero");
        }
        int d = spec.inputDimension();
        String listed = spec.options().getOrDefault("output-factor-inputs", "").trim();
        int[] inputs = listed.isEmpty() ? java.util.stream.IntStream.range(0, d).toArray()
                : java.util.Arrays.stream(listed.split(",")).mapToInt(s -> Integer.parseInt(s.trim())).distinct().sorted().toArray();
        double[] lo = spec.inputLower();
        double[] hi = spec.inputUpper();
        String product = null;
        for (int j : inputs) {
            double h = 0.5 * (hi[j] - lo[j]);
            String xj = g.node("Gather", Map.of("axis", 1L), INPUT, g.indices(g.fresh("input_index"), j));
            String q = g.node("Mul", g.node("Mul", g.node("Sub", xj, g.constant(g.fresh("lower"), new long[0], new double[] {lo[j]})),
                    g.node("Sub", g.constant(g.fresh("upper"), new long[0], new double[] {hi[j]}), xj)),
                    g.constant(g.fresh("inverse_half_width_squared"), new long[0], new double[] {1.0 / (h * h)}));
            product = product == null ? q : g.node("Mul", product, q);
        }
        return product;
    }
}

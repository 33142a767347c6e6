package org.geopinn.cluster;

import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.geopinn.api.model.ModelSpec;
import org.geopinn.api.operator.LossScaling;

/**
 * What a member needs to build the residual system of a block of points: the same problem,
 * model, operator engine and loss scaling as the coordinator's (as plain values: it travels).
 *
 * @param problem the problem id
 * @param modelId the model factory's id
 * @param lower the model's input lower bounds
 * @param upper the model's input upper bounds
 * @param fields the model's output fields
 * @param hidden the hidden widths
 * @param activation the activation
 * @param initialization the initialisation
 * @param separateNetworks one network per field
 * @param normalizeInputs whether inputs are mapped to [-1, 1]
 * @param options the model's options
 * @param engine the operator engine's id
 * @param scaling the loss scaling's name ({@link LossScaling})
 */
record BlockModel(String problem, String modelId, double[] lower, double[] upper, List<String> fields, int[] hidden, String activation,
        String initialization, boolean separateNetworks, boolean normalizeInputs, TreeMap<String, String> options, String engine,
        String scaling) implements Serializable {
    private static final long serialVersionUID = 1L;

    /**
     * @param problem the problem id
     * @param modelId the model factory's id
     * @param spec the model's spec
     * @param engine the operator engine's id
     * @param scaling the loss scaling
     * @return the description
     */
    static BlockModel of(String problem, String modelId, ModelSpec spec, String engine, LossScaling scaling) {
        return new BlockModel(problem, modelId, spec.inputLower(), spec.inputUpper(), new java.util.ArrayList<>(spec.fields()), spec.hidden(),
                spec.activation(), spec.initialization(), spec.separateNetworks(), spec.normalizeInputs(), new TreeMap<>(spec.options()),
                engine, scaling.name());
    }

    /** @return the model's spec */
    ModelSpec spec() {
        return new ModelSpec(lower, upper, fields, hidden, activation, initialization, separateNetworks, normalizeInputs, Map.copyOf(options));
    }
}

package org.geopinn.api.model;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * What a model factory should build: input dimension and fields, architecture and initialisation.
 *
 * @param inputLower lower input bounds (for normalisation to [-1, 1]); its length is the input dimension
 * @param inputUpper upper input bounds
 * @param fields output field names
 * @param hidden hidden layer widths, e.g. {32} or {64, 64, 64}
 * @param activation activation name: tanh, sin, swish (silu), softplus, …
 * @param initialization initialisation name: xavier (glorot) or normal (N(0, 0.1²) of the ANaGRAM/ENGD references)
 * @param separateNetworks whether each field gets its own network
 * @param normalizeInputs whether inputs are mapped affinely to [-1, 1] before the first layer
 * @param options further model-specific settings as text (e.g. an output factor for hard
 *        constraints, embedding frequencies); documented by each model factory
 */
public record ModelSpec(double[] inputLower, double[] inputUpper, List<String> fields, int[] hidden,
        String activation, String initialization, boolean separateNetworks, boolean normalizeInputs,
        Map<String, String> options) {

    /** Copies arrays and collections. */
    public ModelSpec {
        inputLower = inputLower.clone();
        inputUpper = inputUpper.clone();
        fields = List.copyOf(fields);
        hidden = hidden.clone();
        options = Map.copyOf(options);
    }

    /** @return the number of inputs */
    public int inputDimension() {
        return inputLower.length;
    }

    @Override
    public double[] inputLower() {
        return inputLower.clone();
    }

    @Override
    public double[] inputUpper() {
        return inputUpper.clone();
    }

    @Override
    public int[] hidden() {
        return hidden.clone();
    }

    @Override
    public String toString() {
        return "ModelSpec[inputs=" + inputLower.length + ", fields=" + fields + ", hidden=" + Arrays.toString(hidden)
                + ", activation=" + activation + ", init=" + initialization + ", separate=" + separateNetworks
                + ", normalize=" + normalizeInputs + ", options=" + options + "]";
    }
}

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

    /**
     * Reads hidden-layer widths written as text: the one form the command line, sweep files,
     * evolution settings and problem defaults share.
     *
     * @param text widths separated by commas, such as {@code 64,64,64}
     * @param what where the text came from (an option, a setting), the start of the message
     * @return the widths, each positive
     * @throws org.geopinn.api.GeopinnException naming {@code what} when the text is not such a list
     */
    public static int[] parseHidden(String text, String what) {
        String[] parts = text.split(",");
        int[] widths = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                widths[i] = Integer.parseInt(parts[i].trim());
            } catch (NumberFormatException e) {
                throw new org.geopinn.api.GeopinnException(what + ": '" + text + "' is not a list of layer widths such as 64,64,64");
            }
            if (widths[i] <= 0) {
                throw new org.geopinn.api.GeopinnException(what + ": layer widths must be positive, got '" + text + "'");
            }
        }
        return widths;
    }
}

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

    /**
     * The option giving each field's output shift, one number per field separated by commas: the
     * models of Geopinn map their outputs to the fields as u_f = shift_f + scale_f·N_f.
     */
    public static final String OUTPUT_SHIFT = "output-shift";
    /** The option giving each field's output scale, as {@link #OUTPUT_SHIFT}. */
    public static final String OUTPUT_SCALE = "output-scale";

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
     * Reads an option that gives one number per field, such as {@link #OUTPUT_SHIFT}: the one
     * reader of that form for the models, their export and the console.
     *
     * @param option the option's key
     * @param fallback every field's value when the option is absent
     * @return one finite number per field, in the order of {@link #fields()}
     * @throws org.geopinn.api.GeopinnException when the text has not one finite number per field,
     *         its message starting with {@code option KEY=TEXT}
     */
    public double[] perField(String option, double fallback) {
        double[] values = new double[fields.size()];
        String text = options.get(option);
        if (text == null || text.isBlank()) {
            Arrays.fill(values, fallback);
            return values;
        }
        String[] parts = text.split(",");
        if (parts.length != values.length) {
            throw new org.geopinn.api.GeopinnException(String.format(java.util.Locale.ROOT,
                    "option %s=%s must give %d number%s, one per field %s", option, text, values.length,
                    values.length == 1 ? "" : "s", fields));
        }
        for (int f = 0; f < values.length; f++) {
            try {
                values[f] = Double.parseDouble(parts[f].trim());
            } catch (NumberFormatException e) {
                values[f] = Double.NaN;
            }
            if (!Double.isFinite(values[f])) {
                throw new org.geopinn.api.GeopinnException("option " + option + "=" + text + ": '" + parts[f].trim() + "' (field '"
                        + fields.get(f) + "') is not a finite number");
            }
        }
        return values;
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

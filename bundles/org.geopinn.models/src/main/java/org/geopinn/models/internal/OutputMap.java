package org.geopinn.models.internal;

import java.util.Locale;
import org.geopinn.api.GeopinnException;
import org.geopinn.api.model.ModelSpec;

/**
 * The affine map from the network's outputs to the fields, u_f = shift_f + scale_f·N_f, the
 * outputs' counterpart of the inputs' normalisation to [−1, 1]: a network initialised to outputs
 * of order one then starts near fields whose values are hundreds (a temperature in kelvin) instead
 * of having to reach them by its first steps. Applied after the {@link OutputFactor}; derivatives
 * are scaled, the shift enters the values only.
 */
final class OutputMap {
    /** The option giving one shift per field, separated by commas (default 0). */
    static final String SHIFT_OPTION = "output-shift";
    /** The option giving one non-zero scale per field, separated by commas (default 1). */
    static final String SCALE_OPTION = "output-scale";

    private final double[] shift;
    private final double[] scale;

    private OutputMap(double[] shift, double[] scale) {
        this.shift = shift;
        this.scale = scale;
    }

    /**
     * @param kind the model kind (for messages)
     * @param spec the spec (its fields)
     * @param options its options
     * @return the map the options give, or null when they give neither a shift nor a scale
     * @throws GeopinnException when a list has not one finite number per field, or a scale is 0
     */
    static OutputMap from(String kind, ModelSpec spec, ModelOptions options) {
        String shifts = options.text(SHIFT_OPTION, null);
        String scales = options.text(SCALE_OPTION, null);
        if (shifts == null && scales == null) {
            return null;
        }
        int fields = spec.fields().size();
        double[] shift = shifts == null ? new double[fields] : numbers(kind, SHIFT_OPTION, shifts, spec);
        double[] scale = scales == null ? ones(fields) : numbers(kind, SCALE_OPTION, scales, spec);
        for (int f = 0; f < fields; f++) {
            if (scale[f] == 0.0) {
                throw new GeopinnException("model '" + kind + "' option " + SCALE_OPTION + "=" + scales + ": the scale of field '"
                        + spec.fields().get(f) + "' must not be 0");
            }
        }
        return new OutputMap(shift, scale);
    }

    private static double[] numbers(String kind, String key, String text, ModelSpec spec) {
        String[] parts = text.split(",");
        int fields = spec.fields().size();
        if (parts.length != fields) {
            throw new GeopinnException(String.format(Locale.ROOT, "model '%s' option %s=%s must give %d number%s, one per field %s",
                    kind, key, text, fields, fields == 1 ? "" : "s", spec.fields()));
        }
        double[] values = new double[fields];
        for (int f = 0; f < fields; f++) {
            try {
                values[f] = Double.parseDouble(parts[f].trim());
            } catch (NumberFormatException e) {
                values[f] = Double.NaN;
            }
            if (!Double.isFinite(values[f])) {
                throw new GeopinnException("model '" + kind + "' option " + key + "=" + text + ": '" + parts[f].trim()
                        + "' (field '" + spec.fields().get(f) + "') is not a finite number");
            }
        }
        return values;
    }

    private static double[] ones(int n) {
        double[] ones = new double[n];
        java.util.Arrays.fill(ones, 1.0);
        return ones;
    }

    /** @param field the field's index @return its shift */
    double shift(int field) {
        return shift[field];
    }

    /** @param field the field's index @return its scale */
    double scale(int field) {
        return scale[field];
    }
}

package org.geopinn.models.internal;

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
    static final String SHIFT_OPTION = ModelSpec.OUTPUT_SHIFT;
    /** The option giving one non-zero scale per field, separated by commas (default 1). */
    static final String SCALE_OPTION = ModelSpec.OUTPUT_SCALE;

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
        if (options.text(SHIFT_OPTION, null) == null && options.text(SCALE_OPTION, null) == null) {
            return null;
        }
        double[] shift;
        double[] scale;
        try {
            shift = spec.perField(SHIFT_OPTION, 0.0);
            scale = spec.perField(SCALE_OPTION, 1.0);
        } catch (GeopinnException e) {
            throw new GeopinnException("model '" + kind + "' " + e.getMessage());
        }
        for (int f = 0; f < scale.length; f++) {
            if (scale[f] == 0.0) {
                throw new GeopinnException("model '" + kind + "' option " + SCALE_OPTION + "=" + options.text(SCALE_OPTION, "")
                        + ": the scale of field '" + spec.fields().get(f) + "' must not be 0");
            }
        }
        return new OutputMap(shift, scale);
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

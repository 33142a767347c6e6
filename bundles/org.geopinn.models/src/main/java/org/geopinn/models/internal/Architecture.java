package org.geopinn.models.internal;

import java.util.ArrayList;
import java.util.List;
import org.geopinn.api.GeopinnException;
import org.geopinn.api.model.ModelSpec;
import org.geopinn.autodiff.Activation;
import org.geopinn.autodiff.CoordinateEncoding;
import org.geopinn.autodiff.DenseLayer;
import org.geopinn.autodiff.JetNetwork;

/** What the model kinds share: spec checks, the input stage, and one network or one per field. */
final class Architecture {
    private Architecture() {
    }

    /**
     * @param kind the model kind (for messages)
     * @param spec the spec
     * @param needsHidden whether hidden widths are required
     * @throws GeopinnException for an unusable spec
     */
    static void check(String kind, ModelSpec spec, boolean needsHidden) {
        if (spec.inputDimension() == 0) {
            throw new GeopinnException("model '" + kind + "' needs at least one input variable");
        }
        if (spec.fields().isEmpty()) {
            throw new GeopinnException("model '" + kind + "' needs at least one output field");
        }
        if (spec.inputUpper().length != spec.inputDimension()) {
            throw new GeopinnException("model '" + kind + "': " + spec.inputDimension() + " lower but "
                    + spec.inputUpper().length + " upper input bounds");
        }
        int[] hidden = spec.hidden();
        if (needsHidden && hidden.length == 0) {
            throw new GeopinnException("model '" + kind + "' needs at least one hidden layer width, e.g. hidden=[64, 64]");
        }
        for (int h : hidden) {
            if (h <= 0) {
                throw new GeopinnException("model '" + kind + "': hidden layer widths must be positive, got "
                        + java.util.Arrays.toString(hidden));
            }
        }
    }

    /** @return the activation of the spec, or the fallback when none is named */
    static Activation activation(ModelSpec spec, Activation fallback) {
        return spec.activation() == null || spec.activation().isBlank() ? fallback : Activation.byName(spec.activation());
    }

    /** @return the per-input scale of the input stage: 2/(b − a) when normalising, else 1 */
    static double[] inputScale(ModelSpec spec) {
        if (spec.normalizeInputs()) {
            return CoordinateEncoding.normalizingScale(spec.inputLower(), spec.inputUpper());
        }
        double[] s = new double[spec.inputDimension()];
        java.util.Arrays.fill(s, 1.0);
        return s;
    }

    /** @return the per-input shift of the input stage: the box centre when normalising, else 0 */
    static double[] inputShift(ModelSpec spec) {
        return spec.normalizeInputs() ? CoordinateEncoding.midpoints(spec.inputLower(), spec.inputUpper())
                : new double[spec.inputDimension()];
    }

    /**
     * Builds one network with all fields as outputs, or (separateNetworks) one network per field
     * with one output; networks are laid out one after the other, so each occupies a contiguous
     * range of the parameters.
     *
     * @param spec the spec
     * @param layers for an output count, adds the network's blocks to the layout and returns its layers
     * @param encoding the input stage shared by the networks
     * @return the networks in field order
     */
    static List<JetNetwork> networks(ModelSpec spec, NetworkLayers layers, CoordinateEncoding encoding) {
        List<JetNetwork> networks = new ArrayList<>();
        int fields = spec.fields().size();
        if (spec.separateNetworks()) {
            for (int q = 0; q < fields; q++) {
                networks.add(new JetNetwork(encoding, layers.build(q, 1)));
            }
        } else {
            networks.add(new JetNetwork(encoding, layers.build(0, fields)));
        }
        return networks;
    }

    /** Adds one network's parameter blocks and returns its layers. */
    @FunctionalInterface
    interface NetworkLayers {
        /**
         * @param network the network index
         * @param outputs its number of outputs
         * @return its layers
         */
        List<DenseLayer> build(int network, int outputs);
    }
}

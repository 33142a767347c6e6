package org.geopinn.models.internal;

import java.util.List;
import java.util.Random;
import java.util.Set;
import org.geopinn.api.model.Model;
import org.geopinn.api.model.ModelFactory;
import org.geopinn.api.model.ModelSpec;
import org.geopinn.api.model.ParameterBlock;
import org.geopinn.autodiff.Activation;
import org.geopinn.autodiff.CoordinateEncoding;
import org.geopinn.autodiff.DenseLayer;

import org.osgi.service.component.annotations.Component;

/**
 * The random feature model of Chen, Yang, Xiang & Hao (2024): u(x) = Σ_j a_j σ(w_j·x + b_j) with inner weights and biases
 * w_j, b_j ~ U[−R, R] drawn once from {@code feature-seed} and fixed (not parameters); only the
 * outer coefficients a are trained (block {@code net<q>.coefficients}, fields × features).
 * Options: {@code features} M (default: the single hidden width, else 100), {@code feature-seed}
 * (default 0), {@code feature-range} R (default 1), and the output factor and output map options of {@code mlp}.
 * Activation default sin.
 */
@Component(service = ModelFactory.class, property = {"geopinn.id=random-features",
    "geopinn.description=Random feature model: fixed random inner layer, trained linear outer coefficients"})
public final class RandomFeatureModelFactory implements ModelFactory {
    /** The id. */
    public static final String ID = "random-features";
    /** Option: the number of features M. */
    public static final String FEATURES = "features";
    /** Option: the seed of the fixed inner weights. */
    public static final String FEATURE_SEED = "feature-seed";
    /** Option: the half-width R of the uniform distribution of the inner weights. */
    public static final String FEATURE_RANGE = "feature-range";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "Random feature model: fixed random inner layer, trained linear outer coefficients";
    }

    @Override
    public Model create(ModelSpec spec) {
        Architecture.check(ID, spec, false);
        ModelOptions options = new ModelOptions(ID, spec,
                Set.of(FEATURES, FEATURE_SEED, FEATURE_RANGE, OutputFactor.OPTION, OutputFactor.INPUTS_OPTION,
                OutputMap.SHIFT_OPTION, OutputMap.SCALE_OPTION));
        Activation activation = Architecture.activation(spec, Activation.SIN);
        Initialization initialization = Initialization.byName(spec.initialization());
        OutputFactor factor = OutputFactor.from(ID, spec, options);
        int[] hidden = spec.hidden();
        int features = options.positiveInt(FEATURES, hidden.length == 1 ? hidden[0] : 100);
        long seed = options.integer(FEATURE_SEED, 0L);
        double range = options.number(FEATURE_RANGE, 1.0);
        CoordinateEncoding encoding = CoordinateEncoding.affine(Architecture.inputScale(spec), Architecture.inputShift(spec));
        int d = spec.inputDimension();
        LayoutBuilder layout = new LayoutBuilder();
        var networks = Architecture.networks(spec, (q, outputs) -> {
            Random random = new Random(seed + q);
            double[] w = new double[features * d];
            double[] b = new double[features];
            for (int j = 0; j < features; j++) {
                for (int k = 0; k < d; k++) {
                    w[j * d + k] = range * (2.0 * random.nextDouble() - 1.0);
                }
                b[j] = range * (2.0 * random.nextDouble() - 1.0);
            }
            int offset = layout.add("net" + q + ".coefficients", ParameterBlock.Kind.OTHER, outputs, features, q);
            return List.of(DenseLayer.fixed(d, features, activation, w, b),
                    DenseLayer.trainable(features, outputs, null, offset, -1));
        }, encoding);
        return new NetworkModel(spec, networks, layout.build(), factor, OutputMap.from(ID, spec, options), initialization);
    }
}

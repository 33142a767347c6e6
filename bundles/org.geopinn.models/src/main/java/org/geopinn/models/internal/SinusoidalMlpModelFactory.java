package org.geopinn.models.internal;

import java.util.Set;
import org.geopinn.api.model.Model;
import org.geopinn.api.model.ModelFactory;
import org.geopinn.api.model.ModelSpec;
import org.geopinn.autodiff.Activation;
import org.geopinn.autodiff.CoordinateEncoding;
import org.osgi.service.component.annotations.Component;

/**
 * The network of Neural IVP (Finzi et al., 2023): a sinusoidal embedding of each (optionally normalised)
 * input, features sin(ω_k x_j)/ω_k^s and cos(ω_k x_j)/ω_k^s with ω_k = (π/2)·2^k, k = 0..L−1,
 * followed by an MLP (activation default swish). Options: {@code frequencies} L (default 4),
 * {@code smoothness} s (default 1), and the output factor and output map options of {@code mlp}.
 */
@Component(service = ModelFactory.class, property = {"geopinn.id=sinusoidal-mlp",
    "geopinn.description=MLP after a sinusoidal embedding sin/cos((pi/2) 2^k x)/w^s (Neural IVP)"})
public final class SinusoidalMlpModelFactory implements ModelFactory {
    /** The id. */
    public static final String ID = "sinusoidal-mlp";
    /** Option: the number of frequencies L. */
    public static final String FREQUENCIES = "frequencies";
    /** Option: the smoothness exponent s. */
    public static final String SMOOTHNESS = "smoothness";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "MLP after a sinusoidal embedding sin/cos((pi/2) 2^k x)/w^s (Neural IVP)";
    }

    @Override
    public Model create(ModelSpec spec) {
        Architecture.check(ID, spec, true);
        ModelOptions options = new ModelOptions(ID, spec,
                Set.of(FREQUENCIES, SMOOTHNESS, OutputFactor.OPTION, OutputFactor.INPUTS_OPTION,
                OutputMap.SHIFT_OPTION, OutputMap.SCALE_OPTION));
        Activation activation = Architecture.activation(spec, Activation.SWISH);
        Initialization initialization = Initialization.byName(spec.initialization());
        OutputFactor factor = OutputFactor.from(ID, spec, options);
        double[] frequencies = new double[options.positiveInt(FREQUENCIES, 4)];
        for (int k = 0; k < frequencies.length; k++) {
            frequencies[k] = 0.5 * Math.PI * Math.pow(2.0, k);
        }
        CoordinateEncoding encoding = CoordinateEncoding.sinusoidal(Architecture.inputScale(spec),
                Architecture.inputShift(spec), frequencies, options.number(SMOOTHNESS, 1.0));
        LayoutBuilder layout = new LayoutBuilder();
        var networks = Architecture.networks(spec,
                (q, outputs) -> layout.perceptron(q, encoding.width(), spec.hidden(), outputs, activation), encoding);
        return new NetworkModel(spec, networks, layout.build(), factor, OutputMap.from(ID, spec, options), initialization);
    }
}

package org.geopinn.models.internal;

import java.util.Set;
import org.geopinn.api.model.Model;
import org.geopinn.api.model.ModelFactory;
import org.geopinn.api.model.ModelSpec;
import org.geopinn.autodiff.Activation;
import org.geopinn.autodiff.CoordinateEncoding;
import org.osgi.service.component.annotations.Component;

/**
 * Multilayer perceptrons: hidden layers with the spec's activation (default tanh), a linear output
 * layer; one network for all fields or one per field; optional input normalisation to [−1, 1].
 * Options: {@code output-factor=box-zero} multiplies every output by Π_j (x_j−a_j)(b_j−x_j)/h_j²
 * (zero Dirichlet data exactly), {@code output-factor-inputs=0,1} restricts the factor to these inputs
 * (default all, e.g. leave out time); {@code output-shift=300}, {@code output-scale=50} (one number per field)
 * map the outputs to the fields, u = shift + scale·N ({@link OutputMap}).
 */
@Component(service = ModelFactory.class, property = {"geopinn.id=mlp",
    "geopinn.description=Multilayer perceptron (tanh, sin, swish, softplus …), one network or one per field"})
public final class MlpModelFactory implements ModelFactory {
    /** The id. */
    public static final String ID = "mlp";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "Multilayer perceptron (tanh, sin, swish, softplus …), one network or one per field";
    }

    @Override
    public Model create(ModelSpec spec) {
        Architecture.check(ID, spec, true);
        ModelOptions options = new ModelOptions(ID, spec, Set.of(OutputFactor.OPTION, OutputFactor.INPUTS_OPTION,
                OutputMap.SHIFT_OPTION, OutputMap.SCALE_OPTION));
        Activation activation = Architecture.activation(spec, Activation.TANH);
        Initialization initialization = Initialization.byName(spec.initialization());
        OutputFactor factor = OutputFactor.from(ID, spec, options);
        CoordinateEncoding encoding = CoordinateEncoding.affine(Architecture.inputScale(spec), Architecture.inputShift(spec));
        LayoutBuilder layout = new LayoutBuilder();
        var networks = Architecture.networks(spec,
                (q, outputs) -> layout.perceptron(q, encoding.width(), spec.hidden(), outputs, activation), encoding);
        return new NetworkModel(spec, networks, layout.build(), factor, OutputMap.from(ID, spec, options), initialization);
    }
}

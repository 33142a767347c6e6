package org.geopinn.models.internal;

import java.util.List;
import org.geopinn.api.GeopinnException;
import org.geopinn.api.model.DerivativeRequest;
import org.geopinn.api.model.Model;
import org.geopinn.api.model.ModelEvaluator;
import org.geopinn.api.model.ModelSpec;
import org.geopinn.api.model.ParameterLayout;
import org.geopinn.autodiff.JetNetwork;

/**
 * A model made of one or more {@link JetNetwork}s whose outputs, in order, are the fields
 * (one network with F outputs, or F networks with one output each), optionally multiplied by a
 * fixed {@link OutputFactor} and mapped by an {@link OutputMap}. Every model kind of this bundle is one of these.
 */
final class NetworkModel implements Model {
    private final ModelSpec spec;
    private final List<JetNetwork> networks;
    private final ParameterLayout layout;
    private final OutputFactor factor;
    private final OutputMap map;
    private final Initialization initialization;

    NetworkModel(ModelSpec spec, List<JetNetwork> networks, ParameterLayout layout, OutputFactor factor, OutputMap map,
            Initialization initialization) {
        int outputs = networks.stream().mapToInt(JetNetwork::outputs).sum();
        if (outputs != spec.fields().size()) {
            throw new IllegalStateException(outputs + " network outputs for " + spec.fields().size() + " fields");
        }
        this.spec = spec;
        this.networks = List.copyOf(networks);
        this.layout = layout;
        this.factor = factor;
        this.map = map;
        this.initialization = initialization;
    }

    @Override
    public ModelSpec spec() {
        return spec;
    }

    @Override
    public ParameterLayout layout() {
        return layout;
    }

    @Override
    public double[] initialParameters(long seed) {
        return initialization.draw(layout, seed);
    }

    @Override
    public ModelEvaluator evaluator(DerivativeRequest request, int maxPoints) {
        if (request.dimension() != spec.inputDimension()) {
            throw new GeopinnException("derivatives requested in " + request.dimension() + " variables for a model with "
                    + spec.inputDimension() + " inputs");
        }
        return new NetworkModelEvaluator(request, networks, layout.size(), factor, map, maxPoints);
    }

    List<JetNetwork> networks() {
        return networks;
    }

    @Override
    public String toString() {
        return "NetworkModel[" + spec + ", P=" + layout.size() + "]";
    }
}

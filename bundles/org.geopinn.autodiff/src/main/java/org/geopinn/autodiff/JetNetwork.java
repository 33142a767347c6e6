package org.geopinn.autodiff;

import java.util.List;

/**
 * A feed-forward network as an input encoding followed by dense layers, differentiable by jets.
 * Immutable; evaluators own their workspaces.
 *
 * @param encoding the input stage
 * @param layers the dense layers in order; the last one gives the outputs
 */
public record JetNetwork(InputEncoding encoding, List<DenseLayer> layers) {
    /** Checks that the widths chain. */
    public JetNetwork {
        layers = List.copyOf(layers);
        if (layers.isEmpty()) {
            throw new IllegalArgumentException("a network needs at least one layer");
        }
        int width = encoding.width();
        for (int l = 0; l < layers.size(); l++) {
            if (layers.get(l).inputs() != width) {
                throw new IllegalArgumentException("layer " + l + " takes " + layers.get(l).inputs() + " inputs, previous width " + width);
            }
            width = layers.get(l).outputs();
        }
        if (layers.isEmpty() || layers.get(layers.size() - 1).activation() != null) {
            throw new IllegalArgumentException("a network needs at least one layer and a last layer without activation");
        }
    }

    /** @return the number of outputs */
    public int outputs() {
        return layers.get(layers.size() - 1).outputs();
    }

    /**
     * @param jets the jet components to propagate
     * @param maxPoints the largest batch
     * @return an evaluator with workspaces for that many points, with the weight-gradient products
     *         {@link ProductKernels#create()} chooses
     */
    public JetNetworkEvaluator evaluator(JetStructure jets, int maxPoints) {
        return new JetNetworkEvaluator(this, jets, maxPoints, ProductKernels.create());
    }

    /**
     * @param jets the jet components to propagate
     * @param maxPoints the largest batch
     * @param products the weight-gradient products to use (e.g. {@link RowProducts#java()} as a reference)
     * @return an evaluator with workspaces for that many points
     */
    public JetNetworkEvaluator evaluator(JetStructure jets, int maxPoints, RowProducts products) {
        return new JetNetworkEvaluator(this, jets, maxPoints, java.util.Objects.requireNonNull(products, "products"));
    }
}

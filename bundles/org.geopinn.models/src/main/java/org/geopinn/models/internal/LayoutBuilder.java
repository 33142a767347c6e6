package org.geopinn.models.internal;

import java.util.ArrayList;
import java.util.List;
import org.geopinn.api.model.ParameterBlock;
import org.geopinn.api.model.ParameterLayout;
import org.geopinn.autodiff.Activation;
import org.geopinn.autodiff.DenseLayer;

/** Lays out parameter blocks one after the other while the layers of the networks are built. */
final class LayoutBuilder {
    private final List<ParameterBlock> blocks = new ArrayList<>();
    private int next;

    /**
     * Adds a trainable dense layer: blocks {@code net<q>.layer<l>.weight} (out×in) and
     * {@code net<q>.layer<l>.bias}.
     */
    DenseLayer denseLayer(int network, int layer, int in, int out, Activation activation) {
        String prefix = "net" + network + ".layer" + layer;
        int weight = add(prefix + ".weight", ParameterBlock.Kind.WEIGHT, out, in, network);
        int bias = add(prefix + ".bias", ParameterBlock.Kind.BIAS, out, 1, network);
        return DenseLayer.trainable(in, out, activation, weight, bias);
    }

    /**
     * Adds the layers of a multilayer perceptron: hidden layers with the activation, then a linear
     * output layer.
     */
    List<DenseLayer> perceptron(int network, int inputWidth, int[] hidden, int outputs, Activation activation) {
        List<DenseLayer> layers = new ArrayList<>();
        int width = inputWidth;
        for (int l = 0; l < hidden.length; l++) {
            layers.add(denseLayer(network, l, width, hidden[l], activation));
            width = hidden[l];
        }
        layers.add(denseLayer(network, hidden.length, width, outputs, null));
        return layers;
    }

    /** Adds a block and returns its offset. */
    int add(String name, ParameterBlock.Kind kind, int rows, int cols, int network) {
        int offset = next;
        blocks.add(new ParameterBlock(name, kind, offset, rows, cols, network));
        next += rows * cols;
        return offset;
    }

    ParameterLayout build() {
        return new ParameterLayout(blocks);
    }
}

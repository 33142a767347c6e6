package org.geopinn.autodiff;

/**
 * One affine layer z = W a + b followed by an optional elementwise activation. W (outputs×inputs,
 * row-major) and b are either slices of the flat parameter vector (trainable) or fixed arrays
 * (e.g. the inner layer of a random feature model); b may be absent.
 *
 * @param inputs the layer's input width
 * @param outputs the layer's output width
 * @param activation the activation applied after the affine map, or null for none
 * @param weightOffset where W starts in the parameter vector, or −1 if W is fixed
 * @param fixedWeights W when it is fixed, else null
 * @param biasOffset where b starts in the parameter vector, or −1 if b is fixed or absent
 * @param fixedBias b when it is fixed, else null (no bias when both are absent)
 */
public record DenseLayer(int inputs, int outputs, Activation activation, int weightOffset, double[] fixedWeights,
        int biasOffset, double[] fixedBias) {

    /**
     * @param inputs input width
     * @param outputs output width
     * @param activation the activation or null
     * @param weightOffset offset of W in the parameters
     * @param biasOffset offset of b in the parameters, or −1 for no bias
     * @return a layer whose weights and bias are parameters
     */
    public static DenseLayer trainable(int inputs, int outputs, Activation activation, int weightOffset, int biasOffset) {
        return new DenseLayer(inputs, outputs, activation, weightOffset, null, biasOffset, null);
    }

    /**
     * @param inputs input width
     * @param outputs output width
     * @param activation the activation or null
     * @param weights W, outputs×inputs row-major (copied)
     * @param bias b (copied), or null for none
     * @return a layer with fixed weights and bias
     */
    public static DenseLayer fixed(int inputs, int outputs, Activation activation, double[] weights, double[] bias) {
        return new DenseLayer(inputs, outputs, activation, -1, weights.clone(), -1, bias == null ? null : bias.clone());
    }

    /** @return whether W is part of the parameters */
    public boolean trainableWeights() {
        return weightOffset >= 0;
    }

    /** @return whether b is part of the parameters */
    public boolean trainableBias() {
        return biasOffset >= 0;
    }
}

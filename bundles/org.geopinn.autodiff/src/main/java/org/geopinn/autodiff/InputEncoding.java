package org.geopinn.autodiff;

/**
 * The first stage of a network: maps points to input features together with the jets of their
 * input derivatives. It has no trainable parameters.
 */
public interface InputEncoding {
    /** @return the number of input variables d */
    int inputDimension();

    /** @return the number of features it produces */
    int width();

    /**
     * Writes the feature jets: {@code out[c][f][i]} is component c of feature f at point i.
     *
     * @param points n points, row-major n×d (not modified)
     * @param n the number of points
     * @param jets the jet components to produce
     * @param out per component, one array per feature, each at least n long (modified)
     */
    void encode(double[] points, int n, JetStructure jets, double[][][] out);
}

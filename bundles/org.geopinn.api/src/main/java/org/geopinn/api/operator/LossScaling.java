package org.geopinn.api.operator;

/**
 * How raw pointwise residuals r_i^g of condition g (n_g points, weight w_g, region measure |Ω_g|)
 * are scaled into the rows of a {@link ResidualSystem}, whose loss is ½‖r̃‖².
 */
public enum LossScaling {
    /** r̃ = √(w_g / n_g) · r: the loss is ½ Σ_g w_g · mean_i r² (the common PINN loss; the default). */
    MEAN,
    /** r̃ = √(w_g) · r: every point counts the same, as in the ANaGRAM reference. */
    SUM,
    /** r̃ = √(w_g |Ω_g| / n_g) · r: a quadrature of the L² norms, as in the ENGD reference. */
    MEASURE
}

package org.geopinn.reproductions;

import org.geopinn.api.GeopinnException;

/** Activations of the small models of the reproductions, with analytic derivatives up to order 4. */
enum Activation {
    /** sin: σ^(k)(z) = sin(z + kπ/2). */
    SIN,
    /** tanh, derivatives as polynomials in t = tanh z. */
    TANH;

    /**
     * @param order derivative order, 0 to 4
     * @param z the argument
     * @return σ^(order)(z)
     */
    double derivative(int order, double z) {
        if (this == SIN) {
            switch (order & 3) {
                case 0: return Math.sin(z);
                case 1: return Math.cos(z);
                case 2: return -Math.sin(z);
                default: return -Math.cos(z);
            }
        }
        double t = Math.tanh(z);
        double s = 1 - t * t;
        switch (order) {
            case 0: return t;
            case 1: return s;
            case 2: return -2 * t * s;
            case 3: return s * (6 * t * t - 2);
            case 4: return 8 * t * s * (2 - 3 * t * t);
            default: throw new GeopinnException("tanh derivatives are available up to order 4, asked for " + order);
        }
    }
}

package org.geopinn.diagnostics.internal;

/**
 * A one-hidden-layer network of one input, u(x) = Σ_j a_j σ(w_j x + b_j) + c, with its input
 * derivatives and their parameter gradients in closed form. Parameters are laid out
 * [w (m), b (m), a (m), c]. Small on purpose: the coupling check needs exact Jacobians of a few
 * hundred parameters, not a training engine.
 */
final class ShallowNetwork {
    private final Activation activation;
    private final int width;

    ShallowNetwork(Activation activation, int width) {
        this.activation = activation;
        this.width = width;
    }

    int parameterCount() {
        return 3 * width + 1;
    }

    int width() {
        return width;
    }

    /** u^(k)(x) for the parameters at {@code theta[offset …]}. */
    double derivative(double[] theta, int offset, int order, double x) {
        double sum = order == 0 ? theta[offset + 3 * width] : 0;
        for (int j = 0; j < width; j++) {
            double w = theta[offset + j];
            double z = w * x + theta[offset + width + j];
            sum += theta[offset + 2 * width + j] * Math.pow(w, order) * activation.derivative(order, z);
        }
        return sum;
    }

    /** Adds scale · ∂u^(k)(x)/∂θ into {@code row[column …]} (parameters at {@code theta[offset …]}). */
    void addGradient(double[] theta, int offset, int order, double x, double scale, double[] row, int column) {
        for (int j = 0; j < width; j++) {
            double w = theta[offset + j];
            double a = theta[offset + 2 * width + j];
            double z = w * x + theta[offset + width + j];
            double sk = activation.derivative(order, z);
            double sk1 = activation.derivative(order + 1, z);
            double wk = Math.pow(w, order);
            double dw = a * ((order == 0 ? 0 : order * Math.pow(w, order - 1) * sk) + wk * x * sk1);
            row[column + j] += scale * dw;
            row[column + width + j] += scale * a * wk * sk1;
            row[column + 2 * width + j] += scale * wk * sk;
        }
        if (order == 0) {
            row[column + 3 * width] += scale;
        }
    }
}

package org.geopinn.evolution;

/**
 * Per-field weights of the projection's least squares, min Σ_f w_f ‖J_f θ̇ − L_f[u]‖²
 * ({@code field-weights}). {@code unit}: every row counts alike. {@code rate}:
 * w_f = 1/(RMS(u_f)·RMS(L_f[u])) on the step's samples, so that each field's residual is measured
 * against the geometric mean of its size and its rate of change. For the first-order form of a
 * second-order equation, u_t = v, v_t = c²Δu, the weights' ratio is
 * w_u/w_v = ‖c²Δu‖/‖u‖ ≈ c²k² (k the solution's wavenumber), the weighting of the energy norm
 * ‖v‖² + c²‖∇u‖² that the equation conserves, whatever the size of v. Unweighted, the u rows
 * count little beside the v rows (‖c²Δu‖ is about 35‖u‖ for a σ = 0.1 pulse), and the part of
 * u_t = v that the tangent space misses at wavenumber k comes back as an error ck times as
 * large in v a quarter period later. For a single field every weight is a common factor and
 * θ̇ is unchanged (μ̃ is relative to λ_max).
 */
final class FieldWeights {
    private FieldWeights() {
    }

    /**
     * The rate weights. A field whose values or rates vanish on the samples (a wave's velocity
     * before its first step) gets the smallest weight of the others, 1 if there are none.
     *
     * @param values u_f(x_i) at {@code f*n + i} (not modified)
     * @param rates L_f[u](x_i), same layout (not modified)
     * @param n the number of points
     * @param weights receives w_f, one per field (modified)
     */
    static void rate(double[] values, double[] rates, int n, double[] weights) {
        double least = Double.POSITIVE_INFINITY;
        for (int f = 0; f < weights.length; f++) {
            double uu = 0;
            double ll = 0;
            for (int i = f * n; i < (f + 1) * n; i++) {
                uu += values[i] * values[i];
                ll += rates[i] * rates[i];
            }
            double scale = Math.sqrt(uu * ll) / n; // RMS(u_f)·RMS(L_f)
            weights[f] = scale > 0 ? 1 / scale : Double.NaN;
            if (scale > 0) {
                least = Math.min(least, weights[f]);
            }
        }
        for (int f = 0; f < weights.length; f++) {
            if (Double.isNaN(weights[f])) {
                weights[f] = Double.isInfinite(least) ? 1 : least;
            }
        }
    }
}

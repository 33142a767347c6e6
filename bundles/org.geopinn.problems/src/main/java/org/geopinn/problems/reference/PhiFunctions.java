package org.geopinn.problems.reference;

/**
 * The functions φ₁(z) = (e^z − 1)/z, φ₂(z) = (e^z − 1 − z)/z², φ₃(z) = (e^z − 1 − z − z²/2)/z³ of
 * exponential integrators, accurate for every real z: by their definition where cancellation is
 * harmless and by their Taylor series near zero.
 */
final class PhiFunctions {
    private PhiFunctions() {
    }

    /** @param z a real argument @return {φ₁(z), φ₂(z), φ₃(z)} */
    static double[] phi123(double z) {
        if (Math.abs(z) < 0.5) {
            // φ_k(z) = Σ_j z^j / (j + k)!
            double[] out = new double[3];
            for (int k = 1; k <= 3; k++) {
                double term = 1;
                for (int i = 2; i <= k; i++) {
                    term /= i;
                }
                double sum = 0;
                for (int j = 0; j < 30; j++) {
                    sum += term;
                    term *= z / (j + k + 1);
                }
                out[k - 1] = sum;
            }
            return out;
        }
        double ez = Math.exp(z);
        double p1 = (ez - 1) / z;
        double p2 = (ez - 1 - z) / (z * z);
        double p3 = (ez - 1 - z - z * z / 2) / (z * z * z);
        return new double[] {p1, p2, p3};
    }
}

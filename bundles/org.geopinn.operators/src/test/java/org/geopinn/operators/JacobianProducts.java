package org.geopinn.operators;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Random;
import org.geopinn.api.operator.ResidualSystem;

/** Checks a residual system's matrix-free products against its own full Jacobian. */
final class JacobianProducts {
    private JacobianProducts() {
    }

    /**
     * Asserts J·v, Jᵀu and the gradient Jᵀr equal the products with the full matrix to 1e-10, for
     * random v and u.
     *
     * @param rs the residual system
     * @param theta the parameters
     * @param jac its Jacobian at theta, row-major S×P
     * @param seed the seed of v and u
     */
    static void assertMatchTheJacobian(ResidualSystem rs, double[] theta, double[] jac, long seed) {
        int p = theta.length;
        int s = jac.length / p;
        Random random = new Random(seed);
        double[] v = random.doubles(p, -1, 1).toArray();
        double[] jv = new double[s];
        rs.jacobianTimes(theta, v, jv);
        double[] u = random.doubles(s, -1, 1).toArray();
        double[] jtu = new double[p];
        rs.jacobianTransposeTimes(theta, u, jtu);
        double[] r = new double[s];
        rs.residuals(theta, r);
        double[] grad = new double[p];
        rs.lossAndGradient(theta, grad);
        double[] expectedJv = new double[s];
        double[] expectedJtu = new double[p];
        double[] expectedGrad = new double[p];
        for (int i = 0; i < s; i++) {
            for (int k = 0; k < p; k++) {
                expectedJv[i] += jac[i * p + k] * v[k];
                expectedJtu[k] += jac[i * p + k] * u[i];
                expectedGrad[k] += jac[i * p + k] * r[i];
            }
        }
        assertArrayEquals(expectedJv, jv, 1e-10);
        assertArrayEquals(expectedJtu, jtu, 1e-10);
        assertArrayEquals(expectedGrad, grad, 1e-10);
    }
}

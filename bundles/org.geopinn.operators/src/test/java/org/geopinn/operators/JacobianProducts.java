package org.geopinn.operators;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import java.util.function.DoubleUnaryOperator;
import org.geopinn.api.operator.ResidualSystem;

/** Checks a residual system's full Jacobian against central differences, and its matrix-free products against the Jacobian. */
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

    /**
     * Asserts column k of the Jacobian equals the central differences (r(θ + h e_k) − r(θ − h e_k)) / 2h
     * of the residuals, row by row.
     *
     * @param rs the residual system
     * @param theta the parameters
     * @param jac its Jacobian at theta, row-major S×P
     * @param k the column
     * @param h the step
     * @param tolerance the tolerance of a row, from its central difference
     * @return the largest |central difference| of the column
     */
    static double assertColumnMatchesCentralDifferences(ResidualSystem rs, double[] theta, double[] jac, int k, double h,
            DoubleUnaryOperator tolerance) {
        int s = rs.residualCount();
        int p = rs.parameterCount();
        double[] plus = new double[s];
        double[] minus = new double[s];
        double[] t = theta.clone();
        t[k] += h;
        rs.residuals(t, plus);
        t[k] -= 2 * h;
        rs.residuals(t, minus);
        double norm = 0;
        for (int i = 0; i < s; i++) {
            double fd = (plus[i] - minus[i]) / (2 * h);
            norm = Math.max(norm, Math.abs(fd));
            int row = i;
            assertEquals(fd, jac[i * p + k], tolerance.applyAsDouble(fd), () -> "row " + row + ", column " + k);
        }
        return norm;
    }
}

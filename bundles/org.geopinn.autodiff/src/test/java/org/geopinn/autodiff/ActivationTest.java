package org.geopinn.autodiff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.apache.commons.math3.analysis.differentiation.DerivativeStructure;
import org.geopinn.api.GeopinnException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Activation derivatives up to order 6 against DerivativeStructure; names. */
class ActivationTest {
    @ParameterizedTest
    @EnumSource(Activation.class)
    void derivativesMatchDerivativeStructure(Activation activation) {
        int order = 6;
        double[] z = {-3.1, -0.7, 0.0, 0.4, 1.9, 25.0};
        double[][] out = new double[order + 1][z.length];
        activation.derivatives(z, z.length, order, out);
        for (int e = 0; e < z.length; e++) {
            DerivativeStructure ds = JetNetworkEvaluatorTest.activate(activation, new DerivativeStructure(1, order, 0, z[e]));
            for (int k = 0; k <= order; k++) {
                double expected = ds.getPartialDerivative(k);
                assertEquals(expected, out[k][e], 1e-13 * Math.max(1, Math.abs(expected)),
                        activation + " order " + k + " at " + z[e]);
            }
        }
    }

    @Test
    void tanhWithinFourUlpOfTheLibraryEverywhere() {
        java.util.Random random = new java.util.Random(7);
        for (double scale : new double[] {1e-12, 1e-8, 1e-5, 0.01, 0.3, 0.55, 1, 3, 10, 25, 1e3}) {
            for (int i = 0; i < 20_000; i++) {
                double x = random.nextGaussian() * scale;
                double expected = Math.tanh(x);
                assertEquals(expected, Activation.tanh(x), 4 * Math.ulp(expected), "tanh at " + x);
            }
        }
        assertEquals(0x1p-27, Activation.tanh(0x1p-27), Math.ulp(0x1p-27));
        assertEquals(Double.doubleToLongBits(-0.0), Double.doubleToLongBits(Activation.tanh(-0.0)));
        assertEquals(-1.0, Activation.tanh(Double.NEGATIVE_INFINITY));
        assertEquals(1.0, Activation.tanh(22.5));
        assertEquals(Double.NaN, Activation.tanh(Double.NaN));
    }

    @Test
    void tanhLowOrdersAgreeWithTheGeneralOrder() {
        double[] z = {-3.1, -0.7, -1e-9, 0.0, 0.4, 1.9, 25.0};
        double[][] all = new double[7][z.length];
        Activation.TANH.derivatives(z, z.length, 6, all);
        for (int order = 0; order <= 3; order++) {
            double[][] out = new double[order + 1][z.length];
            Activation.TANH.derivatives(z, z.length, order, out);
            for (int k = 0; k <= order; k++) {
                for (int e = 0; e < z.length; e++) {
                    assertEquals(all[k][e], out[k][e], 0.0, "order " + k + " of " + order + " at " + z[e]);
                }
            }
        }
    }

    @Test
    void namesAndAliases() {
        assertEquals(Activation.SWISH, Activation.byName("SiLU"));
        assertEquals(Activation.TANH, Activation.byName(" tanh "));
        assertEquals(Activation.IDENTITY, Activation.byName("linear"));
        GeopinnException e = assertThrows(GeopinnException.class, () -> Activation.byName("relu6"));
        assertEquals("unknown activation 'relu6'; known: tanh, sin, cos, swish (silu), softplus, identity", e.getMessage());
    }
}

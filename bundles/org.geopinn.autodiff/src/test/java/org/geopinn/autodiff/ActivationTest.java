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
    void namesAndAliases() {
        assertEquals(Activation.SWISH, Activation.byName("SiLU"));
        assertEquals(Activation.TANH, Activation.byName(" tanh "));
        assertEquals(Activation.IDENTITY, Activation.byName("linear"));
        GeopinnException e = assertThrows(GeopinnException.class, () -> Activation.byName("relu6"));
        assertEquals("unknown activation 'relu6'; known: tanh, sin, cos, swish (silu), softplus, identity", e.getMessage());
    }
}

package org.geopinn.linalg.damping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import org.geopinn.api.optimizer.OptimizerState;
import org.junit.jupiter.api.Test;

class GainRatioDampingTest {
    @Test
    void nielsensRuleShrinksOnGoodStepsAndGrowsFasterOnRepeatedFailures() {
        GainRatioDamping d = new GainRatioDamping();
        assertFalse(d.started());
        d.start(1.0);
        d.start(5.0); // already started: ignored
        assertEquals(1.0, d.lambda());
        assertTrue(d.update(1.0)); // 1 − (2·1 − 1)³ = 0 → the floor 1/3
        assertEquals(1.0 / 3, d.lambda(), 1e-15);
        assertTrue(d.update(0.5)); // 1 − 0 = 1: unchanged
        assertEquals(1.0 / 3, d.lambda(), 1e-15);
        assertTrue(d.update(0.25)); // 1 − (−0.5)³ = 1.125
        assertEquals(1.125 / 3, d.lambda(), 1e-15);
        assertFalse(d.update(-0.1)); // λ·2, ν = 4
        assertFalse(d.update(Double.NEGATIVE_INFINITY)); // λ·4, ν = 8
        assertEquals(1.125 / 3 * 8, d.lambda(), 1e-14);
        assertEquals(8, d.nu());
        assertTrue(d.update(0.75)); // ν back to 2
        assertEquals(2, d.nu());
    }

    @Test
    void gainRatioTreatsNonFiniteTrialsAsFailures() {
        assertEquals(0.5, GainRatioDamping.gainRatio(2, 1.5, 1), 0);
        assertEquals(Double.NEGATIVE_INFINITY, GainRatioDamping.gainRatio(2, Double.NaN, 1));
        assertEquals(Double.NEGATIVE_INFINITY, GainRatioDamping.gainRatio(2, 1, 0));
    }

    @Test
    void exportAndRestoreRoundTrip() {
        GainRatioDamping d = new GainRatioDamping();
        d.start(0.7);
        d.update(-1);
        Map<String, Double> scalars = new HashMap<>();
        d.exportTo(scalars);
        GainRatioDamping e = new GainRatioDamping();
        assertTrue(e.restore(new OptimizerState("x", 1, Map.of(), scalars)));
        assertEquals(d.lambda(), e.lambda());
        assertEquals(d.nu(), e.nu());
        assertFalse(new GainRatioDamping().restore(new OptimizerState("x", 1, Map.of(), Map.of())));
    }
}

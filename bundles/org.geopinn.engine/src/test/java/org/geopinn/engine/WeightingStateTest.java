package org.geopinn.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.HashMap;
import java.util.Map;
import org.geopinn.api.operator.ResidualSystem;
import org.geopinn.api.optimizer.OptimizerState;
import org.geopinn.api.weighting.LossWeighting;
import org.junit.jupiter.api.Test;

/** The weighting's state travels in the saved optimizer state and back. */
class WeightingStateTest {
    /** A weighting whose whole state is one counter. */
    private static final class Counting implements LossWeighting {
        double position;

        @Override
        public boolean update(ResidualSystem system, double[] theta, long step) {
            return false;
        }

        @Override
        public Map<String, Double> exportState() {
            return Map.of("position", position);
        }

        @Override
        public void importState(Map<String, Double> state) {
            position = state.getOrDefault("position", -1.0);
        }
    }

    @Test
    void theWeightingsScalarsAreSavedBesideTheOptimizersAndRestored() {
        OptimizerState lm = new OptimizerState("lm", 3, Map.of("scale", new double[] {1, 2, 3}), Map.of("lambda", 0.5));
        Counting saved = new Counting();
        saved.position = 4;
        OptimizerState both = WeightingState.attach(lm, saved);
        assertEquals("lm", both.optimizerId());
        assertEquals(0.5, both.scalar("lambda", 0));
        assertEquals(4, both.scalar(WeightingState.PREFIX + "position", 0));
        assertEquals(3, both.array("scale").length);
        Counting resumed = new Counting();
        WeightingState.restore(both, resumed);
        assertEquals(4, resumed.position);
        // nothing to add: the same state; a state without the weighting's scalars leaves it untouched
        LossWeighting stateless = (system, theta, step) -> false;
        assertSame(lm, WeightingState.attach(lm, stateless));
        assertSame(lm, WeightingState.attach(lm, null));
        Counting untouched = new Counting();
        untouched.position = 7;
        WeightingState.restore(lm, untouched);
        assertEquals(7, untouched.position);
        Map<String, Double> none = new HashMap<>();
        WeightingState.restore(null, untouched);
        assertEquals(7, untouched.position, none.toString());
    }
}

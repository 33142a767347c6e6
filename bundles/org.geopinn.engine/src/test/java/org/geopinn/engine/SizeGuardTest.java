package org.geopinn.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.geopinn.api.GeopinnException;
import org.geopinn.api.model.ModelSpec;
import org.geopinn.api.session.SessionSpec;
import org.junit.jupiter.api.Test;

/** Sizes too large for the heap are refused before anything is allocated, with what they would need. */
class SizeGuardTest {
    private static ModelSpec mlp(int... hidden) {
        return new ModelSpec(new double[] {0, 0}, new double[] {1, 1}, List.of("u"), hidden, "tanh", "xavier", false, true, Map.of());
    }

    @Test
    void theParameterBoundIsExactForADenseNetworkWithoutBiases() {
        assertEquals(2 * 32 + 32 * 1, SizeGuard.minimumParameters(mlp(32)));
        assertEquals(2L * 100_000 + 100_000L * 100_000 + 100_000, SizeGuard.minimumParameters(mlp(100_000, 100_000)));
        assertEquals(3L * Integer.MAX_VALUE, SizeGuard.minimumParameters(mlp(Integer.MAX_VALUE)));
    }

    @Test
    void hugeModelsAreRefusedWithTheMemoryTheyWouldNeed() {
        for (int[] hidden : new int[][] {{Integer.MAX_VALUE}, {100_000, 100_000}}) {
            GeopinnException e = assertThrows(GeopinnException.class, () -> SizeGuard.model(mlp(hidden)));
            assertTrue(e.getMessage().contains("parameters, needing at least") && e.getMessage().contains("GB")
                    && e.getMessage().contains("this Java heap holds at most"), e.getMessage());
        }
        SizeGuard.model(mlp(64, 64, 64)); // ordinary sizes pass
    }

    @Test
    void hugePointSetsAreRefusedBeforeAnIntOverflows() {
        Poisson1d problem = new Poisson1d("p");
        GeopinnException e = assertThrows(GeopinnException.class,
                () -> SizeGuard.points(problem, SessionSpec.builder("p").points(Map.of("pde", 2_000_000_000)).build(), new int[] {32}, 1, true));
        assertTrue(e.getMessage().contains("2.0e+09 collocation points would need at least"), e.getMessage());
        e = assertThrows(GeopinnException.class,
                () -> SizeGuard.points(problem, SessionSpec.builder("p").points(Map.of("pde", 1_000_000_000)).build(), new int[] {8}, 4, true));
        assertTrue(e.getMessage().contains("more than a Java array holds"), e.getMessage());
        SizeGuard.points(problem, SessionSpec.builder("p").points(Map.of("pde", 10_000)).build(), new int[] {32}, 4, true);
    }

    @Test
    void pointsEvaluatedElsewhereCountOnlyTheirCoordinates() {
        Poisson1d problem = new Poisson1d("p");
        // the activations of a wide network over these points exceed any heap this test runs in; the coordinates do not
        int n = (int) Math.min(Integer.MAX_VALUE - 8L, Runtime.getRuntime().maxMemory() / Double.BYTES / 4);
        SessionSpec spec = SessionSpec.builder("p").points(Map.of("pde", n)).build();
        int[] wide = {1000, 1000};
        GeopinnException e = assertThrows(GeopinnException.class, () -> SizeGuard.points(problem, spec, wide, 1, true));
        assertTrue(e.getMessage().contains("coordinates and one pass of activations"), e.getMessage());
        SizeGuard.points(problem, spec, wide, 1, false);
    }
}

package org.geopinn.evolution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.geopinn.api.evolution.EvolutionEvent;
import org.geopinn.api.evolution.EvolutionEvent.Kind;
import org.geopinn.api.evolution.EvolutionResult;
import org.geopinn.api.evolution.EvolutionSettings;
import org.geopinn.evolution.problems.Heat2d;
import org.junit.jupiter.api.Test;

/** A restart refits a fresh network to the current solution: the error against the reference does not jump. */
class RestartTest {
    @Test
    void restartsKeepTheErrorContinuous() {
        EvolutionSettings settings = EvolutionSettings.defaults().with(Map.ofEntries(Map.entry("t-end", "0.015"),
                Map.entry("first-step", "0.005"), Map.entry("samples", "300"), Map.entry("hidden", "12,12"),
                Map.entry("model.frequencies", "3"), Map.entry("rank", "30"), Map.entry("fit-iterations", "40"),
                Map.entry("fit-tol", "2e-3"), Map.entry("restart-every", "1"), Map.entry("error-points", "500"), Map.entry("max-step", "0.005")));
        NeuralIvpService service = TestPoints.service();
        EvolutionResult result = service.evolve(new Heat2d(), settings, null, null);
        List<EvolutionEvent> events = result.events();
        int restarts = 0;
        for (int i = 1; i < events.size(); i++) {
            EvolutionEvent e = events.get(i);
            if (e.kind() != Kind.RESTARTED) {
                continue;
            }
            restarts++;
            int j = i - 1;
            while (events.get(j).kind() != Kind.STEP) {
                j--;
            }
            EvolutionEvent before = events.get(j);
            assertEquals(before.time(), e.time(), 0.0);
            // The refit's misfit bounds how far the error can move: |e_after − e_before| ≤ ‖u_new − u_old‖/‖u‖ (+ reference-norm change).
            double jump = Math.abs(e.relativeError() - before.relativeError());
            assertTrue(jump <= 2 * e.residual() + 1e-4, "error " + before.relativeError() + " -> " + e.relativeError()
                    + " with refit misfit " + e.residual());
            System.out.println("restart at t=" + e.time() + ": error " + before.relativeError() + " -> " + e.relativeError()
                    + ", refit misfit " + e.residual());
            assertTrue(e.relativeError() < 0.05, "error after restart " + e.relativeError());
        }
        assertTrue(restarts >= 2, "restarts " + restarts);
        assertEquals(restarts, result.finalState().restarts());
    }
}

package org.geopinn.evolution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.geopinn.api.evolution.EvolutionEvent.Kind;
import org.geopinn.api.evolution.EvolutionResult;
import org.geopinn.api.evolution.EvolutionSettings;
import org.geopinn.api.evolution.EvolutionState;
import org.geopinn.api.evolution.Snapshot;
import org.geopinn.evolution.problems.Heat2d;
import org.geopinn.evolution.problems.Wave2d;
import org.junit.jupiter.api.Test;

/**
 * A run stopped and resumed from its state continues the random streams: it draws the samples
 * and sketches an uninterrupted run draws at the same steps (not the first run's again), so the
 * two end at the same parameters; and an Euler start keeps the snapshot of the initial fit at t = 0.
 */
class ResumeTest {
    private static final Map<String, String> TINY = Map.ofEntries(Map.entry("samples", "120"),
            Map.entry("hidden", "6,6"), Map.entry("model.frequencies", "2"), Map.entry("rank", "10"),
            Map.entry("fit-iterations", "5"), Map.entry("error-points", "100"), Map.entry("first-step", "0.004"),
            Map.entry("max-step", "0.004"), Map.entry("output-times", "0.012"), Map.entry("restart-cg", "100000"),
            Map.entry("cg-tol", "1e-11"));

    @Test
    void aResumedRunEndsWhereAnUninterruptedRunEnds() {
        NeuralIvpService service = TestPoints.service();
        Heat2d problem = new Heat2d();
        EvolutionSettings whole = EvolutionSettings.defaults().with(TINY).with(Map.of("t-end", "0.024"));
        EvolutionResult uninterrupted = service.evolve(problem, whole, null, null);

        EvolutionSettings first = EvolutionSettings.defaults().with(TINY).with(Map.of("t-end", "0.012"));
        EvolutionState half = service.evolve(problem, first, null, null).finalState();
        EvolutionResult resumed = service.evolve(problem, whole, half, null);

        EvolutionState a = uninterrupted.finalState();
        EvolutionState b = resumed.finalState();
        assertEquals(a.time(), b.time(), 0.0);
        assertEquals(a.steps(), b.steps(), "the step count continues");
        assertTrue(a.steps() > half.steps());
        // The same samples and sketches at every step: equal up to the CG tolerance (the resumed
        // run's first solve starts from zero, not from the previous step's θ̇). Before, the
        // resumed run redrew the first run's samples and differed by the sampling noise.
        double[] x = a.parameters();
        double[] y = b.parameters();
        double diff = 0;
        double size = 0;
        for (int p = 0; p < x.length; p++) {
            diff = Math.max(diff, Math.abs(x[p] - y[p]));
            size = Math.max(size, Math.abs(x[p]));
        }
        System.out.println("resumed against uninterrupted: max |dtheta| = " + diff + " of max |theta| = " + size);
        assertTrue(diff <= 1e-8 * size, "max |dtheta| " + diff + " of " + size);
    }

    @Test
    void anEulerStartKeepsTheSnapshotAtTimeZero() {
        EvolutionSettings settings = EvolutionSettings.defaults().with(TINY).with(Map.of("t-end", "0.012",
                "output-times", "0,0.008", "euler-start", "0.004"));
        EvolutionResult result = TestPoints.service().evolve(new Wave2d(), settings, null, null);
        assertEquals(3, result.snapshots().size(), "t = 0, 0.008 and 0.012");
        Snapshot initial = result.snapshots().get(0);
        assertEquals(0.0, initial.time(), 0.0);
        double fitted = result.events().stream().filter(e -> e.kind() == Kind.FITTED).findFirst().orElseThrow()
                .relativeError();
        assertEquals(fitted, initial.relativeError(), 0.0, "the snapshot shows the initial fit");
    }
}
